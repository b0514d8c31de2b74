import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { tagWords } from './nlp.js';
import { planSections } from './sections.js';
import { stem } from '../verify/text.js';

const TEXT = [
  'Crownline Power shut off the power lines near the ridge on Thursday afternoon.',
  'Investigators are examining whether sparks from the Crownline power lines started the fire.',
  'Crownline Power inspected its ridge power lines twice in September, the utility reported.',
  'Harrow County asked the national government for disaster funds of up to $40 million for housing.',
  'Disaster funds from the national government would pay for temporary housing for displaced families.',
  'The county housing office has listed 300 families who need temporary housing after the fire.',
  'The mayor praised the firefighters who saved the school on the ridge road.',
  'Schools in Kestrel Falls will remain closed until at least Wednesday next week.',
  'The blaze was first reported at 1:40 p.m. on a ridge above the town, officials said.',
].join(' ');

const article = sourceArticle(
  1,
  'Ridgeback Fire: questions over power lines and aid',
  TEXT,
  new Date('2026-11-13T18:00:00Z'),
  'Harrow Valley Courier',
);

describe('planSections', () => {
  it('splits a long section that holds two sub-topics while there is room for more sections', () => {
    const picks = collectCandidates([article]);
    const sections = planSections(picks, { tag: (c) => tagWords(c.text), told: new Set() });
    expect(sections.length).toBeLessThanOrEqual(5);
    const sectionOf = (needle: string) =>
      sections.findIndex((s) => s.sentences.some((c) => c.text.includes(needle)));
    // The power lines and the disaster funds are two sub-topics, each under its own heading.
    expect(sectionOf('sparks from the Crownline')).toBe(sectionOf('inspected its ridge power lines'));
    expect(sectionOf('asked the national government')).toBe(sectionOf('300 families'));
    expect(sectionOf('sparks from the Crownline')).not.toBe(sectionOf('asked the national government'));
    for (const s of sections) expect(s.sentences.length).toBeLessThanOrEqual(4);
  });
});

describe('sections of what was said and of one sentence', () => {
  const recall = sourceArticle(
    2,
    'Heater recall widens',
    [
      'Lumora Systems raised the number of heaters covered by the recall to 480,000 on Sunday.',
      'The recall now covers heaters sold through a discount channel that the first notice left out.',
      '"Every heater sold through the discount channel is covered by the recall," said Anders Kell.',
      'The firmware update for the heater controller reached connected heaters on Friday night.',
      'The controller firmware had failed to stop heating when a sensor reported overheating.',
      'Regulators welcomed the wider recall, a spokesperson for the safety board said.',
    ].join(' '),
    new Date('2026-11-16T07:00:00Z'),
  );

  it('joins a quote and a lone reaction to the sub-topic they are about', () => {
    const sections = planSections(collectCandidates([recall]), {
      tag: (c) => tagWords(c.text),
      told: new Set(),
    });
    const headings = sections.map((s) => s.heading);
    expect(headings).not.toContain('What was said');
    expect(headings).not.toContain('Reaction');
    const sectionOf = (needle: string) =>
      sections.findIndex((s) => s.sentences.some((c) => c.text.includes(needle)));
    expect(sectionOf('"Every heater sold')).toBe(sectionOf('discount channel that the first notice'));
    expect(sections.flatMap((s) => s.sentences)).toHaveLength(6);
  });

  it('keeps each quote with its sub-topic, a section of one thread whole up to six sentences', () => {
    const quoted = sourceArticle(
      3,
      'Ridgeback Fire: power lines and aid',
      [
        TEXT,
        '"The power lines on the ridge were inspected twice this autumn," said Crownline Power\'s Ana Ruiz.',
        '"Disaster funds for housing cannot wait for the national government," said Mayor Alan Priddy.',
        '"Families who need temporary housing will get it before winter," said Hanna Kowal.',
      ].join(' '),
      new Date('2026-11-13T18:00:00Z'),
    );
    const sections = planSections(collectCandidates([quoted]), {
      tag: (c) => tagWords(c.text),
      told: new Set(),
    });
    const sectionOf = (needle: string) =>
      sections.findIndex((s) => s.sentences.some((c) => c.text.includes(needle)));
    expect(sectionOf('"The power lines on the ridge')).toBe(sectionOf('inspected its ridge power lines'));
    expect(sectionOf('"Disaster funds for housing')).toBe(sectionOf('asked the national government'));
    expect(sectionOf('"Families who need')).toBe(sectionOf('300 families'));
    for (const s of sections) expect(s.sentences.length).toBeLessThanOrEqual(6);
  });

  it('splits a very long section even when all its sentences share words', () => {
    const long = sourceArticle(
      4,
      'Heater recall',
      Array.from(
        { length: 8 },
        (_, i) =>
          `The Lumora heater recall covers model ${i + 1} of the HearthLink heater line sold in Calvera.`,
      )
        .concat([
          'Shares of the Sable City exchange fell sharply on Monday morning after trading opened.',
          'Traders on the Sable City exchange sold shares of retailers and banks on Monday morning.',
        ])
        .join(' '),
      new Date('2026-11-16T07:00:00Z'),
    );
    const sections = planSections(collectCandidates([long]), {
      tag: (c) => tagWords(c.text),
      told: new Set(),
    });
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.sentences.length).toBeLessThanOrEqual(6);
  });
});

