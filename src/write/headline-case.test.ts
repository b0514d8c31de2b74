import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { inSentenceCase } from './headline-case.js';

describe('inSentenceCase', () => {
  const sources = (text: string) => [sourceArticle(1, '', text, new Date(Date.UTC(2026, 10, 14, 9)))];

  it('writes an opening in capitals as the sources write its words elsewhere', () => {
    // Multi-News (TheJournal.ie's lead-in in capitals): "Dáil" is a name, "is" a word.
    const text =
      'THE DÁIL IS to sit late tonight. The Minister told the Dáil that the bill is urgent. It will pass.';
    expect(
      inSentenceCase('THE DÁIL IS to sit late tonight to pass emergency legislation', sources(text)),
    ).toBe('The Dáil is to sit late tonight to pass emergency legislation');
  });

  it('keeps an acronym the sources write in capitals within a sentence', () => {
    const text = 'Officials at the US FDA said the drug was safe. Agents of the FBI raided two homes.';
    expect(inSentenceCase('US FDA APPROVES migraine drug', sources(text))).toBe(
      'US FDA approves migraine drug',
    );
    expect(inSentenceCase('FBI AND POLICE raid two homes', sources(text))).toBe(
      'FBI and police raid two homes',
    );
  });

  it('leaves a headline with one word in capitals as it is', () => {
    expect(inSentenceCase('NASA delays Artemis launch', sources('NASA said the launch would wait.'))).toBe(
      'NASA delays Artemis launch',
    );
  });
});
