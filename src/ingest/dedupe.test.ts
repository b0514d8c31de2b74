import { describe, expect, it } from 'vitest';
import { DUPLICATE_SIMILARITY, fingerprint, fingerprintBands, similarity } from './dedupe.js';

// A wire story as two outlets ran it: one added a dateline and changed a phrase.
const wire =
  'The central bank raised its benchmark interest rate by a quarter of a percentage point on Wednesday, ' +
  'citing persistent inflation in services and a labour market that remains tighter than expected. ' +
  'Officials said further increases were possible if price pressures failed to ease over the coming months, ' +
  'while several members of the committee argued for a pause to assess the effect of earlier moves. ' +
  'Markets had largely anticipated the decision, and the currency was little changed after the announcement. ' +
  'Analysts expect the bank to publish updated forecasts for growth and inflation at its next meeting in June.';
const edited = `LONDON (Wire) - ${wire.replace(' on Wednesday', ' on Wednesday afternoon')}`;
const other =
  'The city council approved a plan to expand the tram network across the river, adding eleven stations ' +
  'and a new depot in the northern suburbs. Construction is expected to begin next spring and to take four years, ' +
  'with the first section opening to passengers before the end of the decade. Residents near the proposed route ' +
  'raised concerns about noise and the loss of trees, and the council promised a consultation on the final design. ' +
  'The project will be funded jointly by the regional government and a loan from a development bank.';

describe('fingerprint', () => {
  it('finds a lightly edited wire copy: a shared band and a similarity above the threshold', () => {
    const a = fingerprint(wire)!;
    const b = fingerprint(edited)!;
    expect(similarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
    expect(fingerprintBands(a).some((band) => fingerprintBands(b).includes(band))).toBe(true);
  });

  it('keeps a different story apart', () => {
    const a = fingerprint(wire)!;
    const c = fingerprint(other)!;
    expect(similarity(a, c)).toBeLessThan(0.2);
    expect(fingerprintBands(a).some((band) => fingerprintBands(c).includes(band))).toBe(false);
  });

  it('does not fingerprint a teaser-length text', () => {
    expect(fingerprint('Short teaser text about the rate decision.')).toBeNull();
  });
});
