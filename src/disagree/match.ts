import { titlesAgree } from './titles.js';
import type { Mention } from './types.js';

/**
 * Which mentions of different articles are one fact with different values. Two mentions are one
 * fact when they are of the same kind and unit and their contexts say the same thing is measured
 * (weighted word overlap, rare words weighing most); they conflict when their values differ and
 * neither article also states the other's value for that fact (an article giving both "14
 * percent" and "7.5 percent" is telling two facts apart, not disagreeing).
 */

/** How alike two contexts must be to be one fact. */
export const SAME_FACT = 0.34;
/** The times, dates and places of one event are named by the event word itself: less context is needed. */
function threshold(m: Mention, other?: Mention): number {
  // A revision or correction names its figure in few words ("corrected the figure to €340 million").
  if (m.revised || other?.revised) return SAME_FACT * 0.6;
  // The event word already says which event: a little shared context is enough.
  if (m.kind === 'date' || m.kind === 'time' || m.kind === 'place') return SAME_FACT / 3;
  // Percentages abound in a story (rates, shares, changes): telling them apart takes more context.
  return m.kind === 'percent' ? SAME_FACT * 1.4 : SAME_FACT;
}

/** How alike a context must be to count as an article also stating a value. */
const ALSO_STATES = 0.2;
const NEAR_WEIGHT = 1;
const CLAUSE_WEIGHT = 0.6;
const FAR_WEIGHT = 0.25;
const NEAR_AGREEMENT = 0.7;
// Two values more than this far apart (ratio) are not two reports of one figure.
const CLOSEST = 0.34;
// The least overlap a sole count of a kind needs to be taken for the other article's sole count.
const SOLE_OVERLAP = 0.2;
// Durations are counted in every story ("two years", "ten days"): a sole one says little.
const DURATIONS = new Set(['year', 'month', 'week', 'day', 'hour', 'minut', 'minute', 'second', 'decad']);

/** Word weights of a story's mentions: rare context words tell facts apart, common ones do not. */
export type Idf = (word: string) => number;

/**
 * A fact named so specifically that an article rarely states two of it (a mass, a count of homes, a
 * cost per day): when each of two articles states exactly one value of that kind and unit, they are
 * likely one fact even in other words ("the 3,100-kilogram satellite", "the 2,850-kilogram spacecraft").
 */
export function specific(m: Mention): boolean {
  if (m.kind === 'title' || m.kind === 'percent' || m.kind === 'date' || m.kind === 'time') return false;
  if (m.kind === 'count' && DURATIONS.has(m.unit)) return false;
  if (m.kind === 'amount') return m.per !== '' && m.per !== 'change';
  return m.unit !== '';
}

/** The inverse document frequency of context words over a story's mentions. */
export function contextIdf(mentions: readonly Mention[]): Idf {
  const df = new Map<string, number>();
  for (const m of mentions)
    for (const w of new Set([...m.near, ...m.clause])) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, mentions.length);
  return (w) => Math.log(1 + n / (df.get(w) ?? 1));
}

function vector(m: Mention, idf: Idf): Map<string, number> {
  const v = new Map<string, number>();
  // The event word says which kind of event, not which one ("the recount would begin", "his term begins").
  const skip = new Set(m.event ?? []);
  for (const w of m.far) v.set(w, Math.max(v.get(w) ?? 0, FAR_WEIGHT * idf(w)));
  for (const w of m.clause) v.set(w, Math.max(v.get(w) ?? 0, CLAUSE_WEIGHT * idf(w)));
  for (const w of m.near) v.set(w, Math.max(v.get(w) ?? 0, NEAR_WEIGHT * idf(w)));
  for (const w of skip) v.delete(w);
  return v;
}

/** Whether two mentions can be values of one fact at all: kind, unit, rate and time qualifier. */
export function comparable(a: Mention, b: Mention): boolean {
  if (a.kind !== b.kind) return false;
  // A title or a place belongs to its person or event whatever the clause says around it.
  if (a.kind === 'title' || a.kind === 'place') return a.unit === b.unit;
  if (a.per !== b.per) return false;
  if (a.unit !== b.unit && !(a.kind === 'count' && (a.unit === '' || b.unit === ''))) return false;
  // A report published before the day another says its percentage moved cannot be reporting that
  // move: rises and falls are of a day ("the index rose 1.4 percent", "up 0.7 percent on Friday").
  if (after(a, b) || after(b, a)) return false;
  const dated = a.kind === 'date' || a.kind === 'time';
  if (!dated && a.anchor !== null && b.anchor !== null && a.anchor !== b.anchor) return false;
  return closeness(a, b) >= CLOSEST;
}

