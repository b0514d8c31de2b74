import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { toldOnPage, withoutToldOnPage } from './told.js';

describe('toldOnPage', () => {
  it('holds a sentence told again in other words by a lede and a timeline line together', () => {
    const page = [
      "The rocket's first stage landed on a barge in the ocean about eight minutes after lift-off, the company said.",
      'Calvera launched its Halcyon-2 weather satellite from Cape Morrow Spaceport on Wednesday, a day after the first attempt was called off because of high-altitude winds.',
      "The company's Skylark 5 rocket launched the satellite from Cape Morrow at 06:42 UTC after a one-day delay.",
      'Aurelis Launch, which built the rocket, was praised by both government and opposition.',
    ];
    const liftOff =
      'The satellite lifted off from Cape Morrow Spaceport aboard an Aurelis Launch Skylark 5 rocket at 06:42 UTC, a day after high winds forced a postponement.';
    expect(toldOnPage(page, liftOff)).toBe(true);
  });

  it('holds a sentence another holds but for its light words', () => {
    const page = [
      'The museum reopened to visitors on Thursday, with the Age of Navigation gallery still closed.',
    ];
    expect(toldOnPage(page, 'The Age of Navigation gallery will remain closed until further notice.')).toBe(
      true,
    );
  });

  it('keeps what a sentence adds to words the page already has', () => {
    const page = [
      '"These objects belong to every person in Calvera, and we want them home," said the museum\'s director, Dr. Cordelia Fane, on Tuesday.',
      'A fast-moving wildfire forced about 9,500 residents to leave their homes and burning an estimated 18,400 acres.',
    ];
    expect(toldOnPage(page, "Museum director Dr. Cordelia Fane defended the museum's staff.")).toBe(false);
    expect(toldOnPage(page, 'Two residents remain in hospital with burns.')).toBe(false);
  });

  it('holds a sentence another tells in other words', () => {
    const page = [
      'The museum cut its overnight security staff from five guards to two in March as part of savings of $1.8 million demanded by the Ministry of Culture, according to internal budget papers.',
    ];
    expect(toldOnPage(page, 'The museum reduced its overnight guard team earlier this year.')).toBe(true);
    expect(toldOnPage(page, 'The museum reduced its overnight guard team after a strike by cleaners.')).toBe(
      false,
    );
  });

  it.each([
    [
      'Profits rose at Copperhill Brewing last year as its sales rose in Calvera and abroad.',
      'Profits climbed at Copperhill Brewing last year as its sales increased in Calvera and abroad.',
    ],
    [
      "The hospital cut its night staff and its weekend staff at the children's ward.",
      "The hospital cut its night team and its weekend personnel at the children's ward.",
    ],
    [
      'The county cut library opening hours and cut the book budget at the Dunmore branch.',
      'The county reduced library opening hours and slashed the book budget at the Dunmore branch.',
    ],
    [
      'Copperhill bought Tidewater Ales and bought a bottling plant in Port Alder.',
      'Copperhill acquired Tidewater Ales and purchased a bottling plant in Port Alder.',
    ],
  ])('holds a sentence told in words of the same sense: %s', (told, again) => {
    expect(toldOnPage([told], again)).toBe(true);
  });

  it('holds a sentence that adds only how long a thing takes and when it starts', () => {
    const page = [
      'The satellite will raise itself over about two weeks to geostationary orbit, where it will replace Halcyon-1.',
      'The national weather service said data from the satellite would be available to forecasters from the spring of 2027, after four months of testing.',
    ];
    const told =
      'The satellite will take about two weeks to reach its final orbit and will begin sending data to forecasters in the spring of 2027.';
    expect(toldOnPage(page, told)).toBe(true);
    const more =
      'The satellite will take about two weeks to reach its final orbit and will begin sending storm images to airlines in the spring of 2027.';
    expect(toldOnPage(page, more)).toBe(false);
  });

  it('keeps a figure or date of another fact, and a new name', () => {
    const page = [
      'On June 25, Knowles reportedly targeted the Walgreens at 3914 W. Commercial Blvd. in Tamarac.',
      'Knowles reportedly hit a Walgreens in the city of Tamarac, according to the sheriff’s office.',
    ];
    expect(toldOnPage(page, 'Knowles reportedly hit a Walgreens in the city of Tamarac on June 11th.')).toBe(
      false,
    );
    expect(toldOnPage(page, 'Knowles reportedly hit a Walgreens in the city of Plantation on June 25.')).toBe(
      false,
    );
    expect(toldOnPage(page, 'Knowles reportedly hit a Walgreens in the city of Tamarac on June 25.')).toBe(
      true,
    );
  });

  it('keeps a sentence that tells the state of someone the page only says was hurt', () => {
    const page = [
      'A psychiatric patient opened fire inside a wellness center in Darby on Thursday, and a doctor suffered a graze wound.',
      'The patient, Richard Plotts, was shot by the doctor on Thursday night.',
    ];
    const state =
      'The patient, Richard Plotts, was in critical condition Thursday night from three gunshot wounds.';
    expect(toldOnPage(page, state)).toBe(false);
  });

  it('keeps what someone said, and a quotation', () => {
    const page = ['City Clerk Kim Lehmkuhl, under fire for months, resigned Monday in Pleasant Hill.'];
    expect(
      toldOnPage(
        page,
        'City leaders say Monday was a good day for Pleasant Hill, now that Lehmkuhl resigned.',
      ),
    ).toBe(false);
    expect(toldOnPage(page, '"Kim Lehmkuhl resigned Monday," the city of Pleasant Hill said.')).toBe(false);
  });
});

