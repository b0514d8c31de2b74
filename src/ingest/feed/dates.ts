/** A publication date, or the fetch time standing in for a missing or impossible one. */
export interface SettledDate {
  date: Date;
  estimated: boolean;
}

// Zone abbreviations that Date.parse does not know but real feeds use (heise, Spiegel, ABC AU…).
const ZONES: Record<string, string> = {
  CET: '+0100',
  CEST: '+0200',
  MEZ: '+0100',
  MESZ: '+0200',
  BST: '+0100',
  IST: '+0530',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  ACST: '+0930',
  AWST: '+0800',
  NZST: '+1200',
  NZDT: '+1300',
  EET: '+0200',
  EEST: '+0300',
  WET: '+0000',
  WEST: '+0100',
  MSK: '+0300',
  HKT: '+0800',
  SGT: '+0800',
  BRT: '-0300',
};

/**
 * Parses a feed date: RFC 822 (with or without the weekday, named or numeric zones), ISO 8601 and
 * common broken variants (a space instead of `T`, no zone, localized weekday names, `UTC` suffix).
 * A date without a zone is read as UTC. Returns null when nothing sensible can be read.
 */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  if (!raw) return null;
  let text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  // ISO 8601, possibly with a space for T and no zone: 2018-01-31 07:26:05
  const iso =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  if (iso) {
    const time = iso[2] ? iso[2].replace(',', '.').replace(/^(\d):/, '0$1:') : '00:00:00';
    let zone = (iso[3] ?? 'Z').toUpperCase();
    if (zone === 'UTC' || zone === 'GMT') zone = 'Z';
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return valid(new Date(`${iso[1]}T${time}${zone}`));
  }
  // Date.parse reads almost anything; a date without a four-digit year is not one.
  if (!/\d{4}|[A-Za-z]{3}\.? \d{2}\b/.test(text)) return null;
  // RFC 822: drop the weekday (any language), map zones Date.parse does not know.
  text = text.replace(/^[^\d,]{2,12},\s*/u, '');
  text = text.replace(/\b([A-Z]{3,4})$/, (zone) => ZONES[zone] ?? zone);
  if (!/([+-]\d{4}|\b(?:GMT|UTC?|Z|[ECMP][SD]T)\b)\s*$/i.test(text)) text = `${text} +0000`;
  return valid(new Date(text));
}

function valid(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}

const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** Uses the fetch time for a missing date, a far-future date or one before 1980 (epoch-zero bugs). */
export function settleDate(date: Date | null, fetchedAt: Date): SettledDate {
  if (
    date === null ||
    date.getTime() > fetchedAt.getTime() + FUTURE_SLACK_MS ||
    date.getUTCFullYear() < 1980
  ) {
    return { date: fetchedAt, estimated: true };
  }
  return { date, estimated: false };
}
