import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import { detectDisagreements } from './detect.js';
import type { DetectionSource } from './types.js';

/** Sources from [outlet, ISO time, text]; titles say nothing. */
function sources(...articles: [string, string, string][]): DetectionSource[] {
  return articles.map(([outlet, at, text], i) => ({
    id: i + 1,
    outlet,
    title: 'Report',
    text,
    published_at: new Date(at),
    analysis: analyzeArticle({ title: 'Report', text }),
  }));
}

const found = (s: DetectionSource[]) =>
  detectDisagreements(s).map(({ disagreement: d }) => ({
    status: d.status,
    values: d.values.map((v) => v.value),
    outlets: d.values.map((v) => v.sources.map((x) => x.outlet)),
  }));

describe('detectDisagreements', () => {
  it.each([
    ['amounts in other spellings', 'valued at $4.2 million', 'valued at 4.2m dollars'],
    [
      'amounts written out',
      'has set aside $12.5 million for severance',
      'has put $12,500,000 aside for severance',
    ],
    [
      'masses in other units',
      'The 3.1-tonne satellite reached orbit.',
      'The 3,100 kg satellite reached orbit.',
    ],
    ['lengths in other units', 'The bridge is 1.2 kilometres long.', 'The 1,200-metre bridge opened.'],
    [
      'one title in other words',
      'said Minister for Foreign Trade Tomas Reinholt.',
      'said Foreign Trade Minister Tomas Reinholt.',
    ],
  ])('finds no disagreement in %s', (_, a, b) => {
    const texts = sources(
      ['Wire', '2026-11-20T08:00:00Z', `Officials spoke on Friday. ${a} The talks go on.`],
      ['Post', '2026-11-20T10:00:00Z', `Officials spoke on Friday. ${b} The talks go on.`],
    );
    expect(found(texts)).toEqual([]);
  });

  it.each([
    [
      'a count',
      'The fire destroyed 142 homes in the valley.',
      'The fire destroyed 163 homes in the valley.',
      ['142', '163'],
    ],
    [
      'a vote',
      'The committee voted 5-2 for the cut.',
      'The committee voted 6-1 for the cut.',
      ['5-2', '6-1'],
    ],
    [
      'an amount',
      'Thieves stole objects valued at $4.2 million.',
      'Thieves stole objects valued at $6 million.',
      ['$4.2 million', '$6 million'],
    ],
    [
      'a title',
      'said Deputy Mayor Talia Brennan.',
      'said Councillor Talia Brennan.',
      ['Deputy Mayor', 'Councillor'],
    ],
    [
      'a mass',
      'The 3,100-kilogram satellite reached orbit.',
      'The 2,850-kilogram satellite reached orbit.',
      ['3,100 kilograms', '2,850 kilograms'],
    ],
    [
      'a minute',
      'Feld headed the winner in the 113th minute.',
      'Feld headed the winner in the 111th minute.',
      ['113th', '111th'],
    ],
    [
      'period written as a modifier',
      'The investors made a ten-year pledge to the port.',
      'The investors made a twelve-year pledge to the port.',
      ['ten', 'twelve'],
    ],
    [
      'value written before the thing',
      'Thieves took a $6 million painting and a clock from the gallery.',
      'The stolen works were valued at about $4.2 million by the gallery.',
      ['$6 million', '$4.2 million'],
    ],
  ])('finds a disputed %s', (_, a, b, values) => {
    const texts = sources(
      ['Wire', '2026-11-20T08:00:00Z', `Officials spoke on Friday. ${a} The talks go on.`],
      ['Post', '2026-11-20T10:00:00Z', `Officials spoke on Friday. ${b} The talks go on.`],
    );
    expect(found(texts)).toEqual([{ status: 'disputed', values, outlets: [['Wire'], ['Post']] }]);
  });

  it('marks a later revised figure current and the earlier one superseded, even when repeated later', () => {
    const texts = sources(
      ['Wire', '2026-11-14T08:00:00Z', 'Lumora is recalling 410,000 HearthLink heaters after nine fires.'],
      [
        'Ledger',
        '2026-11-16T08:00:00Z',
        'Lumora raised the number of heaters recalled to 480,000 after more fires.',
      ],
      ['Post', '2026-11-18T08:00:00Z', 'The recall of 410,000 heaters came months after the first fires.'],
    );
    expect(found(texts)).toEqual([
      { status: 'revised', values: ['480,000', '410,000'], outlets: [['Ledger'], ['Wire', 'Post']] },
    ]);
  });

  it('reads a death toll and a count of people who died as one fact', () => {
    const texts = sources(
      [
        'Wire',
        '2027-03-06T07:30:00Z',
        'The ferry Marigold capsized outside Pellin harbour on Friday night, and 12 people died, the coastguard said.',
      ],
      [
        'Ledger',
        '2027-03-07T09:10:00Z',
        'The death toll from the capsize of the ferry Marigold rose to 17 on Sunday after divers recovered five more bodies.',
      ],
    );
    expect(found(texts)).toEqual([
      { status: 'revised', values: ['17', '12'], outlets: [['Ledger'], ['Wire']] },
    ]);
  });

  it('reads a count that opens a line after a name as a count, not as part of the name', () => {
    const texts = sources(
      [
        'Wire',
        '2026-11-14T08:00:00Z',
        'Seven were booked, according to a statement released by Anaheim Police.\nThree people were stabbed during the brawl at the park.',
      ],
      ['Post', '2026-11-14T09:00:00Z', 'Police said five people were stabbed during the brawl at the park.'],
    );
    expect(found(texts)).toEqual([
      { status: 'disputed', values: expect.any(Array), outlets: expect.any(Array) },
    ]);
    expect(found(texts)[0]!.values.sort()).toEqual(['five', 'three']);
  });

  it('reads a correction as a revision, not as the outlet stating both figures', () => {
    const texts = sources(
      ['Register', '2027-05-20T08:00:00Z', 'The bridge cost €310 million, the roads agency said.'],
      [
        'Times',
        '2027-05-21T08:00:00Z',
        'An earlier version of this report said the bridge cost €310 million. The agency corrected the figure to €340 million.',
      ],
    );
    expect(found(texts)).toEqual([
      { status: 'revised', values: ['€340 million', '€310 million'], outlets: [['Times'], ['Register']] },
    ]);
  });

  it.each([
    [
      'a capacity and the number aboard',
      'The ferry is licensed to carry 300 passengers.',
      'There were 240 passengers aboard the ferry.',
    ],
    [
      'a figure growing by the day',
      'The fire had burned 19,700 acres by Friday evening.',
      'The fire had burned 21,000 acres by Saturday morning.',
    ],
    [
      'two facts that one outlet tells apart',
      'The union wants 14 percent; the authority offered 7.5 percent.',
      'The deal gives 11 percent, between the union’s 14 percent and the 7.5 percent offered.',
    ],
    [
      'a difference and a level',
      'The deal costs $71 million more than the offer.',
      'Closing the gap would cost about $96 million.',
    ],
    [
      'a bound and a figure within it',
      'Lawyers argued over more than 400 disputed ballots.',
      'Of 412 ballots disputed, 291 were accepted.',
    ],
    [
      'the ends of a range',
      'Observers said the lead had narrowed to between 180 and 200 votes.',
      'The recount confirmed the mayor by 187 votes.',
    ],
    [
      'a count that still stands beside its height',
      'The company shut off power to 14,000 customers as a precaution.',
      'Power would remain off for about 6,000 customers through the weekend.',
    ],
    [
      'gaps after two events, one outlet giving both',
      'The rocket released the satellite 34 minutes later, and contact came 52 minutes after launch.',
      'Contact was established 52 minutes later.',
    ],
    [
      'two goals, one outlet giving both minutes',
      'Rovers led through Ilic in the 34th minute before a 78th-minute equaliser from Corrigan.',
      'Rovers were caught on the break in the 78th minute when Corrigan equalised.',
    ],
  ])('flags no %s', (_, a, b) => {
    const texts = sources(
      ['Wire', '2026-11-14T22:00:00Z', `Crews worked all day. ${a}`],
      ['Post', '2026-11-15T10:00:00Z', `Crews worked all day. ${b}`],
    );
    expect(found(texts)).toEqual([]);
  });

  it('flags no market move of a day after a report was published', () => {
    const texts = sources(
      ['Ledger', '2026-11-18T16:00:00Z', 'The Sable City Composite index rose 1.4 percent.'],
      [
        'Wire',
        '2026-11-20T11:00:00Z',
        'Shares gained on Friday, with the Sable City Composite index up 0.7 percent by midday.',
      ],
    );
    expect(found(texts)).toEqual([]);
  });

  it('keeps a dispute over one vote apart from a second vote of the same board', () => {
    const texts = sources(
      [
        'Ledger',
        '2027-02-17T07:00:00Z',
        'The Delm school board voted 6-3 on Tuesday night to close Ashby Primary. In a second vote, the board voted 5-4 to delay the closure of Kerrow Primary by a year.',
      ],
      [
        'Courier',
        '2027-02-17T09:00:00Z',
        "Delm's school board voted 7-2 to close Ashby Primary on Tuesday night.",
      ],
      [
        'Radio',
        '2027-02-18T12:00:00Z',
        "A proposal to delay closing Kerrow Primary passed narrowly, 5-4, at Tuesday's meeting of the Delm school board.",
      ],
    );
    expect(found(texts)).toEqual([
      { status: 'disputed', values: ['6-3', '7-2'], outlets: [['Ledger'], ['Courier']] },
    ]);
  });

  it('does not take the start of one thing for the start of another', () => {
    const texts = sources(
      ['Wire', '2026-11-12T16:00:00Z', 'The returning officer said the recount would begin on Monday.'],
      ['Post', '2026-11-22T17:00:00Z', 'His third term begins on January 1.'],
    );
    expect(found(texts)).toEqual([]);
  });

  it('keeps a figure a later report gives as the earlier one out of the dispute the later reports still have', () => {
    const texts = sources(
      [
        'Wire',
        '2026-11-12T16:00:00Z',
        'Officials ordered a full recount after the count gave Mayor Ada Quill a margin of 214 votes over challenger Tom Brent.',
      ],
      [
        'Radio',
        '2026-11-17T11:00:00Z',
        'The first count gave Mayor Ada Quill a margin of 214 votes over challenger Tom Brent.',
      ],
      [
        'Courier',
        '2026-11-21T18:00:00Z',
        'A full recount confirmed Ada Quill as mayor, with her margin over challenger Tom Brent narrowed to 187 votes from 214 in the original count.',
      ],
      [
        'Post',
        '2026-11-22T17:00:00Z',
        "Tom Brent conceded a day after the recount confirmed Mayor Ada Quill's victory by 178 votes. The recount narrowed Quill's lead from the original 214 votes.",
      ],
    );
    const [fact] = detectDisagreements(texts);
    expect(fact?.disagreement.status).toBe('disputed');
    // The first count's margin is history: the recount's two figures are what the sources dispute.
    expect(fact?.disagreement.values.map((v) => [v.value, v.earlier ?? false])).toEqual([
      ['187', false],
      ['178', false],
      ['214', true],
    ]);
  });
});
