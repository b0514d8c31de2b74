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
