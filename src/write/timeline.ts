import { statesSettled } from '../disagree/respect.js';
import type { PreparedSources } from '../verify/prepare.js';
import type { TimelineEntry } from '../db/schema.js';
import type { Candidate } from './candidates.js';
import { NEAR_DUPLICATE } from './coverage.js';
import { overlap, sharesSpan } from './candidates.js';
import { normalizeForMatch } from '../verify/text.js';
import { is, tagWords } from './nlp.js';

/**
 * The timeline of a story whose sources span two days or more: for each day, the sentence that
 * states that day's development. It is central to the story (its word pairs recur across the
 * coverage), new against what earlier days' coverage said, about the story's main actors where it
 * can be, early in its article, and it stands alone (no quote, no "the figure" that another
 * sentence gave). A revised fact's value then current may stand on its day: a revision is an
 * update. Lines are dated by the day they name ("on Thursday", "Nov. 11") when that precedes the
 * article, else by the article's day. Nothing already on the page is repeated: a day whose
 * sentences are all on it gets its article's title.
 */

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(?:on |last )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const WEEKDAYS_NAMED = new RegExp(WEEKDAY.source, 'gi');
const MAX_ENTRIES = 8;
const AHEAD =
  /\b(?:will|would|is expected to|are expected to|is due to|are due to|is scheduled|are scheduled|plans? to)\b/i;
// "the figure included refunds": the value it means stands in a sentence the timeline does not show.
// "52 minutes later" counts from a moment another sentence names.
const REFERS_BACK =
  /\bthe (?:figure|figures|number|total|amount|sum|same)\b|\b(?:minutes|hours|days|weeks) later\b/i;
// "Colleagues said he had gone back": a person the sentence does not name.
const PERSON_PRONOUN = /\b(?:he|she|him|his|her)\b/i;
const NAMED = /\s\p{Lu}\p{Ll}+/u;
// Word pairs only one article uses still say something new, but far less than shared ones.
const UNSHARED = 0.25;
// A line about one of the story's most reported names reads as the story's own development.
const MAIN_ACTORS = 3;
const OPENING = 3;
const ACTOR_BONUS = 1.5;

export interface Timeline {
  entries: TimelineEntry[];
  /** Sentences of `movable` the timeline took: the page should now leave them out of its body. */
  taken: Candidate[];
}

export interface TimelineOptions {
  headline?: string;
  /** Sentences the page would carry in its body but could give up. */
  movable?: readonly Candidate[];
  /** Whether a sentence may be a line of the day it reports (days since the epoch); all may by default. */
  states?: (c: Candidate, day: number) => boolean;
}

/**
 * Dated developments, oldest first; empty when the sources do not span two days. A day whose every
 * sentence is on the page takes its best `movable` one rather than repeat it.
 */
export function buildTimeline(
  pool: readonly Candidate[],
  onPage: readonly Candidate[],
  weights: ReadonlyMap<string, number>,
  options: TimelineOptions = {},
): Timeline {
  const { headline = '', movable = [], states = () => true } = options;
  const byDay = new Map<string, Candidate[]>();
  for (const c of pool) {
    if (!c.article.published_at) continue;
    const day = isoDay(c.article.published_at.getTime());
    byDay.set(day, [...(byDay.get(day) ?? []), c]);
  }
  if (byDay.size < 2) return { entries: [], taken: [] };
  const actors = mainActors(pool);
  // What earlier days' coverage said, and what the timeline has told.
  const said = new Set<string>();
  const used = [...onPage, ...movable];
  const taken: Candidate[] = [];
  const out: TimelineEntry[] = [];
  // What a line adds (word pairs earlier days did not say), times how central it is (pairs the
  // coverage shares, said before or not): new colour about a side matter does not make a development.
  const value = (c: Candidate) => {
    let gain = 0;
    let central = 0;
    for (const concept of new Set(c.concepts)) {
      const weight = weights.get(concept);
      central += weight ?? 0;
      if (!said.has(concept)) gain += weight ?? UNSHARED;
    }
    const actor = [...c.entities].some((e) => actors.has(e)) ? ACTOR_BONUS : 1;
    return ((gain * Math.sqrt(1 + central)) / c.words ** 0.75) * (1 + 1 / (1 + c.position)) * actor;
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
    const coverage = byDay.get(day)!;
    // A report of a day already told ("cut its rate on Thursday", in Friday's paper) is that day's
    // news again: dated by its paper it would move the event; dated by its event, the day has a line.
    const usable = coverage.filter((c) => {
      const happened = eventDay(c);
      return (
        standsAlone(c) &&
        states(c, epochDay(happened)) &&
        (happened === day || !out.some((t) => t.date === happened))
      );
    });
    // A pair on the page holds its sentences: neither comes back as a line.
    const fresh = usable.filter(
      (c) => !used.some((u) => sharesSpan(u, c) || overlap(u, c) >= NEAR_DUPLICATE),
    );
    // A report opens on its news: the day's development is in the first sentences of its articles.
    let best = bestOf(fresh.filter((c) => c.position < OPENING)) ?? bestOf(fresh);
    if (!best) {
      best = bestOf(usable.filter((c) => movable.includes(c) && !taken.includes(c)));
      if (best) taken.push(best);
    }
    for (const c of coverage) for (const concept of c.concepts) said.add(concept);
    if (!best) {
      // Every sentence of the day is on the page already: the day's headline says what happened.
      const line = titleLine(coverage, headline);
      if (line) out.push(line);
      continue;
    }
    used.push(best);
    out.push({
      date: eventDay(best),
      text: best.text,
      citations: [{ article_id: best.article.id, start: best.start, end: best.end }],
    });
  }
  out.sort((a, b) => a.date.localeCompare(b.date));
  // One line a day: two sentences dated to the same day keep the first.
  const daily = out.filter((t, i) => i === 0 || t.date !== out[i - 1]!.date);
  // A long story keeps where it began and its latest days.
  const entries =
    daily.length < 2
      ? []
      : daily.length > MAX_ENTRIES
        ? [daily[0]!, ...daily.slice(-(MAX_ENTRIES - 1))]
        : daily;
  const kept = (c: Candidate) =>
    entries.some((t) => t.citations[0]!.article_id === c.article.id && t.citations[0]!.start === c.start);
  return { entries, taken: taken.filter(kept) };
}

