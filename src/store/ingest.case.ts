import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import type { NewArticle } from '../db/schema.js';
import { openTestDatabase } from '../db/testing.js';
import {
  articleById,
  articlesByCanonicalUrls,
  fingerprintCandidates,
  insertArticles,
  insertFingerprintBands,
  markDuplicate,
  originalsByContentHash,
  replaceFingerprintBands,
  updateArticleContent,
} from './articles.js';
import { searchArticles } from './search.js';
import { indexAllPendingArticles, indexPendingArticles, pendingSearchCount } from './search-index.js';
import { addItemsSeen, dueSources, sourceById, updateSource, upsertSourceByKey } from './sources.js';

function row(sourceId: number, n: number, extra: Partial<NewArticle> = {}): NewArticle {
  return {
    source_id: sourceId,
    url: `https://ingest.example/${n}`,
    canonical_url: `https://ingest.example/${n}`,
    title: `T${n}`,
    text: `text ${n}`,
    fetched_at: new Date('2026-01-30T10:00:00Z'),
    content_hash: `h${n}`,
    ...extra,
  };
}

/** The ingest storage functions (dedupe lookups, due sources), run against one engine. */
export function ingestStoreContract(engine: Engine): void {
  describe(`ingest storage on ${engine}`, () => {
    let database: Database;
    let sourceId: number;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      sourceId = (
        await upsertSourceByKey(database.db, {
          key: 'https://ingest.example/feed',
          kind: 'feed',
          name: 'Ingest',
        })
      ).id;
    });
    afterAll(async () => {
      await database?.close();
    });

    it('finds stored articles by canonical URL and originals by content hash', async () => {
      const { inserted } = await insertArticles(database.db, [
        row(sourceId, 1),
        row(sourceId, 2, { content_hash: 'h1' }),
      ]);
      const first = inserted.get('https://ingest.example/1')!;
      const second = inserted.get('https://ingest.example/2')!;
      await markDuplicate(database.db, second, first);
      const byUrl = await articlesByCanonicalUrls(database.db, ['https://ingest.example/2', 'https://nope/']);
      expect([...byUrl.keys()]).toEqual(['https://ingest.example/2']);
      expect(byUrl.get('https://ingest.example/2')).toMatchObject({
        id: second,
        duplicate_of: first,
        content_hash: 'h1',
      });
      expect(await originalsByContentHash(database.db, ['h1', 'zz'])).toEqual(new Map([['h1', first]]));
      expect(await articlesByCanonicalUrls(database.db, [])).toEqual(new Map());
    });

    it('looks near-duplicate candidates up by band and skips duplicates', async () => {
      const { inserted } = await insertArticles(database.db, [
        row(sourceId, 10, { fingerprint: 'aa' }),
        row(sourceId, 11, { fingerprint: 'bb' }),
        row(sourceId, 12, { fingerprint: 'cc' }),
      ]);
      const [a, b, c] = [10, 11, 12].map((n) => inserted.get(`https://ingest.example/${n}`)!);
      await insertFingerprintBands(database.db, [
        { article_id: a!, bands: [1, 2, -3] },
        { article_id: b!, bands: [2, 5] },
        { article_id: c!, bands: [-3] },
      ]);
      await markDuplicate(database.db, c!, a!);
      const found = await fingerprintCandidates(database.db, [2, -3]);
      expect(found).toEqual([
        { id: b, fingerprint: 'bb' },
        { id: a, fingerprint: 'aa' },
      ]);
      expect(await fingerprintCandidates(database.db, [999])).toEqual([]);
    });

    it('replaces the band keys of an article whose text changed', async () => {
      const { inserted } = await insertArticles(database.db, [row(sourceId, 30, { fingerprint: 'dd' })]);
      const id = inserted.get('https://ingest.example/30')!;
      await insertFingerprintBands(database.db, [{ article_id: id, bands: [300, 301] }]);
      await replaceFingerprintBands(database.db, id, [302]);
      expect(await fingerprintCandidates(database.db, [300, 301])).toEqual([]);
      expect(await fingerprintCandidates(database.db, [302])).toEqual([{ id, fingerprint: 'dd' }]);
      await replaceFingerprintBands(database.db, id, []);
      expect(await fingerprintCandidates(database.db, [302])).toEqual([]);
    });

    it('queues inserted and edited articles for search and indexes them in batches', async () => {
      await indexAllPendingArticles(database.db);
      const { inserted } = await insertArticles(database.db, [
        row(sourceId, 40, { title: 'Quarry flooding', text: 'The quarry at Elmstead flooded overnight.' }),
        row(sourceId, 41, { title: 'Quarry reopens', text: 'Workers pumped the quarry dry by noon.' }),
        row(sourceId, 42, { title: 'Ferry strike', text: 'Ferry crews walked out at dawn.' }),
      ]);
      const [a, b, c] = [40, 41, 42].map((n) => inserted.get(`https://ingest.example/${n}`)!);
      // Inserting does not build documents: that is the indexing pass's work.
      expect(await pendingSearchCount(database.db)).toBe(3);
      expect(await searchArticles(database.db, 'quarry', { limit: 10 })).toEqual([]);
      expect(await indexPendingArticles(database.db, 2)).toBe(2);
      expect(await pendingSearchCount(database.db)).toBe(1);
      expect(await indexAllPendingArticles(database.db)).toBe(1);
      const quarry = await searchArticles(database.db, 'quarry', { limit: 10 });
      expect(quarry.map((h) => h.id).sort()).toEqual([a, b].sort());
      // A changed text queues the article again; other column changes do not.
      await markDuplicate(database.db, b!, a!);
      expect(await pendingSearchCount(database.db)).toBe(0);
      await updateArticleContent(database.db, c!, {
        title: 'Ferry strike ends',
        html: null,
        text: 'Ferry crews returned after a quarry of talks.',
        summary: null,
        content_hash: 'h42b',
        author: null,
      });
      expect(await pendingSearchCount(database.db)).toBe(1);
      expect(await indexAllPendingArticles(database.db)).toBe(1);
      const after = await searchArticles(database.db, 'quarry', { limit: 10 });
      expect(after.map((h) => h.id).sort()).toEqual([a, b, c].sort());
      expect(await searchArticles(database.db, 'dawn', { limit: 10 })).toEqual([]);
      // A deleted article leaves nothing queued behind.
      await insertArticles(database.db, [row(sourceId, 43)]);
      await database.db
        .deleteFrom('articles')
        .where('canonical_url', '=', 'https://ingest.example/43')
        .execute();
      expect(await pendingSearchCount(database.db)).toBe(0);
    });

    it('updates an article content in place', async () => {
      const { inserted } = await insertArticles(database.db, [row(sourceId, 20)]);
      const id = inserted.get('https://ingest.example/20')!;
      const patch = {
        title: 'New',
        html: '<p>x</p>',
        text: 'x',
        summary: null,
        content_hash: 'hx',
        author: 'A',
      };
      expect(await updateArticleContent(database.db, id, patch)).toBe(true);
      expect(await articleById(database.db, id)).toMatchObject({ title: 'New', content_hash: 'hx' });
      expect(await updateArticleContent(database.db, 99_999_999, patch)).toBe(false);
    });

    it('lists due sources (enabled, unpaused, next check passed) and counts items seen', async () => {
      const now = new Date('2026-02-01T00:00:00Z');
      const later = await upsertSourceByKey(database.db, {
        key: 'https://later.example/',
        kind: 'feed',
        name: 'L',
      });
      await updateSource(database.db, later.id, { next_check_at: new Date('2026-02-02T00:00:00Z') });
      const paused = await upsertSourceByKey(database.db, {
        key: 'https://paused.example/',
        kind: 'feed',
        name: 'P',
      });
      await updateSource(database.db, paused.id, { paused_reason: '10 consecutive failures' });
      const off = await upsertSourceByKey(database.db, {
        key: 'https://off.example/',
        kind: 'page',
        name: 'O',
      });
      await updateSource(database.db, off.id, { enabled: false });
      await upsertSourceByKey(database.db, { key: 'name:imported', kind: 'import', name: 'I' });
      expect((await dueSources(database.db, now)).map((s) => s.id)).toEqual([sourceId]);
      await addItemsSeen(database.db, sourceId, 7);
      await addItemsSeen(database.db, sourceId, 3);
      expect((await sourceById(database.db, sourceId))!.items_seen).toBe(10);
    });
  });
}
