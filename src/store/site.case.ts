import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { MARK_END, MARK_START, searchArticles, searchStories } from './search.js';
import {
  getSetting,
  listCorrections,
  listPublishedStories,
  publishedSlugs,
  publishedStoryBySlug,
  relatedStoriesByTerms,
  setSetting,
  sourceCoverage,
  storyEntities,
  storyPageKey,
  storySourceArticles,
} from './site.js';
import { storeAnalyses } from './analyses.js';
import { FIXTURE_STORIES, seedSite } from './site-fixture.js';
import {
  anyPhraseQuery,
  deleteTopic,
  listTopics,
  storiesMatchingPhrases,
  topicBySlug,
  upsertTopic,
} from './topics.js';

const TARIFF = 'tariff-talks-stall-over-investment-pledge';
const PORT = 'river-port-reopens-after-flooding';
const TRAM = 'city-council-approves-tram-extension';

/** The reader site's storage contract, run against one engine. */
const entity = (key: string, name: string, kind: string) => ({ key, name, kind, mentions: [] });
const analysis = (entities: object[]) =>
  ({ language: 'en', sentences: [], entities, quotes: [], figures: [], keywords: [] }) as never;

export function siteContract(engine: Engine): void {
  describe(`site storage contract on ${engine}`, () => {
    let database: Database;
    let ids: Map<string, number>;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      ids = await seedSite(database.db, FIXTURE_STORIES, new Date('2026-03-10T12:00:00Z'));
    });
    afterAll(async () => {
      await database?.close();
    });

    it('lists published stories newest first with outlets, and pages with a cursor', async () => {
      const db = database.db;
      const all = await listPublishedStories(db, { limit: 10 });
      expect(all.map((s) => s.slug)).toEqual([TARIFF, PORT, TRAM]);
      expect(all[0]!.outlets).toEqual(['Harbour Ledger', 'Meridian Wire', 'The Borvian Post']);
      expect(all[0]!.version).toBe(2);
      const first = all[0]!;
      const next = await listPublishedStories(db, {
        limit: 10,
        before: { at: first.last_seen_at, id: first.id },
      });
      expect(next.map((s) => s.slug)).toEqual([PORT, TRAM]);
    });

    it("ranks a story's people, organisations and places by how many of its articles name them", async () => {
      const db = database.db;
      const found = await publishedStoryBySlug(db, TARIFF);
      const sources = await storySourceArticles(db, found!.story.id);
      await storeAnalyses(db, [
        {
          articleId: sources[0]!.id,
          analysis: analysis([
            entity('varga', 'Ilse Varga', 'person'),
            entity('arland', 'Arland', 'place'),
            entity('lumora', 'Lumora', 'place'),
          ]),
        },
        {
          articleId: sources[1]!.id,
          analysis: analysis([
            entity('varga', 'Varga', 'person'),
            entity('misc', 'Tuesday', 'other'),
            entity('lumora', 'Lumora', 'organization'),
            entity('aurelis launch', 'Aurelis Launch', 'other'),
          ]),
        },
        {
          articleId: sources[2]!.id,
          analysis: analysis([
            entity('varga', 'Ilse Varga', 'person'),
            entity('lumora', 'Lumora Systems', 'organization'),
            entity('aurelis launch', 'Aurelis Launch', 'organization'),
          ]),
        },
      ]);
      // A name is of the kind most of its articles take it for; on a tie, of a kind rather than none.
      expect(await storyEntities(db, found!.story.id)).toEqual([
        { name: 'Ilse Varga', kind: 'person', articles: 3 },
        { name: 'Lumora', kind: 'organization', articles: 3 },
        { name: 'Aurelis Launch', kind: 'organization', articles: 2 },
        { name: 'Arland', kind: 'place', articles: 1 },
      ]);
    });

    it("counts a company's short name with its full name, not a place of the same first word", async () => {
      const db = database.db;
      const found = await publishedStoryBySlug(db, TARIFF);
      const sources = await storySourceArticles(db, found!.story.id);
      await storeAnalyses(db, [
        {
          articleId: sources[0]!.id,
          analysis: analysis([entity('lumora', 'Lumora', 'place'), entity('arland', 'Arland', 'place')]),
        },
        {
          articleId: sources[1]!.id,
          analysis: analysis([
            entity('lumora systems', 'Lumora Systems', 'organization'),
            entity('arland', 'Arland', 'place'),
            entity('arland museum', 'Arland Museum', 'organization'),
          ]),
        },
        {
          articleId: sources[2]!.id,
          analysis: analysis([entity('lumora systems', 'Lumora Systems', 'organization')]),
        },
      ]);
      expect(await storyEntities(db, found!.story.id)).toEqual([
        { name: 'Lumora Systems', kind: 'organization', articles: 3 },
        { name: 'Arland', kind: 'place', articles: 2 },
        { name: 'Arland Museum', kind: 'organization', articles: 1 },
      ]);
    });

    it('finds a published story by slug with its current version and sources', async () => {
      const db = database.db;
      const found = await publishedStoryBySlug(db, TARIFF);
      expect(found?.version.version).toBe(2);
      expect(found?.version.body.lede).toHaveLength(2);
      expect(await storyPageKey(db, TARIFF)).toMatchObject({
        storyId: Number(found?.story.id),
        versionId: found?.version.id,
        thread: '0.0.0',
      });
      expect(await publishedStoryBySlug(db, 'no-such-story')).toBeUndefined();
      const sources = await storySourceArticles(db, found!.story.id);
      expect(sources.map((s) => s.outlet)).toEqual(['Harbour Ledger', 'The Borvian Post', 'Meridian Wire']);
      expect(sources[0]!.text).toContain('third day');
    });

    it('hides stories that are not published', async () => {
      const db = database.db;
      await db.updateTable('stories').set({ state: 'held' }).where('slug', '=', PORT).execute();
      expect(await publishedStoryBySlug(db, PORT)).toBeUndefined();
      expect((await listPublishedStories(db, { limit: 10 })).map((s) => s.slug)).not.toContain(PORT);
      await db.updateTable('stories').set({ state: 'published' }).where('slug', '=', PORT).execute();
    });

    it('relates stories that share headline terms', async () => {
      const related = await relatedStoriesByTerms(database.db, ids.get(TARIFF)!, 4);
      // The tram story shares "tariff" in its dek; the port story only "day" in its body.
      expect(related.map((s) => s.slug)).toEqual([TRAM, PORT]);
      expect(await relatedStoriesByTerms(database.db, ids.get(TARIFF)!, 1)).toHaveLength(1);
    });

    it('logs corrections and counts coverage per source', async () => {
      const db = database.db;
      const corrections = await listCorrections(db, { limit: 10 });
      expect(corrections).toHaveLength(1);
      expect(corrections[0]).toMatchObject({ slug: TARIFF, version: 2 });
      const coverage = await sourceCoverage(db);
      expect(coverage[0]).toMatchObject({ name: 'Harbour Ledger', articles: 2, stories: 2 });
      expect((await publishedSlugs(db)).map((s) => s.slug).sort()).toEqual([PORT, TARIFF, TRAM].sort());
    });

    it('searches stories and articles with highlighted snippets, ranked, with pages', async () => {
      const db = database.db;
      const hits = await searchStories(db, 'investment pledge', { limit: 10 });
      expect(hits.map((h) => h.slug)).toEqual([TARIFF]);
      expect(hits[0]!.snippet).toContain(`${MARK_START}pledge${MARK_END}`);
      // "barges" is only in the port story's articles and body.
      expect((await searchStories(db, 'barges', { limit: 10 })).map((h) => h.slug)).toEqual([PORT]);
      // "insurers" appears only in a source article, not in the written story.
      expect((await searchStories(db, 'insurers', { limit: 10 })).map((h) => h.slug)).toEqual([PORT]);
      const two = await searchStories(db, 'tariff', { limit: 1 });
      expect(two).toHaveLength(2); // one page plus the row that says there is a next page
      const page2 = await searchStories(db, 'tariff', { limit: 1, offset: 1 });
      expect(page2.map((h) => h.slug)).toEqual([two[1]!.slug]);
      expect(await searchStories(db, '', { limit: 10 })).toEqual([]);
      expect(await searchStories(db, '"unclosed -or', { limit: 10 })).toEqual([]);
      const articles = await searchArticles(db, 'assessors', { limit: 5 });
      expect(articles.map((a) => a.outlet)).toEqual(['Valley Courier']);
      expect(articles[0]!.snippet).toContain(`${MARK_START}assessors${MARK_END}`);
    });

    it('stores topics and finds their stories by keyword or entity phrase', async () => {
      const db = database.db;
      await upsertTopic(db, { slug: 'trade', name: 'Trade', keywords: ['tariff'], entities: ['Ilse Varga'] });
      const updated = await upsertTopic(db, {
        slug: 'trade',
        name: 'Trade and tariffs',
        keywords: ['tariff', 'investment pledge'],
        entities: [],
        position: 1,
      });
      expect(updated.name).toBe('Trade and tariffs');
      expect((await topicBySlug(db, 'trade'))?.keywords).toEqual(['tariff', 'investment pledge']);
      expect((await listTopics(db)).map((t) => t.slug)).toEqual(['trade']);
      const stories = await storiesMatchingPhrases(db, ['investment pledge'], { limit: 10 });
      expect(stories.map((s) => s.slug)).toEqual([TARIFF]);
      expect(await storiesMatchingPhrases(db, ['"'], { limit: 10 })).toEqual([]);
      expect(anyPhraseQuery(['a "b"', 'c'])).toBe('"a  b" or "c"');
      expect(await deleteTopic(db, 'trade')).toBe(true);
      expect(await topicBySlug(db, 'trade')).toBeUndefined();
    });

    it('keeps site settings by key', async () => {
      const db = database.db;
      expect(await getSetting(db, 'demo')).toBeUndefined();
      await setSetting(db, 'demo', true);
      await setSetting(db, 'demo', { loaded_at: '2026-03-10' });
      expect(await getSetting(db, 'demo')).toEqual({ loaded_at: '2026-03-10' });
    });
  });
}
