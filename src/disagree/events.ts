import type { Entity, Span } from '../analyze/types.js';
import { contextStem, epochDay } from './context.js';
import type { RawValue } from './quantities.js';

/**
 * The time, date and place of events: a value is only read where an event word sits beside it
 * ("broke out on Thursday", "will be held in Ostbury"), and the event word becomes what the value
 * is of, so the date of a funeral is never compared with the date of a vote.
 */

// Events whose time, date or place sources report; stems so "launched" and "launch" agree.
const EVENT = String.raw`(?:capsiz\w*|sank|sunk|sinking|went over|overturned|exploded|explosion|began|begin|begins|started|start|starts|broke out|took place|take place|takes place|held|hold|happened|occurred|struck|launch\w*|lift(?:ed)? off|signed|signing|opened|opening|died|crashed|erupted|collapsed|landed|arrived|funeral|ceremony|vote|voted|election|hearing|meeting|summit|match|final|trial|walkout|strike|kick-off|kicked off|burial|wedding|inauguration|sworn in|verdict|sentencing|debate|rally|concert|premiere|reopen\w*|resumed|resume|ended)`;
const EVENT_WORD = new RegExp(`\\b${EVENT}\\b`, 'gi');
// An event that did not happen then: its date is another fact than the one it happened on.
const CALLED_OFF =
  /\b(?:called off|postpon\w*|scrub\w*|delay\w*|cancel\w*|abort\w*|suspend\w*|next attempt|try again)\b/i;
// A date right after a speech verb dates the statement, not the event.
const SPEECH_BEFORE =
  /\b(?:said|says|told|added|stated|confirmed|wrote|announced|reported)\s+(?:(?:\w+\s+){0,2}|(?:(?:at|on|by|in|the|end|of|late|early)\s+){1,5})$/i;

