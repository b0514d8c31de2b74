import type { TimelineEntry } from '../db/schema.js';
import type { Candidate } from './candidates.js';
import { NEAR_DUPLICATE } from './coverage.js';
import { overlap, sharesSpan } from './candidates.js';
import { normalizeForMatch } from '../verify/text.js';

/**
 * The timeline of a story whose sources span two days or more: for each day, the sentence of that
 * day's coverage that adds most to what earlier days said (an article's opening preferred), dated
 * by the day it names ("on Thursday", "Nov. 11") when that precedes the article, else the article's
 * day. Nothing already on the page is repeated: a day whose sentences are all on it gets its
 * article's title.
 */

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(?:on |last )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const MAX_ENTRIES = 8;
const AHEAD =
  /\b(?:will|would|is expected to|are expected to|is due to|are due to|is scheduled|are scheduled|plans? to)\b/i;

export interface Timeline {
  entries: TimelineEntry[];
  /** Sentences of `movable` the timeline took: the page should now leave them out of its body. */
  taken: Candidate[];
}

/**
 * Dated developments, oldest first; empty when the sources do not span two days. `movable` are
 * sentences the page would carry in its body but could give up: a day whose every sentence is on
 * the page takes its best movable one rather than repeat it.
 */
export function buildTimeline(
  pool: readonly Candidate[],
  onPage: readonly Candidate[],
  weights: ReadonlyMap<string, number>,
  options: { headline?: string; movable?: readonly Candidate[] } = {},
): Timeline {
  const { headline = '', movable = [] } = options;
  const byDay = new Map<string, Candidate[]>();
  for (const c of pool) {
    if (!c.article.published_at) continue;
    const day = isoDay(c.article.published_at.getTime());
    byDay.set(day, [...(byDay.get(day) ?? []), c]);
  }
  if (byDay.size < 2) return { entries: [], taken: [] };
  const told = new Set<string>();
  const used = [...onPage, ...movable];
  const taken: Candidate[] = [];
  const out: TimelineEntry[] = [];
  const value = (c: Candidate) => {
    let gain = 0;
    for (const concept of new Set(c.concepts)) if (!told.has(concept)) gain += weights.get(concept) ?? 1;
    return (gain / c.words) * (1 + 1 / (1 + c.position));
  };
  const bestOf = (choices: readonly Candidate[]) => {
    let best: Candidate | undefined;
    let bestValue = 0;
    for (const c of choices) {
      const v = value(c);
      if (v > bestValue) {
        best = c;
        bestValue = v;
      }
    }
    return best;
  };
  for (const day of [...byDay.keys()].sort()) {
    const usable = byDay.get(day)!.filter((c) => !c.speaker && !c.dangling);
    // A pair on the page holds its sentences: neither comes back as a line.
    let best = bestOf(
      usable.filter((c) => !used.some((u) => sharesSpan(u, c) || overlap(u, c) >= NEAR_DUPLICATE)),
    );
    if (!best) {
      best = bestOf(usable.filter((c) => movable.includes(c) && !taken.includes(c)));
      if (best) taken.push(best);
    }
    if (!best) {
      // Every sentence of the day is on the page already: the day's headline says what happened.
      const line = titleLine(byDay.get(day)!, headline);
      if (line) out.push(line);
      continue;
    }
    used.push(best);
    for (const concept of best.concepts) told.add(concept);
    out.push({
      // A day already told keeps its line; a later report of it is dated by its own article.
      date: out.some((t) => t.date === eventDay(best!)) ? day : eventDay(best),
      text: best.text,
      citations: [{ article_id: best.article.id, start: best.start, end: best.end }],
    });
  }
  out.sort((a, b) => a.date.localeCompare(b.date));
  // One line a day: two sentences dated to the same day keep the first.
  const daily = out.filter((t, i) => i === 0 || t.date !== out[i - 1]!.date);
  const entries = daily.length >= 2 ? daily.slice(-MAX_ENTRIES) : [];
  const kept = (c: Candidate) =>
    entries.some((t) => t.citations[0]!.article_id === c.article.id && t.citations[0]!.start === c.start);
  return { entries, taken: taken.filter(kept) };
}

/**
 * A day's line from its first article's title, cited to that article's opening sentence (which
 * the verifier then checks the title against); none when the title is the page's headline.
 */
function titleLine(day: readonly Candidate[], headline: string): TimelineEntry | undefined {
  const opener = day.reduce((a, b) => (b.position < a.position ? b : a));
  const title = opener.article.title.trim();
  if (title.length < 10 || normalizeForMatch(title) === normalizeForMatch(headline)) return undefined;
  return {
    date: isoDay(opener.article.published_at!.getTime()),
    text: title,
    citations: [{ article_id: opener.article.id, start: opener.start, end: opener.end }],
  };
}

/**
 * The day a sentence reports: a date figure it holds, or the weekday it names (the last such day
 * up to the article's), within a week before the article; else the article's own day.
 */
export function eventDay(c: Candidate): string {
  const published = c.article.published_at!.getTime();
  const inWeek = (t: number) => t <= published && t > published - 7 * DAY;
  const dated = c.article.analysis.figures.find(
    (f) => f.kind === 'date' && f.value !== null && f.start >= c.start && f.end <= c.end && inWeek(f.value),
  );
  if (dated) return isoDay(dated.value!);
  const named = WEEKDAY.exec(c.text);
  // "will resume on Monday" names a day still to come.
  if (named && !AHEAD.test(c.text)) {
    const want = WEEKDAYS.indexOf(named[1]!.toLowerCase());
    const back = (new Date(published).getUTCDay() - want + 7) % 7;
    return isoDay(published - back * DAY);
  }
  return isoDay(published);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
