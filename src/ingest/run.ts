import { AppError } from '../lib/errors.js';
import { dueSources, sourceById } from '../store/sources.js';
import { addDrops, type DropCounts } from './drops.js';
import { type IngestDeps, type RefreshSummary, refreshSource } from './refresh.js';

/** Totals over one ingest run, with the per-source summaries. */
export interface IngestRunSummary {
  sources: number;
  new: number;
  updated: number;
  duplicate: number;
  failed_sources: number;
  failed_items: number;
  /** Items left out over the run by reason (see DROP_REASONS). */
  dropped: DropCounts;
  results: Omit<RefreshSummary, 'article_ids'>[];
}

/**
 * Refreshes every due source (or the one given, due or not) with `concurrency` sources at a time;
 * a failing source never stops the others.
 */
export async function ingestOnce(
  deps: IngestDeps,
  options: {
    sourceId?: number;
    concurrency?: number;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<IngestRunSummary> {
  let ids: number[];
  if (options.sourceId !== undefined) {
    if (!(await sourceById(deps.db, options.sourceId))) {
      throw new AppError('not_found', `no source with id ${options.sourceId}`);
    }
    ids = [options.sourceId];
  } else {
    ids = (await dueSources(deps.db, deps.now?.() ?? new Date(), 100_000)).map((s) => s.id);
  }
  const results: RefreshSummary[] = [];
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      results.push(await refreshSource(deps, id));
      options.onProgress?.(results.length, ids.length);
    }
  };
  options.onProgress?.(0, ids.length);
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, lane));
  results.sort((a, b) => a.source_id - b.source_id);
  return {
    sources: results.length,
    new: sum(results, 'new'),
    updated: sum(results, 'updated'),
    duplicate: sum(results, 'duplicate'),
    failed_sources: results.filter((r) => r.status === 'failed').length,
    failed_items: sum(results, 'failed'),
    dropped: results.reduce((total, r) => addDrops(total, r.dropped), {} as DropCounts),
    results: results.map(({ article_ids: _ids, ...rest }) => rest),
  };
}

function sum(results: RefreshSummary[], key: 'new' | 'updated' | 'duplicate' | 'failed'): number {
  return results.reduce((total, r) => total + r[key], 0);
}
