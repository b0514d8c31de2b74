import { describe, expect, it } from 'vitest';
import { deriveTitle } from './derive-title.js';

describe('deriveTitle', () => {
  it.each([
    [
      'the first sentence of a microblog post',
      'Storm surge expected tonight. Stay away from the sea wall.',
      'Storm surge expected tonight.',
    ],
    [
      'past an abbreviation',
      'Dr. Patel says the barrier will hold. More later.',
      'Dr. Patel says the barrier will hold.',
    ],
    ['the first line when a line ends first', 'Ferry timetable\nChanges from Monday.', 'Ferry timetable'],
    ['a question', 'Who closed the bridge? Nobody knows.', 'Who closed the bridge?'],
    [
      'a long sentence, cut at a word with an ellipsis',
      `A very long post ${'that goes on '.repeat(15)}and on`,
      'A very long post that goes on that goes on that goes on that goes on that goes on that goes on that goes on that goes…',
    ],
  ])('takes %s', (_name, text, title) => {
    expect(deriveTitle(text)).toBe(title);
    expect(deriveTitle(text).length).toBeLessThanOrEqual(120);
  });
});