describe('sections of sentences about one thing', () => {
  it('keeps a background sentence with the sub-topic it goes back over', () => {
    const museum = sourceArticle(
      5,
      'Museum theft',
      [
        'The museum cut its overnight security staff from five guards to two in March as part of savings demanded by the ministry.',
        'Museum director Cordelia Fane defended the overnight security staff and their training.',
        'The stolen astrolabe, made in Varnholm in 1583, is one of three known to survive.',
        'The astrolabe and a gold reliquary were taken from two display cases in the gallery.',
        'The reliquary, a small gold and enamel box, was donated to the collection in 1904.',
        'The museum had already reduced its overnight guard team earlier this year.',
      ].join(' '),
      new Date('2026-11-20T07:00:00Z'),
    );
    const sections = planSections(collectCandidates([museum]), {
      tag: (c) => tagWords(c.text),
      told: new Set(),
    });
    const sectionOf = (needle: string) =>
      sections.findIndex((s) => s.sentences.some((c) => c.text.includes(needle)));
    expect(sectionOf('reduced its overnight guard team')).toBe(sectionOf('cut its overnight security staff'));
    expect(sections.map((s) => s.heading)).not.toContain('Background');
  });

  it('groups sentences by the things the headline already named', () => {
    const theft = sourceArticle(
      6,
      'Tapestry and chalice stolen',
      [
        'The gallery cut its night security staff from six guards to three in April to save money.',
        'The gallery had reduced its night guard team before the winter.',
        'Union leaders said three guards could not cover four floors at night.',
        'Detectives said the thieves had studied the alarm system for weeks.',
        'The alarm system had been switched off for maintenance, detectives said.',
        'Detectives are examining footage from cameras on the coast road.',
        'The tapestry, woven in Lorvik in 1602, is one of two of its kind to survive.',
        'Only two tapestries from the Lorvik workshop are known, the other in a private collection.',
        'The chalice, a small silver cup from about 1710, was bequeathed to the collection in 1921.',
        'Police found the chalice undamaged in a storage unit near the harbour.',
      ].join(' '),
      new Date('2026-11-20T07:00:00Z'),
    );
    const sections = planSections(collectCandidates([theft]), {
      tag: (c) => tagWords(c.text),
      told: new Set(['tapestry', 'chalice', 'stolen', 'gallery'].map(stem)),
    });
    const sectionOf = (needle: string) =>
      sections.findIndex((s) => s.sentences.some((c) => c.text.includes(needle)));
    expect(sectionOf('small silver cup')).toBe(sectionOf('Police found the chalice'));
    expect(sectionOf('woven in Lorvik')).toBe(sectionOf('Only two tapestries'));
    expect(sectionOf('small silver cup')).not.toBe(sectionOf('woven in Lorvik'));
    expect(sectionOf('small silver cup')).not.toBe(sectionOf('night guard team'));
  });

  it('puts a sentence no phrase names with the section it is like, not into the first one', () => {
    const recount = sourceArticle(
      6,
      'Recount',
      [
        'The recount of the mayoral race began on Tuesday at the exhibition centre downtown.',
        'Lawyers for both campaigns argued over the disputed ballots at the exhibition centre.',
        'The scanners rejected ballots at 14 polling stations, forcing staff to count them by hand.',
        '"The scanners rejected ballots and staff counted them by hand," said Quill.',
      ].join(' '),
      new Date('2026-11-20T07:00:00Z'),
    );
    const sections = planSections(collectCandidates([recount]), {
      tag: (c) => tagWords(c.text),
      told: new Set(['recount', 'mayor']),
    });
    const sectionOf = (needle: string) =>
      sections.findIndex((s) => s.sentences.some((c) => c.text.includes(needle)));
    expect(sections.length).toBeGreaterThanOrEqual(2);
    expect(sectionOf('"The scanners rejected')).toBe(sectionOf('rejected ballots at 14'));
    expect(sectionOf('"The scanners rejected')).not.toBe(sectionOf('recount of the mayoral race'));
  });
});