const WEEKDAY =
  /\b(?:on|by|until|from|since|last|next|this)?\s?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const MONTH = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}\b(?!,? \d{4})`, 'g');
const MONTH_DAY = new RegExp(String.raw`\b${MONTH}\.? (\d{1,2})(?:st|nd|rd|th)?\b(?!,? \d{4}|\d)`, 'g');
const CLOCK =
  /(?<![\d.:,$])(\d{1,2})(?:([:.])(\d{2}))?\s?(a\.m\.|p\.m\.|am\b|pm\b|UTC\b|GMT\b|local time\b)?(?:\s(UTC|GMT|local time)\b)?(?![\d%])/gi;
// Only these events have a place sources could disagree on; "in" after others names a region.
const PLACE_EVENTS = new Set([
  'held',
  'signing',
  'summit',
  'meeting',
  'ceremony',
  'funeral',
  'match',
  'final',
  'concert',
  'wedding',
  'trial',
  'hearing',
  'rally',
  'launch',
  'debate',
  'inauguration',
]);
// A sentence about what is to come: its weekdays lie ahead of publication.
const FUTURE = /\b(?:will|would|is to|are to|plans? to|expected to|scheduled|due to|set to)\b/i;
const PLACE_BEFORE = /\b(?:in|at)\s+(?:the\s+)?$/i;

/** The event word nearest the value within its sentence, as a key, or null when there is none. */
function eventNear(sentence: string, at: number): { key: string; word: string } | null {
  let best: { key: string; word: string; distance: number } | null = null;
  for (const m of sentence.matchAll(EVENT_WORD)) {
    const distance = Math.abs(m.index - at);
    if (distance > 40 || (best && best.distance <= distance)) continue;
    best = { key: eventKey(m[0]), word: m[0], distance };
  }
  return best;
}

function eventKey(word: string): string {
  const w = word.toLowerCase();
  if (/^(?:began|begin|begins|started|start|starts)$/.test(w)) return 'start';
  if (/^(?:launch|lift)/.test(w)) return 'launch';
  if (/^(?:took|take|takes) place$|^(?:held|hold|happened|occurred)$/.test(w)) return 'held';
  if (/^(?:vote|voted)$/.test(w)) return 'vote';
  if (/^(?:capsiz|sank|sunk|sinking|went over|overturned)/.test(w)) return 'sinking';
  if (/^(?:signed|signing)$/.test(w)) return 'signing';
  if (/^(?:opened|opening|reopen)/.test(w)) return 'opening';
  if (/^(?:kick-off|kicked off)$/.test(w)) return 'kick-off';
  return w.replace(/(?:ed|s)$/, '');
}

function insideQuote(body: string, at: number): boolean {
  const before = body.slice(0, at);
  const opened = (before.match(/[“"]/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return before.includes('“') ? opened > 0 : opened % 2 === 1;
}

/** Times, dates and places of events in one sentence of an article. */
export function eventValues(
  text: string,
  sentence: Span,
  published: Date | null,
  places: readonly Entity[],
): RawValue[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: RawValue[] = [];
  const push = (kind: RawValue['kind'], at: number, length: number, value: number | string, suffix = '') => {
    const near = eventNear(body, at);
    const event = near?.key;
    if (
      !near ||
      !event ||
      SPEECH_BEFORE.test(body.slice(0, at)) ||
      (kind === 'place' && !PLACE_EVENTS.has(event))
    )
      return;
    // Inside a quote a time or day is often a habit ("cleaners who start at 5 a.m."), not the event's.
    if (kind !== 'place' && insideQuote(body, at)) return;
    const off = CALLED_OFF.test(body.slice(Math.max(0, at - 60), at + length + 60)) ? '~off' : '';
    out.push({
      kind,
      unit: `${event}${suffix}${off}`,
      event: near.word
        .split(/\s+/)
        .map(contextStem)
        .filter((w): w is string => w !== null),
      value,
      text: body.slice(at, at + length),
      span: { start: sentence.start + at, end: sentence.start + at + length },
    });
  };
  for (const m of body.matchAll(CLOCK)) {
    const zone = (m[4] ?? '').toLowerCase();
    // A bare "4" is no time, nor is "2.30" without a.m. or p.m. (an amount or a ratio).
    if ((!m[3] || m[2] === '.') && !/m\.?$|utc|gmt/.test(zone)) continue;
    let hours = Number(m[1]);
    const minutes = Number(m[3] ?? 0);
    if (hours > 23 || minutes > 59) continue;
    if (/^p/.test(zone) && hours < 12) hours += 12;
    if (/^a/.test(zone) && hours === 12) hours = 0;
    const tz = /utc|gmt/i.test(`${m[4] ?? ''} ${m[5] ?? ''}`) ? ':utc' : '';
    push('time', m.index, m[0].trimEnd().length, hours * 60 + minutes, tz);
  }
  if (published) {
    const today = epochDay(published);
    for (const m of body.matchAll(WEEKDAY)) {
      const target = 'sunday monday tuesday wednesday thursday friday saturday'
        .split(' ')
        .indexOf(m[1]!.toLowerCase());
      const ahead =
        /^(?:next|until)/i.test(m[0].trim()) || FUTURE.test(body.slice(Math.max(0, m.index - 40), m.index));
      const shift = ahead
        ? (target - published.getUTCDay() + 7) % 7
        : -((published.getUTCDay() - target + 7) % 7);
      const at = m.index + m[0].length - m[1]!.length;
      push('date', at, m[1]!.length, today + shift);
    }
    for (const [re, dayAt, monthAt] of [
      [DAY_MONTH, 1, 2],
      [MONTH_DAY, 2, 1],
    ] as const) {
      for (const m of body.matchAll(re)) {
        const month = MONTHS.indexOf(m[monthAt]!.slice(0, 3).toLowerCase());
        const day = Date.UTC(published.getUTCFullYear(), month, Number(m[dayAt]));
        push('date', m.index, m[0].length, Math.floor(day / 86_400_000));
      }
    }
  }
  for (const place of places) {
    for (const mention of place.mentions) {
      if (mention.start < sentence.start || mention.end > sentence.end) continue;
      const at = mention.start - sentence.start;
      if (!PLACE_BEFORE.test(body.slice(Math.max(0, at - 12), at))) continue;
      // "Kaldhall conference centre": the venue word after a name tells a venue from a town.
      const venue =
        /^\s+(?:\w+\s+)?(centre|center|hall|stadium|arena|park|square|palace|hotel|quay|pier|house)\b/i.exec(
          body.slice(at + mention.end - mention.start),
        );
      push(
        'place',
        at,
        mention.end - mention.start,
        venue ? `${place.key} ${venue[1]!.toLowerCase()}` : place.key,
      );
    }
  }
  return out;
}
