import type { Span } from '../analyze/types.js';
import { findNumbers, valuePresent } from './numbers.js';
import { contentStems, hasNegation, splitSentences } from './text.js';

/**
 * Offline support scoring (lexical entailment): how much of a claim's content, weighted by how rare
 * each word is in the sources, is found in the best-matching source passage and in the sources as a
 * whole; figures missing from the sources and a negation flip cost heavily.
 */

/** A source text to score claims against; `sentences` defaults to a plain split. */
export interface SupportSource {
  id: number;
  text: string;
  sentences?: Span[];
}

interface IndexedSentence {
  source: number;
  start: number;
  end: number;
  stems: Set<string>;
  /** The stems in order, for word-pair checks. */
  list: string[];
  negation: boolean;
}

/** The sources prepared once for scoring many claims. */
export interface SupportIndex {
  sentences: IndexedSentence[];
  documentFrequency: Map<string, number>;
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
    stems,
    values: indexes.flatMap((i) => i.values),
  };
}

/** Where a claim is best supported, and how well (0..1). */
export interface SupportResult {
  score: number;
  /** The best-matching source sentence. */
  evidence: { article_id: number; start: number; end: number }[];
  /** Figures in the claim that no source holds. */
  missingNumbers: string[];
}

/** Indexes sources: sentence stems, document frequencies and every number they hold. */
export function buildSupportIndex(sources: readonly SupportSource[]): SupportIndex {
  const sentences: IndexedSentence[] = [];
  const documentFrequency = new Map<string, number>();
  const stems = new Set<string>();
  const values: number[] = [];
  for (const source of sources) {
    for (const span of source.sentences ?? splitSentences(source.text)) {
      const list = contentStems(source.text.slice(span.start, span.end));
      const set = new Set(list);
      for (const s of set) {
        documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
        stems.add(s);
      }
      sentences.push({
        source: source.id,
        start: span.start,
        end: span.end,
        stems: set,
        list,
        negation: hasNegation(list),
      });
    }
    for (const n of findNumbers(source.text, { words: true })) values.push(n.value);
  }
  return { sentences, documentFrequency, stems, values };
}

const NEGATION_PENALTY = 0.75;
const MISSING_NUMBER_PENALTY = 0.55;
/** Coverage of the best passage above which a claim is read as a near-copy of it. */
const NEAR_COPY = 0.6;
/** Whole-source coverage a claim needs to count as supported (tuned on SummaC validation). */
const GLOBAL_NEEDED = 0.95;
/** Share of a near-copy's word pairs that must appear in order in its passage (catches swapped roles). */
const BIGRAMS_NEEDED = 0.9;

/**
 * Scores a claim against indexed sources: 1 means fully supported, SUPPORT_THRESHOLD (0.8) is the
 * decision line. A claim needs nearly all its (IDF-weighted) content words somewhere in the sources;
 * a claim that closely copies one passage must also keep that passage's word order (an entity swap
 * or a flipped negation in a copied sentence is the typical unfaithful edit).
 */
export function scoreSupport(index: SupportIndex, claim: string): SupportResult {
  const list = contentStems(claim);
  const terms = [...new Set(list)].filter((t) => t !== 'not');
  const missingNumbers = findNumbers(claim)
    .filter((n) => !valuePresent(n.value, index.values))
    .map((n) => n.text);
  if (terms.length === 0 || index.sentences.length === 0) {
    return { score: terms.length === 0 && missingNumbers.length === 0 ? 1 : 0, evidence: [], missingNumbers };
  }
  const n = index.sentences.length;
  const weights = terms.map((t) => Math.log(1 + n / (1 + (index.documentFrequency.get(t) ?? 0))) + 0.5);
  const total = weights.reduce((a, b) => a + b, 0);
  let global = 0;
  for (let i = 0; i < terms.length; i++) if (index.stems.has(terms[i]!)) global += weights[i]!;
  const best = bestPassage(index, terms, weights);
  const coverage = global / total;
  let factor = coverage / GLOBAL_NEEDED;
  if (best.covered / total >= NEAR_COPY) {
    const order = bigramCoverage(list, best.stems) / BIGRAMS_NEEDED;
    factor = Math.min(factor, order);
    if (hasNegation(list) !== best.negation) factor *= NEGATION_PENALTY;
  }
  // Map the factor so the decision line (factor 1) lands on 0.8 and a full match on 1.
  const calibrated = factor >= 1 ? Math.min(1, 0.8 + 0.2 * (factor - 1) * 19) : 0.8 * factor;
  const score = calibrated * MISSING_NUMBER_PENALTY ** missingNumbers.length;
  return { score, evidence: best.evidence, missingNumbers };
}

function bigramCoverage(claim: string[], passage: string[]): number {
  const words = claim.filter((t) => t !== 'not');
  if (words.length < 2) return 1;
  const pairs = new Set<string>();
  const plain = passage.filter((t) => t !== 'not');
  for (let i = 0; i + 1 < plain.length; i++) pairs.add(`${plain[i]} ${plain[i + 1]}`);
  let hits = 0;
  for (let i = 0; i + 1 < words.length; i++) if (pairs.has(`${words[i]} ${words[i + 1]}`)) hits++;
  return hits / (words.length - 1);
}

function bestPassage(
  index: SupportIndex,
  terms: string[],
  weights: number[],
): { covered: number; negation: boolean; stems: string[]; evidence: SupportResult['evidence'] } {
  let best = {
    covered: -1,
    negation: false,
    stems: [] as string[],
    evidence: [] as SupportResult['evidence'],
  };
  const sentences = index.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const a = sentences[i]!;
    let covered = 0;
    for (let t = 0; t < terms.length; t++) if (a.stems.has(terms[t]!)) covered += weights[t]!;
    if (covered > best.covered) {
      best = {
        covered,
        negation: a.negation,
        stems: a.list,
        evidence: [{ article_id: a.source, start: a.start, end: a.end }],
      };
    }
  }
  return best;
}
