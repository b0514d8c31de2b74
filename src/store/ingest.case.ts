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
  updateArticleContent,
} from './articles.js';
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
