import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { createLogger } from '../lib/log.js';
import { getSetting } from '../store/site.js';
import { countAll } from '../store/stats.js';
import { loadDemoIfEmpty } from './load.js';

const CORPUS = fileURLToPath(new URL('./testdata/corpus.jsonl', import.meta.url));
const logger = createLogger('silent');

describe('loadDemoIfEmpty', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reports a missing corpus and leaves the database empty', async () => {
    const result = await loadDemoIfEmpty(database.db, { logger, corpusPath: '/nonexistent/corpus.jsonl' });
    expect(result).toEqual({ loaded: false, reason: 'no_corpus' });
    expect(await getSetting(database.db, 'demo')).toBeUndefined();
  });

  it('imports the corpus into an empty database, flags demo content and runs the pipeline hook', async () => {
    const seen: number[][] = [];
    const result = await loadDemoIfEmpty(database.db, {
      logger,
      corpusPath: CORPUS,
      afterImport: async (ids) => {
        seen.push(ids);
      },
      now: () => new Date('2026-03-10T00:00:00Z'),
    });
    expect(result.loaded).toBe(true);
    if (result.loaded) expect(result.summary).toMatchObject({ imported: 2, failed: 1 });
    expect(seen.map((ids) => ids.length)).toEqual([2]);
    expect(await getSetting(database.db, 'demo')).toEqual({
      loaded_at: '2026-03-10T00:00:00.000Z',
      articles: 2,
    });
  });

  it('leaves a database that holds articles alone', async () => {
    const result = await loadDemoIfEmpty(database.db, { logger, corpusPath: CORPUS });
    expect(result).toEqual({ loaded: false, reason: 'not_empty' });
    expect((await countAll(database.db)).articles).toBe(2);
  });
});
