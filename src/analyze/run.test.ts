import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaldataPath } from '../../test/evaldata.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { readLabelledArticles } from '../eval/clusters-input.js';
import { analysesForArticles } from '../store/analyses.js';
import { insertArticles } from '../store/articles.js';
import { upsertSourceByKey } from '../store/sources.js';
import { type AnalysisPool, createAnalysisPool } from './pool.js';
import { type AnalyzeDeps, analyzeAhead, ensureAnalyses, newFrequencyCache } from './run.js';

const texts = readLabelledArticles(evaldataPath('summarization/multiling2011/documents.jsonl')).map(
  ({ article }) => ({ title: String(article.title), text: String(article.text) }),
);

describe('ensureAnalyses', () => {
  const databases: Database[] = [];
  let pool: AnalysisPool;

  async function withArticles(
    copies = 1,
  ): Promise<{ db: Database['db']; rows: Parameters<typeof ensureAnalyses>[1] }> {
    const all = Array.from({ length: copies }, () => texts).flat();
    const database = await openTestDatabase('pglite');
    databases.push(database);
    const source = await upsertSourceByKey(database.db, { key: 'name:wire', kind: 'import', name: 'Wire' });
    const { inserted } = await insertArticles(
      database.db,
      all.map((t, i) => ({
        source_id: source.id,
        url: `https://wire.example/${i}`,
        canonical_url: `https://wire.example/${i}`,
        title: t.title,
        text: t.text,
        published_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        fetched_at: new Date(Date.UTC(2026, 0, 1)),
        content_hash: `h${i}`,
      })),
    );
    const ids = [...inserted.values()];
    return { db: database.db, rows: ids.map((id, i) => ({ id, ...all[i]!, language: null })) };
  }

  beforeAll(() => {
    pool = createAnalysisPool({ threads: 2 });
  });
  afterAll(async () => {
    await pool.close();
    for (const d of databases) await d.close();
  });

  it('stores and returns the same analyses on worker threads as on the calling thread', async () => {
    const inline = await withArticles();
    const threaded = await withArticles();
    const inlineDeps: AnalyzeDeps = { db: inline.db, frequencies: newFrequencyCache() };
    let tasks = 0;
    const threadedDeps: AnalyzeDeps = {
      db: threaded.db,
      frequencies: newFrequencyCache(),
      analyzer: (articles) => {
        tasks++;
        return pool.analyze(articles);
      },
    };
    // Two batches: the second is weighed against the frequencies the first added.
    for (const [from, to] of [
      [0, 12],
      [12, 30],
    ] as const) {
      const a = await ensureAnalyses(inlineDeps, inline.rows.slice(from, to));
      const b = await ensureAnalyses(threadedDeps, threaded.rows.slice(from, to));
      expect([...b.values()]).toEqual([...a.values()]);
    }
    const storedInline = await analysesForArticles(
      inline.db,
      inline.rows.map((r) => r.id),
    );
    const storedThreaded = await analysesForArticles(
      threaded.db,
      threaded.rows.map((r) => r.id),
    );
    // At least one batch was long enough to go to the threads, in more than one chunk.
    expect(tasks).toBeGreaterThanOrEqual(2);
    expect(storedThreaded.size).toBe(30);
    expect(inline.rows.map((r) => storedInline.get(r.id))).toEqual(
      threaded.rows.map((r) => storedThreaded.get(r.id)),
    );
    expect(threadedDeps.frequencies.docs).toBe(inlineDeps.frequencies.docs);
    expect([...threadedDeps.frequencies.terms]).toEqual([...inlineDeps.frequencies.terms]);
  });

  it('picks up analyses started ahead, with the same results as analyzing when needed', async () => {
    const now = await withArticles();
    const early = await withArticles();
    const nowDeps: AnalyzeDeps = { db: now.db, frequencies: newFrequencyCache(), analyzer: pool.analyze };
    let tasks = 0;
    const earlyDeps: AnalyzeDeps = {
      db: early.db,
      frequencies: newFrequencyCache(),
      analyzer: (articles) => {
        tasks++;
        return pool.analyze(articles);
      },
      ahead: new Map(),
    };
    const first = await ensureAnalyses(nowDeps, now.rows.slice(0, 12));
    expect([...(await ensureAnalyses(earlyDeps, early.rows.slice(0, 12))).values()]).toEqual([
      ...first.values(),
    ]);
    // The next batch starts on the threads before it is asked for, then is taken off the map.
    analyzeAhead(earlyDeps, early.rows.slice(12, 30));
    expect([...earlyDeps.ahead!.keys()]).toEqual(early.rows.slice(12, 30).map((r) => r.id));
    const started = tasks;
    const second = await ensureAnalyses(earlyDeps, early.rows.slice(12, 30));
    expect(tasks).toBe(started);
    expect(earlyDeps.ahead!.size).toBe(0);
    expect([...second.values()]).toEqual([
      ...(await ensureAnalyses(nowDeps, now.rows.slice(12, 30))).values(),
    ]);
    // Little text is not worth a thread: nothing starts ahead.
    analyzeAhead(
      earlyDeps,
      early.rows.slice(0, 3).map((r) => ({ ...r, id: r.id + 1000, text: r.title })),
    );
    expect(earlyDeps.ahead!.size).toBe(0);
  });

  it('analyzes a batch of headlines on the calling thread', async () => {
    const { db, rows } = await withArticles();
    let tasks = 0;
    const deps: AnalyzeDeps = {
      db,
      frequencies: newFrequencyCache(),
      analyzer: (articles) => {
        tasks++;
        return pool.analyze(articles);
      },
    };
    const headlines = rows.map((r) => ({ ...r, text: r.title }));
    expect((await ensureAnalyses(deps, headlines)).size).toBe(30);
    expect(tasks).toBe(0);
  });

  it('returns stored analyses without analyzing again', async () => {
    const { db, rows } = await withArticles();
    const deps: AnalyzeDeps = { db, frequencies: newFrequencyCache(), analyzer: pool.analyze };
    const first = await ensureAnalyses(deps, rows.slice(0, 5));
    const docs = deps.frequencies.docs;
    const again = await ensureAnalyses(deps, rows.slice(0, 5));
    expect(again).toEqual(first);
    expect(deps.frequencies.docs).toBe(docs);
  });

  it('queues the next batch on the threads right behind this one, before storing this one', async () => {
    const { db, rows } = await withArticles();
    const order: number[][] = [];
    const deps: AnalyzeDeps = {
      db,
      frequencies: newFrequencyCache(),
      analyzer: (articles) => {
        order.push(articles.map((a) => rows.findIndex((r) => r.text === a.text)));
        return pool.analyze(articles);
      },
      ahead: new Map(),
    };
    const analyses = await ensureAnalyses(deps, rows.slice(0, 12), rows.slice(12, 30));
    expect(analyses.size).toBe(12);
    // No chunk of this batch went to the threads after one of the next batch.
    const flat = order.flat();
    const firstNext = flat.findIndex((i) => i >= 12);
    expect(firstNext).toBeGreaterThanOrEqual(0);
    expect(flat.slice(firstNext).every((i) => i >= 12)).toBe(true);
    expect([...deps.ahead!.keys()]).toEqual(rows.slice(12, 30).map((r) => r.id));
  });

  it('sends a batch needed now to the threads in chunks that end small, so little is left to store at the end', async () => {
    const { db, rows } = await withArticles(2);
    const sizes: number[] = [];
    const deps: AnalyzeDeps = {
      db,
      frequencies: newFrequencyCache(),
      analyzer: (articles) => {
        sizes.push(articles.length);
        return pool.analyze(articles);
      },
    };
    expect((await ensureAnalyses(deps, rows)).size).toBe(60);
    expect(sizes).toEqual([15, 15, 10, 10, 10]);
    // A small batch is not cut finer than its chunks.
    sizes.length = 0;
    const again = await withArticles();
    await ensureAnalyses({ ...deps, db: again.db }, again.rows.slice(0, 24));
    expect(sizes).toEqual([10, 10, 4]);
  });
});
