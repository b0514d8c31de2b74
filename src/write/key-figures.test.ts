import { describe, expect, it } from 'vitest';
import { detectDisagreements } from '../disagree/detect.js';
import { sourceArticle } from '../verify/fixtures.js';
import { verifyDraft } from '../verify/verify.js';
import { pickFigures } from './key-figures.js';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));

// Shaped on the demo corpus's heater recall: the count was raised in a later report, the cost was
// stated only in reports whose sentences the body may never quote.
const recall = [
  sourceArticle(
    1,
    'Lumora recalls 410,000 smart heaters',
    'Lumora Systems is recalling 410,000 HearthLink 2 smart heaters because of a software fault, the regulator said on Saturday. ' +
      'The defect has been linked to nine house fires. ' +
      'The heaters sold for $149 through major retailers.',
    day(14),
  ),
  sourceArticle(
    2,
    'Lumora faces $62 million bill as heater recall widens',
    'Lumora Systems expects its recall of HearthLink 2 smart heaters to cost about $62 million, the company said on Sunday, as it raised the number of units covered to 480,000. ' +
      '"The cash cost is manageable, because they have about $210 million on the balance sheet," said an analyst. ' +
      'The network carries about 1.4 million trips a day.',
    day(16),
  ),
  sourceArticle(
    3,
    'Lumora knew in July',
    'Lumora received its first reports of overheating in July, but the recall of 410,000 heaters was announced only on Saturday. ' +
      'The company has put the cost of the recall at $62 million.',
    day(18),
  ),
];

describe('key figures of a story', () => {
  const facts = detectDisagreements(recall);
  const figures = pickFigures(recall, { facts });
  const byValue = new Map(figures.map((f) => [f.value, f.label]));

  it('names what each figure counts or costs, from any source, not only the sentences the body quotes', () => {
    expect(byValue.get(62e6)).toBe('expected cost of the recall');
    expect(byValue.get(480_000)).toBe('units covered');
  });

  it('gives a revised figure only at its current value', () => {
    expect(facts.some((f) => f.disagreement.status === 'revised')).toBe(true);
    expect(byValue.has(410_000)).toBe(false);
  });

  it('leaves out figures in quotations and figures whose label would only repeat their unit', () => {
    expect(byValue.has(210e6)).toBe(false);
    expect(byValue.has(1.4e6)).toBe(false);
  });

  it('gives each value and each label once, cited to a passage that holds it', () => {
    expect(new Set(figures.map((f) => f.label)).size).toBe(figures.length);
    expect(new Set(figures.map((f) => f.value)).size).toBe(figures.length);
    for (const f of figures) {
      const source = recall.find((a) => a.id === f.citation.article_id)!;
      expect(source.text.slice(f.citation.start, f.citation.end)).toBe(f.text);
    }
    const draft = {
      headline: 'Lumora recall',
      dek: 'Lumora recall',
      body: { lede: [], sections: [], quotes: [], figures },
    };
    expect(verifyDraft(draft, recall).failing.size).toBe(0);
  });

  it('states a figure that grew as the story went on at its newest value, once', () => {
    // Shaped on the wildfire: acres burned by Friday, then by Sunday.
    const fire = [
      sourceArticle(
        1,
        'Wildfire burns homes',
        'The fire had burned about 19,700 acres by Friday evening and destroyed 142 homes.',
        day(13),
      ),
      sourceArticle(
        2,
        'Wildfire contained',
        'The fire was 70 percent contained by Sunday evening after burning about 22,500 acres.',
        day(16),
      ),
    ];
    const picked = pickFigures(fire);
    expect(picked.filter((f) => f.label === 'acres burned').map((f) => f.value)).toEqual([22_500]);
    expect(picked.map((f) => [f.value, f.label])).toContainEqual([142, 'homes destroyed']);
  });

  it('takes one label in two spellings for one label', () => {
    // Shaped on Multi-News storm coverage: one report spells "cancelled", the other "canceled".
    const storm = [
      sourceArticle(
        1,
        'Storm grounds flights',
        'Airlines had cancelled more than 1,000 flights by Friday evening as the storm moved east.',
        day(13),
      ),
      sourceArticle(2, 'Storm moves east', 'The airlines canceled 600 flights on Saturday morning.', day(14)),
    ];
    const cancelled = pickFigures(storm).filter((f) => /^flights cancel/.test(f.label ?? ''));
    expect(cancelled.map((f) => f.value)).toEqual([600]);
  });

  it('keeps two things that share a name apart instead of taking one for an update of the other', () => {
    const recount = [
      sourceArticle(
        1,
        'Recount',
        'Scanners rejected 1,312 ballots on election night, officials said.',
        day(12),
      ),
      sourceArticle(2, 'Recount ends', 'At one polling station, scanners rejected 38 ballots.', day(21)),
    ];
    expect(pickFigures(recount).map((f) => f.value)).toContain(1312);
  });
});

