import type { Span } from '../analyze/types.js';
import { findNumbers } from './numbers.js';
import { contentStems, hasNegation, splitLoose, splitSentences } from './text.js';

/**
 * The support scorer's view of source texts: sentences with their content stems, document
 * frequencies and every figure, built once and shared by every claim scored against them.
 */

/** A source text to score claims against; `sentences` defaults to a plain split. */
export interface SupportSource {
  id: number;
  text: string;
  sentences?: Span[];
}

/** One source sentence as the scorer sees it. */
export interface IndexedSentence {
  source: number;
  start: number;
  end: number;
  text: string;
  stems: Set<string>;
  /** The stems in order, for word-pair checks. */
  list: string[];
  negation: boolean;
  /** Lower-cased words with stopwords, filled in when a claim is first aligned to this sentence. */
  words?: string[];
}

/** The sources prepared once for scoring many claims. */
export interface SupportIndex {
  sentences: IndexedSentence[];
  documentFrequency: Map<string, number>;
  /**
   * How many sentences `documentFrequency` counts over, when that is more than `sentences` (an index
   * restricted to a few cited sentences keeps its article's word weights).
   */
  size?: number;
  stems: Set<string>;
  values: number[];
}

/** Merges per-source indexes into one without re-reading any text. */
export function mergeSupportIndexes(indexes: readonly SupportIndex[]): SupportIndex {
  if (indexes.length === 1) return indexes[0]!;
  const documentFrequency = new Map<string, number>();
  const stems = new Set<string>();
  for (const index of indexes) {
    for (const [s, n] of index.documentFrequency)
      documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + n);
    for (const s of index.stems) stems.add(s);
  }
  return {
    sentences: indexes.flatMap((i) => i.sentences),
    documentFrequency,
    size: indexes.reduce((n, i) => n + (i.size ?? i.sentences.length), 0),
    stems,
    values: indexes.flatMap((i) => i.values),
  };
}

/** Indexes sources: sentence stems, document frequencies and every number they hold. */
export function buildSupportIndex(sources: readonly SupportSource[]): SupportIndex {
  const sentences: IndexedSentence[] = [];
  const documentFrequency = new Map<string, number>();
  const stems = new Set<string>();
  const values: number[] = [];
  for (const source of sources) {
    for (const span of source.sentences ?? sourceSentences(source.text)) {
      const text = source.text.slice(span.start, span.end);
      const list = contentStems(text);
      const set = new Set(list);
      for (const s of set) {
        documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
        stems.add(s);
      }
      sentences.push({
        source: source.id,
        start: span.start,
        end: span.end,
        text,
        stems: set,
        list,
        negation: hasNegation(list),
      });
    }
    for (const n of findNumbers(source.text, { words: true })) values.push(n.value);
  }
  return {
    sentences,
    documentFrequency,
    stems,
    values,
  };
}

/** A source's sentences when it has no analysis; lower-cased text is split loosely. */
function sourceSentences(text: string): Span[] {
  return /\p{Lu}/u.test(text) ? splitSentences(text) : splitLoose(text);
}
