import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import type { StoryProfile } from '../db/schema.js';
import { openTestDatabase } from '../db/testing.js';
import { addDocumentFrequencies, frequentTerms } from './analyses.js';
import { insertArticles } from './articles.js';
import {
  articlesForClustering,
  assignArticles,
  articlesInArrivalOrder,
  assignmentsOf,
  candidateStories,
  insertStoriesWithSlugs,
  latestArticlesOfStories,
  mergeStoryInto,
  refreshStoriesCounts,
  saveStoryIndex,
  storiesOfArticles,
  storyPlacements,
  storyProfiles,
} from './clusters.js';
import { embeddingsOf, saveEmbeddings } from './embeddings.js';
import { upsertSourceByKey } from './sources.js';
import { storyById } from './stories.js';

const profile = (title: string): StoryProfile => ({
  terms: { sailors: 1 },
  entities: {},
  articles: 1,
  first: null,
  last: null,
  seen: 0,
  title,
});

/** The storage contract for the story index and batch assignment, run against one engine. */
export function clustersContract(engine: Engine): void {
  describe(`cluster storage on ${engine}`, () => {
    let database: Database;
    let ids: number[];
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      const a = await upsertSourceByKey(database.db, { key: 'name:cl-a', kind: 'import', name: 'A' });
      const b = await upsertSourceByKey(database.db, { key: 'name:cl-b', kind: 'import', name: 'B' });
      const { inserted } = await insertArticles(
        database.db,
        [1, 2, 3].map((n) => ({
          source_id: n === 3 ? b.id : a.id,
          url: `https://cl.example/${n}`,
          canonical_url: `https://cl.example/${n}`,
          title: `T${n}`,
          text: `Text ${n}`,
          published_at: n === 1 ? null : new Date('2026-01-30T10:00:00Z'),
          fetched_at: new Date('2026-01-30T11:00:00Z'),
          content_hash: `cl-${n}`,
        })),
      );
      ids = [...inserted.values()];
    });
    afterAll(async () => {
      await database?.close();
    });

    it('reads articles for clustering in the order asked', async () => {
      const rows = await articlesForClustering(database.db, [ids[2]!, ids[0]!, 999_999]);
      expect(rows.map((r) => r.id)).toEqual([ids[2], ids[0]]);
      expect(rows[1]!.published_at).toBeNull();
      expect(await articlesForClustering(database.db, [])).toEqual([]);
    });

    it('creates stories with unique slugs, assigns in batches and counts publishers', async () => {
      const db = database.db;
      const t = new Date('2026-01-30T10:00:00Z');
      const [s1, s2, s3] = await insertStoriesWithSlugs(db, [
        { slug: 'sailors', title: 'Sailors', first: t, last: t },
        { slug: 'sailors', title: 'Sailors again', first: t, last: t },
        { slug: 'other', title: 'Other', first: t, last: t },
      ]);
      const [s4] = await insertStoriesWithSlugs(db, [{ slug: 'sailors', title: 'Third', first: t, last: t }]);
      expect((await storyById(db, s1!))?.slug).toBe('sailors');
      expect((await storyById(db, s2!))?.slug).toBe('sailors-2');
      expect((await storyById(db, s4!))?.slug).toBe('sailors-3');
      await assignArticles(db, [
        { storyId: s1!, articleId: ids[0]!, score: 0.9 },
        { storyId: s1!, articleId: ids[2]!, score: 0.5 },
        { storyId: s3!, articleId: ids[1]!, score: 1 },
      ]);
      await assignArticles(db, []);
      await refreshStoriesCounts(db, [s1!, s3!]);
      expect(await storyById(db, s1!)).toMatchObject({ article_count: 2, publisher_count: 2 });
      expect((await storiesOfArticles(db, [ids[0]!, ids[1]!])).get(ids[1]!)).toBe(s3);

      // Merging moves the articles and marks the story.
      await mergeStoryInto(db, s3!, s1!);
      expect(await storyById(db, s1!)).toMatchObject({ article_count: 3 });
      expect(await storyById(db, s3!)).toMatchObject({ article_count: 0, state: 'merged', merged_into: s1 });
      expect([...(await assignmentsOf(db, ids)).values()]).toEqual([s1, s1, s1]);
      // The latest articles of each story, newest first, at most so many; an empty story has none.
      const latest = await latestArticlesOfStories(db, [s1!, s3!, s1!], 2);
      expect(latest.get(s1!)?.map((r) => r.id)).toEqual([ids[2], ids[1]]);
      expect(latest.get(s1!)?.[1]).toMatchObject({
        title: 'T2',
        published_at: new Date('2026-01-30T10:00:00Z'),
      });
      expect(latest.has(s3!)).toBe(false);
      expect(await latestArticlesOfStories(db, [], 2)).toEqual(new Map());
    });

    it('finds candidate stories through postings inside the time window only', async () => {
      const db = database.db;
      const t = new Date('2026-01-30T10:00:00Z');
      const [recent, old] = await insertStoriesWithSlugs(db, [
        { slug: 'recent', title: 'Recent', first: t, last: t },
        { slug: 'old', title: 'Old', first: t, last: t },
      ]);
      await saveStoryIndex(db, [
        {
          storyId: recent!,
          profile: profile('Recent'),
          lastSeen: t,
          terms: ['sailors', 'iran', 'e:hms cornwall'],
        },
        {
          storyId: old!,
          profile: profile('Old'),
          lastSeen: new Date('2025-01-01T00:00:00Z'),
          terms: ['sailors'],
        },
      ]);
      const since = new Date('2026-01-29T00:00:00Z');
      expect(await candidateStories(db, ['sailors', 'iran', 'nothing'], since, 10)).toEqual([
        { story_id: recent, hits: 2 },
      ]);
      expect(await candidateStories(db, [], since, 10)).toEqual([]);
      expect((await candidateStories(db, ['sailors'], new Date(0), 10)).length).toBe(2);
      // Saving again replaces the postings.
      await saveStoryIndex(db, [
        { storyId: recent!, profile: profile('Recent 2'), lastSeen: t, terms: ['navy'] },
      ]);
      expect(await candidateStories(db, ['sailors'], since, 10)).toEqual([]);
      // Terms that need quoting in an array literal are stored as they are, stamped to the millisecond.
      const odd = ['e:o"brien', 'back\\slash', 'a,b', '{brace}', 'null', 'e:two words'];
      const at = new Date('2026-01-30T10:00:00.123Z');
      await saveStoryIndex(db, [
        { storyId: recent!, profile: profile('Recent 3'), lastSeen: at, terms: odd },
      ]);
      expect(await candidateStories(db, odd, at, 10)).toEqual([{ story_id: recent, hits: odd.length }]);
      expect(await candidateStories(db, odd, new Date(at.getTime() + 1), 10)).toEqual([]);
      await saveStoryIndex(db, [{ storyId: recent!, profile: profile('Recent 4'), lastSeen: at, terms: [] }]);
      expect(await candidateStories(db, odd, since, 10)).toEqual([]);
      expect((await storyProfiles(db, [recent!, 999_999])).get(recent!)?.title).toBe('Recent 4');
    });

    it('keeps the evidence of each placement and lists articles in arrival order', async () => {
      const db = database.db;
      const t = new Date('2026-01-30T10:00:00Z');
      const [story] = await insertStoriesWithSlugs(db, [{ slug: 'evidence', title: 'E', first: t, last: t }]);
      const evidence = {
        score: 0.41,
        text: 0.5,
        names: 0.6,
        shared_names: ['caldmoor'],
        shared_figures: ['#count:workers:340'],
        embedding: null,
        hours: 3,
        reason: 'joined' as const,
      };
      await assignArticles(db, [
        { storyId: story!, articleId: ids[0]!, score: 1 },
        { storyId: story!, articleId: ids[1]!, score: 0.41, evidence },
      ]);
      expect(await storyPlacements(db, story!)).toEqual([
        { article_id: ids[0], assigned_by: 'clusterer', score: 1, evidence: null },
        { article_id: ids[1], assigned_by: 'clusterer', score: 0.41, evidence },
      ]);
      // Undated articles sit at their fetch time (11:00), after those published at 10:00.
      expect((await articlesInArrivalOrder(db)).map((r) => r.id)).toEqual([ids[1], ids[2], ids[0]]);
    });

    it('stores one embedding per article and model', async () => {
      const db = database.db;
      await saveEmbeddings(db, [
        { articleId: ids[0]!, model: 'm1', embedding: [0.6, 0.8] },
        { articleId: ids[1]!, model: 'm1', embedding: [1, 0] },
      ]);
      await saveEmbeddings(db, []);
      expect(await embeddingsOf(db, [ids[0]!, ids[1]!, ids[2]!], 'm1')).toEqual(
        new Map([
          [ids[0], [0.6, 0.8]],
          [ids[1], [1, 0]],
        ]),
      );
      // Another model replaces the vector; the old model's is gone.
      await saveEmbeddings(db, [{ articleId: ids[0]!, model: 'm2', embedding: [0, 1] }]);
      expect((await embeddingsOf(db, [ids[0]!], 'm1')).size).toBe(0);
      expect((await embeddingsOf(db, [ids[0]!], 'm2')).get(ids[0]!)).toEqual([0, 1]);
      expect(await embeddingsOf(db, [], 'm2')).toEqual(new Map());
    });

    it('lists the most frequent terms', async () => {
      await addDocumentFrequencies(
        database.db,
        3,
        new Map([
          ['navy', 3],
          ['iran', 1],
        ]),
      );
      const top = await frequentTerms(database.db, 1);
      expect(top.docs).toBe(3);
      expect([...top.terms.keys()]).toEqual(['navy']);
    });
  });
}
