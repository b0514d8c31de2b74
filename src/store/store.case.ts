import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import type { NewArticle } from '../db/schema.js';
import { openTestDatabase } from '../db/testing.js';
import {
  articleById,
  articleByUrl,
  articlesAfter,
  articlesByContentHash,
  insertArticles,
  markDuplicate,
} from './articles.js';
import {
  deleteSource,
  listSources,
  sourceById,
  sourceByKey,
  updateSource,
  upsertSourceByKey,
  upsertSourcesByKey,
} from './sources.js';
import { pingDatabase } from './db.js';
import { activeJobs } from './jobs.js';
import { countAll } from './stats.js';
import {
  assignArticle,
  insertStory,
  insertStoryVersion,
  storyArticleIds,
  storyById,
  storyBySlug,
  storyVersion,
  storyVersionById,
  storyVersions,
} from './stories.js';

function article(sourceId: number, n: number, extra: Partial<NewArticle> = {}): NewArticle {
  return {
    source_id: sourceId,
    url: `https://example.com/news/${n}`,
    canonical_url: `https://example.com/news/${n}`,
    title: `Headline ${n}`,
    text: `Body of article ${n}.`,
    fetched_at: new Date('2026-01-30T10:00:00Z'),
    published_at: new Date(Date.UTC(2026, 0, 30, 10, n)),
    content_hash: `hash-${n}`,
    ...extra,
  };
}

