import { describe, expect, it } from 'vitest';
import { entityKey, extractEntities } from './entities.js';

function find(text: string, key: string) {
  return extractEntities(text).find((e) => e.key === key);
}

describe('extractEntities', () => {
  it('links "Kim Jung-kwan", "Minister Kim" and "Kim" within an article', () => {
    const text =
      'Trade Minister Kim Jung-kwan arrived on Monday. "We are close," Minister Kim told reporters. Kim added that talks would go on.';
    const kim = find(text, 'kim jung-kwan')!;
    expect(kim.kind).toBe('person');
    expect(kim.name).toBe('Kim Jung-kwan');
    expect(kim.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Kim Jung-kwan', 'Kim', 'Kim']);
  });

  // Rows from the MultiLing 2011 WikiNews sample.
  it.each([
    ['Japanese Prime Minister Junichiro Koizumi announced the funds.', 'junichiro koizumi', 'person'],
    ['The Ministry of Defence said the sailors were in Iraqi waters.', 'ministry of defence', 'organization'],
    [
      'Roger Bilham, professor at the University of Colorado, said so.',
      'university of colorado',
      'organization',
    ],
    ['Police searched houses in Leeds on Tuesday.', 'leeds', 'place'],
    ['After the U.S. increased its funding, others followed.', 'united states', 'place'],
    ['Sean McCormack said the British demand was supported.', 'sean mccormack', 'person'],
    ['The ECB kept rates low.', 'ecb', 'organization'],
    ['"We got this wrong," said Lumora Chief Executive Anders Kell.', 'anders kell', 'person'],
    // Unknown names that say what they are by their last word.
    ['Crews were sent to Harrow County overnight.', 'harrow county', 'place'],
    ['Smoke drifted over Kestrel Falls on Thursday.', 'kestrel falls', 'place'],
    ['The Ridgeback Fire burned 18,400 acres.', 'ridgeback fire', 'other'],
    ['The Sable City Composite index closed 0.6 percent higher.', 'sable city composite', 'other'],
    ['Merrow Rovers lost the final to Dunlow Athletic.', 'merrow rovers', 'organization'],
    ['Councillor Ada Voss asked for a review.', 'ada voss', 'person'],
    ['Deputy Mayor for Transport Karin Holm rode the first tram.', 'karin holm', 'person'],
    ['Crownline Power cut supply to 14,000 customers.', 'crownline power', 'organization'],
    // A place by its first word.
    ['Shares in the Port Merrow biotech rose 22 percent.', 'port merrow', 'place'],
    ['The rocket lifted off from Cape Dunne at dawn.', 'cape dunne', 'place'],
  ])('%s → %s (%s)', (text, key, kind) => {
    expect(find(text, key)?.kind).toBe(kind);
  });

  it('folds a surname after "in" into the person it names, not a place', () => {
    const text =
      "The astrolabe is the work of instrument maker Henrik Aasen. It was made in Aasen's workshop in Varnholm.";
    const aasen = find(text, 'henrik aasen')!;
    expect(aasen.kind).toBe('person');
    expect(aasen.mentions).toHaveLength(2);
    expect(find(text, 'aasen')).toBeUndefined();
    expect(find(text, 'varnholm')?.kind).toBe('place');
  });

  it("folds a company's short name into its full name", () => {
    const text = 'Crownline Power cut supply to 14,000 customers. Crownline said the cut was a precaution.';
    const crownline = find(text, 'crownline power')!;
    expect(crownline.kind).toBe('organization');
    expect(crownline.mentions).toHaveLength(2);
    expect(find(text, 'crownline')).toBeUndefined();
  });

  it('does not take capitalized sentence openers for names', () => {
    const keys = extractEntities(
      'Despite the storm, ships sailed. Tsunami deaths mount as the tsunami spreads.',
    ).map((e) => e.key);
    expect(keys).not.toContain('despite');
    expect(keys).not.toContain('tsunami');
  });

  it('takes a group that says something for no person', () => {
    const text = 'Critics say the demand would raise fares. Okafor said the union would not move.';
    expect(find(text, 'critics')?.kind).not.toBe('person');
    expect(find(text, 'okafor')?.kind).toBe('person');
  });

  it('takes a group opening a sentence before "said" for no person, and a surname the article names in full for one', () => {
    const text =
      'Shares rose on Monday. Analysts said the results were strong. Tom Evans, an economist, was cautious. Evans said the price mattered more.';
    expect(find(text, 'analysts')).toBeUndefined();
    expect(find(text, 'tom evans')?.mentions).toHaveLength(2);
  });

  it("folds a club's short name into the one organisation whose name ends on it", () => {
    const text =
      'Harrow beat Sable City Rovers 2-1. Rovers had led through a free kick. Rovers receive $7 million.';
    const rovers = find(text, 'sable city rovers')!;
    expect(rovers.mentions).toHaveLength(3);
    expect(find(text, 'rovers')).toBeUndefined();
  });

  it('takes the word for a kind of body opening a sentence for no organisation', () => {
    const text = 'Government officials said the deal was close. Police are investigating the fire.';
    expect(extractEntities(text)).toEqual([]);
  });

  it('normalizes keys: case, diacritics, possessives, aliases', () => {
    expect(entityKey('Ahmadinejad’s')).toBe('ahmadinejad');
    expect(entityKey('José Mourinho')).toBe('jose mourinho');
    expect(entityKey('U.S.')).toBe('united states');
  });
});
