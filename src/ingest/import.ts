import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { insertArticles } from '../store/articles.js';
import type { Executor } from '../store/db.js';
import { addItemsSeenBySource, upsertSourcesByKey } from '../store/sources.js';
import { type ImportRow, toImportRow } from './interchange.js';

/** A line that could not be imported, with its 1-based number and the reason. */
export interface LineError {
  line: number;
  reason: string;
}

export interface ImportSummary {
  lines: number;
  imported: number;
  duplicates: number;
  failed: number;
  /** The first failures (at most `maxErrors`); `failed` counts all of them. */
  errors: LineError[];
}

export interface ImportOptions {
  batchSize?: number;
  maxErrors?: number;
  now?: () => Date;
  /** Called after each stored batch with the ids of the articles stored now. */
  onStored?: (articleIds: number[]) => Promise<void> | void;
  onLineError?: (error: LineError) => void;
  onProgress?: (progress: { lines: number; bytes: number }) => void;
}

/**
 * Reads the article interchange format (one JSON object per line) from a stream into sources and
 * articles. Each batch is one transaction, so an interrupted import leaves whole batches and a
 * rerun adds only what is missing. Bad lines are reported and skipped; memory stays flat.
 */
export async function importArticles(
  db: Executor,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { batchSize = 500, maxErrors = 100, now = () => new Date() } = options;
  const summary: ImportSummary = { lines: 0, imported: 0, duplicates: 0, failed: 0, errors: [] };
  let bytes = 0;
  let batch: ImportRow[] = [];

  const fail = (line: number, reason: string) => {
    summary.failed++;
    const error = { line, reason };
    if (summary.errors.length < maxErrors) summary.errors.push(error);
    options.onLineError?.(error);
  };

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const stored = await storeBatch(db, rows);
    summary.imported += stored.length;
    summary.duplicates += rows.length - stored.length;
    if (stored.length > 0) await options.onStored?.(stored);
    options.onProgress?.({ lines: summary.lines, bytes });
  };

  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of lines) {
    summary.lines++;
    bytes += Buffer.byteLength(raw) + 1;
    const text = raw.trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      fail(summary.lines, `invalid JSON: ${(error as Error).message}`);
      continue;
    }
    const row = toImportRow(value, now());
    if (typeof row === 'string') {
      fail(summary.lines, row);
      continue;
    }
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

/** Stores one batch in one transaction; returns the ids of the articles that were new. */
async function storeBatch(db: Executor, rows: ImportRow[]): Promise<number[]> {
  return db.transaction().execute(async (tx) => {
    const sources = await upsertSourcesByKey(
      tx,
      rows.map((r) => r.source),
    );
    // The same URL twice in one batch would make the multi-row insert touch a row twice.
    const unique = new Map(rows.map((r) => [r.article.canonical_url, r]));
    const { inserted } = await insertArticles(
      tx,
      [...unique.values()].map((r) => ({ ...r.article, source_id: sources.get(r.source.key)!.id })),
    );
    const perSource = new Map<number, number>();
    for (const row of unique.values()) {
      if (!inserted.has(row.article.canonical_url)) continue;
      const id = sources.get(row.source.key)!.id;
      perSource.set(id, (perSource.get(id) ?? 0) + 1);
    }
    await addItemsSeenBySource(tx, perSource);
    return [...inserted.values()];
  });
}
