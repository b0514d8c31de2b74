import { findNumbers, sameValue } from '../verify/numbers.js';
import { contentStems } from '../verify/text.js';
import { type Candidate, containment, overlap, sharedStems, sharesSpan } from './candidates.js';

// An article's opening sentences carry its news: the first counts three times, the second twice.
const POSITION_BONUS = 2;
// Two sentences sharing this much of their words say the same thing (wire copy reworded).
export const NEAR_DUPLICATE = 0.5;
// A sentence most of whose words another already holds retells it ("The fire broke out shortly
// after 2 a.m. in the plant's finishing hall" beside a longer account of the same start).
const RETOLD = 0.7;

// Two sentences that give the same figure and share this much of their words state one fact
// ("inflation fell to 2.6 percent in October" beside "inflation was 2.6 percent in October, above
// the target"; "led through Ilic's 34th-minute free kick" beside "took the lead in the 34th minute
// through Ilic").
const SAME_FIGURE = 0.3;

/** Whether two sentences give the same figure about the same thing ("the union wants 14 percent"). */
export function sameFigureFact(a: Candidate, b: Candidate): boolean {
  return containment(a, b) >= SAME_FIGURE && sharesFigure(a, b);
}

/** Whether two sentences tell the same thing (a pair and a sentence of it always do). */
export function sameFact(a: Candidate, b: Candidate): boolean {
  return (
    sharesSpan(a, b) ||
    overlap(a, b) >= NEAR_DUPLICATE ||
    containment(a, b) >= RETOLD ||
    sameFigureFact(a, b) ||
    reworded(a, b)
  );
}

// Two outlets telling one fact in their own words share most of its everyday words ("fans can
// exchange them for corrected jerseys" beside "fans will have the opportunity to swap the misspelled
// jerseys"), and the names of each that the other names: two people charged alike share the words
// and not the names.
const REWORDED = 0.5;
// Fewer shared words are mostly two facts of one kind ("scored … in extra time" of two goals).
const REWORDED_WORDS = 4;

function reworded(a: Candidate, b: Candidate): boolean {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  if (x.names.size > 0 && y.names.size > 0 && ![...x.names].some((n) => y.names.has(n))) return false;
  let shared = 0;
  for (const s of x.everyday) if (y.everyday.has(s)) shared++;
  return (
    shared >= REWORDED_WORDS && shared / Math.max(1, Math.min(x.everyday.size, y.everyday.size)) >= REWORDED
  );
}

const wordsCache = new WeakMap<Candidate, { everyday: Set<string>; names: Set<string> }>();

/**
 * A sentence's content stems apart from its names (its capitalised words past the first), and
 * those names. A capitalised first word counts as neither: it is as often a name ("Tom Hale
 * scored") as an opening word.
 */
function wordsOf(c: Candidate): { everyday: Set<string>; names: Set<string> } {
  let found = wordsCache.get(c);
  if (!found) {
    const words = c.text.split(/\s+/);
    const named = (w: string) => /^["“‘(]?\p{Lu}/u.test(w);
    found = {
      everyday: new Set(contentStems(words.filter((w) => !named(w)).join(' '))),
      names: new Set(contentStems(words.filter((w, i) => i > 0 && named(w)).join(' '))),
    };
    wordsCache.set(c, found);
  }
  return found;
}

/** A figure a sentence states: a value, and whether it is a share or a place in an order. */
interface Figure {
  value: number;
  percent: boolean;
  ordinal: boolean;
}

// "the 34th minute", "34th-minute", "the 78th": a place in an order binds a fact as a count does
// ("led through Ilic in the 34th minute" twice is one goal). A century dates, as a year does.
const ORDINAL = /(?<![\p{L}\p{N}.,])(\d+)(?:st|nd|rd|th)(?![\p{L}\p{N}])(?![\s-]+centur)/giu;

/**
 * Whether a sentence tells nothing beyond what a sentence already on the page tells: its words
 * mostly there, or a figure of the same fact. A longer sentence holding a short one and more ("closed
 * on Sunday. It will stay shut until engineers…" beside "engineers inspected the supports") is not.
 */
export function retellsFact(told: Candidate, c: Candidate): boolean {
  return (
    sharesSpan(told, c) ||
    overlap(told, c) >= NEAR_DUPLICATE ||
    sharedStems(told, c) / Math.max(1, c.stems.size) >= RETOLD ||
    sameFigureFact(told, c)
  );
}

const figureCache = new WeakMap<Candidate, Figure[]>();

/**
 * A sentence's figures and ordinals, years and model numbers left out ("in 2024" dates a fact, it
 * does not state one).
 */
function figuresOf(c: Candidate): Figure[] {
  let found = figureCache.get(c);
  if (!found) {
    found = [
      ...findNumbers(c.text)
        .filter(
          (n) =>
            // "Halcyon-2", "BV-400" name a thing; they count nothing.
            !/\p{L}-$/u.test(c.text.slice(Math.max(0, n.start - 2), n.start)) &&
            (n.percent || !Number.isInteger(n.value) || n.value < 1900 || n.value > 2100),
        )
        .map((n) => ({ value: n.value, percent: n.percent, ordinal: false })),
      ...[...c.text.matchAll(ORDINAL)].map((m) => ({ value: Number(m[1]), percent: false, ordinal: true })),
    ];
    figureCache.set(c, found);
  }
  return found;
}

function sharesFigure(a: Candidate, b: Candidate): boolean {
  const theirs = figuresOf(b);
  return figuresOf(a).some((n) =>
    theirs.some((m) => m.percent === n.percent && m.ordinal === n.ordinal && sameValue(m.value, n.value)),
  );
}

/**
 * Picks sentences in order of the uncovered concept weight each adds per word (with a bonus for an
 * article's opening sentences, times its `standing`), until `words` words or the sentences run
 * out; near-duplicates of a picked sentence are skipped.
 * `covered` holds what is already on the page (a headline, a dek), so it adds nothing again.
 */
export function selectByCoverage(
  pool: readonly Candidate[],
  weights: ReadonlyMap<string, number>,
  options: {
    words: number;
    already?: readonly Candidate[];
    /** What a sentence counts for beside its concepts (how current its report is); 1 without. */
    standing?: (c: Candidate) => number;
  },
): Candidate[] {
  const covered = new Set<string>();
  const onPage = [...(options.already ?? [])];
  for (const c of onPage) for (const concept of c.concepts) covered.add(concept);
  const picked: Candidate[] = [];
  let count = 0;
  const open = pool.filter((c) => !onPage.includes(c));
  while (count < options.words) {
    let best: Candidate | undefined;
    let bestValue = -1;
    for (const c of open) {
      if (picked.includes(c)) continue;
      let gain = 0;
      for (const concept of new Set(c.concepts)) if (!covered.has(concept)) gain += weights.get(concept) ?? 0;
      const value = (gain / c.words) * (1 + POSITION_BONUS / (1 + c.position)) * (options.standing?.(c) ?? 1);
      // Once nothing adds shared content, the first article's sentences follow in its order.
      if (value > bestValue && ![...onPage, ...picked].some((p) => sameFact(p, c))) {
        bestValue = value;
        best = c;
      }
    }
    if (!best) break;
    picked.push(best);
    count += best.words;
    for (const concept of best.concepts) covered.add(concept);
  }
  return picked;
}
