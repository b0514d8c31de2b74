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
import { lookedUpOnce, termCounts } from './keywords.js';
import { analyzeInline, type TextAnalyzer } from './pool.js';
import { completeAnalysis, digestOf, type PreparedAnalysis } from './prepared.js';
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
  /** Analyses started ahead of need on the analyzer's threads (`analyzeAhead`), by article id. */
  ahead?: Map<number, Promise<PreparedAnalysis>>;
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
  return Math.min(CHUNK_MAX, Math.max(10, Math.ceil(articles / 4)));
}

/** Article fields analysis reads. */
export interface AnalyzableArticle {
  id: number;
  title: string;
  text: string;
  language: string | null;
}

/** The digests of the given articles' stored analyses, by article id (articles not analyzed are absent). */
export async function storedDigests(
  db: Executor,
  articleIds: readonly number[],
): Promise<Map<number, AnalysisDigest>> {
  const digests = new Map<number, AnalysisDigest>();
  for (const [id, a] of await analysesForArticles(db, articleIds))
    digests.set(id, { ...digestOf(a), keywords: a.keywords });
  return digests;
}

/**
 * Returns the digests of the given articles' analyses, analyzing and storing those not analyzed
 * yet and adding them to the running document frequencies. The analysis of `next` (the articles
 * the caller needs after these) starts on the threads right behind them (see analyzeAhead), so
 * the threads work on it while this thread stores the last chunks.
 */
export async function ensureAnalyses(
  deps: AnalyzeDeps,
  articles: AnalyzableArticle[],
  next: readonly AnalyzableArticle[] = [],
): Promise<Map<number, AnalysisDigest>> {
  const analyses = await storedDigests(
    deps.db,
    articles.map((a) => a.id),
  );
  const missing = articles.filter((a) => !analyses.has(a.id));
  if (missing.length === 0) {
    analyzeAhead(deps, next);
    return analyses;
  }
  const cache = await loadFrequencies(deps);
  const batch = new Map<string, number>();
  if (cache.docs < COLD_START_DOCS) {
    for (const a of missing)
      for (const t of termCounts(tokenize(`${a.title}\n${a.text}`)).keys()) bump(batch, t);
  }
  // The counts of this batch join the cache only once it is ranked: the frequencies hold still.
  const df: DocumentFrequencies = lookedUpOnce(
    withBackground({
      docs: cache.docs + (batch.size > 0 ? missing.length : 0),
      get: (term) => (cache.terms.get(term) ?? 0) + (batch.get(term) ?? 0),
    }),
  );
  const counted = new Map<string, number>();
  // What was started ahead comes first (it is likely done); the rest is analyzed now.
  const started = takeAhead(deps, missing);
  const rest = missing.filter((a) => !started.has(a.id));
  const chunks = [
    ...chunked(
      missing.filter((a) => started.has(a.id)),
      CHUNK_MAX,
    ).map((chunk) => ({ chunk, prepared: Promise.all(chunk.map((a) => started.get(a.id)!)) })),
    ...startAnalyses(deps, rest, false),
  ];
  // The threads take tasks in the order given: this batch's chunks are queued first.
  analyzeAhead(deps, next);
  // Chunks after a failed one are not awaited; their failures must not go unhandled.
  for (const { prepared } of chunks) prepared.catch(() => {});
  for (const { chunk, prepared: preparing } of chunks) {
    const prepared = await preparing;
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

/** The running document frequencies, loaded (or reloaded) from the database when due. */
export async function loadFrequencies(deps: AnalyzeDeps): Promise<FrequencyCache> {
  const cache = deps.frequencies;
  // Counts are kept up to date in memory; reloading only picks up other processes' documents and
  // trims the map, so it happens when the corpus has doubled (a logarithmic number of times).
  if (cache.loadedAt < 0 || cache.docs > cache.loadedAt * 2 + 1000 || cache.terms.size > CACHED_TERMS * 4) {
    await flushFrequencies(deps);
    const loaded = await frequentTerms(deps.db, CACHED_TERMS);
    Object.assign(cache, { docs: loaded.docs, terms: loaded.terms, loadedAt: loaded.docs });
  }
  return cache;
}

/**
 * Starts analyzing, on the analyzer's threads, articles the caller will need next (the next batch
 * to cluster), so the threads work while this thread clusters and stores the current one;
 * `ensureAnalyses` picks the results up. Does nothing without threads or for little text.
 */
export function analyzeAhead(deps: AnalyzeDeps, articles: readonly AnalyzableArticle[]): void {
  const ahead = deps.ahead;
  if (!ahead) return;
  for (const { chunk, prepared } of startAnalyses(
    deps,
    articles.filter((a) => !ahead.has(a.id)),
    true,
  )) {
    chunk.forEach((a, i) => {
      const one = prepared.then((all) => all[i]!);
      // Taken up later, or never (the article was clustered elsewhere): a failure is not unhandled.
      one.catch(() => {});
      ahead.set(a.id, one);
    });
  }
}

const CHUNK_MAX = 50;

/**
 * Starts the text analysis of articles in chunks: on the threads when there is enough text to be
 * worth the trip (or nothing at all when `threadsOnly`), else here in one chunk.
 */
function startAnalyses(
  deps: AnalyzeDeps,
  articles: AnalyzableArticle[],
  threadsOnly: boolean,
): { chunk: AnalyzableArticle[]; prepared: Promise<PreparedAnalysis[]> }[] {
  if (articles.length === 0) return [];
  let chars = 0;
  for (const a of articles) chars += a.title.length + a.text.length;
  const threads = chars >= THREADS_FROM_CHARS ? deps.analyzer : undefined;
  if (!threads && threadsOnly) return [];
  const analyzer = threads ?? analyzeInline;
  const size = threads ? chunkSize(articles.length) : articles.length;
  const chunks = threads && !threadsOnly ? taperedChunks(articles, size) : chunked(articles, size);
  return chunks.map((chunk) => ({ chunk, prepared: analyzer(chunk) }));
}

// The caller stores each chunk as it comes back, in order, and what it stores after the threads
// are done is what it waits for: the last chunks of a batch it needs now are this small.
const TAIL_CHUNK = 10;
const TAIL_CHUNKS = 2;

/** Chunks of `size`, but the last TAIL_CHUNKS of TAIL_CHUNK articles (when there is more than that). */
function taperedChunks<T>(items: T[], size: number): T[][] {
  const tail = TAIL_CHUNK * TAIL_CHUNKS;
  if (size <= TAIL_CHUNK || items.length <= tail + size) return chunked(items, size);
  const head = items.length - tail;
  return [...chunked(items.slice(0, head), size), ...chunked(items.slice(head), TAIL_CHUNK)];
}

/** The analyses started ahead for these articles, taken off the ahead map. */
function takeAhead(
  deps: AnalyzeDeps,
  articles: readonly AnalyzableArticle[],
): Map<number, Promise<PreparedAnalysis>> {
  const taken = new Map<number, Promise<PreparedAnalysis>>();
  if (!deps.ahead) return taken;
  for (const a of articles) {
    const started = deps.ahead.get(a.id);
    if (!started) continue;
    taken.set(a.id, started);
    deps.ahead.delete(a.id);
  }
  return taken;
}

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
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
