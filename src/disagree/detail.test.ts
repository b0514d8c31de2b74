import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import { displayValue } from './detail.js';
import { detectDisagreements } from './detect.js';
import type { DetectionSource, Mention } from './types.js';

function sources(...texts: string[]): DetectionSource[] {
  return texts.map((text, i) => ({
    id: i + 1,
    outlet: `Outlet ${i + 1}`,
    title: 'Report',
    text: `Officials spoke on Friday. ${text} The inquiry goes on.`,
    published_at: new Date(`2027-04-0${i + 2}T08:00:00Z`),
    analysis: analyzeArticle({
      title: 'Report',
      text: `Officials spoke on Friday. ${text} The inquiry goes on.`,
    }),
  }));
}

const details = (...texts: string[]) =>
  detectDisagreements(sources(...texts)).map((f) => f.disagreement.detail);

describe('describeFact', () => {
  it.each([
    [
      'what happened to what is counted',
      'The flood destroyed 80 bridges in the hills.',
      'The flood destroyed 95 bridges in the hills.',
      'Bridges destroyed',
    ],
    [
      'the thing a measure is of',
      'The 40-tonne turbine arrived by barge.',
      'The 46-tonne turbine arrived by barge.',
      'Mass of the turbine',
    ],
    [
      'the size of a change and what changed',
      'The drug reduced seizure days by 30 percent in the trial.',
      'The drug reduced seizure days by 36 percent in the trial.',
      'Reduction in seizure days',
    ],
    [
      'a money noun and who bears it',
      'The closure is costing farmers $4 million a week.',
      'The closure is costing farmers $6 million a week.',
      'Cost to farmers per week',
    ],
    [
      'whose event a minute belongs to',
      'Okoro scored the opener in the 12th minute.',
      'Defender Okoro scored the opener in the 14th minute.',
      "Minute of Okoro's opener",
    ],
    [
      'a crowd by its size',
      'A crowd of 8,000 marched to the square.',
      'A crowd of 11,000 marched to the square.',
      'Size of the crowd',
    ],
    [
      'what a value is the value of',
      'The paintings, valued at about $3 million, were taken from the east wing.',
      'The gallery put the value of the two paintings at $5 million.',
      'Value of the paintings',
    ],
    [
      'what a sum is the worth of',
      'The city signed a contract worth $12 million for the new depot.',
      'The city signed a contract worth $15 million for the new depot.',
      'Value of the contract',
    ],
  ])('names %s', (_, a, b, detail) => {
    expect(details(a, b)).toEqual([detail]);
  });
});

describe('displayValue', () => {
  const count = (text: string) =>
    ({ kind: 'count', text, value: 4, unit: 'worker', earlier: false }) as unknown as Mention;
  it('writes a count in words as in a sentence, lower case even where it opened one', () => {
    expect(displayValue([count('Four workers')])).toBe('four');
    expect(displayValue([count('four workers'), count('Four workers')])).toBe('four');
    expect(displayValue([count('410,000 heaters')])).toBe('410,000');
  });

  it('writes a measure joined to its noun by a hyphen as it reads on its own', () => {
    const measure = (text: string) => ({ kind: 'measure', text, earlier: false }) as unknown as Mention;
    expect(displayValue([measure('2,850-kilogram')])).toBe('2,850 kilograms');
    expect(displayValue([measure('148-foot')])).toBe('148 feet');
    expect(displayValue([measure('1-metre')])).toBe('1 metre');
    expect(displayValue([measure('5-km')])).toBe('5 km');
    expect(displayValue([measure('1.2 kilometres')])).toBe('1.2 kilometres');
  });
});
