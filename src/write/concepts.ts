import { stemmer } from 'stemmer';

/**
 * Content selection by concept coverage (Gillick and Favre 2009): a story's concepts are the word
 * pairs its articles share, each worth the number of articles that use it, and the best set of
 * sentences covers the most concept weight in the fewest words. Greedy selection of the sentence
 * that adds the most uncovered weight per word is the usual approximation of that optimum.
 */

// Pairs made only of these carry no content ("of the", "it was").
const FUNCTION_WORDS = new Set(
  'a an the and or of to in on at by for with from as is are was were be been it its this that he she they his her their has have had will would said says'.split(
    ' ',
  ),
);

/** The stemmed word pairs of a text, without pairs of function words only. */
export function conceptsOf(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 ? stemmer(w) : w));
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (FUNCTION_WORDS.has(words[i]!) && FUNCTION_WORDS.has(words[i + 1]!)) continue;
    out.push(`${words[i]} ${words[i + 1]}`);
  }
  return out;
}

/** Each concept's weight: how many articles use it; with several articles, one article's own pairs count for nothing. */
export function conceptWeights(
  candidates: readonly { concepts: string[]; article: { id: number } }[],
): Map<string, number> {
  const articles = new Map<string, Set<number>>();
  for (const c of candidates) {
    for (const concept of c.concepts) {
      const seen = articles.get(concept) ?? new Set<number>();
      seen.add(c.article.id);
      articles.set(concept, seen);
    }
  }
  const several = new Set(candidates.map((c) => c.article.id)).size > 1;
  const weights = new Map<string, number>();
  for (const [concept, seen] of articles) if (!several || seen.size > 1) weights.set(concept, seen.size);
  return weights;
}
