import { describe, expect, it } from 'vitest';
import { mainClause } from './headline.js';

describe('mainClause', () => {
  it('cuts a long sentence without a comma before its first subordinate clause', () => {
    expect(
      mainClause(
        'The harbour authority closed the northern channel to all shipping on Monday morning after a tanker ran aground near the breakwater in heavy fog.',
      ),
    ).toBe('The harbour authority closed the northern channel to all shipping on Monday morning');
  });

  it('does not make a headline of a clause that only names someone', () => {
    const text =
      'Mara Quill, the veteran harbour pilot with thirty years on the northern channel, guided the stranded tanker back into deep water.';
    expect(mainClause(text)).toBe(text.replace(/\.$/, ''));
  });

  it('keeps an opening clause that makes a statement', () => {
    expect(
      mainClause('The harbour reopened to shipping on Tuesday, two days after the tanker ran aground.'),
    ).toBe('The harbour reopened to shipping on Tuesday');
  });
});
