import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { isFragment } from './fragments.js';

describe('isFragment', () => {
  it.each([
    'Here is the statement the council sent to the Courier:',
    '► Update: Man charged over the harbour fire',
    '* Courier - "confirmed toll passed 120," citing the harbour office.',
    '- - - - - - - - - - - - - - - - - - - -',
    'high school and in some cases go through college without learning the',
    'WE CAN AND MUST DO MORE TO PROTECT OUR HARBOUR FROM POLLUTION.',
    'Frigid cold following snow to the coast',
    '5 ways to keep your boat safe in a storm',
    'Last updated at 6:04 PM on 20th October 2026',
    "(Any ailments likely won't be determined for several weeks, once test results are returned.)",
    "(Update: the council's spokesman responds to the claims.",
    "[Editor's note: an earlier version of this story misstated the toll.]",
  ])('finds %s', (line) => {
    expect(isFragment(line)).toBe(true);
  });

  it.each([
    'The council approved the harbour budget on Tuesday.',
    'iPhone sales rose 4 percent in the quarter, the company said.',
    '"We will rebuild the pier," the mayor said.',
    'Did the council know about the cracks?',
    'The ferry operator said the crossing would reopen in the spring once the pier had been repaired and inspected',
    'NATO said the exercise would go ahead as planned.',
    'The deal is worth $4.2 million…',
    'The ferry (the only link to the island) was refloated on Monday.',
    'NASA said on Tuesday: "The launch will go ahead."',
  ])('leaves a sentence alone: %s', (line) => {
    expect(isFragment(line)).toBe(false);
  });
});

describe('collectCandidates', () => {
  it('takes no fragment of the page for a sentence of the story', () => {
    const text = [
      'The council approved the harbour budget on Tuesday after a long debate.',
      'Here is the statement the council sent to the Courier:',
      'Read more harbour stories',
      'The budget sets aside $2 million to repair the north pier before the winter storms.',
    ].join('\n');
    const texts = collectCandidates([sourceArticle(1, 'Harbour budget approved', text, new Date())]).map(
      (c) => c.text,
    );
    expect(texts).toEqual([
      'The council approved the harbour budget on Tuesday after a long debate.',
      'The budget sets aside $2 million to repair the north pier before the winter storms.',
    ]);
  });
});

describe('a sentence that opens on a list marker', () => {
  it('is told, and cited, without the marker', () => {
    const text =
      'Three things stood out in the speech. 2) Qua economics, the proposal looks a lot better than the 2009 stimulus plan. 16. The harbour board will meet again in March to set the new fees.';
    const candidates = collectCandidates([sourceArticle(1, 'Speech', text, null)]);
    const texts = candidates.map((c) => c.text);
    expect(texts).toContain('Qua economics, the proposal looks a lot better than the 2009 stimulus plan.');
    expect(texts).toContain('The harbour board will meet again in March to set the new fees.');
    for (const c of candidates) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('keeps a figure that opens a sentence', () => {
    const [candidate] = collectCandidates([
      sourceArticle(1, 'Toll', '1.5 million people live in the flooded districts along the river.', null),
    ]);
    expect(candidate?.text).toBe('1.5 million people live in the flooded districts along the river.');
  });
});
