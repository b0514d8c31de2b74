import type { Candidate } from './candidates.js';
import { is, tagWords } from './nlp.js';

/** When what a sentence tells happened, or is to happen: the days a timeline and the body read. */

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(?:on |last )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const WEEKDAYS_NAMED = new RegExp(WEEKDAY.source, 'gi');
const AHEAD =
  /\b(?:will|would|is expected to|are expected to|is due to|are due to|is scheduled|are scheduled|plans? to)\b/i;
// "the fire that swept into town on Thursday", "the cut announced by the governor on Thursday".
const RECALLED = /\b(?:that|which|who|whose)\b|\b\w+ed by\b/i;
// A relative clause or an "after" phrase, without the "that" a reporting verb takes ("police said
// that two men were arrested on Thursday" reports Thursday).
const RECALLED_HERE =
  /\b(?<!\b(?:said|says|say|told \w+|announced|reported|confirmed|stated|added|noted|found|showed|shows|learned|warned|claimed|agreed|decided|ruled|believed|believe|believes|think|thinks|thought|so|now) )that\b|\b(?:which|who|whose|after)\b/i;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// Another month, a year, a time gone by; group 1 holds a month's name.
const ELSEWHEN = new RegExp(
  `\\b(?:in|since|by|until|from|to|on|between|of|last|early|late|mid-?)\\s+(${MONTHS.join('|')})\\b|\\b(?:19|20)\\d\\d\\b|\\blast (?:year|month|summer|winter|spring|autumn)\\b|\\bearlier this year\\b`,
  'gi',
);

/**
 * The day a sentence reports: a date figure it holds, or the weekday it names (the last such day
 * up to the article's), within a week before the article; else the article's own day.
 */
export function eventDay(c: Candidate): string {
  return namedDay(c)?.day ?? isoDay(c.article.published_at!.getTime());
}

/** The day a sentence names for what it reports, and where in its text it names it. */
export function namedDay(c: Candidate): { day: string; at: number } | undefined {
  const published = c.article.published_at!.getTime();
  const inWeek = (t: number) => t <= published && t > published - 7 * DAY;
  const dated = c.article.analysis.figures.find(
    (f) =>
      f.kind === 'date' &&
      f.value !== null &&
      f.start >= c.start &&
      f.end <= c.end &&
      inWeek(f.value) &&
      !recalledAt(c.text, f.start - c.start),
  );
  if (dated) return { day: isoDay(dated.value!), at: dated.start - c.start };
  const named = [...c.text.matchAll(WEEKDAYS_NAMED)].find((m) => !recalledAt(c.text, m.index));
  // "will resume on Monday" names a day still to come.
  if (named && !AHEAD.test(c.text)) {
    const want = WEEKDAYS.indexOf(named[1]!.toLowerCase());
    const back = (new Date(published).getUTCDay() - want + 7) % 7;
    return { day: isoDay(published - back * DAY), at: named.index };
  }
  return undefined;
}

/**
 * Whether the day named at `at` belongs to something the sentence only recalls, not to what it
 * reports: a relative clause or an "after" phrase in the same stretch between commas ("The
 * Ridgeback Fire that swept into Kestrel Falls on Thursday burned through vegetation …, according
 * to an analysis released on Saturday" reports Saturday's analysis; "is on its way to orbit after a
 * successful launch on Wednesday", in Thursday's paper, is Thursday's news). A clause closed by a
 * comma before the day does not hold it ("The union, which represents drivers, walked out on
 * Thursday").
 */
function recalledAt(text: string, at: number): boolean {
  const stretch = text.slice(0, at).split(/[,;]/).at(-1)!;
  return RECALLED_HERE.test(stretch);
}

/**
 * Whether a later paper's sentence reports its named day's event: the day is named in its main
 * clause ("Harrow beat Rovers on Sunday"), not in a clause about something that sentence only
 * recalls ("The fire that swept into town on Thursday burned through…", "the cut announced by the
 * governor on Thursday came too soon").
 */
export function reportsNamedDay(c: Candidate): boolean {
  const named = namedDay(c);
  return named !== undefined && !RECALLED.test(c.text.slice(0, named.at));
}

/**
 * Whether a sentence places what it tells at another time than its day ("in September", "since
 * 2016", "last year"): background, not the day's development. Its article's own month is its day's.
 */
export function elsewhen(c: Candidate): boolean {
  const month = MONTHS[new Date(c.article.published_at!.getTime()).getUTCMonth()]!;
  for (const m of c.text.matchAll(ELSEWHEN)) {
    if (m[1]?.toLowerCase() !== month) return true;
  }
  return false;
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

export function epochDay(iso: string): number {
  return Math.floor(Date.parse(iso) / DAY);
}

/** The day a report was published, in days since the epoch (UTC). */
export function dayOfDate(published: Date): number {
  return Math.floor(published.getTime() / DAY);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