describe('headings of a body split in two', () => {
  const deal = sourceArticle(
    3,
    'Copperhill Brewing agrees takeover of Tidewater Ales',
    [
      '"Tidewater has built something special, and our job is to give it more tanks and more trucks without changing what is in the can," said Copperhill chief executive Graham Okafor.',
      '"We were offered a lot of money before and said no," said Leo Harker.',
      "The price represents about 2.5 times Tidewater's annual revenue, a premium that analysts said reflected the brand's growth of 18 percent a year since 2021, while overall beer sales in Calvera have fallen by about 1 percent a year.",
      'Copperhill shares rose 3.2 percent on Tuesday.',
      'The authority said it would decide within 40 working days whether to open a full investigation.',
    ].join(' '),
    new Date('2026-11-17T09:00:00Z'),
  );

  it('names each half by words that stand in it', () => {
    const sections = planSections(collectCandidates([deal]), {
      tag: (c) => tagWords(c.text),
      told: new Set(),
    });
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections)
      expect(
        s.sentences.some((c) => c.text.toLowerCase().includes(s.heading.toLowerCase())),
        s.heading,
      ).toBe(true);
  });
});

describe("sections of a story's aspects", () => {
  const plan = (sentences: string[]) =>
    planSections(
      collectCandidates([
        sourceArticle(7, 'Central bank cuts rate', sentences.join(' '), new Date('2026-11-19T12:00:00Z')),
      ]),
      { tag: (c) => tagWords(c.text), told: new Set() },
    );

  it('gathers how markets took the news under a heading of its own', () => {
    const sections = plan([
      'The central bank cut its forecast for economic growth next year to 1.1 percent from 1.4 percent.',
      'The bank said weak business investment and softer exports had slowed economic growth.',
      'The main share index closed 0.6 percent higher.',
      'The two-year government bond yield fell 6 basis points to 3.52 percent.',
      'The national currency slipped 0.3 percent against the euro.',
      'About 38 percent of mortgages in the country are on variable rates.',
      'On a typical variable mortgage, the cut saves about $52 a month.',
    ]);
    const markets = sections.find((s) => s.heading === 'Markets');
    expect(markets?.sentences.map((c) => c.text)).toEqual([
      'The main share index closed 0.6 percent higher.',
      'The two-year government bond yield fell 6 basis points to 3.52 percent.',
      'The national currency slipped 0.3 percent against the euro.',
    ]);
    expect(sections.length).toBeGreaterThan(1);
  });

  it('gives no aspect heading to what the whole story is about', () => {
    const sections = plan([
      'A housing tribunal ruled on Thursday that the landlord had failed to carry out repairs.',
      'The tribunal cut the rent increase to 4 percent and ordered the landlord to repay tenants.',
      'The tribunal found that the landlord had made no effort to address damp in the east tower.',
      'The association documented 1,840 repair requests over two years.',
    ]);
    expect(sections.map((s) => s.heading)).not.toContain('In court');
  });
});

describe('a side note on another event', () => {
  it('closes its section', () => {
    const fire = sourceArticle(
      8,
      'Castlerock fire',
      [
        'The fire follows the Ridgeback wildfire, which destroyed homes in nearby Kestrel Falls a week earlier.',
        'The chief operating officer said production at the plant would be suspended for at least a week.',
        "A councillor said she would ask for the plant's permit to be reviewed, as the plant employs 210 people.",
      ].join(' '),
      new Date('2026-11-21T09:00:00Z'),
    );
    const sections = planSections(collectCandidates([fire]), {
      tag: (c) => tagWords(c.text),
      told: new Set(),
    });
    const holding = sections.find((s) => s.sentences.some((c) => c.text.includes('Ridgeback')));
    expect(holding?.sentences.at(-1)?.text).toMatch(/^The fire follows/);
    expect(sections.map((s) => s.heading).join(' ')).not.toMatch(/Ridgeback|wildfire/i);
  });
});
