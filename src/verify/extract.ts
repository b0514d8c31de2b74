import { analyzeArticle } from '../analyze/analyze.js';
import { extractEntities } from '../analyze/entities.js';
import { extractFigures } from '../analyze/figures.js';
import { extractQuotes } from '../analyze/quotes.js';
import { splitSentences } from '../analyze/text.js';
import type { ArticleAnalysis, Entity, Figure, Quote } from '../analyze/types.js';

/**
 * The analyze stage's extractors as the verifier and writers use them: on written sentences (which
 * are never analysed and stored) and on articles whose analysis is not stored yet.
 */

/** People, organisations and places named in a sentence. */
export function namesIn(text: string): Entity[] {
  return extractEntities(text);
}

/** Direct quotes in a sentence with the speaker its attribution names, or null. */
export function quotesIn(text: string): Quote[] {
  const entities = extractEntities(text);
  return extractQuotes(text, { entities, sentences: splitSentences(text) });
}

/** Figures (amounts, percentages, counts, dates) in a text. */
export function figuresIn(text: string): Figure[] {
  return extractFigures(text);
}

/** An analysis computed on the spot, for an article that has no stored one. */
export function fallbackAnalysis(text: string, title = ''): ArticleAnalysis {
  return analyzeArticle({ title, text });
}
