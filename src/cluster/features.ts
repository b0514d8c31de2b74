import type { AnalysisDigest } from '../analyze/types.js';

/** What clustering compares: an article reduced to weighted terms, named things and a time. */
export interface ArticleFeatures {
  id: number;
  sourceId: number;
  title: string;
  /** Epoch ms of publication; null when the article carries no date (then it is timeless). */
  time: number | null;
  /** Epoch ms of publication, or of fetching when undated: where the article sits in the index window. */
  seen: number;
  /** Keyword weights, unit length. */
  terms: Map<string, number>;
  /** Entity keys and normalized figures ("#amount:USD:350000000000"). */
  things: Set<string>;
}

const MAX_THINGS = 16;

/** Reduces an analyzed article to clustering features. */
export function featuresOf(
  article: { id: number; source_id: number; title: string; published_at: Date | null; fetched_at: Date },
  analysis: AnalysisDigest,
): ArticleFeatures {
  const terms = new Map<string, number>();
  let norm = 0;
  for (const k of analysis.keywords) norm += k.weight * k.weight;
  norm = Math.sqrt(norm) || 1;
  for (const k of analysis.keywords) terms.set(k.term, k.weight / norm);
  const things = new Set<string>(analysis.title_entities ?? []);
  // The most mentioned names say what the article is about; a passing mention does not.
  const entities = [...analysis.entities].sort((a, b) => b.mentions - a.mentions);
  for (const e of entities) {
    if (things.size >= MAX_THINGS) break;
    // Places are shared by unrelated stories from one region; the keywords carry them anyway.
    if (e.kind !== 'place') things.add(e.key);
  }
  for (const f of analysis.figures) {
    if (things.size >= MAX_THINGS + 6) break;
    if (f.value !== null && (f.kind === 'amount' || f.kind === 'percent'))
      things.add(`#${f.kind}:${f.unit ?? ''}:${f.value}`);
  }
  return {
    id: article.id,
    sourceId: article.source_id,
    title: article.title,
    time: article.published_at ? article.published_at.getTime() : null,
    seen: (article.published_at ?? article.fetched_at).getTime(),
    terms,
    things,
  };
}

/** The terms an article is looked up by in the story index: its heaviest keywords and its names. */
export function lookupTerms(features: ArticleFeatures, keywords = 10): string[] {
  const top = [...features.terms.entries()].sort((a, b) => b[1] - a[1]).slice(0, keywords);
  return [
    ...top.map(([t]) => t),
    ...[...features.things].filter((t) => !t.startsWith('#')).map((t) => `e:${t}`),
  ];
}
