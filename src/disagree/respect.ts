import { extractEntities } from '../analyze/entities.js';
import { extractFigures } from '../analyze/figures.js';
import type { Citation } from '../db/schema.js';
import { attributes } from './context.js';
import type { DetectedFact } from './detect.js';
import { articleMentions } from './mentions.js';
import { comparable, sameValue } from './match.js';
import type { Mention } from './types.js';

/**
 * What writing must respect: a disputed value is never stated as settled. For each fact the one
 * value a story may state as its own is the newsroom's call when an editor settled it, else the
 * current value of a revised fact, else none; every other value is stated only with attribution
 * ("according to the county"), or left to the "Where sources disagree" section.
 */

/** A value a text states that it may not state as settled. */
export interface UnsettledValue {
  fact: DetectedFact;
  /** Index into the fact's values. */
  value: number;
  attributed: boolean;
}

/**
 * The index of the value that was current on a day (`day`, in days since the epoch) of a revised fact
 * no editor settled, or of a disputed fact before its disputed values were reported: the newest
 * value first reported by then. A timeline line about that day may
 * state it, since a revision is an update, not a dispute. Null for open facts and when no value had
 * been reported by then.
 */
export function currentOn(fact: DetectedFact, day: number): number | null {
  if (fact.disagreement.settlement) return null;
  const firstReported = (ms: readonly Mention[]) =>
    Math.min(...ms.filter((m) => !m.earlier && m.published !== null).map((m) => m.published!), Infinity);
  // A disputed fact's earlier figures (last, newest first) were the figure until the disputed
  // values were reported: the first count's margin is true of election night.
  const from =
    fact.disagreement.status === 'revised' ? 0 : fact.disagreement.values.findIndex((v) => v.earlier);
  if (from < 0 || fact.mentions.slice(0, from).some((ms) => firstReported(ms) <= day)) return null;
  // Values after the first are ordered newest first: the first reported by `day` is the one then current.
  const index = fact.mentions.findIndex((ms, i) => i >= from && firstReported(ms) <= day);
  return index >= 0 ? index : null;
}

/** The index of the value a story may state as its own, or null when the fact is open. */
export function settledIndex(fact: DetectedFact): number | null {
  const { settlement, values, status } = fact.disagreement;
  if (settlement) {
    const chosen = values.findIndex((v) => v.key === settlement.value_key);
    if (chosen >= 0) return chosen;
  }
  return status === 'revised' ? 0 : null;
}

/**
 * The values of disputed or revised facts that a text states other than the one it may (see
 * `settledIndex`): those inside a cited source span the text copies, and those the text itself
 * writes about the same thing ("142 homes" about homes destroyed).
 */
export function unsettledValues(
  text: string,
  facts: readonly DetectedFact[],
  options: {
    citations?: readonly Citation[];
    sourceText?: (articleId: number) => string | undefined;
    at?: Date | null;
    /** The day a dated line reports (days since the epoch): the value then current may stand. */
    on?: number;
  } = {},
): UnsettledValue[] {
  if (facts.length === 0 || text.trim() === '') return [];
  const written = mentionsOfText(text, options.at ?? null);
  const copied = (options.citations ?? []).filter((c) => {
    const source = options.sourceText?.(c.article_id);
    return source !== undefined && sameWords(source.slice(c.start, c.end), text);
  });
  const out: UnsettledValue[] = [];
  for (const fact of facts) {
    const allowed = settledIndex(fact);
    const then = options.on === undefined ? null : currentOn(fact, options.on);
    fact.mentions.forEach((mentions, index) => {
      if (index === allowed || index === then) return;
      const inSpan = mentions.some((m) =>
        copied.some((c) => c.article_id === m.articleId && m.span.start >= c.start && m.span.end <= c.end),
      );
      const stated = inSpan || written.some((w) => mentions.some((m) => statesSame(w, m)));
      if (stated) out.push({ fact, value: index, attributed: attributes(text, fact.disagreement.kind) });
    });
  }
  return out;
}

/** The values a piece of text writes (a sentence, a headline, a figure). */
function mentionsOfText(text: string, at: Date | null): Mention[] {
  const sentence = { start: 0, end: text.length };
  return articleMentions({
    id: -1,
    outlet: '',
    title: '',
    text,
    published_at: at,
    analysis: {
      language: 'en',
      sentences: [sentence],
      entities: extractEntities(text),
      quotes: [],
      figures: extractFigures(text),
      keywords: [],
    },
  });
}

/** A written value is a report's value when kind, unit and value agree and it is about the same thing. */
function statesSame(written: Mention, reported: Mention): boolean {
  // The same exact count or tally of a story in other words ("6,800 transit workers", "6,800
  // members of the union"; "split 5-2") is the reported figure: a coincidence is far less likely.
  if (
    written.kind === reported.kind &&
    ((written.kind === 'count' && typeof written.value === 'number' && written.value >= 100) ||
      written.kind === 'tally') &&
    written.value === reported.value
  )
    return true;
  if (!comparable(written, reported) || !sameValue(written, reported)) return false;
  if (
    written.kind === 'title' ||
    (written.kind === 'count' && written.unit !== '' && written.unit === reported.unit)
  )
    return true;
  const words = new Set([...reported.near, ...reported.clause]);
  return [...written.near, ...written.clause].some((w) => words.has(w));
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const x = norm(a);
  const y = norm(b);
  return x === y || (y.length > 20 && x.includes(y));
}

interface SourceSentence {
  text: string;
  start: number;
  end: number;
  article: { id: number; text: string };
}

/** Candidate sentences the extractive writer may use: those stating no disputed or superseded value. */
export function withoutUnsettled<C extends SourceSentence>(
  candidates: C[],
  facts: readonly DetectedFact[] | undefined,
): C[] {
  return candidates.filter((c) => statesSettled(c, facts));
}

/**
 * Whether a source sentence states no value it may not: none disputed or superseded, or, for a
 * line dated to a day (`on`, days since the epoch), none but the value then current.
 */
export function statesSettled(
  c: SourceSentence,
  facts: readonly DetectedFact[] | undefined,
  on?: number,
): boolean {
  if (!facts || facts.length === 0) return true;
  return (
    unsettledValues(c.text, facts, {
      citations: [{ article_id: c.article.id, start: c.start, end: c.end }],
      sourceText: () => c.article.text,
      on,
    }).length === 0
  );
}

/** The sources whose titles may be the headline: those stating no disputed or superseded value (all, if none is left). */
export function headlineSources<S extends { title: string; published_at: Date | null }>(
  sources: readonly S[],
  facts: readonly DetectedFact[] | undefined,
): S[] {
  if (!facts || facts.length === 0) return [...sources];
  const clean = sources.filter((s) => unsettledValues(s.title, facts, { at: s.published_at }).length === 0);
  return clean.length > 0 ? clean : [...sources];
}
