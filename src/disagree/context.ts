import { STOPWORDS } from '../analyze/stopwords.js';
import { type Token, tokenize } from '../analyze/text.js';
import type { TextSpan } from './types.js';
import { stem } from '../verify/text.js';

/**
 * The words around a value that tell what it measures and what it is attached to, read from its
 * sentence: near words (what is counted, "homes destroyed"), the rest of its clause, a rate it is
 * given per, the day a time qualifier points at, and whether the sentence revises or attributes it.
 */
export interface ValueContext {
  near: string[];
  clause: string[];
  far: string[];
  per: string;
  anchor: number | null;
  bound: 'min' | 'max' | 'range' | null;
  day: number | null;
  revised: boolean;
  earlier: boolean;
  attributed: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
// Words that say nothing about what a figure measures.
const IGNORED = new Set([
  ...WEEKDAYS,
  ...'january february march april may june july august september october november december'.split(' '),
  ...'percent per cent thousand million billion trillion about around nearly almost roughly some estimated at least more than less over under up to least'.split(
    ' ',
  ),
  ...'said says say told according reported added morning evening afternoon night nightfall today tonight yesterday week weekend'.split(
    ' ',
  ),
]);
// A clause ends at these marks, and at a comma that opens another clause.
const HARD_BREAK = /[;:()—–]/;
const SOFT_BREAK = /^(?:but|while|whereas|although|though|compared|against|which|who|when)$/i;
const NEAR = 3;
// A value given as a difference ("$71 million more than its previous offer") is not the level itself.
const DELTA = /^(?:more|less|fewer|higher|lower|extra|above|below)\b/i;
// A limit is another fact than the amount itself ("licensed to carry 300", "up to $40 million").
const LIMIT =
  /\b(?:capacity|licensed to|designed to|able to|can|could|up to|as many as|at most|maximum|limit of|room for|seats?)\b/i;
// A duration before or after something ("14 minutes before lift-off") measures that gap.
const RELATIVE = /^(before|after|later|earlier|ago)\b/i;
const DURATION =
  /^[\d.,]+\s*(?:second|minute|hour|day|week|month|year)s?$|^\w+ (?:second|minute|hour|day|week|month|year)s?$/i;
const WINDOW = 20;
// "34 minutes later" and "52 minutes after launch" both measure a gap after an event.
function relativeTo(word: string): string {
  const w = word.toLowerCase();
  return w === 'later' ? 'after' : w === 'earlier' ? 'before' : w;
}
// A count of what is still so ("6,000 customers remain without power") is one moment of a figure
// that changes, not a report of the figure at its height.
// ("stood still" is no such state.)
const STATE =
  /\bremain(?:s|ed|ing)?\b|\b(?:is|are|was|were|be|been|had|have|has)\s+still\b|\bstill\s+(?:without|missing|unaccounted|in hospital|out|closed|off|on strike)\b/i;
// A bound is no value of its own: "more than 400" agrees with 412. ("over ten years" is a period.)
const BOUND_MIN = /\b(?:more than|at least|upwards of|in excess of)$/i;
// An end of a range ("between 180 and 200 votes") is an estimate, not a figure a source gives.
const RANGE_FROM = /^between$/i;
const RANGE_TO = /\bbetween\s+\S+\s+and$/i;
const BOUND_MAX = /\b(?:fewer than|less than|almost|nearly|just under|no more than)$/i;

const RATE =
  /^(?:a|an|per|each|every)\s+(day|week|month|year|hour|share|person|head|household|night|minute|second)\b/i;
// A sentence that revises a figure anywhere in it ("according to a revised figure", a correction).
const REVISED_SENTENCE =
  /\b(?:revis\w*|updat\w*|correct(?:ed|ion|s)?|amended|misstated|restated|earlier version)\b/i;
// A correction that names the figure it replaces ("an earlier version … said the bridge cost €310 million").
const CORRECTED_FROM = /\b(?:earlier version|previous version|incorrectly|wrongly|misstated|mistakenly)\b/i;
// Verbs just before a value that say it replaced an earlier one ("raised the number … to 480,000").
const REVISED_NEAR =
  /\b(?:raised|widened|expanded|extended|risen|rose|increased|climbed|jumped|lowered|reduced|cut|grew|now stands|has since)\b/i;
// Words just before a value that name it as the earlier one ("up from 142", "instead of").
const EARLIER_NEAR =
  /\b(?:from|earlier|previous(?:ly)?|original(?:ly)?|initial(?:ly)?|instead of|rather than|incorrect(?:ly)?|wrong(?:ly)?|misstated(?: it)?(?: as)?)\b/i;
const ATTRIBUTION =
  /\b(?:according to|said|says|told|reported|reports|estimated|estimates|claimed|claims|citing|put (?:it|the \w+|\w+ \w+) at|puts (?:it|the \w+) at|in the words of|figures? (?:from|released by)|as (?:\w+ ){0,3}(?:said|reported|put it))\b/i;

// Newswire words that say one thing in several forms ("12 people died", "the death toll rose to 17").
const SAME_SENSE: Record<string, string> = {
  died: 'death',
  dead: 'death',
  deaths: 'death',
  killed: 'death',
  toll: 'death',
  fatalities: 'death',
  lives: 'death',
  injured: 'injur',
  injuries: 'injur',
  hurt: 'injur',
  wounded: 'injur',
  aboard: 'board',
  onboard: 'board',
  evacuated: 'evacu',
  evacuation: 'evacu',
  evacuees: 'evacu',
  weighs: 'weigh',
  weighing: 'weigh',
};

/** The stem of a word as contexts compare it, or null when the word says nothing about a figure. */
export function contextStem(word: string): string | null {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (SAME_SENSE[lower]) return SAME_SENSE[lower];
  if (lower.length < 3 || /\d/.test(lower) || STOPWORDS.has(lower) || IGNORED.has(lower)) return null;
  // Fold derived forms too ("investment", "invested" and "invest" say one thing).
  return stem(lower)
    .replace(/(?<=\w{4})(?:ment|ments|ion|ions|ers|er|ly|al)$/, '')
    .replace(/e$/, '');
}

/** Where the clause around `span` begins and ends inside its sentence (as token indexes). */
function clauseTokens(sentence: string, tokens: Token[], at: number, atEnd: number): [number, number] {
  let from = at;
  while (from > 0 && at - from < WINDOW) {
    const gap = sentence.slice(tokens[from - 1]!.end, tokens[from]!.start);
    if (HARD_BREAK.test(gap) || (gap.includes(',') && SOFT_BREAK.test(tokens[from]!.text))) break;
    from--;
  }
  let to = atEnd;
  while (to < tokens.length - 1 && to - atEnd < WINDOW) {
    const gap = sentence.slice(tokens[to]!.end, tokens[to + 1]!.start);
    if (HARD_BREAK.test(gap) || (gap.includes(',') && SOFT_BREAK.test(tokens[to + 1]!.text))) break;
    to++;
  }
  return [from, to];
}

/**
 * The context of the value at `span` (offsets into `text`) in the sentence `sentence`, with
 * `published` to resolve weekdays ("by Saturday") to days. `skip` lists spans of other values, whose
 * words belong to them and not to this one.
 */
export function valueContext(
  text: string,
  sentence: TextSpan,
  span: TextSpan,
  published: Date | null,
  skip: readonly TextSpan[] = [],
  about?: TextSpan,
): ValueContext {
  const body = text.slice(sentence.start, sentence.end);
  const tokens = tokenize(body);
  const rel = { start: span.start - sentence.start, end: span.end - sentence.start };
  let at = tokens.findIndex((t) => t.end > rel.start);
  if (at < 0) at = tokens.length - 1;
  let atEnd = at;
  while (atEnd + 1 < tokens.length && tokens[atEnd + 1]!.start < rel.end) atEnd++;
  const [from, to] = clauseTokens(body, tokens, at, atEnd);
  const near: string[] = [];
  const clause: string[] = [];
  const inOther = (t: Token) =>
    skip.some((s) => s.start - sentence.start <= t.start && t.end <= s.end - sentence.start);
  const inAbout = (t: Token) =>
    about !== undefined && about.start - sentence.start <= t.start && t.end <= about.end - sentence.start;
  // Distance counts content words only: "$350 billion in Calvera over twelve years" has Calvera next to both.
  const side = (indexes: number[]) => {
    let seen = 0;
    for (const i of indexes) {
      const token = tokens[i]!;
      if (inOther(token)) continue;
      const word = contextStem(token.text);
      if (!word) continue;
      seen++;
      (seen <= NEAR || inAbout(token) ? near : clause).push(word);
    }
  };
  side(range(at - 1, from - 1));
  side(range(atEnd + 1, to + 1));
  // "a $6 million astrolabe": an amount written before a thing is what it is worth, as "valued at" says.
  if (
    /^[$€£¥]/.test(text.slice(span.start, span.end)) &&
    /^\s+(?!a\b|an\b|the\b)[a-z]{4,}\b/.test(body.slice(rel.end)) &&
    !RATE.test(body.slice(rel.end).trim()) &&
    !/^\s+(?:in|of|for|to|from|more|less|over|after|before|per|each|and|or|with|on|at|by|this|that|last|next)\b/i.test(
      body.slice(rel.end),
    )
  )
    near.push(contextStem('value')!);
  const far: string[] = [];
  for (const i of [...range(0, from), ...range(to + 1, tokens.length)]) {
    const word = inOther(tokens[i]!) ? null : contextStem(tokens[i]!.text);
    if (word) far.push(word);
  }
  const before = body.slice(Math.max(0, rel.start - 48), rel.start);
  const after = body.slice(rel.end).replace(/^[\s,]+/, '');
  const clauseText = body.slice(tokens[from]?.start ?? 0, tokens[to]?.end ?? body.length);
  const limit = LIMIT.test(lastWords(before, 5));
  return {
    near,
    clause,
    far,
    per: limit
      ? 'limit'
      : DELTA.test(after)
        ? 'change'
        : DURATION.test(text.slice(span.start, span.end)) && RELATIVE.exec(after)
          ? relativeTo(RELATIVE.exec(after)![1]!)
          : STATE.test(clauseText)
            ? 'still'
            : (RATE.exec(after)?.[1]?.toLowerCase() ?? (/^(?:annually|a year)\b/i.test(after) ? 'year' : '')),
    bound:
      RANGE_FROM.test(lastWords(before, 1)) || RANGE_TO.test(lastWords(before, 4))
        ? 'range'
        : BOUND_MIN.test(lastWords(before, 3))
          ? 'min'
          : BOUND_MAX.test(lastWords(before, 3))
            ? 'max'
            : null,
    day: sentenceDay(body, published),
    anchor: anchorDay(clauseText, published) ?? anchorDay(body, published),
    revised: REVISED_SENTENCE.test(body) || REVISED_NEAR.test(lastWords(before, 7)),
    earlier:
      EARLIER_NEAR.test(lastWords(before, 4)) ||
      (CORRECTED_FROM.test(body.slice(0, rel.start)) && !/\b(?:to|is|was|now)\s+\S*$/i.test(before)),
    attributed: ATTRIBUTION.test(body),
  };
}

/** Indexes from `from` towards `to` (exclusive), either way. */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; from <= to ? i < to : i > to; i += from <= to ? 1 : -1) out.push(i);
  return out;
}

function lastWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(-n).join(' ');
}

/**
 * Whether a sentence attributes what it states ("according to the county", "The Sentinel put it at
 * 163"). A title is only attributed by "according to": in "said Leonard Brisk, chief executive",
 * the speech verb attributes the quote, not the title.
 */
export function attributes(sentence: string, kind: string): boolean {
  if (kind === 'title') return /\baccording to\b|\b(?:described|identified|named) as\b/i.test(sentence);
  return ATTRIBUTION.test(sentence);
}

/** Epoch days of a date (UTC). */
export function epochDay(date: Date): number {
  return Math.floor(date.getTime() / 86_400_000);
}

/**
 * The day a time qualifier in a clause points at: a weekday (the latest on or before publication,
 * as news reports what happened), today or tonight, yesterday, or "14 November"; null if none.
 */
export function anchorDay(clause: string, published: Date | null): number | null {
  if (!published) return null;
  const today = epochDay(published);
  const lower = clause.toLowerCase();
  // A "by Friday evening" qualifies the figure; another weekday in the clause may date something else.
  const day = /\b(by |as of |until )(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(lower);
  if (day) {
    const back = (published.getUTCDay() - WEEKDAYS.indexOf(day[2]!) + 7) % 7;
    return today - back;
  }
  if (/\bby (?:today|tonight|nightfall|this (?:morning|afternoon|evening))\b/.test(lower)) return today;
  const dated = /\b(?:by|as of) (\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(
    lower,
  );
  const mdy = /\b(?:by|as of) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\b/.exec(
    lower,
  );
  const d = dated ? [Number(dated[1]), dated[2]!] : mdy ? [Number(mdy[2]), mdy[1]!] : null;
  if (!d) return null;
  return Math.floor(
    Date.UTC(published.getUTCFullYear(), MONTHS.indexOf(d[1] as string), d[0] as number) / 86_400_000,
  );
}

/**
 * The day a sentence says its events happened ("rose 0.7 percent on Friday"), the latest such
 * weekday on or before publication; null if it names none. A report published before that day
 * cannot be reporting the same figure.
 */
function sentenceDay(sentence: string, published: Date | null): number | null {
  if (!published) return null;
  const m = /\bon (sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(sentence);
  if (!m) return null;
  return epochDay(published) - ((published.getUTCDay() - WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 7) % 7);
}
