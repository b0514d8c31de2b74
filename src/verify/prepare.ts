import type { DetectedFact } from '../disagree/detect.js';
import { findNumbers } from './numbers.js';
import { buildSupportIndex, mergeSupportIndexes, type SupportIndex } from './support-index.js';
import { normalizeForMatch } from './text.js';
import type { SourceArticle } from './types.js';

/** A source with the lookups every check needs, computed once per verification. */
export interface PreparedSource {
  article: SourceArticle;
  normalized: string;
  words: Set<string>;
  values: number[];
  index: SupportIndex;
}

/** The prepared sources of one story, by article id, with the support index over all of them. */
export interface PreparedSources {
  byId: Map<number, PreparedSource>;
  all: SupportIndex;
  /** What the story's sources disagree on, when the caller detected it (read by the disputed-value check). */
  disagreements?: readonly DetectedFact[];
}

/** Prepares every source once. */
export function prepareSources(articles: readonly SourceArticle[]): PreparedSources {
  const byId = new Map<number, PreparedSource>();
  for (const article of articles) {
    const values = findNumbers(article.text, { words: true }).map((n) => n.value);
    for (const figure of article.analysis.figures) if (figure.value !== null) values.push(figure.value);
    byId.set(article.id, {
      article,
      // Titles count as source text for presence checks (a headline may quote one); citations still
      // point into `text` only.
      normalized: normalizeForMatch(`${article.title}\n${article.text}`),
      words: new Set(`${article.title}\n${article.text}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
      values,
      index: buildSupportIndex([
        { id: article.id, text: article.text, sentences: article.analysis.sentences },
      ]),
    });
  }
  const all = mergeSupportIndexes([...byId.values()].map((p) => p.index));
  return { byId, all };
}
