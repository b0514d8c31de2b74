import type { Source } from '../db/schema.js';
import { AppError, describeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { fetchErrorKind, type IngestMetrics } from '../ops/metrics.js';
import type { Executor } from '../store/db.js';
import { articlesByCanonicalUrls } from '../store/articles.js';
import { recordFeedReport } from '../store/feed-reports.js';
import { sourceById, updateSource } from '../store/sources.js';
import { decodeBody } from './decode.js';
import type { DropCounts } from './drops.js';
import { type Fetcher, type FetchResult, RateLimitedError } from './fetch/fetcher.js';
import { type FeedParseOutput, type FeedParser, parseOnThisThread } from './feed-candidates.js';
import { type Candidate, candidateFromPage, completeFromPage } from './items.js';
import { errorBackoff, MAX_INTERVAL_MS, nextInterval } from './schedule-policy.js';
import { storeCandidates, updateStoredArticle } from './store-candidates.js';

/** What a refresh needs, wired once by the process that runs it. */
export interface IngestDeps {
  db: Executor;
  fetcher: Fetcher;
  logger: Logger;
  now?: () => Date;
  /** Consecutive failures after which the source is paused (default 10). */
  pauseAfter?: number;
  /** Pages fetched at once when items are teasers (per-host limits still apply). */
  pageConcurrency?: number;
  /** Most teaser pages read per refresh (default 50); the rest keep their teaser this time. */
  maxPageFetches?: number;
  /**
   * Called after new articles are committed, with their ids (duplicates included): the hook the
   * analysis pipeline subscribes to. A failing hook is logged and does not fail the refresh.
   */
  onArticlesStored?: (articleIds: number[]) => Promise<void> | void;
  /** Counts stored articles and failed fetches by kind, when the process exports metrics. */
  metrics?: IngestMetrics;
  /**
   * Where feeds are parsed (decode, parse, sanitize, text, fingerprints): a worker pool in
   * `ingest --once` (`createParsePool`), so parsing and the embedded database use two cores; on this
   * thread otherwise.
   */
  parseFeed?: FeedParser;
}

/** The outcome of refreshing one source, as `ingest --once` prints it. */
export interface RefreshSummary {
  source_id: number;
  name: string;
  status: 'ok' | 'not_modified' | 'failed';
  new: number;
  updated: number;
  duplicate: number;
  unchanged: number;
  /** Items that could not become articles (the sum of `dropped` but for repeats within the feed). */
  failed: number;
  /** Items left out of this refresh by reason (see DROP_REASONS), repeats within the feed included. */
  dropped: DropCounts;
  /** What was wrong with the feed but did not stop its items being read. */
  warnings: string[];
  error: string | null;
  paused: boolean;
  next_check_at: string | null;
  article_ids: number[];
}

/**
 * Refreshes one source: conditional fetch, parse, read teasers' pages, dedupe, store, and update
 * the source's health and next check. The one refresh path for the scheduler, the CLI and the admin.
 * Failures end as a `failed` summary (and a back-off), never as a thrown error, except an unknown id.
 */
export async function refreshSource(deps: IngestDeps, sourceId: number): Promise<RefreshSummary> {
  const source = await sourceById(deps.db, sourceId);
  if (!source) throw new AppError('not_found', `no source with id ${sourceId}`);
  const now = deps.now?.() ?? new Date();
  const summary: RefreshSummary = {
    source_id: source.id,
    name: source.name,
    status: 'ok',
    new: 0,
    updated: 0,
    duplicate: 0,
    unchanged: 0,
    failed: 0,
    dropped: {},
    warnings: [],
    error: null,
    paused: false,
    next_check_at: null,
    article_ids: [],
  };
  try {
    if (!source.url) throw new AppError('invalid_input', 'source has no URL to fetch');
    const fetched = await deps.fetcher.fetch({
      url: source.url,
      etag: source.etag,
      lastModified: source.last_modified,
      checkRobots: source.kind === 'page',
      accept:
        source.kind === 'page'
          ? 'text/html,application/xhtml+xml'
          : 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
    });
    const dates = fetched.notModified ? [] : await ingestBody(deps, source, fetched, now, summary);
    if (fetched.notModified) summary.status = 'not_modified';
    const interval = source.kind === 'page' ? MAX_INTERVAL_MS : nextInterval(dates);
    summary.next_check_at = new Date(now.getTime() + interval).toISOString();
    await updateSource(deps.db, source.id, {
      etag: fetched.etag,
      last_modified: fetched.lastModified,
      last_checked_at: now,
      last_success_at: now,
      next_check_at: summary.next_check_at,
      error_count: 0,
      last_error: null,
      // A source paused after failures that then succeeds (an explicit refresh) is healthy again.
      paused_reason: null,
    });
  } catch (error) {
    await recordFailure(deps, source, error, now, summary);
    return summary;
  }
  deps.metrics?.articlesIngested.inc({ source_kind: source.kind }, summary.new);
  await notify(deps, summary.article_ids);
  deps.logger.info(
    { source_id: source.id, new: summary.new, duplicate: summary.duplicate, updated: summary.updated },
    'source refreshed',
  );
  return summary;
}

/** Parses a fetched feed or page and stores its articles; returns the items' publication dates. */
async function ingestBody(
  deps: IngestDeps,
  source: Source,
  fetched: FetchResult,
  now: Date,
  summary: RefreshSummary,
): Promise<Date[]> {
  let candidates: Candidate[];
  let dates: Date[] = [];
  if (source.kind === 'page') {
    const decoded = decodeBody(fetched.body, fetched.contentType);
    if (decoded.warning)
      deps.logger.warn({ source_id: source.id, warning: decoded.warning }, 'page encoding');
    const page = candidateFromPage(decoded.text, fetched.url, source, now);
    if (typeof page === 'string') throw new AppError('feed_invalid', page);
    candidates = [page];
  } else {
    const parsed = await (deps.parseFeed ?? parseOnThisThread)({
      body: fetched.body,
      contentType: fetched.contentType,
      url: fetched.url,
      source: { key: source.key, url: source.url, language: source.language },
      now,
    });
    if (parsed.warning) deps.logger.warn({ source_id: source.id, warning: parsed.warning }, 'feed encoding');
    dates = parsed.dates;
    summary.failed += parsed.failed;
    summary.dropped = parsed.dropped;
    summary.warnings = parsed.warnings;
    await reportFeed(deps, source, parsed, now);
    candidates = await updateKnown(deps, source, parsed.candidates, summary);
    candidates = await completeTeasers(deps, candidates);
  }
  const stored = await storeCandidates(deps.db, source.id, candidates);
  summary.new += stored.originals;
  summary.duplicate += stored.duplicates;
  summary.unchanged += stored.existing;
  summary.article_ids = stored.articleIds;
  return dates;
}

/** Records and logs what parsing the feed dropped and warned about. */
async function reportFeed(
  deps: IngestDeps,
  source: Source,
  parsed: FeedParseOutput,
  now: Date,
): Promise<void> {
  await recordFeedReport(deps.db, source.id, parsed, now);
  if (parsed.failed > 0) {
    deps.logger.warn(
      { source_id: source.id, dropped: parsed.dropped, examples: parsed.examples },
      'feed items dropped',
    );
  }
  if (parsed.warnings.length > 0) {
    deps.logger.info({ source_id: source.id, warnings: parsed.warnings }, 'feed read with warnings');
  }
}

/** Counts items already stored (updating those whose title or full text changed); returns the new ones. */
async function updateKnown(
  deps: IngestDeps,
  source: Source,
  candidates: Candidate[],
  summary: RefreshSummary,
): Promise<Candidate[]> {
  const known = await articlesByCanonicalUrls(
    deps.db,
    candidates.map((c) => c.article.canonical_url),
  );
  const fresh: Candidate[] = [];
  for (const candidate of candidates) {
    const stored = known.get(candidate.article.canonical_url);
    if (!stored) {
      fresh.push(candidate);
      continue;
    }
    // A teaser says nothing about whether the stored full text changed.
    const a = candidate.article;
    const edited = stored.content_hash !== a.content_hash || stored.title !== a.title;
    if (stored.source_id === source.id && !candidate.teaser && edited) {
      await updateStoredArticle(deps.db, stored, a);
      summary.updated++;
    } else {
      summary.unchanged++;
    }
  }
  return fresh;
}

async function completeTeasers(deps: IngestDeps, candidates: Candidate[]): Promise<Candidate[]> {
  const out = [...candidates];
  const teasers = out
    .map((c, i) => [c, i] as const)
    .filter(([c]) => c.teaser)
    .slice(0, deps.maxPageFetches ?? 50);
  const width = deps.pageConcurrency ?? 4;
  for (let start = 0; start < teasers.length; start += width) {
    await Promise.all(
      teasers.slice(start, start + width).map(async ([candidate, index]) => {
        out[index] = await completeFromPage(candidate, deps.fetcher, deps.logger);
      }),
    );
  }
  return out;
}

async function recordFailure(
  deps: IngestDeps,
  source: Source,
  error: unknown,
  now: Date,
  summary: RefreshSummary,
): Promise<void> {
  const errorCount = source.error_count + 1;
  const message = describeError(error);
  const pauseAfter = deps.pauseAfter ?? 10;
  const wait = Math.max(errorBackoff(errorCount), error instanceof RateLimitedError ? error.retryAfterMs : 0);
  summary.status = 'failed';
  summary.error = message;
  deps.metrics?.fetchErrors.inc({ kind: fetchErrorKind(error) });
  summary.paused = errorCount >= pauseAfter;
  summary.next_check_at = new Date(now.getTime() + wait).toISOString();
  await updateSource(deps.db, source.id, {
    last_checked_at: now,
    error_count: errorCount,
    last_error: message,
    next_check_at: summary.next_check_at,
    paused_reason: summary.paused ? `paused after ${errorCount} consecutive failures: ${message}` : null,
  });
  deps.logger.warn({ source_id: source.id, err: error, error_count: errorCount }, 'source refresh failed');
}

async function notify(deps: IngestDeps, articleIds: number[]): Promise<void> {
  if (articleIds.length === 0 || !deps.onArticlesStored) return;
  try {
    await deps.onArticlesStored(articleIds);
  } catch (error) {
    deps.logger.error({ err: error, count: articleIds.length }, 'onArticlesStored hook failed');
  }
}
