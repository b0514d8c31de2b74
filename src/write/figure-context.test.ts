import { describe, expect, it } from 'vitest';
import { dayOfMonth, startsName, tidyLabel } from './figure-context.js';

const at = (text: string, number: string) => {
  const start = text.indexOf(number);
  return [start, start + number.length] as const;
};

describe('the day of a date is no figure', () => {
  it.each([
    ['Families of those killed in the Sept. 11 attacks met the board.', '11', true],
    ['Belanger fell ill a month after the Oct. 19 federal election.', '19', true],
    ['The order was signed on 23 January after a week of talks.', '23', true],
    ['The vote was held on the 4th of July.', '4', true],
    ['The storm killed 11 people in three towns.', '11', false],
    ['About 19 percent of voters stayed at home in October.', '19', false],
    ['Police said 45 people were arrested in March.', '45', false],
  ])('%s', (text, number, expected) => {
    const [start, end] = at(text, number);
    expect(dayOfMonth(text, start, end)).toBe(expected);
  });
});

describe('a count that opens a name or a title', () => {
  it.each([
    ['Producers switched to the home next door at 66 Perry for the character.', '66', true],
    ['The couple lived at 5012 Powell Drive.', '5012', true],
    ['Related: 10 Essential Tracks From the Mobb Deep MC.', '10', true],
    ['The film received a record 13 Oscar nominations.', '13', false],
    ['Some 10,000 South Korean military personnel joined the drill.', '10,000', false],
    ['About 2,000 Americans who were stranded have been flown home.', '2,000', false],
    ['More than 600 flights were cancelled.', '600', false],
    ['They looked for the region in the 1,000 Genomes Project database of sequences.', '1,000', true],
    ['About 40 Estmark Steel Works employees walked out.', '40', false],
  ])('%s', (text, number, expected) => {
    expect(startsName(text, at(text, number)[1])).toBe(expected);
  });
});

describe('labels extraction garbled', () => {
  it('cuts a citation mark or a semicolon off', () => {
    expect(tidyLabel('members worldwide;[1')).toBe('members worldwide');
    expect(tidyLabel('reports of overheating; most in July')).toBe('reports of overheating');
  });

  it('refuses two sentences run together and a bracket left open', () => {
    expect(tidyLabel('daysThe latest sightings')).toBeUndefined();
    expect(tidyLabel('Faraday efficiency at modest potentials (–0.25 volts')).toBeUndefined();
  });

  it('keeps a label with a name written in mixed case or a closed bracket', () => {
    expect(tidyLabel('PayPal donations')).toBe('PayPal donations');
    expect(tidyLabel('homes destroyed (revised)')).toBe('homes destroyed (revised)');
  });
});
