import { type AnalysisOptions, KEYWORDS, type TextAnalysis } from './analyze.js';
import { topKeywordsOf } from './keywords.js';
import { storedAnalysisJson, withStoredKeywords } from './stored.js';
import type { AnalysisDigest, ArticleAnalysis } from './types.js';

/**
 * A text analysis in the form that crosses threads cheaply: the stored analysis (all but the
 * keywords) as JSON text, its digest, and the term counts. Structured-cloning the analysis itself
 * costs the receiving thread more than analyzing did.
 */
export interface PreparedAnalysis {
  language: string;
  /** The analysis without its keywords in the stored form (stored.ts), as JSON text. */
  json: string;
  digest: Omit<AnalysisDigest, 'keywords'>;
  /** Weighted term counts (parallel arrays: a Map of strings clones slowly). */
  terms: string[];
  counts: Float64Array;
}

/** An analysis completed with its keywords: the JSON to store and the digest clustering reads. */
export interface CompletedAnalysis {
  language: string;
  json: string;
  digest: AnalysisDigest;
  /** Every distinct term: what the running document frequencies count. */
  terms: string[];
}

/** The digest of an analysis, but for the keywords. */
export function digestOf(
  analysis: Omit<ArticleAnalysis, 'keywords' | 'terms'>,
): Omit<AnalysisDigest, 'keywords'> {
  return {
    title_entities: analysis.title_entities ?? [],
    entities: analysis.entities.map((e) => ({ key: e.key, kind: e.kind, mentions: e.mentions.length })),
    figures: analysis.figures.map((f) => ({ kind: f.kind, unit: f.unit, value: f.value })),
  };
}

/** Prepares a text analysis for the trip to another thread. */
export function prepareAnalysis({ analysis, counts }: TextAnalysis): PreparedAnalysis {
  return {
    language: analysis.language,
    json: storedAnalysisJson(analysis),
    digest: digestOf(analysis),
    terms: [...counts.keys()],
    counts: Float64Array.from(counts.values()),
  };
}

/**
 * Weighs the keywords of a prepared analysis against the document frequencies and adds them to
 * the stored JSON; equal to `analyzeArticle` with the same frequencies.
 */
export function completeAnalysis(
  prepared: PreparedAnalysis,
  options: Pick<AnalysisOptions, 'df' | 'keywords'> = {},
): CompletedAnalysis {
  // The same ranking as keywordsOf, read straight off the parallel arrays.
  const keywords = topKeywordsOf(prepared.terms, prepared.counts, options.df, options.keywords ?? KEYWORDS);
  return {
    language: prepared.language,
    json: withStoredKeywords(prepared.json, keywords),
    digest: { ...prepared.digest, keywords },
    terms: prepared.terms,
  };
}
