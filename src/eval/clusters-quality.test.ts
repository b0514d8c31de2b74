import { createReadStream } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterArticles } from '../cluster/cluster.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { importArticles } from '../ingest/import.js';
import { runPipelineOnce } from '../jobs/pipeline.js';
import { testPipelineDeps } from '../jobs/testing.js';
import { articlesInArrivalOrder, assignmentsOf } from '../store/clusters.js';
import { storyById } from '../store/stories.js';
import { readLabelledArticles } from './clusters-input.js';
import { clusterErrors, scoreClusters } from './metrics.js';

// Both newsrooms are fictional and hold same-kind events (two recalls, two factory fires, two
// court rulings, two bridge closures) that must stay apart; the test newsroom also has a 17-day
// story (fire, inquiry, resignation) that must stay one.
const SETS = [
  { name: 'the demo corpus', file: path.join(import.meta.dirname, '../../demo/corpus.jsonl'), f1: 0.97 },
  { name: 'the test newsroom', file: path.join(import.meta.dirname, 'testdata/newsroom.jsonl'), f1: 0.97 },
];

describe.each(SETS)('$name through import and one pipeline pass', ({ file, f1 }) => {
  let database: Database;
  let predicted: Map<string, string>;
  let published: Set<string>;
  const gold = new Map(readLabelledArticles(file).map((l) => [l.article.id, l.story]));

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await importArticles(database.db, createReadStream(file));
    await runPipelineOnce(testPipelineDeps(database.db), { debounceMs: 0 });
    const rows = await articlesInArrivalOrder(database.db);
    const stories = await assignmentsOf(
      database.db,
      rows.map((r) => r.id),
    );
    predicted = new Map(rows.map((r) => [r.external_id!, String(stories.get(r.id))]));
    published = new Set();
    for (const id of new Set(stories.values())) {
      if ((await storyById(database.db, id))?.state === 'published') published.add(String(id));
    }
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });

  it('publishes no story that mixes two events', () => {
    const mixed = clusterErrors(predicted, gold).mixed.filter((e) => published.has(e.id));
    expect(mixed).toEqual([]);
    expect(published.size).toBeGreaterThan(5);
  });

  it('puts no two events in one story, published or not, and keeps each event together', () => {
    const { mixed, split } = clusterErrors(predicted, gold);
    expect(mixed).toEqual([]);
    expect(split.length).toBeLessThanOrEqual(1);
    expect(scoreClusters(predicted, gold).bcubed.f1).toBeGreaterThanOrEqual(f1);
  });
});

describe('the order articles arrive in', () => {
  const file = SETS[1]!.file;
  const gold = new Map(readLabelledArticles(file).map((l) => [l.article.id, l.story]));

  /** The stories (as sets of external ids) when the articles are clustered in `order`, `batch` at a time. */
  async function partition(order: (ids: number[]) => number[], batch: number): Promise<Map<string, string>> {
    const database = await openTestDatabase('pglite');
    try {
      await importArticles(database.db, createReadStream(file));
      const rows = await articlesInArrivalOrder(database.db);
      const deps = testPipelineDeps(database.db).cluster;
      const ids = order(rows.map((r) => r.id));
      for (let i = 0; i < ids.length; i += batch) await clusterArticles(deps, ids.slice(i, i + batch));
      const stories = await assignmentsOf(
        database.db,
        rows.map((r) => r.id),
      );
      return new Map(rows.map((r) => [r.external_id!, String(stories.get(r.id))]));
    } finally {
      await database.close();
    }
  }

  // Every other article first, then the rest, each half newest first: the 17-day story arrives as
  // its resignation before its fire, with the inquiry that links them last.
  const scrambled = (ids: number[]) => [
    ...ids.filter((_, i) => i % 2 === 0).reverse(),
    ...ids.filter((_, i) => i % 2 === 1).reverse(),
  ];

  it.each([
    ['reversed, one at a time', (ids: number[]) => [...ids].reverse(), 1],
    ['scrambled, in batches of five', scrambled, 5],
  ])(
    'does not change the stories: %s',
    async (_name, order, batch) => {
      const stories = await partition(order, batch);
      expect(clusterErrors(stories, gold)).toEqual({ mixed: [], split: [] });
    },
    300_000,
  );
});
