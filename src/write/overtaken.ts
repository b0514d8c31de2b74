import type { Candidate } from './candidates.js';
import { dayOfDate } from './days.js';
import { overlap, sharedStems } from './candidates.js';
import { NEAR_DUPLICATE, sameFact } from './coverage.js';
import { is, type TaggedWord } from './nlp.js';
import { articleMentions } from '../disagree/mentions.js';
import { sameValue } from '../disagree/match.js';
import type { Mention } from '../disagree/types.js';
import { contentStems, stem } from '../verify/text.js';
import type { PreparedSources } from '../verify/prepare.js';
import type { SourceArticle } from '../verify/types.js';

/**
 * What a story has moved past. A report of an open dispute states the sides' positions and what is
 * expected next as the present ("the union is seeking 14 percent", "the government has so far
 * declined to intervene", "Aurelis plans to land the first stage on a barge"); once later coverage
 * reports the change ("reached a deal", "signed", "landed"), those sentences in the body would read
 * as the story's current state and state a wrong fact. They stay true of their day: the timeline
 * may still carry them there. What happened (past tense, dated) is never overtaken.
 */

// A position held, stated as the present: a progressive or perfect stance verb, a time-bound
// "so far"/"yet to", or a position reported as lasting ("insisted she would not sign", "critics say
// the demand would force…", with the reporting verb opening the sentence). Reporting verbs in the
// past ("said", "warned") tell what happened.
const POSITION = new RegExp(
  [
    String.raw`\b(?:is|are)(?: still| now| also)? (?:seeking|demanding|asking|calling|pushing|pressing|insisting|refusing|threatening|offering|proposing|resisting|opposing|holding out|urging|weighing|considering)\b`,
    String.raw`\b(?:has|have)(?: so far| yet| not| still| repeatedly| already| also)* (?:offered|declined|refused|rejected|insisted|demanded|proposed|ruled out|threatened|resisted|opposed|vowed)\b`,
    // "said the government had asked for a pledge of $400 billion": a demand as it stood that day.
    String.raw`\b(?:has|have|had)(?: so far| still| repeatedly| already| also| initially| originally)* (?:asked for|sought|requested|demanded|proposed|offered)\b`,
    String.raw`\bso far\b|\b(?:has|have) yet to\b`,
    // "about 61 percent of ballots had been recounted": how far a task had got, that day.
    String.raw`\bpercent of\b[^.;]{0,40}?\b(?:had|have|has) been (?:[a-z]+ed|done)\b`,
    // "The union wants 14 percent": a verb of stance in the present (a noun "demands" is no verb; see `opening`).
    String.raw`\b(?:wants|seeks|demands|insists|refuses|rejects|opposes|offers|proposes|urges)\b`,
    String.raw`^(?:\S+\s+){0,5}?(?:insists?|insisted|vows?|vowed|maintains?|maintained|says|say|warns?|argues?|threatens?)\b[^.;]{0,80}?\b(?:would|will)\b`,
  ].join('|'),
  'i',
);
// A step expected to come, and the verb saying what it is ("is expected to return", "plans to land").
const EXPECTATION =
  /\b(?:(?:is|are) (?:expected|due|scheduled|set|likely|poised)|plans?|intends?|aims?) to (\p{L}+)/iu;

// Words that report a change of state: a dispute settled, a step taken, a search ended.
const CHANGE =
  /\b(?:agreed|agreement|deal|reached|ended|ends|signed|capped|settled|arrested|charged|recovered|resumed|resumes|reopened|reopens|concedes|conceded|withdrew|withdrawn|dropped|approved|rejected|launched|lifted|called off|cancell?ed|declared|ruled|elected|released)\b/i;

/** Tags a sentence's words (the writer's shared tagger). */
export type Tagger = (text: string) => readonly TaggedWord[];

/**
 * Whether later coverage has moved past what a body sentence states: a position or expectation
 * (see `overtakenStances`), or a running figure a later report updates (see `supersededFigures`).
 */
export function overtakenBy(
  sources: readonly SourceArticle[],
  candidates: readonly Candidate[],
  tag: Tagger,
  prepared?: PreparedSources,
): (c: Candidate) => boolean {
  const stance = overtakenStances(sources, candidates, tag, prepared);
  const figures = supersededFigures(sources);
  return (c) => stance(c) || figures(c);
}

// What a running figure can be: a count, an amount, a measure or a share, not a name or a date.
const RUNNING = new Set(['count', 'amount', 'measure', 'percent']);

/**
 * Sentences whose every figure is a running one ("had burned about 21,000 acres by Saturday
 * morning and was 35 percent contained") that a later day's report gives anew at a later time ("70
 * percent contained by Sunday evening after burning about 22,500 acres"). The detector of disputed
 * values rightly sees no dispute (each value was true at its time), but in the body the older
 * snapshot reads as the present. A sentence with a figure no later report updates keeps what it
 * alone tells.
 */
