import { type AnalysisInput, analyzeText } from './analyze.js';
import { type PreparedAnalysis, prepareAnalysis } from './prepared.js';

/** Runs on a worker thread: analyzes a chunk of articles, all but the keyword weights. */
export default function analyzeChunk(articles: AnalysisInput[]): PreparedAnalysis[] {
  return articles.map((article) => prepareAnalysis(analyzeText(article)));
}
