import { statesSettled } from '../disagree/respect.js';
import type { PreparedSources } from '../verify/prepare.js';
import type { TimelineEntry } from '../db/schema.js';
import type { Candidate } from './candidates.js';
import { NEAR_DUPLICATE, sameFigureFact } from './coverage.js';
import { clauseCandidate, overlap, sharesSpan } from './candidates.js';
import { normalizeForMatch } from '../verify/text.js';
import { elsewhen, epochDay, eventDay, isoDay, namedDay, reportsNamedDay } from './days.js';
import { readDevelopment } from './development.js';
import { headlineClause, openingClause, type Tagger } from './headline-clause.js';
import { type TaggedWord, tagWords } from './nlp.js';

/**
 * The timeline of a story whose sources span two days or more: for each day, the sentence that
 * states that day's development. It tells an action or announcement (see development.ts: not a
 * statistic, a view or a plan), at the opening of its report; it is central to the story (its word
 * pairs recur across the coverage), new against what earlier days' coverage said, about the story's
 * main actors where it can be, and it stands alone (no quote, no "the figure" that another sentence
 * gave, no "it" or "that money" it does not name). A revised fact's value then current may stand
 * on its day: a revision is an update; a sentence whose rest states a disputed value may stand by
 * its opening clause. A day whose coverage tells no action is told by a report's opening, not by
 * background from deep in it. Lines are dated by the day they name ("on Thursday", "Nov.
 * 11") when that precedes the article, else by the article's day; a later report of a day ("beat
 * Rovers on Sunday") may be that day's line. What the page already tells is not repeated while a
 * fresh development of like weight is there; where only side facts are, the day is told again: by
 * its report's title (verified against its opening), else by the page's own sentence.
 */

const MAX_ENTRIES = 8;
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
// A day's development on the page worth this many times its best fresh line is told again.
const RETOLD = 2;
// What a line is worth when it is not an action or announcement (a statistic, a view, a plan), or
// when it places its news at another time than its day; and when it names its day.
const SIDE = 0.3;
const ELSEWHEN_WEIGHT = 0.5;
const NAMES_DAY = 1.5;

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
  /** Part-of-speech tags of a text (shared with the rest of the page, which tags the same sentences). */
  tag?: (text: string) => TaggedWord[];
  /** Whether the verifier holds a line (a title against the opening it cites); all by default. */
  holds?: (line: TimelineEntry) => boolean;
}

/**
 * Dated developments, oldest first; empty when the sources do not span two days. A day whose
 * development is on the page already is told by its report's title, or by its best `movable`
 * sentence, rather than by a side fact.
 */
