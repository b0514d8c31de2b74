import { blankBoilerplate } from './boilerplate.js';
import { extractEntities } from './entities.js';
import { extractFigures } from './figures.js';
import { type DocumentFrequencies, termCounts, topKeywords } from './keywords.js';
import { detectLanguage } from './language.js';
import { extractQuotes } from './quotes.js';
import { splitSentences, tokenize } from './text.js';
import type { ArticleAnalysis } from './types.js';

/** What analysis reads from an article. */
export interface AnalysisInput {
  title: string;
  text: string;
  /** The language the source declared; detection decides when absent. */
  language?: string | null;
}

/** Tuning and shared state for analysis; all optional. */
export interface AnalysisOptions {
  /** Running document frequencies for keyword weights (none: plain term frequency). */
  df?: DocumentFrequencies;
  /** Places learned from the corpus (folded names), in addition to the built-in list. */
  places?: ReadonlySet<string>;
  /** Names, quotes, figures and keywords are looked for in the first this many characters. */
  maxChars?: number;
  /** How many keywords to keep. */
  keywords?: number;
}

/**
 * How many keywords an analysis keeps unless told. Clustering compares a story's centroid over the
 * heaviest 30 and full reports pair by pair over all of them: two reports of one busy topic (two
 * budget fights) share the topic's heavy words, and only the lighter ones tell their events apart.
 */
export const KEYWORDS = 60;

const TITLE_WEIGHT = 3;
const LEDE_WEIGHT = 2;
const LEDE_CHARS = 400;

/** An analysis before keyword ranking: everything that does not depend on the document frequencies. */
export interface TextAnalysis {
  analysis: Omit<ArticleAnalysis, 'keywords' | 'terms'>;
  /** Weighted term counts of title, lede and body, in first-seen order. */
  counts: Map<string, number>;
}

/**
 * Analyzes one article: language, sentences, entities, quotes, figures and keywords. Pure and
 * deterministic; text past `maxChars` (default 100,000) only gets sentence offsets.
 */
export function analyzeArticle(article: AnalysisInput, options: AnalysisOptions = {}): ArticleAnalysis {
  return rankKeywords(analyzeText(article, options), options);
}

/**
 * The part of `analyzeArticle` that reads only the article (so it can run on another thread):
 * everything but the keyword weights.
 */
export function analyzeText(article: AnalysisInput, options: AnalysisOptions = {}): TextAnalysis {
  const text = article.text ?? '';
  // Page furniture is blanked, not cut, so offsets into the head are offsets into the text.
  const title = blankBoilerplate(article.title ?? '');
  const head = blankBoilerplate(
    text.length > (options.maxChars ?? 100_000) ? text.slice(0, options.maxChars ?? 100_000) : text,
    title !== (article.title ?? ''),
  );
  const language = normalizeLanguage(article.language) ?? detectLanguage(`${title}\n${head}`);
  const sentences = splitSentences(text);
  const tokens = tokenize(head);
  // Capitalization carries names only in scripts that have case.
  const cased = language !== 'und' && !['ko', 'ja', 'zh', 'ar', 'he', 'th', 'hi'].includes(language);
  const entities = cased ? extractEntities(head, { places: options.places }, tokens) : [];
  const quotes = extractQuotes(head, { entities, sentences });
  const figures = extractFigures(head);
  const counts = termCounts(tokens, (offset) => (offset < LEDE_CHARS ? LEDE_WEIGHT : 1));
  for (const [term, n] of termCounts(tokenize(title))) {
    counts.set(term, (counts.get(term) ?? 0) + n * TITLE_WEIGHT);
  }
  const titleEntities = cased ? extractEntities(title, { places: options.places }) : [];
  return {
    analysis: {
      language,
      sentences,
      entities,
      quotes,
      figures,
      title_entities: titleEntities.map((e) => e.key),
    },
    counts,
  };
}

/** Completes a text analysis with its keywords, weighed against the document frequencies. */
export function rankKeywords(
  { analysis, counts }: TextAnalysis,
  options: Pick<AnalysisOptions, 'df' | 'keywords'> = {},
): ArticleAnalysis {
  const { language, sentences, entities, quotes, figures, title_entities } = analysis;
  return {
    language,
    sentences,
    entities,
    quotes,
    figures,
    keywords: keywordsOf(counts, options),
    title_entities,
    terms: [...counts.keys()],
  };
}

/** The heaviest terms of an article's weighted term counts, against the document frequencies. */
export function keywordsOf(
  counts: Map<string, number>,
  options: Pick<AnalysisOptions, 'df' | 'keywords'> = {},
): ArticleAnalysis['keywords'] {
  return topKeywords(counts, options.df, options.keywords ?? KEYWORDS);
}

function normalizeLanguage(language: string | null | undefined): string | null {
  if (!language) return null;
  const code = language.trim().toLowerCase().slice(0, 2);
  return /^[a-z]{2}$/.test(code) ? code : null;
}
