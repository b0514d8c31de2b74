import type { Logger } from '../lib/log.js';
import {
  addDocumentFrequencies,
  analysesForArticles,
  frequentTerms,
  storeAnalysesJson,
} from '../store/analyses.js';
import type { Executor } from '../store/db.js';
import { withBackground } from './background.js';
import type { DocumentFrequencies } from './keywords.js';
import { termCounts } from './keywords.js';
import { analyzeInline, type TextAnalyzer } from './pool.js';
import { completeAnalysis, digestOf } from './prepared.js';
import { tokenize } from './text.js';
import type { AnalysisDigest } from './types.js';

/**
 * The document frequencies analysis weighs keywords with, kept in memory: the most frequent terms
 * (a rare term's weight hardly depends on its exact count) plus what this process counted, so the
 * cost per article does not grow with the archive.
 */
export interface FrequencyCache {
  docs: number;
  terms: Map<string, number>;
  loadedAt: number;
  /** Counts not yet written to the database (written every PENDING_DOCS documents). */
  pending: Map<string, number>;
  pendingDocs: number;
}

// Writing the frequencies is the costliest statement of a batch; batching them across batches keeps
// it off the per-article cost. Losing unwritten counts in a crash only blurs keyword weights.
const PENDING_DOCS = 2_000;

const CACHED_TERMS = 50_000;
// Below this many documents the frequencies are too thin: count the batch itself as well.
const COLD_START_DOCS = 500;

/** A cache that loads on first use. */
export function newFrequencyCache(): FrequencyCache {
  return { docs: 0, terms: new Map(), loadedAt: -1, pending: new Map(), pendingDocs: 0 };
}

/** What analysis needs from the process. */
export interface AnalyzeDeps {
  db: Executor;
  frequencies: FrequencyCache;
  /** Where the text analysis runs (default: on this thread). */
  analyzer?: TextAnalyzer;
  logger?: Logger;
}

// Below this much text (a few full articles, or a batch of headlines) analyzing here is quicker
// than the trip to a thread and back.
const THREADS_FROM_CHARS = 20_000;

/**
 * Articles per task of a thread pool: small enough that every thread gets work in a small batch and
 * the first results get stored while the threads analyze the rest; large enough that storing them
 * takes few statements.
 */
function chunkSize(articles: number): number {
  return Math.min(50, Math.max(10, Math.ceil(articles / 4)));
}

/** Article fields analysis reads. */
export interface AnalyzableArticle {
  id: number;
  title: string;
  text: string;
  language: string | null;
}

/**
 * Returns the digests of the given articles' analyses, analyzing and storing those not analyzed
 * yet and adding them to the running document frequencies.
 */
export async function ensureAnalyses(
  deps: AnalyzeDeps,
  articles: AnalyzableArticle[],
): Promise<Map<number, AnalysisDigest>> {
  const analyses = new Map<number, AnalysisDigest>();
  const stored = await analysesForArticles(
    deps.db,
    articles.map((a) => a.id),
  );
  for (const [id, a] of stored) analyses.set(id, { ...digestOf(a), keywords: a.keywords });
  const missing = articles.filter((a) => !analyses.has(a.id));
  if (missing.length === 0) return analyses;
  const cache = deps.frequencies;
  // Counts are kept up to date in memory; reloading only picks up other processes' documents and
  // trims the map, so it happens when the corpus has doubled (a logarithmic number of times).
  if (cache.loadedAt < 0 || cache.docs > cache.loadedAt * 2 + 1000 || cache.terms.size > CACHED_TERMS * 4) {
    await flushFrequencies(deps);
    const loaded = await frequentTerms(deps.db, CACHED_TERMS);
    Object.assign(cache, { docs: loaded.docs, terms: loaded.terms, loadedAt: loaded.docs });
  }
  const batch = new Map<string, number>();
  if (cache.docs < COLD_START_DOCS) {
    for (const a of missing)
      for (const t of termCounts(tokenize(`${a.title}\n${a.text}`)).keys()) bump(batch, t);
  }
  const df: DocumentFrequencies = withBackground({
    docs: cache.docs + (batch.size > 0 ? missing.length : 0),
    get: (term) => (cache.terms.get(term) ?? 0) + (batch.get(term) ?? 0),
  });
  const counted = new Map<string, number>();
  let chars = 0;
  for (const a of missing) chars += a.title.length + a.text.length;
  const threads = chars >= THREADS_FROM_CHARS ? deps.analyzer : undefined;
  const analyzer = threads ?? analyzeInline;
  const size = threads ? chunkSize(missing.length) : missing.length;
  const chunks: AnalyzableArticle[][] = [];
  for (let i = 0; i < missing.length; i += size) chunks.push(missing.slice(i, i + size));
  const analyzed = chunks.map((chunk) => analyzer(chunk));
  // Chunks after a failed one are not awaited; their failures must not go unhandled.
  for (const pending of analyzed) pending.catch(() => {});
  for (const [c, chunk] of chunks.entries()) {
    const prepared = await analyzed[c]!;
    const rows = chunk.map((a, i) => {
      // The term list only feeds the frequencies; storing it would double the size.
      const { language, json, digest, terms } = completeAnalysis(prepared[i]!, { df });
      for (const t of terms) bump(counted, t);
      analyses.set(a.id, digest);
      return { articleId: a.id, language, json };
    });
    await storeAnalysesJson(deps.db, rows);
  }
  cache.docs += missing.length;
  cache.pendingDocs += missing.length;
  for (const [t, n] of counted) {
    cache.terms.set(t, (cache.terms.get(t) ?? 0) + n);
    cache.pending.set(t, (cache.pending.get(t) ?? 0) + n);
  }
  if (cache.pendingDocs >= PENDING_DOCS) await flushFrequencies(deps);
  deps.logger?.debug({ analyzed: missing.length }, 'articles analyzed');
  return analyses;
}

/** Writes the document frequencies counted since the last write. */
export async function flushFrequencies(deps: AnalyzeDeps): Promise<void> {
  const cache = deps.frequencies;
  if (cache.pendingDocs === 0) return;
  await addDocumentFrequencies(deps.db, cache.pendingDocs, cache.pending);
  cache.pending = new Map();
  cache.pendingDocs = 0;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
