import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { introducedFirst, partlyNamed } from './introduced.js';

// Shaped on Multi-News coverage of a police shooting: one report names the officer in full only
// after sentences another report would lead with.
const reports = [
  sourceArticle(
    1,
    'Officer dies after shooting',
    'A university police officer has died after he was shot on Tuesday night, Chief Tony Holt confirmed. ' +
      'Holt said officer Collin Rose, of St. Clair Shores, died at 5:35 p.m. on Wednesday.',
    null,
  ),
  sourceArticle(
    2,
    'Officer killed',
    'Officer Collin Rose was shot during a stop on Tuesday night in the city. ' +
      'Rose is the first officer of the university force to be killed in the line of duty. ' +
      'Rose was investigating car break-ins in the Woodbridge neighborhood at the time.',
    null,
  ),
];
const candidates = collectCandidates(reports);
const sentence = (start: string) => candidates.find((c) => c.text.startsWith(start))!;

describe('someone named in part', () => {
  it('is known by the full name their report linked the mention to', () => {
    expect(partlyNamed(sentence('Rose is the first'))).toEqual(['Collin Rose']);
    expect(partlyNamed(sentence('Holt said officer Collin Rose'))).not.toContain('Collin Rose');
  });

  it('comes after the sentence that names them in full', () => {
    const lede = [
      sentence('A university police officer'),
      sentence('Rose is the first'),
      sentence('Holt said officer Collin Rose'),
      sentence('Rose was investigating'),
    ];
    expect(introducedFirst(lede, '').map((c) => c.text.slice(0, 12))).toEqual([
      'A university',
      'Holt said of',
      'Rose is the ',
      'Rose was inv',
    ]);
  });

  it('keeps its place when the headline or a sentence before names them in full, or no sentence does', () => {
    const lede = [
      sentence('A university police officer'),
      sentence('Rose is the first'),
      sentence('Holt said'),
    ];
    expect(introducedFirst(lede, 'Officer Collin Rose dies after shooting')).toEqual(lede);
    const unnamed = [sentence('A university police officer'), sentence('Rose is the first')];
    expect(introducedFirst(unnamed, '')).toEqual(unnamed);
    // The first sentence leads, whoever it names.
    const leading = [sentence('Rose is the first'), sentence('Holt said officer Collin Rose')];
    expect(introducedFirst(leading, '')).toEqual(leading);
  });
});
