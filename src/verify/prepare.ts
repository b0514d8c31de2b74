import type { DetectedFact } from '../disagree/detect.js';
import { findNumbers } from './numbers.js';
import { buildSupportIndex, mergeSupportIndexes, type SupportIndex } from './support.js';
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

/** The prepared sources of one story, by article id, with a cache of combined support indexes. */
export interface PreparedSources {
  byId: Map<number, PreparedSource>;
  combined: Map<string, SupportIndex>;
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
  return { byId, combined: new Map(), all };
}

/** The support index over a set of cited articles (one article's own index when only one is cited). */
export function indexFor(prepared: PreparedSources, ids: readonly number[]): SupportIndex | undefined {
  const unique = [...new Set(ids)].filter((id) => prepared.byId.has(id)).sort((a, b) => a - b);
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return prepared.byId.get(unique[0]!)!.index;
  const key = unique.join(',');
  let index = prepared.combined.get(key);
  if (!index) {
    index = mergeSupportIndexes(unique.map((id) => prepared.byId.get(id)!.index));
    prepared.combined.set(key, index);
  }
  return index;
}
