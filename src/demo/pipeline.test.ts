import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { createLogger } from '../lib/log.js';
import { listPublishedStories } from '../store/site.js';
import { loadDemoIfEmpty } from './load.js';
import { demoPipeline } from './pipeline.js';

const CORPUS = fileURLToPath(new URL('./testdata/corpus.jsonl', import.meta.url));

describe('demoPipeline', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('turns the imported demo articles into a published story', async () => {
    const logger = createLogger('silent');
    const config = loadConfig({ dataDir: '/tmp/newsloom-demo-test' }, {});
    const afterImport = demoPipeline({ db: database.db, config, logger });
    const result = await loadDemoIfEmpty(database.db, { logger, corpusPath: CORPUS, afterImport });
    expect(result.loaded).toBe(true);
    // Two outlets on the same ferry strike: one story, written and published from both.
    const stories = await listPublishedStories(database.db, { limit: 10 });
    expect(stories.map((s) => [s.source_count, s.publisher_count])).toEqual([[2, 2]]);
    expect(stories[0]!.outlets.sort()).toEqual(['Lantern Herald', 'Northgate Times']);
  });
});