describe('key figures of a story that moved on', () => {
  const strike = [
    sourceArticle(
      1,
      'Merrow dockworkers strike for 12 percent pay rise',
      'Dockworkers at Merrow walked off the job on Tuesday. ' +
        'The dockers union is seeking a 12 percent wage increase for its members. ' +
        'The strike has halted about 40 ships.',
      day(10),
    ),
    sourceArticle(
      2,
      'Merrow strike ends with 8 percent deal',
      'Merrow dockworkers agreed on Friday to end their strike after a deal for an 8 percent pay rise over two years. ' +
        'Ships will sail again from Saturday.',
      day(13),
    ),
  ];
  // The union's demand, in the first report: the deal has since been struck.
  const demand = strike[0]!.text.indexOf('The dockers union');
  const stale = (article: unknown, start: number) =>
    article === strike[0] && start >= demand && start < strike[0]!.text.indexOf('The strike has');

  it('leaves out a figure only a sentence later coverage moved past states', () => {
    const values = (figures: { value: number | null }[]) => figures.map((f) => f.value);
    expect(values(pickFigures(strike))).toContain(12);
    const figures = pickFigures(strike, { overtaken: stale });
    expect(values(figures)).not.toContain(12);
    expect(values(figures)).toContain(8);
  });

  // Shaped on the demo corpus's transit strike: reports during the dispute tell the offer and the
  // demand in the past tense or as the deal's background, which no stance of the body flags.
  const porters = [
    sourceArticle(
      1,
      'Merrow porters walk out',
      'About 900 porters at the Merrow docks walked off the job on Tuesday after the harbour board refused to raise its pay offer of 6 percent over two years. ' +
        'The porters union is asking for 12 percent. ' +
        'Economists forecast consumer price inflation of 3 percent next year.',
      day(10),
    ),
    sourceArticle(
      2,
      'Merrow strike ends with 9 percent deal',
      'Merrow porters agreed on Friday to end their strike after the union and the harbour board reached a deal for a 9 percent pay rise over two years. ' +
        "The deal falls between the union's demand for 12 percent and the board's earlier offer of 6 percent. " +
        'Ships will sail again from Saturday.',
      day(13),
    ),
  ];

  it.each([
    ['dated reports, the offer and the demand told before the deal', porters],
    ['one report that tells the deal and the offers it settled', [{ ...porters[1]!, published_at: null }]],
  ])('leaves out what a side offered or sought once the thing is settled: %s', (_, sources) => {
    const values = pickFigures(sources).map((f) => f.value);
    expect(values).toContain(9);
    expect(values).not.toContain(6);
    expect(values).not.toContain(12);
  });

  it('keeps a forecast of something else, a position the deal did not settle, and positions whose order the sources do not tell', () => {
    expect(pickFigures(porters).map((f) => f.value)).toContain(3);
    const rejected = sourceArticle(
      3,
      'Merrow porters reject deal',
      'Merrow porters voted on Monday to reject the deal, and the porters union is now asking for a 10 percent pay rise over two years.',
      day(15),
    );
    expect(pickFigures([...porters, rejected]).map((f) => f.value)).toContain(10);
    const undated = porters.map((a) => ({ ...a, published_at: null }));
    expect(
      pickFigures([undated[0]!, { ...undated[1]!, text: undated[1]!.text.split('. ')[0]! }]),
    ).toContainEqual(expect.objectContaining({ value: 6 }));
  });

  it('leaves out a bid the agreed price overtook', () => {
    const takeover = (text: string) =>
      pickFigures([sourceArticle(1, 'Brightwater buys Lantern', text, day(14))]).map((f) => f.value);
    const agreed = 'Brightwater agreed on Monday to buy Lantern Foods for $240 million in cash. ';
    expect(
      takeover(`${agreed}Lantern's board had turned down a $200 million bid from Brightwater in March.`),
    ).toEqual(expect.not.arrayContaining([200e6]));
    expect(
      takeover(`${agreed}Lantern's board had turned down a $200 million bid from Brightwater in March.`),
    ).toContain(240e6);
  });
});