describe('withoutToldOnPage', () => {
  const [covers, detail, founded] = collectCandidates([
    sourceArticle(
      1,
      'E-bike recall',
      'The recall covers batteries fitted to Glide V2 electric bikes sold since March 2024. ' +
        'The recall covers 48-volt packs with serial numbers beginning GV2-24 and GV2-25, made between March 2024 and June 2025 by a supplier Vantor did not name. ' +
        'Vantor, founded in Sable City in 2016, is the country’s second-largest e-bike brand.',
      new Date('2026-11-25T08:00:00Z'),
    ),
  ]);
  const above = [
    'The recall of 62,000 Vantor e-bike batteries has revived a dispute over charging.',
    'Vantor, which is privately held, sold about 110,000 Glide V2 bikes, according to industry data.',
  ];

  it('leaves out the sentence that tells less, and keeps the fuller one', () => {
    expect(withoutToldOnPage([covers!, detail!, founded!], above)).toEqual([detail, founded]);
  });
});

describe('withoutToldOnPage, a report opening on the event the page told', () => {
  const above = [
    'Calvera launches Halcyon-2 weather satellite at second attempt',
    'Calvera launched its Halcyon-2 weather satellite from Cape Morrow Spaceport on Wednesday, a day after the first attempt was called off because of high-altitude winds.',
    'The satellite will raise itself over about two weeks to geostationary orbit, where it will replace Halcyon-1.',
  ];
  const report = (text: string) =>
    collectCandidates([sourceArticle(7, 'Halcyon-2 is in orbit', text, new Date('2026-11-26T07:50:00Z'))]);

  it('keeps only the news the opening joins to the event', () => {
    const [opening] = report(
      "Calvera's new weather satellite, Halcyon-2, is on its way to orbit after a successful launch on Wednesday, but critics say the mission ran years late and far over budget.",
    );
    const [news] = withoutToldOnPage([opening!], above);
    expect(news!.text).toBe('Critics say the mission ran years late and far over budget.');
    expect(opening!.article.text.slice(news!.start, news!.end)).toBe(
      'critics say the mission ran years late and far over budget.',
    );
  });

  it('keeps an opening whose first clause tells what the page does not, or whose news leans on it', () => {
    const texts = [
      'Aurelis Launch, a rocket maker founded in Sable City in 2018, built the rocket that carried the satellite, and Aurelis plans to list its shares next year.',
      "Calvera's new weather satellite, Halcyon-2, is on its way to orbit after a successful launch on Wednesday, and it will replace a satellite launched in 2014.",
      "The launch of Calvera's Halcyon-2 weather satellite from Cape Morrow on Wednesday, and the landing of the rocket's first stage, were watched by 4,000 people.",
    ];
    for (const text of texts) {
      const [opening] = report(text);
      expect(withoutToldOnPage([opening!], above)).toEqual([opening]);
    }
  });

  it('keeps a sentence of the same form deeper in a report', () => {
    const second = report(
      'Forecasters at the national weather service welcomed the news on Wednesday. ' +
        "Calvera's new weather satellite, Halcyon-2, is on its way to orbit after a successful launch on Wednesday, but critics say the mission ran years late and far over budget.",
    ).find((c) => c.position === 1);
    expect(withoutToldOnPage([second!], above)).toEqual([second]);
  });
});

describe('withoutToldOnPage, a report opening the page tells in other sentences', () => {
  const above = [
    'A judge has thrown out three murder charges against a Philadelphia abortion provider',
    'Common pleas court Judge Jeffrey Minehart dismissed the first-degree murder charges Tuesday against Dr. Kermit Gosnell.',
    'In January of 2011, Gosnell was charged with eight counts of murder.',
  ];
  const retelling =
    'The judge threw out three of the eight murder charges against abortion doctor Kermit Gosnell.';
  const report = (text: string) =>
    collectCandidates([sourceArticle(3, 'Gosnell charges dropped', text, new Date('2013-04-30T16:00:00Z'))]);

  it('leaves out an opening whose words the page holds across its sentences', () => {
    const [opening] = report(retelling);
    expect(withoutToldOnPage([opening!], above)).toEqual([]);
  });

  it('keeps such a sentence deeper in a report, and an opening that tells more', () => {
    const deeper = report(
      `Jurors at the Philadelphia trial were sent home early on Tuesday afternoon. ${retelling}`,
    ).find((c) => c.position === 1);
    const [more] = report(
      'The judge threw out three of the eight murder charges against abortion doctor Kermit Gosnell after jurors heard from a neonatal expert.',
    );
    expect(withoutToldOnPage([deeper!], above)).toEqual([deeper]);
    expect(withoutToldOnPage([more!], above)).toEqual([more]);
  });
});
