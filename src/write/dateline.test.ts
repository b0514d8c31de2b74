import { describe, expect, it } from 'vitest';
import { datelineLength, withoutDateline } from './dateline.js';

describe('datelineLength', () => {
  const cases: { name: string; text: string; rest: string }[] = [
    {
      name: 'wire dateline with date and agency (the demo corpus, Reuters style)',
      text: 'SABLE CITY, Nov 12 (Meridian Wire) - Buses, trams and metro trains stood still.',
      rest: 'Buses, trams and metro trains stood still.',
    },
    { name: 'place and dash', text: 'DUNMORE - The library reopened.', rest: 'The library reopened.' },
    {
      name: 'Reuters',
      text: 'SEOUL, Nov 3 (Reuters) - North Korea fired a missile.',
      rest: 'North Korea fired a missile.',
    },
    {
      name: 'CNN (FactCC documents)',
      text: 'Marseille, France (CNN)Investigators have collected all the evidence.',
      rest: 'Investigators have collected all the evidence.',
    },
    { name: 'no dateline', text: 'The central bank raised rates.', rest: 'The central bank raised rates.' },
    {
      name: 'a long dash touching the first word (Multi-News)',
      text: 'WASHINGTON—The chairman of the Senate Intelligence Committee promised a review.',
      rest: 'The chairman of the Senate Intelligence Committee promised a review.',
    },
    {
      name: 'a double hyphen touching it',
      text: 'HIROSHIMA--A stray dog helped.',
      rest: 'A stray dog helped.',
    },
    {
      name: 'a dash between two names is no dateline',
      text: 'The U.S.—Mexico border reopened.',
      rest: 'The U.S.—Mexico border reopened.',
    },
    { name: 'an upper-case pair is no place', text: 'ABC—DEF merged.', rest: 'ABC—DEF merged.' },
    {
      name: 'a sentence that merely contains a dash',
      text: 'Buses stopped - and trams too.',
      rest: 'Buses stopped - and trams too.',
    },
    {
      name: 'a dash left of a dateline',
      text: '— For years, the pier has leaned.',
      rest: 'For years, the pier has leaned.',
    },
    {
      name: 'two hyphens left of a dateline',
      text: '--The cost of the repair.',
      rest: 'The cost of the repair.',
    },
    {
      name: 'a minus sign',
      text: '-5 degrees was the coldest reading.',
      rest: '-5 degrees was the coldest reading.',
    },
    {
      name: 'a date line run into the sentence',
      text: 'Tuesday, January 18, 2026Through a telethon, Dunmore raised $40,000.',
      rest: 'Through a telethon, Dunmore raised $40,000.',
    },
    {
      name: 'mixed-case opener with a dash',
      text: 'Residents said - again - that.',
      rest: 'Residents said - again - that.',
    },
  ];
  it.each(cases)('$name', ({ text, rest }) => {
    expect(text.slice(datelineLength(text))).toBe(rest);
  });
});

describe('withoutDateline', () => {
  it('moves the span start so the text stays an exact slice of the source', () => {
    const source = 'Intro.\nSEOUL, Nov 3 (Reuters) - North Korea fired a missile.';
    const start = source.indexOf('SEOUL');
    const cut = withoutDateline(source, start, source.length);
    expect(cut.text).toBe('North Korea fired a missile.');
    expect(source.slice(cut.start, cut.end)).toBe(cut.text);
  });
});