describe('key figures without a label that says what they count', () => {
  it('leaves out a number whose label is a name, a verb or a page control, and an age', () => {
    const sources = [
      sourceArticle(
        1,
        'Harbour film opens',
        'The film about the harbour strike opened in 56 cinemas across Calvera on Friday. ' +
          'Tickets sold for $14 at the Dunmore Odeon, where 2,400 people queued for the first showing. ' +
          'Its trailer has been watched 14 autoplay autoplay times, the studio said. ' +
          'Ruiz was 48 when the strike began, and the actor playing her is 61. ' +
          'The 26 year-old projectionist Faye Lorne said 2,000 tickets had sold out.',
        day(14),
      ),
    ];
    const labels = pickFigures(sources, { facts: [] }).map((f) => f.label);
    for (const label of labels) {
      expect(label).not.toMatch(/^\p{Lu}\S*$/u);
      expect(label).not.toMatch(/autoplay autoplay/);
      expect(label).not.toMatch(/^old\b/);
    }
  });
});

describe('key figures read as a reader would read them', () => {
  // Each sentence opens a report of its own, so each figure is among the story's first.
  const figures = pickFigures(
    [
      'The radio show had roughly 100,000 regular listeners, many of whom sent donations.',
      'More than 8,000 people have died so far in the violence, the monitors said.',
      'The study followed 103 male patients with the disorder for 12 years.',
      'Families of those killed in the Sept. 11 attacks met the board on Tuesday.',
      'The couple sold the house at 5012 Powell Drive for $2.4 million.',
    ].map((text, i) => sourceArticle(i + 1, `Report ${i + 1}`, text, day(14))),
    { facts: [] },
  );
  const label = (value: number) => figures.find((f) => f.value === value)?.label;

  it('gives a name its number, and a count its modifier', () => {
    const text = 'The walkout by 7,200 members of Transit Workers Union Local 212 has left the roads jammed.';
    const [strike] = pickFigures([sourceArticle(1, 'Strike', text, day(14))], { facts: [] });
    expect(strike?.label).toBe('members of Transit Workers Union Local 212');
    expect(figures.find((f) => f.value === 103)?.text).toBe('103');
    expect(label(103)).toMatch(/^male patients\b/);
  });

  it('leaves out what is had and the adverbs of the clause', () => {
    expect(label(100_000)).toBe('regular listeners');
    expect(label(8000)).toBe('people died');
  });

  it('takes no day of a date and no house number for a figure', () => {
    expect(figures.map((f) => f.value)).not.toContain(11);
    expect(figures.map((f) => f.value)).not.toContain(5012);
  });

  it('tells a value a change set apart from the one it changed, and only then', () => {
    const tenants = [
      'Tenants at Larkspur Towers have won a year-long fight against a 19 percent rent increase, the association said.',
      'The tribunal cut the increase to 4 percent and ordered the landlord to repay excess rent.',
    ].map((text, i) => sourceArticle(i + 1, `Tenants ${i + 1}`, text, day(14)));
    const labels = new Map(pickFigures(tenants, { facts: [] }).map((f) => [f.value, f.label]));
    expect(labels.get(19)).toBe('rent increase');
    expect(labels.get(4)).toBe('reduced increase');
    const bank = [
      'The central bank of Freedonia cut its main interest rate to 3.75 percent on Thursday, officials said.',
    ].map((text, i) => sourceArticle(i + 1, `Bank ${i + 1}`, text, day(14)));
    expect(pickFigures(bank, { facts: [] }).find((f) => f.value === 3.75)?.label).toBe('main interest rate');
  });

  it('says a value someone expects is their estimate, not the thing itself', () => {
    const text =
      'Shares of Orrin rose on Monday after Pavel Ruiz, an analyst at Northgate Research, raised his forecast of the drug’s yearly sales to $1.9 billion.';
    const [forecast] = pickFigures([sourceArticle(1, 'Orrin shares rise', text, day(14))], { facts: [] });
    expect(forecast?.value).toBe(1.9e9);
    expect(forecast?.label).toMatch(/^forecast of the drug’s yearly sales/);
  });

  it('says whose a count gained is', () => {
    const reports = [
      'Mayor Bernard Quill won a third term on Sunday. ' +
        'Quill, of the Civic Alliance, received 93,240 votes and Brennan, of the Progressive Coalition, 93,053.',
      'Across the city, the Civic Alliance and the Progressive Coalition received 186,293 votes in all, officials said.',
    ].map((text, i) => sourceArticle(i + 1, `Result ${i + 1}`, text, day(14)));
    const found = pickFigures(reports, { facts: [] });
    expect(found.find((f) => f.value === 93_240)?.label).toBe('votes received by Quill');
    expect(found.find((f) => f.value === 186_293)?.label).toBe('votes received');
  });

  it('takes no end of a range and no rate without what it is the rate of', () => {
    const reports = [
      'Estimates for the region range 15–60% of the rock, the survey found.',
      'Murphy pays just $330 a month—less than the interest on her balance—under a federal plan.',
      'Sprint had more than 52 million subscribers at the end of June.',
      'She was taken 275 miles west to Nagoya, where she was held.',
    ].map((text, i) => sourceArticle(i + 1, `Report ${i + 1}`, text, day(14)));
    const found = pickFigures(reports, { facts: [] });
    const values = found.map((f) => f.value);
    expect(values).not.toContain(60);
    expect(values).not.toContain(330);
    for (const f of found) expect(f.label).not.toMatch(/\bend$|\bwest\b|\bmonth\b/);
  });

  it('takes no count added to a toll, no all or none, and no label that is only a unit', () => {
    const reports = [
      'Troops shelled the town again on Monday, with dozens more people killed.',
      'The makers say the 100% edible cup is baked from a biscuit dough.',
      'Some owners advise running the battery down to 0 percent once a month.',
      'The robot will search an area of about 15 square miles on its first dive.',
      'The court imposed a fine of 3,000 Bahraini dinars on the editor.',
      'Here are 18 surprising facts about the new bridge you may have missed.',
    ].map((text, i) => sourceArticle(i + 1, `Report ${i + 1}`, text, day(14)));
    const values = pickFigures(reports, { facts: [] }).map((f) => f.value);
    for (const v of [0, 100, 15, 3000, 18]) expect(values).not.toContain(v);
    expect(values.some((v) => v !== null && v > 10 && v < 100)).toBe(false);
    const kept = pickFigures(
      [sourceArticle(1, 'Fire', 'Here the wildfire has destroyed 163 homes in the county.', day(14))],
      { facts: [] },
    );
    expect(kept.map((f) => f.label)).toContain('homes destroyed in the county');
  });

  it('gives a small count that only says who is counted once, and keeps what was done to one', () => {
    const crew = [
      'Officials in Tehran met the 15 British sailors on Friday, the embassy said.',
      'The fifteen navy crew, eight of them marines, landed at the base on Thursday.',
    ].map((text, i) => sourceArticle(i + 1, `Crew ${i + 1}`, text, day(14)));
    expect(pickFigures(crew, { facts: [] }).filter((f) => f.value === 15)).toHaveLength(1);
    const memorial = [
      'A total of 52 people were killed in the bombings four years ago.',
      'The memorial has 52 stainless steel columns in Hyde Park, the council said.',
    ].map((text, i) => sourceArticle(i + 1, `Memorial ${i + 1}`, text, day(14)));
    expect(pickFigures(memorial, { facts: [] }).filter((f) => f.value === 52)).toHaveLength(2);
  });

  it('gives a rate once and says a cut is a cut', () => {
    const reports = [
      'Malaria remains common, sickening more than 200 million people a year, the agency said.',
      'The plan would cut about $900 billion in spending over a decade, officials said.',
      'The law introduced fines of up to $5,000 for protesters.',
      'The insurer put aside the expected losses of $3 million for the storm.',
    ].map((text, i) => sourceArticle(i + 1, `Report ${i + 1}`, text, day(14)));
    const found = pickFigures(reports, { facts: [] });
    const malaria = found.find((f) => f.value === 200e6);
    expect(malaria && `${malaria.text} — ${malaria.label}`).toBe('200 million — people sickened a year');
    expect(found.find((f) => f.value === 900e9)?.label).toBe('cut in spending');
    expect(found.find((f) => f.value === 5000)?.label).toBe('fines');
    expect(found.find((f) => f.value === 3e6)?.label).toBe('expected losses');
  });

  it('takes no plural an amount is written before for what the amount is', () => {
    const reports = [
      'A fire on Sunday destroyed one of its $90,000-plus electric pickups, the company said.',
      'The $12 billion garden products market is growing fast, analysts said.',
      'The sheriff asked him to pay a $48,000 security bill for 30 days of protection.',
    ].map((text, i) => sourceArticle(i + 1, `Report ${i + 1}`, text, day(14)));
    const found = pickFigures(reports, { facts: [] });
    expect(found.map((f) => f.value)).not.toContain(90_000);
    expect(found.map((f) => f.value)).not.toContain(12e9);
    expect(found.find((f) => f.value === 48_000)?.label).toBe('security bill for 30 days');
  });

  it('shows a figure a bare noun names only when the reports make it matter, and no address', () => {
    const reports = [
      'Searchers found the car on Friday. The location is approximately 39 miles from the gas station where she was last seen. ' +
        'Children of a parent with the syndrome have a 50% chance of inheriting it.',
      'The 400 block of Daly Street was closed after the collapse, and police had received 40 allegations of abuse by then.',
    ].map((text, i) => sourceArticle(i + 1, `Report ${i + 1}`, text, day(14)));
    const found = pickFigures(reports, { facts: [] });
    const values = found.map((f) => f.value);
    expect(values).not.toContain(39);
    expect(values).not.toContain(50);
    expect(values).not.toContain(400);
    // An of-phrase says what is counted.
    expect(found.find((f) => f.value === 40)?.label).toMatch(/^allegations of abuse/);
    // The same bare noun where several outlets report the figure is one of the story's own.
    const bail = [1, 2, 3].map((i) =>
      sourceArticle(i, `Court ${i}`, `The judge set a bail of $50,000 on Monday, report ${i} said.`, day(14)),
    );
    expect(pickFigures(bail, { facts: [] }).map((f) => f.value)).toContain(50_000);
  });
});