/** A line must read on its own: no quote (that is "What they said"), nothing it refers back to. */
function standsAlone(c: Candidate): boolean {
  if (c.speaker || c.dangling || /["“”]/.test(c.text) || REFERS_BACK.test(c.text)) return false;
  const pronoun = PERSON_PRONOUN.exec(c.text);
  return !pronoun || NAMED.test(c.text.slice(0, pronoun.index));
}

/** The names the most articles mention: whose story it is. */
function mainActors(pool: readonly Candidate[]): Set<string> {
  const articles = new Map<string, Set<number>>();
  for (const c of pool) {
    for (const e of c.entities) articles.set(e, (articles.get(e) ?? new Set()).add(c.article.id));
  }
  const ranked = [...articles].sort((a, b) => b[1].size - a[1].size).filter(([, seen]) => seen.size > 1);
  return new Set(ranked.slice(0, MAIN_ACTORS).map(([key]) => key));
}

/**
 * What a timeline line may state on its day: what the body may state, or a revised fact's value
 * that was current then.
 */
export function settledOn(
  settled: readonly Candidate[],
  prepared: PreparedSources,
): (c: Candidate, day: number) => boolean {
  const always = new Set(settled);
  return (c, day) => always.has(c) || statesSettled(c, prepared.disagreements, day);
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

/**
 * The day a sentence says something is still to happen ("talks are due to conclude on Friday",
 * "expert groups begin work on Tuesday"): the date it holds after its article's day, or the last
 * weekday it names after the article's own day; undefined for a sentence that looks ahead to no
 * later day, or does not look ahead.
 */
export function plannedDay(c: Candidate): string | undefined {
  if (!c.article.published_at || !(AHEAD.test(c.text) || presentBeforeWeekday(c))) return undefined;
  const published = c.article.published_at.getTime();
  const today = epochDay(isoDay(published));
  const dated = c.article.analysis.figures.find(
    (f) =>
      f.kind === 'date' &&
      f.value !== null &&
      f.start >= c.start &&
      f.end <= c.end &&
      epochDay(isoDay(f.value)) > today,
  );
  if (dated) return isoDay(dated.value!);
  // "will be closed on Tuesday and Wednesday" in Tuesday's paper: today and tomorrow, the plan
  // runs to the last day it names.
  const weekday = new Date(published).getUTCDay();
  let ahead = 0;
  for (const named of c.text.matchAll(WEEKDAYS_NAMED)) {
    const want = WEEKDAYS.indexOf(named[1]!.toLowerCase());
    ahead = Math.max(ahead, (want - weekday + 7) % 7);
  }
  return ahead > 0 ? isoDay(published + ahead * DAY) : undefined;
}

const presentCache = new WeakMap<Candidate, boolean>();
// "begin work on Tuesday": the weekday is the verb's own when this few words stand between them.
const VERB_TO_DAY = 4;

/**
 * "Expert groups begin work on Tuesday morning": a verb in the present before a weekday, in a
 * sentence with no verb in the past, is a timetable, not a report of what happened.
 */
function presentBeforeWeekday(c: Candidate): boolean {
  if (!WEEKDAY.test(c.text)) return false;
  let found = presentCache.get(c);
  if (found === undefined) {
    const words = tagWords(c.text);
    const day = words.findIndex((w) => is(w, 'WeekDay'));
    found =
      !words.some((w) => is(w, 'PastTense')) &&
      words.some(
        (w, i) =>
          i < day &&
          day - i <= VERB_TO_DAY &&
          is(w, 'PresentTense') &&
          !is(w, 'Auxiliary', 'Copula', 'Gerund', 'Modal'),
      );
    presentCache.set(c, found);
  }
  return found;
}

function epochDay(iso: string): number {
  return Math.floor(Date.parse(iso) / DAY);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
