import { describe, expect, it } from 'vitest';
import { missingDates } from './dates.js';
import { unboundFigures } from './figure-binding.js';
import { meaningProblems } from './meaning.js';
import { buildSupportIndex } from './support-index.js';

// Shaped on the demo corpus' incident reports: one passage, the sentence before it, and edits of it.
const PASSAGE =
  'Firefighters were called to the Eastfield depot shortly after midnight. ' +
  'Three workers were taken to Harrow General Hospital and 40 homes lost power. ' +
  'The council did not expect the repairs to finish before Friday. ' +
  'Turnout rose to 30 percent of voters, higher than in March.';
const index = buildSupportIndex([{ id: 1, text: PASSAGE }]);

describe('meaningProblems', () => {
  const cases: { name: string; claim: string; check?: string }[] = [
    { name: 'faithful shortening', claim: 'Three workers were taken to Harrow General Hospital.' },
    { name: 'faithful clause join', claim: 'Three workers were taken to hospital, and 40 homes lost power.' },
    {
      name: 'negation added',
      claim: 'Three workers were not taken to Harrow General Hospital.',
      check: 'polarity',
    },
    {
      name: 'negation dropped',
      claim: 'The council expected the repairs to finish before Friday.',
      check: 'polarity',
    },
    { name: 'antonym', claim: 'Turnout fell to 30 percent of voters.', check: 'contrast' },
    { name: 'comparative turned round', claim: 'Turnout was lower than in March.', check: 'contrast' },
    {
      name: 'preposition turned round',
      claim: 'The council did not expect the repairs to finish after Friday.',
      check: 'contrast',
    },
    {
      name: 'invented clause appended to a true sentence',
      claim: 'Three workers were taken to Harrow General Hospital, where police arrested the driver.',
      check: 'clause',
    },
    {
      name: 'a name put into the words of a sentence about someone else',
      claim: 'The Eastfield council did not expect the repairs to finish before Friday.',
      check: 'clause',
    },
    {
      name: 'a name from the sentence before the one it follows',
      claim: 'Firefighters saw three workers taken to Harrow General Hospital.',
    },
    {
      name: 'clause made of words from another sentence',
      claim: 'Three workers were taken to Harrow General Hospital and the council lost.',
      check: 'clause',
    },
  ];
  it.each(cases)('$name', ({ claim, check }) => {
    const found = meaningProblems(index, claim).map((p) => p.check);
    if (check) expect(found).toContain(check);
    else expect(found).toEqual([]);
  });
});

describe('meaningProblems on questions and pronouns', () => {
  // FactCC's edits: a question of the article stated as a fact, a pronoun of the other sex.
  const asked = buildSupportIndex([
    {
      id: 2,
      text: 'Can the council finish the repairs before the storm season? His deputy said the work was on schedule.',
    },
  ]);
  const cases: { claim: string; check?: string }[] = [
    { claim: 'His deputy said the work was on schedule.' },
    { claim: 'The council asked whether it can finish the repairs before the storm season.' },
    { claim: 'The council can finish the repairs before the storm season.', check: 'polarity' },
    { claim: 'Her deputy said the work was on schedule.', check: 'contrast' },
  ];
  it.each(cases)('$claim', ({ claim, check }) => {
    const found = meaningProblems(asked, claim).map((p) => p.check);
    if (check) expect(found).toContain(check);
    else expect(found).toEqual([]);
  });
});

describe('unboundFigures', () => {
  it('holds a count to its noun and a share to what it is a share of', () => {
    expect(unboundFigures(index, 'Three workers were taken to hospital.')).toEqual([]);
    expect(unboundFigures(index, '40 homes lost power.')).toEqual([]);
    expect(unboundFigures(index, '40 workers were taken to hospital.')).toEqual([
      { figure: '40 workers', counts: 'worker' },
    ]);
    expect(unboundFigures(index, 'Turnout reached 30 percent of voters.')).toEqual([]);
    expect(unboundFigures(index, 'Power cuts hit 30 percent of homes.')).toEqual([
      { figure: '30 percent', counts: 'home' },
    ]);
  });
});

describe('missingDates', () => {
  const words = new Set(PASSAGE.toLowerCase().match(/[\p{L}\p{N}]+/gu));
  it('finds weekdays and months the evidence does not name', () => {
    expect(missingDates('Repairs will finish before Friday.', words)).toEqual([]);
    expect(missingDates('Repairs will finish before Saturday.', words)).toEqual(['Saturday']);
    expect(missingDates('Repairs will finish before Thursday, in May.', words)).toEqual(['Thursday', 'May']);
    expect(missingDates('Repairs may finish soon.', words)).toEqual([]);
  });
});

describe('meaningProblems on what a speaker said of someone else', () => {
  const reported = buildSupportIndex([
    {
      id: 1,
      text:
        'The singer left the Harrow clinic on Tuesday. ' +
        'Mara Ellison, a spokeswoman for Claudette Vane, said later in the day that she was back home resting with her grandchildren. ' +
        'He said he would return to the stage in May.',
    },
  ]);
  it.each([
    ['Mara Ellison was back home resting with her grandchildren.', true],
    ['Mara Ellison said that she was back home resting with her grandchildren.', false],
    ['Ellison said Vane was back home resting with her grandchildren.', false],
    ['She was back home resting with her grandchildren, her spokeswoman said.', false],
    ['Claudette Vane was back home resting with her grandchildren.', false],
    // A sentence whose subject is a pronoun names no one to mistake for the person it reports on.
    ['He would return to the stage in May.', false],
  ])('%s', (claim, flagged) => {
    const found = meaningProblems(reported, claim).filter((p) => /said of someone else/.test(p.message));
    expect(found.length > 0).toBe(flagged);
  });
});

describe('meaningProblems on who a quotation is given to', () => {
  const quoted = buildSupportIndex([
    {
      id: 1,
      text:
        '"The insulation between the hulls is on fire," the Calveran news agency reported. ' +
        'The Estmark Herald says welders were at work on the submarine. ' +
        'Paris Match described the recording. ' +
        '"Metallic banging can be heard more than three times, perhaps from the cockpit door." ' +
        'An official with the investigation agency said it had not seen the video.',
    },
  ]);
  it.each([
    ['"The insulation between the hulls is on fire," the Calveran news agency reported.', false],
    // The sentence gives the quotation to its own speaker, whoever the next sentence names.
    ['"The insulation between the hulls is on fire," the Estmark Herald says.', true],
    // A quotation its sentence gives to no one is given by the sentence before.
    ['"Metallic banging can be heard more than three times," Paris Match said.', false],
    ['"Metallic banging can be heard more than three times," a pilot said.', true],
    ['"Metallic banging can be heard more than three times," he said.', false],
  ])('%s', (claim, flagged) => {
    const found = meaningProblems(quoted, claim).filter((p) => /does not give/.test(p.message));
    expect(found.length > 0).toBe(flagged);
  });
});
