import { describe, expect, it } from 'vitest';
import { headlineClause, MAX_HEADLINE } from './headline-clause.js';

describe('headlineClause', () => {
  it.each([
    // Multi-News (Poland's Holocaust law, 374 characters as one sentence): cut before the participle
    // clause, not after "illegal" before its "to accuse".
    [
      'President Andrzej Duda said on Tuesday that he would sign into law a bill making it illegal to accuse “the Polish nation” of complicity in the Holocaust and other Nazi atrocities, a measure that has raised concerns.',
      'President Andrzej Duda said on Tuesday that he would sign into law a bill',
    ],
    // Multi-News (the spending bill): "spending" after a number is inside the phrase, not a clause.
    [
      'House Republicans unveiled a $1 trillion spending bill setting budgets for hundreds of government programs in a bid to force U.S. lawmakers to wrap up their work for the year.',
      'House Republicans unveiled a $1 trillion spending bill',
    ],
    // Multi-News (Arizona and immigration): cut before "as", the clause of what else happened.
    [
      'Arizona took center stage in the national immigration debate Tuesday as Homeland Security Secretary Janet Napolitano toured the state’s border with Mexico and Sen. John McCain defended his proposed immigration law.',
      'Arizona took center stage in the national immigration debate Tuesday',
    ],
    // Multi-News (a Victorian diary): a participle after a noun opens a clause about it.
    [
      'Researchers now say that they have proven the authenticity of a Victorian diary supposedly written by the notorious murderer.',
      'Researchers now say that they have proven the authenticity of a Victorian diary',
    ],
  ])('cuts %j at a clause boundary', (sentence, headline) => {
    expect(headlineClause(sentence)).toBe(headline);
  });

  it('leaves a main clause that fits as it is', () => {
    const sentence = 'The harbour reopened to shipping on Tuesday, two days after the tanker ran aground.';
    expect(headlineClause(sentence)).toBe('The harbour reopened to shipping on Tuesday');
    const fitting = 'A former Pittsburgh elementary school teacher is accused of being obsessed with a pupil';
    expect(headlineClause(fitting)).toBe(fitting);
  });

  it('gives no headline when every opening that fits leaves the statement unmade', () => {
    // Multi-News (Jefferson Airplane): the name, then a relative clause past the limit; no opening
    // that fits has a verb of the name's own.
    expect(
      headlineClause(
        'Jefferson Airplane vocalist-guitarist Marty Balin, who co-founded the San Francisco psychedelic rock band in 1965 and played a crucial role in the creation of all their 1960s albums, including Surrealistic Pillow and Volunteers, died Thursday at the age of 76.',
      ),
    ).toBeUndefined();
  });

  it('never gives a headline longer than the limit', () => {
    const sentence = `The council approved ${'a long list of new parking rules, '.repeat(6)}on Monday.`;
    expect((headlineClause(sentence) ?? '').length).toBeLessThanOrEqual(MAX_HEADLINE);
  });
});
