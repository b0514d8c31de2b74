import { describe, expect, it } from 'vitest';
import type { StoryBody } from '../db/schema.js';
import { sentenceLocation, storySentences } from './inaccuracy.js';

const body: StoryBody = {
  lede: [{ text: 'The dam opened on Monday.', citations: [] }],
  sections: [
    { heading: 'Cost', sentences: [{ text: 'It cost $2 billion.', citations: [] }] },
    {
      heading: 'Power',
      sentences: [
        { text: 'It powers 1m homes.', citations: [] },
        { text: 'Output rises in spring.', citations: [] },
      ],
    },
  ],
  quotes: [],
  figures: [],
};

describe('reported sentences', () => {
  it('lists every sentence in reading order', () => {
    expect(storySentences(body)).toEqual([
      'The dam opened on Monday.',
      'It cost $2 billion.',
      'It powers 1m homes.',
      'Output rises in spring.',
    ]);
  });

  it.each([
    ['The dam opened on Monday.', 'lede.0'],
    ['Output rises in spring.', 'sections.1.1'],
    ['Not in the story.', undefined],
  ])('locates %j at %s for a correction', (sentence, location) => {
    expect(sentenceLocation(body, sentence)).toBe(location);
  });
});