function after(a: Mention, b: Mention): boolean {
  return a.kind === 'percent' && a.day !== null && b.published !== null && a.day > b.published;
}

/** Whether a bound holds the other value ("more than 400" and 412): no conflict. */
export function withinBound(a: Mention, b: Mention): boolean {
  if (typeof a.value !== 'number' || typeof b.value !== 'number') return false;
  const holds = (m: Mention, v: number) =>
    (m.bound === 'min' && v >= (m.value as number)) || (m.bound === 'max' && v <= (m.value as number));
  return holds(a, b.value) || holds(b, a.value);
}

/** How near two numbers are (smaller over larger), 1 for other values. */
function closeness(a: Mention, b: Mention): number {
  if (typeof a.value !== 'number' || typeof b.value !== 'number' || a.kind === 'date' || a.kind === 'time')
    return 1;
  const [x, y] = [Math.abs(a.value), Math.abs(b.value)];
  return Math.max(x, y) === 0 ? 1 : Math.min(x, y) / Math.max(x, y);
}

/** Whether two values are the same (allowing rounding, other units and compatible titles). */
export function sameValue(a: Mention, b: Mention): boolean {
  if (typeof a.value === 'string' || typeof b.value === 'string') {
    if (a.kind === 'title') return titlesAgree(String(a.value), String(b.value));
    if (a.kind === 'place') return wordsWithin(String(a.value), String(b.value));
    return a.value === b.value;
  }
  // Clock times, days and ranks are exact: 13:00 is no rounding of 13:35.
  if (a.kind === 'time' || a.kind === 'date' || a.kind === 'ordinal') return a.value === b.value;
  return numbersAgree(a.value, b.value, a.kind === 'measure' && unitWord(a) !== unitWord(b) ? 0.02 : 0);
}

function wordsWithin(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  // A venue and a town can both be right ("at the Kaldhall conference centre", "in Varnholm").
  if (VENUE.test(a) !== VENUE.test(b)) return true;
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

const VENUE =
  /\b(?:quay|centre|center|hall|stadium|arena|park|square|palace|church|cathedral|hotel|airport|station|house|building|club|theatre|theater|museum|university|school|hospital|court|field|ground|gardens?|pier|wharf)\b/i;

function unitWord(m: Mention): string {
  return m.text.replace(/^[\d.,\s-]+/, '').toLowerCase();
}

/** Equal numbers, or one the rounding of the other ("about $4.2 million" and $4.23 million), within `slack`. */
export function numbersAgree(a: number, b: number, slack = 0): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (scale === 0) return true;
  if (Math.abs(a - b) / scale <= Math.max(slack, 1e-6)) return true;
  const digits = (n: number) =>
    (Math.abs(n).toExponential().split('e')[0]!.replace('.', '').replace(/0+$/, '') || '1').length;
  const [coarse, fine] = digits(a) <= digits(b) ? [a, b] : [b, a];
  // One significant digit ("4,000 tonnes") is a figure of its own, not a rounding of 4,400.
  return (
    digits(coarse) >= 2 &&
    digits(coarse) < digits(fine) &&
    Number(fine.toPrecision(digits(coarse))) === coarse
  );
}

/** How alike two mentions' contexts are, 0..1 (titles of one person are one fact whatever the wording). */
export function similarity(a: Mention, b: Mention, idf: Idf): number {
  if (a.kind === 'title') return 1;
  const x = vector(a, idf);
  const y = vector(b, idf);
  let shared = 0;
  let sx = 0;
  let sy = 0;
  for (const [w, v] of x) {
    sx += v;
    const other = y.get(w);
    if (other !== undefined) shared += Math.min(v, other);
  }
  for (const v of y.values()) sy += v;
  // A counted noun both name ("homes") already says much of what is measured.
  const noun = a.kind === 'count' && a.unit !== '' && a.unit === b.unit ? 0.25 : 0;
  // The words right beside the values agreeing ("pledge of Estmark investment") weigh most.
  const overlap = Math.max(
    sx === 0 || sy === 0 ? 0 : shared / Math.min(sx, sy),
    NEAR_AGREEMENT * nearOverlap(a, b, idf),
  );
  return Math.min(1, noun + (1 - noun) * overlap) * (0.7 + 0.3 * closeness(a, b));
}

