import { describe, expect, it } from 'vitest';
import { extractFigures, normalizeFigure } from './figures.js';

describe('extractFigures', () => {
  // Rows from the MultiLing 2011 WikiNews sample unless named otherwise.
  const cases: { name: string; text: string; want: [string, string, number | null, string | null][] }[] = [
    {
      name: 'amount as a code after the number (M0001 headline)',
      text: 'Aid pledges rise; Japan promises 500,000,000 USD',
      want: [['amount', '500,000,000 USD', 500e6, 'USD']],
    },
    {
      name: 'scale word and "U.S. dollars" (M0001)',
      text: 'Promised funds have doubled in the past 24 hours, to nearly 2 Billion U.S. dollars (USD).',
      want: [
        ['count', '24 hours', 24, 'hours'],
        ['amount', '2 Billion U.S. dollars', 2e9, 'USD'],
      ],
    },
    {
      name: 'euro amount (M0004 headline)',
      text: 'Romanians raise 395,000 euro for tsunami victims',
      want: [['amount', '395,000 euro', 395000, 'EUR']],
    },
    {
      name: 'symbols with scale words and abbreviations',
      text: 'Seoul pledged $350 billion, or 350bn dollars, plus ₩1.2 trillion and €3m.',
      want: [
        ['amount', '$350 billion', 350e9, 'USD'],
        ['amount', '350bn dollars', 350e9, 'USD'],
        ['amount', '₩1.2 trillion', 1.2e12, 'KRW'],
        ['amount', '€3m', 3e6, 'EUR'],
      ],
    },
    {
      name: 'percentages written three ways',
      text: 'Up to 80% of those killed were women; turnout fell 25 per cent and rates 2.5 percent.',
      want: [
        ['percent', '80%', 80, '%'],
        ['percent', '25 per cent', 25, '%'],
        ['percent', '2.5 percent', 2.5, '%'],
      ],
    },
    {
      name: 'dates in the dateline forms of M0000 and M0001',
      text: '2005/01/08 Tsunami aid. Saturday, January 1, 2005. On 7 July 2005 bombs exploded.',
      want: [
        ['date', '2005/01/08', Date.UTC(2005, 0, 8), null],
        ['date', 'January 1, 2005', Date.UTC(2005, 0, 1), null],
        ['date', '7 July 2005', Date.UTC(2005, 6, 7), null],
      ],
    },
    {
      name: 'counts with number words; a bare year is no count (M0006, M0000)',
      text: 'Tsunami toll passes 80,000 people as three ships arrive; donations in 2005 deductible.',
      want: [
        ['count', '80,000 people', 80000, 'people'],
        ['count', 'three ships', 3, 'ships'],
      ],
    },
  ];
  it.each(cases)('$name', ({ text, want }) => {
    const got = extractFigures(text);
    expect(got.map((f) => [f.kind, f.text, f.value, f.unit])).toEqual(want);
    for (const f of got) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('finds nothing in text without numbers and survives odd input', () => {
    expect(extractFigures('')).toEqual([]);
    expect(extractFigures('No numbers here at all.')).toEqual([]);
    expect(extractFigures('서울 3500억 달러')).toBeInstanceOf(Array);
  });
});

describe('normalizeFigure', () => {
  it.each([
    ['$350 billion', 'amount', 350e9, 'USD'],
    ['350bn dollars', 'amount', 350e9, 'USD'],
    ['US$1.5m', 'amount', 1.5e6, 'USD'],
    ['£20 million', 'amount', 20e6, 'GBP'],
    ['2.5%', 'percent', 2.5, '%'],
    ['January 8, 2005', 'date', Date.UTC(2005, 0, 8), null],
  ])('%s', (text, kind, value, unit) => {
    expect(normalizeFigure(text)).toMatchObject({ kind, value, unit });
  });

  it('returns null for words that are no figure', () => {
    expect(normalizeFigure('the minister')).toBeNull();
  });

  it('reads "half a dozen" as six', () => {
    const [figure] = extractFigures('It will also produce about half a dozen vignettes of the characters.');
    expect(figure).toMatchObject({ text: 'half a dozen vignettes', value: 6, unit: 'vignettes' });
  });

  it('counts no function word after a number ("870 this year")', () => {
    const units = extractFigures(
      'Inspectors fell from 1,140 in 2016 to 870 this year, and 15 would retire after 40 more inspections.',
    ).map((f) => f.unit);
    expect(units).toEqual(['inspections']);
  });
});