export function supersededFigures(sources: readonly SourceArticle[]): (c: Candidate) => boolean {
  const dated = sources.filter((a) => a.published_at);
  if (new Set(dated.map((a) => dayOfDate(a.published_at!))).size < 2) return () => false;
  const mentions = new Map(dated.map((a) => [a.id, articleMentions(a).filter((m) => RUNNING.has(m.kind))]));
  const all = [...mentions.values()].flat();
  // A figure given "by Saturday morning" is a snapshot; a later report's "by Sunday evening" of the
  // same measure (its kind, unit, rate and a word beside it) replaces it.
  const replaced = (m: Mention) =>
    m.anchor !== null &&
    all.some(
      (n) =>
        n.published! > m.published! &&
        n.anchor !== null &&
        n.anchor > m.anchor! &&
        n.kind === m.kind &&
        n.unit === m.unit &&
        n.per === m.per &&
        !sameValue(n, m) &&
        n.near.some((w) => m.near.includes(w)),
    );
  return (c) => {
    const own = (mentions.get(c.article.id) ?? []).filter(
      (m) => m.span.start >= c.start && m.span.end <= c.end,
    );
    return own.length > 0 && own.every(replaced);
  };
}

/**
 * Whether later coverage has moved past what a sentence of `candidates` states as current: a
 * position it states (before any verb in the past) while a sentence of the newest day's coverage,
 * about the same thing (a shared name or content word), reports a change; or an expectation whose
 * step a later day's coverage reports (its verb, not itself expected). A sentence from the newest
 * day, or one the newest day's coverage restates as still current, stays. Undated sources give no
 * newest day and nothing here.
 */
export function overtakenStances(
  sources: readonly SourceArticle[],
  candidates: readonly Candidate[],
  tag: Tagger,
  prepared?: PreparedSources,
): (c: Candidate) => boolean {
  const dated = candidates.filter((c) => c.article.published_at);
  if (dated.length === 0) return () => false;
  const newest = Math.max(...dated.map(dayOf));
  const latest = dated.filter((c) => dayOf(c) === newest);
  const changes = latest.filter((c) => CHANGE.test(c.text));
  // Restated: the newest day says it again, as its own words or as a stance of its own (a deal
  // that names the old demand as the difference it split is no restatement).
  const restated = (c: Candidate) =>
    latest.some(
      (n) =>
        overlap(c, n) >= NEAR_DUPLICATE ||
        (sameFact(c, n) && (POSITION.test(n.text) || EXPECTATION.test(n.text))),
    );
  const changed = (c: Candidate) =>
    changes.some((n) => sharedStems(c, n) > 0 || [...c.entities].some((e) => n.entities.has(e)));
  // Every sentence of a report, short ones too ("The recount cost about $640,000.").
  // Read only for a sentence that expects something; the verifier's index holds each sentence's stems.
  let reported: { day: number; text: string; stems: ReadonlySet<string> }[] | undefined;
  const reports = () =>
    (reported ??= sources.flatMap((a) => {
      if (!a.published_at) return [];
      const indexed = prepared?.byId.get(a.id)?.index.sentences;
      return a.analysis.sentences.map((span, i) => {
        const text = a.text.slice(span.start, span.end);
        const stems = indexed?.[i]?.stems ?? new Set(contentStems(text));
        return { day: dayOfDate(a.published_at!), text, stems };
      });
    }));
  const happened = (c: Candidate, verb: string) =>
    reports().some(
      (n) =>
        n.day > dayOf(c) && !EXPECTATION.test(n.text) && n.stems.has(verb) && statesDone(n.text, verb, tag),
    );
  return (c) => {
    if (!c.article.published_at || dayOf(c) >= newest) return false;
    const position = opening(POSITION.exec(c.text), c.text, tag) && changed(c);
    const expected = EXPECTATION.exec(c.text);
    const done = opening(expected, c.text, tag) && happened(c, stem(expected![1]!.toLowerCase()));
    return (position || done) && !restated(c);
  };
}

/**
 * Whether a match is the sentence's own statement: no verb in the past before it ("Trade
 * negotiators opened talks …, which both governments say would …" tells what happened; a stance in
 * a later clause is its background).
 */
function opening(found: RegExpExecArray | null, text: string, tag: Tagger): boolean {
  if (found === null) return false;
  const words = tag(text);
  const first = words.find((w) => w.start >= found.index);
  // "wants" alone must be a verb ("the union's demands" is not a stance stated).
  if (/^\S+$/.test(found[0]) && !is(first, 'Verb')) return false;
  // A verb that reports ("said", "told reporters") introduces the stance; it does not make it history.
  return !words.some((w) => w.end <= found.index && is(w, 'PastTense') && !REPORTING.has(w.normal));
}

const REPORTING = new Set(['said', 'told', 'added', 'reported', 'stated', 'noted', 'wrote', 'explained']);

/**
 * Whether a sentence uses `verb` (a stem) as a verb of its own, not still ahead: "landed", "the
 * recount cost", not "in return for" (a noun) or "will return".
 */
function statesDone(text: string, verb: string, tag: Tagger): boolean {
  const words = tag(text);
  return words.some(
    (w, i) =>
      is(w, 'Verb') &&
      stem(w.normal) === verb &&
      !is(words[i - 1], 'Modal') &&
      !['to', 'will', 'would'].includes(words[i - 1]?.normal ?? ''),
  );
}

function dayOf(c: Candidate): number {
  return dayOfDate(c.article.published_at!);
}
