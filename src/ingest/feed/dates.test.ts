import { describe, expect, it } from 'vitest';
import { parseFeedDate, settleDate } from './dates.js';

describe('parseFeedDate', () => {
  it.each([
    ['RFC 822 with GMT (Guardian)', 'Wed, 31 Jan 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
    ['RFC 822 with a numeric zone', 'Wed, 31 Jan 2018 07:26:05 +0100', '2018-01-31T06:26:05.000Z'],
    ['RFC 822 with a US zone name', 'Tue, 30 Jan 2018 20:01:01 PST', '2018-01-31T04:01:01.000Z'],
    ['German weekday and CEST (heise-style)', 'Mi, 31 Jan 2018 07:26:05 CEST', '2018-01-31T05:26:05.000Z'],
    ['RFC 822 without a weekday, two-digit year', '31 Jan 18 07:26 GMT', '2018-01-31T07:26:00.000Z'],
    ['single-digit hour', 'Sat, 1 Feb 2014 9:05:00 -0500', '2014-02-01T14:05:00.000Z'],
    ['ISO 8601 with offset (Science RDF dc:date)', '2017-06-15T10:29:47-07:00', '2017-06-15T17:29:47.000Z'],
    ['ISO 8601 with a space and no zone (read as UTC)', '2018-01-31 07:26:05', '2018-01-31T07:26:05.000Z'],
    ['ISO 8601 date only', '2018-01-31', '2018-01-31T00:00:00.000Z'],
    ['ISO 8601 with a colon-less offset', '2018-01-31T7:26:05+0100', '2018-01-31T06:26:05.000Z'],
  ])('%s', (_name, raw, iso) => {
    expect(parseFeedDate(raw)?.toISOString()).toBe(iso);
  });

  it.each([['garbage'], [''], ['  '], ['yesterday']])('returns null for %j', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});

describe('settleDate', () => {
  const fetched = new Date('2026-01-30T10:00:00Z');
  it.each([
    ['missing', null, true],
    ['far future', new Date('2099-01-01T00:00:00Z'), true],
    ['epoch zero', new Date(0), true],
    ['a plausible date', new Date('2026-01-29T10:00:00Z'), false],
  ])('%s date', (_name, date, estimated) => {
    const settled = settleDate(date, fetched);
    expect(settled.estimated).toBe(estimated);
    if (estimated) expect(settled.date).toEqual(fetched);
  });
});
