import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportSummary } from '../ingest/import.js';
import { importArticles } from '../ingest/import.js';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import { setSetting } from '../store/site.js';
import { countAll } from '../store/stats.js';

/** Where the demo corpus ships: `demo/corpus.jsonl` at the package root (from src/demo or dist/demo). */
export function defaultCorpusPath(): string | undefined {
  for (const relative of ['../../demo/corpus.jsonl']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

export interface DemoLoadOptions {
  logger: Logger;
  /** The corpus to load; defaults to the one shipped with the package. */
  corpusPath?: string;
  /** Runs after the articles are stored (the pipeline: cluster, write, publish), with their ids. */
  afterImport?: (articleIds: number[]) => Promise<void>;
  now?: () => Date;
}

/** What loadDemoIfEmpty did. */
export type DemoLoadResult =
  | { loaded: false; reason: 'not_empty' | 'no_corpus' }
  | { loaded: true; summary: ImportSummary };

/**
 * Fills an empty database with the demo corpus and marks the site as demo content (the `demo`
 * setting, which every page shows as a banner). A database that holds any article is left alone.
 */
export async function loadDemoIfEmpty(db: Executor, options: DemoLoadOptions): Promise<DemoLoadResult> {
  const { logger, now = () => new Date() } = options;
  if ((await countAll(db)).articles > 0) return { loaded: false, reason: 'not_empty' };
  const corpus = options.corpusPath ?? defaultCorpusPath();
  if (!corpus || !existsSync(corpus)) {
    logger.warn({ corpus }, 'demo corpus not found; starting with an empty site');
    return { loaded: false, reason: 'no_corpus' };
  }
  const ids: number[] = [];
  const summary = await importArticles(db, createReadStream(corpus), {
    now,
    onStored: (stored) => {
      ids.push(...stored);
    },
    onLineError: (error) => logger.warn({ corpus, ...error }, 'demo corpus line skipped'),
  });
  await setSetting(db, 'demo', { loaded_at: now().toISOString(), articles: summary.imported });
  logger.info({ corpus, articles: summary.imported, failed: summary.failed }, 'demo corpus loaded');
  if (options.afterImport) await options.afterImport(ids);
  return { loaded: true, summary };
}