export function buildTimeline(
  pool: readonly Candidate[],
  onPage: readonly Candidate[],
  weights: ReadonlyMap<string, number>,
  options: TimelineOptions = {},
): Timeline {
  const { headline = '', movable = [], states = () => true, tag = tagWords, holds = () => true } = options;
  const byDay = new Map<string, Candidate[]>();
  for (const c of pool) {
    if (!c.article.published_at) continue;
    const day = isoDay(c.article.published_at.getTime());
    byDay.set(day, [...(byDay.get(day) ?? []), c]);
  }
  if (byDay.size < 2) return { entries: [], taken: [] };
  const actors = mainActors(pool);
  const readings = new Map<Candidate, ReturnType<typeof readDevelopment>>();
  const reading = (c: Candidate) => {
    let r = readings.get(c);
    if (!r) {
      r = readDevelopment(tag(c.text), c.text);
      readings.set(c, r);
    }
    return r;
  };
  const isEvent = (c: Candidate) => reading(c).event;
  // A sentence that states a value the sources dispute may still tell its day by its opening clause,
  // when that clause states none ("Talia Brennan conceded the Port Alder mayoral election on
  // Sunday", without "… confirmed Mayor Bernard Quill's victory by 178 votes", which another report
  // puts at 187). The clause is worth what its sentence is: cutting it makes it no more the news.
  const sentenceOf = new Map<Candidate, Candidate>();
  const settledClause = (c: Candidate) => {
    const on = epochDay(eventDay(c));
    if (states(c, on)) return c;
    const opening = openingClause(c.text, tag);
    const clause = opening ? clauseCandidate(c, opening) : undefined;
    if (!clause || !states(clause, on)) return c;
    sentenceOf.set(clause, c);
    return clause;
  };
  // What earlier days' coverage said, and what the timeline has told.
  const said = new Set<string>();
  const used = [...onPage, ...movable];
  const lines: Candidate[] = [];
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
  // What a sentence is worth as the line of `day`: its value, less for a side fact or a sentence
  // placed at another time, more for one that names the day.
  const worth = (line: Candidate, day: string) => {
    const c = sentenceOf.get(line) ?? line;
    return (
      value(c) *
      (isEvent(c) ? 1 : SIDE) *
      (elsewhen(c) ? ELSEWHEN_WEIGHT : 1) *
      (namedDay(c)?.day === day ? NAMES_DAY : 1)
    );
  };
  const bestOf = (choices: readonly Candidate[], day: string) => {
    let best: Candidate | undefined;
    let bestValue = 0;
    for (const c of choices) {
      const v = worth(c, day);
      if (v > bestValue) {
        best = c;
        bestValue = v;
      }
    }
    return best;
  };
  // A report opens on its news: an action its opening sentences tell is the day's development.
  // Where no report tells an action, the opening of one still says what the day's coverage was
  // about ("The trial results for velmarant were welcomed by patients' groups this week"), where a
  // fact from deep in it is background ("The trial was funded by Orrin, as most late-stage drug
  // trials are").
  const firstOf = (choices: readonly Candidate[], day: string) =>
    bestOf(
      choices.filter((c) => c.position < OPENING && isEvent(c)),
      day,
    ) ??
    (choices.some(isEvent)
      ? undefined
      : bestOf(
          choices.filter((c) => c.position < OPENING),
          day,
        )) ??
    bestOf(choices, day);
  const days = [...byDay.keys()].sort();
  for (const day of days) {
    const own = byDay.get(day)!;
    // Later papers' reports of what happened that day ("Harrow beat Rovers on Sunday").
    const later = days
      .filter((d) => d > day)
      .flatMap((d) => byDay.get(d)!.filter((c) => eventDay(c) === day && reportsNamedDay(c)));
    // A report of a day already told ("cut its rate on Thursday", in Friday's paper) is that day's
    // news again: dated by its paper it would move the event; dated by its event, the day has a line.
    const usable = [...own, ...later].map(settledClause).filter((c) => {
      const happened = eventDay(c);
      return (
        standsAlone(c) &&
        states(c, epochDay(happened)) &&
        (happened === day || !out.some((t) => t.date === happened)) &&
        !reading(c).leans &&
        // Each line tells a day's own news: an earlier line's figure told again is no development.
        !lines.some((l) => overlap(l, c) >= NEAR_DUPLICATE || sameFigureFact(l, c))
      );
    });
    // A pair on the page holds its sentences: neither comes back as a line.
    const onLine = (c: Candidate) => used.some((u) => sharesSpan(u, c) || overlap(u, c) >= NEAR_DUPLICATE);
    // A detail deep in a report that gives a figure the page opens on ("led through Ilic in the 34th
    // minute", beside the dek's "Ilic's 34th-minute free kick") is that fact again, not the day's news.
    const restates = (c: Candidate) => c.position > 0 && onPage.some((u) => sameFigureFact(u, c));
    const fresh = usable.filter((c) => !onLine(c) && !restates(c));
    const freshBest = firstOf(fresh, day);
    // The day's development as the page already tells it: when the best fresh line is a side fact
    // or far weaker, the day is told again (in a report's title, else in that sentence).
    const told = bestOf(
      usable.filter((c) => onLine(c) && isEvent(c) && !elsewhen(c)),
      day,
    );
    const side = freshBest && !isEvent(freshBest);
    const retell = told && freshBest && (side || worth(told, day) > RETOLD * worth(freshBest, day));
    let best = retell ? undefined : freshBest;
    // A day with only side facts fresh and none of its news on the page is told by its title too.
    const retold = best && !side ? undefined : titleLine(own, told, headline, holds);
    if (retold) best = undefined;
    else if (!best && told) {
      best = told;
      // A sentence the body would carry moves here; one the page opens on is repeated.
      if (movable.includes(told) && !taken.includes(told)) taken.push(told);
    }
    for (const c of own) for (const concept of c.concepts) said.add(concept);
    if (!best) {
      if (retold) out.push(retold);
      continue;
    }
    used.push(best);
    lines.push(best);
    // A line the page opens on (the lede's own sentence, told again as its day's development) is
    // its main clause, else its opening cut as a headline is: the reader has just read the whole
    // sentence, and a line says what happened.
    const opens = onPage.some((u) => sharesSpan(u, best!) || overlap(u, best!) >= NEAR_DUPLICATE);
    const text = (opens && (openingClause(best.text, tag) ?? openingCut(best.text, tag))) || best.text;
    out.push({
      date: eventDay(best),
      text,
      // A line cut to its main clause cites that clause, so that its text is the span it cites.
      citations: [
        {
          article_id: best.article.id,
          start: best.start,
          end: text === best.text ? best.end : best.start + text.length,
        },
      ],
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
 * A sentence's opening cut at a clause or phrase boundary as a headline is ("Police arrested two men
 * on Thursday over the theft of a 16th-century astrolabe and a gold reliquary"), when that is a
 * shorter prefix of it (so the line cites exactly that span); undefined otherwise.
 */
function openingCut(text: string, tag: Tagger): string | undefined {
  const cut = headlineClause(text, tag);
  return cut && text.startsWith(cut) && cut.length < text.replace(/[.!]+$/, '').length ? cut : undefined;
}

/**
 * A day's line from a title of its reports (the report holding `told`, else the day's first that
 * serves), cited to that article's opening sentence, which the verifier then checks the
 * title against: the first the verifier holds. None from a title that is the page's headline, quotes
 * someone or asks a question.
 */
function titleLine(
  day: readonly Candidate[],
  told: Candidate | undefined,
  headline: string,
  holds: (line: TimelineEntry) => boolean,
): TimelineEntry | undefined {
  // A later paper's report of the day has no title of the day.
  const reports = [...new Set(day.map((c) => c.article))];
  const articles = told ? reports.filter((a) => a === told.article) : reports;
  for (const article of articles) {
    const title = article.title.trim();
    if (title.length < 10 || /["“”?]/.test(title)) continue;
    if (normalizeForMatch(title) === normalizeForMatch(headline)) continue;
    const opener = day
      .filter((c) => c.article === article)
      .reduce((a, b) => (b.position < a.position ? b : a));
    // A title sums up a report's opening: its first sentence, else its first two.
    const next = article.analysis.sentences[opener.position + 1];
    for (const end of [opener.end, ...(next ? [next.end] : [])]) {
      const line = {
        date: isoDay(article.published_at!.getTime()),
        text: title,
        citations: [{ article_id: article.id, start: opener.start, end }],
      };
      if (holds(line)) return line;
    }
  }
  return undefined;
}
