import type { ArticleAnalysis } from '../analyze/types.js';
import { analysesForArticles } from '../store/analyses.js';
import type { Executor } from '../store/db.js';
import { storySourceArticles } from '../store/published.js';
import { fallbackAnalysis } from '../verify/extract.js';
import type { SourceArticle } from '../verify/types.js';

/** Loads stored analyses by article id (the analyze stage's store); missing ones are computed here. */
export type AnalysisLoader = (db: Executor, articleIds: number[]) => Promise<Map<number, ArticleAnalysis>>;

/** A story's articles as writer input, each with its stored analysis (or a stand-in one). */
export async function loadStorySources(
  db: Executor,
  storyId: number,
  loadAnalyses: AnalysisLoader = analysesForArticles,
): Promise<SourceArticle[]> {
  const articles = await storySourceArticles(db, storyId);
  const analyses = await loadAnalyses(
    db,
    articles.map((a) => a.id),
  );
  return articles.map((a) => ({
    id: a.id,
    source_id: a.source_id,
    outlet: a.source_name,
    title: a.title,
    text: a.text,
    published_at: a.published_at,
    analysis: analyses.get(a.id) ?? fallbackAnalysis(a.text, a.title),
  }));
}
