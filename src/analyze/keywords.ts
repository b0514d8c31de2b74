import { STOPWORDS } from './stopwords.js';
import { fold, type Token } from './text.js';

/** Document frequencies the keyword weights are computed against. */
export interface DocumentFrequencies {
  /** Number of documents counted. */
  docs: number;
  /** Documents that contain `term` (0 when unknown). */
  get(term: string): number;
}

// Folding and stemming a word costs more than looking it up; news reuses a small vocabulary.
const TERM_CACHE = new Map<string, string | null>();
const TERM_CACHE_SIZE = 200_000;

/** Words that count as terms: folded, no stopwords, no numbers, two letters or more. */
export function termOf(word: string): string | null {
  let term = TERM_CACHE.get(word);
  if (term !== undefined) return term;
  term = foldTerm(word);
  if (TERM_CACHE.size >= TERM_CACHE_SIZE) TERM_CACHE.clear();
  TERM_CACHE.set(word, term);
  return term;
}

function foldTerm(word: string): string | null {
  if (word.length < 2 || word.length > 40) return null;
  const term = fold(word)
    .replace(/\.$/, '')
    .replace(/['’]s$/, '');
  if (term.length < 2 || STOPWORDS.has(term) || !/\p{L}/u.test(term)) return null;
  return stem(term);
}

/** Folds plurals and a few verb endings so "bombings"/"bombing" and "rates"/"rate" meet. */
export function stem(term: string): string {
  const n = term.length;
  if (n <= 4) return term;
  if (term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  if (term.endsWith('sses') || term.endsWith('ches') || term.endsWith('shes') || term.endsWith('xes'))
    return term.slice(0, -2);
  if (term.endsWith('s') && !term.endsWith('ss') && !term.endsWith('us') && !term.endsWith('is'))
    return term.slice(0, -1);
  return term;
}

/** Term counts of a text's tokens, each token weighted (title and lede count more). */
export function termCounts(
  tokens: Token[],
  weightAt: (offset: number) => number = () => 1,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) {
    const weight = weightAt(t.start);
    // "FOREX-Euro" and "euro" should meet: a hyphenated word counts as its parts.
    for (const part of t.text.includes('-') ? t.text.split('-') : [t.text]) {
      const term = termOf(part);
      if (term) counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  }
  return counts;
}

/**
 * The same frequencies, each term looked up once: the articles of a batch share most of their
 * words, and the frequencies stay put while the batch is ranked.
 */
export function lookedUpOnce(df: DocumentFrequencies): DocumentFrequencies {
  const known = new Map<string, number>();
  return {
    docs: df.docs,
    get: (term) => {
      let n = known.get(term);
      if (n === undefined) {
        n = df.get(term);
        known.set(term, n);
      }
      return n;
    },
  };
}

/** Inverse document frequency, smoothed; unseen terms get the highest weight. */
export function idf(df: DocumentFrequencies | undefined, term: string): number {
  if (!df || df.docs === 0) return 1;
  return Math.log((df.docs + 1) / (df.get(term) + 1)) + 1;
}

/** The `limit` heaviest terms by TF-IDF (sublinear TF), heaviest first, weights rounded. */
export function topKeywords(
  counts: Map<string, number>,
  df: DocumentFrequencies | undefined,
  limit: number,
): { term: string; weight: number }[] {
  return topKeywordsOf(counts.keys(), counts.values(), df, limit);
}

/**
 * `topKeywords` over parallel sequences of terms and their counts. Only the heaviest `limit` are
 * kept, in order, as the terms go by; a term whose count could not reach the lightest of them even
 * at the highest weight a term can have (an unseen term's) is passed over without looking up its
 * frequency: most terms of an article, and the lookups are what costs.
 */
export function topKeywordsOf(
  terms: Iterable<string>,
  counts: Iterable<number>,
  df: DocumentFrequencies | undefined,
  limit: number,
): { term: string; weight: number }[] {
  if (limit <= 0) return [];
  // idf(df, term) is at most this (a term no document holds), so tf × this bounds a term's weight.
  const ceiling = !df || df.docs === 0 ? 1 : Math.log(df.docs + 1) + 1;
  const top: { term: string; weight: number }[] = [];
  const tfs = counts[Symbol.iterator]();
  for (const term of terms) {
    const tf = tfs.next().value as number;
    if (top.length === limit && tf * ceiling < top[limit - 1]!.weight) continue;
    const weight = tf * idf(df, term);
    // Heaviest first, ties by term: the order a full sort would give.
    let at = top.length;
    while (at > 0 && heavier(weight, term, top[at - 1]!)) at--;
    if (at >= limit) continue;
    top.splice(at, 0, { term, weight });
    if (top.length > limit) top.pop();
  }
  return top.map((k) => ({ term: k.term, weight: Math.round(k.weight * 1000) / 1000 }));
}

function heavier(weight: number, term: string, than: { term: string; weight: number }): boolean {
  return weight > than.weight || (weight === than.weight && term < than.term);
}