function nearOverlap(a: Mention, b: Mention, idf: Idf): number {
  const x = new Set(a.near.filter((w) => !a.event?.includes(w)));
  const y = new Set(b.near.filter((w) => !b.event?.includes(w)));
  if (x.size < 2 || y.size < 2) return 0;
  let shared = 0;
  let sx = 0;
  let sy = 0;
  for (const w of x) {
    sx += idf(w);
    if (y.has(w)) shared += idf(w);
  }
  for (const w of y) sy += idf(w);
  return shared / Math.min(sx, sy);
}

/** The context overlap of two mentions alone (no credit for the noun they share). */
function contextOverlap(a: Mention, b: Mention, idf: Idf): number {
  return similarity({ ...a, kind: 'amount' }, { ...b, kind: 'amount' }, idf);
}

/** Whether an article's mentions also state `value`'s value for the same fact (not as the earlier one). */
function alsoStates(mentions: readonly Mention[], value: Mention, idf: Idf, asEarlierToo = false): boolean {
  // The same percentage twice in one story is one figure far more often than a coincidence.
  const enough = value.kind === 'percent' ? ALSO_STATES / 4 : ALSO_STATES;
  return mentions.some(
    (m) =>
      comparable(m, value) &&
      sameValue(m, value) &&
      (asEarlierToo || !(m.earlier && m.revised)) &&
      similarity(m, value, idf) >= enough,
  );
}

/** The mention of `others` most like `m` among those of the same kind, with its similarity. */
function bestMatch(
  m: Mention,
  others: readonly Mention[],
  idf: Idf,
  mine: readonly Mention[],
  earlierToo: boolean,
): { mention?: Mention; score: number } {
  let best: { mention?: Mention; score: number } = { score: -1 };
  // A value both articles state is an agreement: the other value of the fact is what may conflict.
  const candidates = others.filter(
    (o) =>
      comparable(m, o) &&
      !o.earlier &&
      o.bound !== 'range' &&
      (sameValue(m, o) || !alsoStates(mine, o, idf, earlierToo)),
  );
  for (const o of candidates) {
    const sim = similarity(m, o, idf);
    // A measure, place in a ranking or tally needs no shared word; a count or rate needs one at least.
    const sole =
      specific(m) &&
      candidates.length === 1 &&
      soleOfItsKind(m, others) &&
      (contextOverlap(m, o, idf) >= SOLE_OVERLAP || m.kind === 'measure' || m.kind === 'tally');
    const score = Math.max(sim, sole ? SAME_FACT : 0);
    if (score > best.score) best = { mention: o, score };
  }
  return best;
}

/** Whether `m` is its article's only value of its kind and unit (others are the other article's). */
const soleOfItsKind = (m: Mention, _others: readonly Mention[]): boolean => m.sole === true;

/**
 * The pairs of mentions that conflict: one fact, different values, each the other's best match in
 * its article, and neither article stating the other's value.
 */
export function conflicts(
  byArticle: ReadonlyMap<number, Mention[]>,
  idf: Idf,
  outletOf: (articleId: number) => string = String,
): [Mention, Mention][] {
  const out: [Mention, Mention][] = [];
  for (const mentions of byArticle.values()) {
    for (const m of mentions) {
      m.sole = !mentions.some(
        (o) =>
          o !== m &&
          !o.earlier &&
          o.kind === m.kind &&
          o.unit === m.unit &&
          o.per === m.per &&
          !sameValue(o, m),
      );
    }
  }
  const ids = [...byArticle.keys()];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const one = byArticle.get(ids[i]!)!;
      const two = byArticle.get(ids[j]!)!;
      for (const [left, right] of [
        [one, two],
        [two, one],
      ] as const) {
        for (const a of left) {
          if (a.earlier || a.bound === 'range') continue;
          // Leaving out values `left` acknowledges even as earlier ones ("narrowed from 214"): agreed history.
          const { mention: b, score } = bestMatch(a, right, idf, left, true);
          if (!b || score < threshold(a, b) || sameValue(a, b) || withinBound(a, b)) continue;
          if (bestMatch(b, left, idf, right, false).mention !== a) continue;
          if (alsoStates(left, b, idf) || alsoStates(right, a, idf)) continue;
          // An outlet does not dispute itself: two of its figures differ as an update says so, or are two facts.
          if (outletOf(a.articleId) === outletOf(b.articleId) && !a.revised && !b.revised) continue;
          out.push([a, b]);
        }
      }
    }
  }
  return out;
}

/** The mentions of other articles that agree with a fact's value: more sources for it. */
export function agreeing(value: Mention, all: readonly Mention[], idf: Idf): Mention[] {
  return all.filter(
    (m) =>
      m !== value && comparable(m, value) && sameValue(m, value) && similarity(m, value, idf) >= SAME_FACT,
  );
}
