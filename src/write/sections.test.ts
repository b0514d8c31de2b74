import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { tagWords } from './nlp.js';
import { planSections } from './sections.js';

const TEXT = [
  'Crownline Power shut off the power lines near the ridge on Thursday afternoon.',
  'Investigators are examining whether sparks from the Crownline power lines started the fire.',
  'Crownline Power inspected its ridge power lines twice in September, the utility reported.',
  'Harrow County asked the national government for disaster funds of up to $40 million for housing.',
  'Disaster funds from the national government would pay for temporary housing for displaced families.',
  'The county housing office has listed 300 families who need temporary housing after the fire.',
  'The mayor praised the firefighters who saved the school on the ridge road.',
  'Schools in Kestrel Falls will remain closed until at least Wednesday next week.',
  'The blaze was first reported at 1:40 p.m. on a ridge above the town, officials said.',
].join(' ');

const article = sourceArticle(
  1,
  'Ridgeback Fire: questions over power lines and aid',
  TEXT,
  new Date('2026-11-13T18:00:00Z'),
  'Harrow Valley Courier',
);

describe('planSections', () => {
  it('splits a long section that holds two sub-topics while there is room for more sections', () => {
    const picks = collectCandidates([article]);
    const sections = planSections(picks, { tag: (c) => tagWords(c.text), told: new Set() });
    expect(sections.length).toBeLessThanOrEqual(5);
    const sectionOf = (needle: string) =>
      sections.findIndex((s) => s.sentences.some((c) => c.text.includes(needle)));
    // The power lines and the disaster funds are two sub-topics, each under its own heading.
    expect(sectionOf('sparks from the Crownline')).toBe(sectionOf('inspected its ridge power lines'));
    expect(sectionOf('asked the national government')).toBe(sectionOf('300 families'));
    expect(sectionOf('sparks from the Crownline')).not.toBe(sectionOf('asked the national government'));
    for (const s of sections) expect(s.sentences.length).toBeLessThanOrEqual(4);
  });
});