/** The storage contract: every storage function, run against one engine. */
export function storeContract(engine: Engine): void {
  describe(`storage contract on ${engine}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await database?.close();
    });

    describe('sources', () => {
      it('upserts by key and returns the existing row for a known key', async () => {
        const db = database.db;
        const first = await upsertSourceByKey(db, { key: 'https://a.example/', kind: 'import', name: 'A' });
        const again = await upsertSourceByKey(db, {
          key: 'https://a.example/',
          kind: 'import',
          name: 'Renamed',
        });
        expect(again.id).toBe(first.id);
        expect(again.name).toBe('A');
        expect(first.enabled).toBe(true);
        expect(first.error_count).toBe(0);
        expect((await sourceById(db, first.id))?.key).toBe('https://a.example/');
        expect((await sourceByKey(db, 'https://a.example/'))?.id).toBe(first.id);
        expect(await sourceById(db, 999_999)).toBeUndefined();
      });

      it('upserts many at once, keeping one row per key', async () => {
        const byKey = await upsertSourcesByKey(database.db, [
          { key: 'name:b', kind: 'import', name: 'B' },
          { key: 'name:c', kind: 'import', name: 'C' },
          { key: 'name:b', kind: 'import', name: 'B again' },
        ]);
        expect([...byKey.keys()].sort()).toEqual(['name:b', 'name:c']);
        expect(byKey.get('name:b')?.name).toBe('B');
        expect((await upsertSourcesByKey(database.db, [])).size).toBe(0);
      });

      it('lists, updates and deletes', async () => {
        const db = database.db;
        const s = await upsertSourceByKey(db, {
          key: 'name:d',
          kind: 'feed',
          name: 'D',
          url: 'https://d.example/feed',
        });
        const updated = await updateSource(db, s.id, {
          enabled: false,
          last_error: 'HTTP 500',
          error_count: 3,
        });
        expect(updated?.enabled).toBe(false);
        expect(updated?.error_count).toBe(3);
        expect(updated!.updated_at.getTime()).toBeGreaterThanOrEqual(s.updated_at.getTime());
        expect((await listSources(db)).map((x) => x.key)).toContain('name:d');
        expect(await updateSource(db, 999_999, { name: 'x' })).toBeUndefined();
        expect(await deleteSource(db, s.id)).toBe(true);
        expect(await deleteSource(db, s.id)).toBe(false);
      });
    });

    describe('articles', () => {
      let sourceId: number;
      beforeAll(async () => {
        sourceId = (
          await upsertSourceByKey(database.db, { key: 'name:articles', kind: 'import', name: 'Art' })
        ).id;
      });

      it('inserts new rows and skips canonical URLs already stored', async () => {
        const db = database.db;
        const first = await insertArticles(db, [article(sourceId, 1), article(sourceId, 2)]);
        expect(first.inserted.size).toBe(2);
        expect(first.existing).toEqual([]);
        const second = await insertArticles(db, [article(sourceId, 2), article(sourceId, 3)]);
        expect([...second.inserted.keys()]).toEqual(['https://example.com/news/3']);
        expect(second.existing).toEqual(['https://example.com/news/2']);
        expect((await insertArticles(db, [])).inserted.size).toBe(0);
      });

      it('finds articles by id, canonical URL, original URL and content hash', async () => {
        const db = database.db;
        const { inserted } = await insertArticles(db, [
          article(sourceId, 10, { url: 'https://example.com/news/10?utm_source=x', content_hash: 'same' }),
          article(sourceId, 11, { content_hash: 'same' }),
        ]);
        const id = inserted.get('https://example.com/news/10')!;
        const row = await articleById(db, id);
        expect(row?.title).toBe('Headline 10');
        expect(row?.published_at).toBeInstanceOf(Date);
        expect(row?.published_at_estimated).toBe(false);
        expect((await articleByUrl(db, 'https://example.com/news/10'))?.id).toBe(id);
        expect((await articleByUrl(db, 'https://example.com/news/10?utm_source=x'))?.id).toBe(id);
        expect(await articleByUrl(db, 'https://example.com/missing')).toBeUndefined();
        expect((await articlesByContentHash(db, 'same')).map((a) => a.title)).toEqual([
          'Headline 10',
          'Headline 11',
        ]);
      });

      it('pages through articles with their source and links duplicates', async () => {
        const db = database.db;
        const page = await articlesAfter(db, 0, 2);
        expect(page).toHaveLength(2);
        expect(page[0]!.source_name).toBe('Art');
        const rest = await articlesAfter(db, page[1]!.id, 1000);
        expect(rest.every((a) => a.id > page[1]!.id)).toBe(true);
        await markDuplicate(db, page[1]!.id, page[0]!.id);
        expect((await articleById(db, page[1]!.id))?.duplicate_of).toBe(page[0]!.id);
      });
    });

    describe('stories and versions', () => {
      it('assigns articles, keeps counts and numbers versions', async () => {
        const db = database.db;
        const a = await upsertSourceByKey(db, { key: 'name:s1', kind: 'import', name: 'S1' });
        const b = await upsertSourceByKey(db, { key: 'name:s2', kind: 'import', name: 'S2' });
        const { inserted } = await insertArticles(db, [
          article(a.id, 100),
          article(a.id, 101),
          article(b.id, 102, { published_at: null }),
        ]);
        const ids = [...inserted.values()];
        const now = new Date('2026-01-30T12:00:00Z');
        const story = await insertStory(db, { slug: 'talks-resume', first_seen_at: now, last_seen_at: now });
        const other = await insertStory(db, { slug: 'other', first_seen_at: now, last_seen_at: now });
        expect(story.state).toBe('forming');
        for (const [i, id] of ids.entries())
          await assignArticle(db, { storyId: story.id, articleId: id, score: 1 - i / 10 });
        let fresh = (await storyById(db, story.id))!;
        expect(fresh.article_count).toBe(3);
        expect(fresh.publisher_count).toBe(2);
        expect((await storyArticleIds(db, story.id)).map((r) => r.article_id)).toEqual(ids);

        // Moving an article updates both stories.
        await assignArticle(db, { storyId: other.id, articleId: ids[2]!, score: 0.5, by: 'editor' });
        fresh = (await storyById(db, story.id))!;
        expect(fresh.article_count).toBe(2);
        expect(fresh.publisher_count).toBe(1);
        expect((await storyById(db, other.id))?.article_count).toBe(1);

        const body = {
          lede: [{ text: 'Talks resumed.', citations: [{ article_id: ids[0]!, start: 0, end: 14 }] }],
          sections: [],
          quotes: [],
          figures: [],
        };
        const base = {
          story_id: story.id,
          headline: 'Talks resume',
          dek: 'Talks resumed.',
          body,
          writer: 'extractive',
          source_count: 2,
          publisher_count: 1,
          generated_at: now,
        };
        const v1 = await insertStoryVersion(db, base);
        const v2 = await insertStoryVersion(db, {
          ...base,
          headline: 'Talks resume again',
          change_note: 'added 1 source',
        });
        expect([v1.version, v2.version]).toEqual([1, 2]);
        expect(v2.body.lede[0]!.citations[0]!.article_id).toBe(ids[0]);
        expect((await storyById(db, story.id))?.current_version_id).toBe(v2.id);
        expect((await storyVersions(db, story.id)).map((v) => v.version)).toEqual([2, 1]);
        expect((await storyVersion(db, story.id, 1))?.headline).toBe('Talks resume');
        expect(await storyVersion(db, story.id, 3)).toBeUndefined();
        expect((await storyVersionById(db, story.id, v1.id))?.headline).toBe('Talks resume');
        // A version is found only under its own story.
        expect(await storyVersionById(db, other.id, v1.id)).toBeUndefined();
        expect((await storyBySlug(db, 'talks-resume'))?.id).toBe(story.id);
        expect(await storyBySlug(db, 'nope')).toBeUndefined();
      });
    });

    describe('connection', () => {
      it('answers a ping while open and rejects one once closed', async () => {
        await expect(pingDatabase(database.db)).resolves.toBeUndefined();
        const closed = await openTestDatabase(engine);
        await closed.close();
        await expect(pingDatabase(closed.db)).rejects.toThrow();
      });
    });

    describe('jobs', () => {
      it('lists the jobs pg-boss holds as active in its schema', async () => {
        const db = database.db;
        const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
        // The columns of pg-boss's job table that the query reads, in this test's own schema.
        await sql`CREATE TABLE job (id text, name text, state text)`.execute(db);
        await sql`INSERT INTO job VALUES ('1', 'pipeline', 'active'), ('2', 'pipeline', 'completed'),
          ('3', 'refresh-source', 'active')`.execute(db);
        const active = await activeJobs(db, rows[0]!.schema);
        expect(active.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
          { id: '1', name: 'pipeline' },
          { id: '3', name: 'refresh-source' },
        ]);
        await sql`DROP TABLE job`.execute(db);
      });
    });

    describe('stats', () => {
      it('counts every aggregate', async () => {
        const counts = await countAll(database.db);
        expect(counts.sources).toBeGreaterThan(0);
        expect(counts.articles).toBeGreaterThan(0);
        expect(counts.stories).toBe(2);
        expect(counts.published_stories).toBe(0);
        expect(typeof counts.articles).toBe('number');
      });
    });
  });
}
