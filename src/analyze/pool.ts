import { createThreadPool, siblingModule, type ThreadPoolOptions } from '../lib/threads.js';
import type { AnalysisInput } from './analyze.js';
import type { PreparedAnalysis } from './prepared.js';
import analyzeChunk from './worker.js';

/** Analyzes articles up to keyword ranking (see analyzeText), possibly on other threads. */
export type TextAnalyzer = (articles: AnalysisInput[]) => Promise<PreparedAnalysis[]>;

/** Analysis on the calling thread. */
export const analyzeInline: TextAnalyzer = async (articles) => analyzeChunk(articles);

/** Analysis on worker threads, so it overlaps the caller's clustering and database work. */
export interface AnalysisPool {
  analyze: TextAnalyzer;
  close(): Promise<void>;
}

/** A pool of analysis threads (one per core unless told); no thread starts before the first article. */
export function createAnalysisPool(options: ThreadPoolOptions = {}): AnalysisPool {
  const pool = createThreadPool<AnalysisInput[], PreparedAnalysis[]>(
    siblingModule(import.meta.url, 'worker'),
    options,
  );
  return {
    // Only the fields analysis reads cross to the thread.
    analyze: (articles) => pool.run(articles.map(({ title, text, language }) => ({ title, text, language }))),
    close: () => pool.close(),
  };
}
