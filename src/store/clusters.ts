import { sql } from 'kysely';
import type { PlacementEvidence } from '../cluster/types.js';
import type { StoryProfile } from '../db/schema.js';
import type { Executor } from './db.js';
import { moveSeparations } from './review.js';

/** What clustering reads about an article to place it. */
export interface ClusterArticleRow {
  id: number;
  source_id: number;
  title: string;
  text: string;
  language: string | null;
  published_at: Date | null;
  fetched_at: Date;
  duplicate_of: number | null;
}

/** The articles to cluster, in the order of `ids` (missing ids are skipped). */
export async function articlesForClustering(
  db: Executor,
  ids: readonly number[],
): Promise<ClusterArticleRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'source_id', 'title', 'text', 'language', 'published_at', 'fetched_at', 'duplicate_of'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The story each given article is in (article id → story id), following merged stories. */
export async function storiesOfArticles(
  db: Executor,
  articleIds: readonly number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('story_articles')
    .select(['article_id', 'story_id'])
    .where('article_id', 'in', [...new Set(articleIds)])
    .execute();
  for (const r of rows) out.set(r.article_id, r.story_id);
  return out;
}

/**
 * Stories whose postings hold any of `terms` and were last seen at or after `since`, with how many
 * of the terms they hold, most first. Reads only the window's slice of the index.
 */
export async function candidateStories(
  db: Executor,
  terms: readonly string[],
  since: Date,
  limit: number,
): Promise<{ story_id: number; hits: number }[]> {
  if (terms.length === 0) return [];
  return db
    .selectFrom('story_postings')
    .select(['story_id', (eb) => eb.fn.countAll<number>().as('hits')])
    .where('term', 'in', [...new Set(terms)])
    .where('last_seen_at', '>=', since)
    .groupBy('story_id')
    .orderBy('hits', 'desc')
    .orderBy('story_id', 'desc')
    .limit(limit)
    .execute();
}

/** What clustering needs of a stored report to weigh it again: no text, its analysis is stored. */
export type StoredReportRow = Pick<
  ClusterArticleRow,
  'id' | 'source_id' | 'title' | 'published_at' | 'fetched_at'
>;

/**
 * The latest articles of each given story (story id → articles, newest first), at most `perStory`
 * each: the story's reports that the linking pass weighs beside a new batch's.
 */
export async function latestArticlesOfStories(
  db: Executor,
  storyIds: readonly number[],
  perStory: number,
): Promise<Map<number, StoredReportRow[]>> {
  const out = new Map<number, StoredReportRow[]>();
  if (storyIds.length === 0) return out;
  // Each story's newest articles are numbered in the query: a long story is not read whole for them.
  const latest = db
    .selectFrom('story_articles')
    .select([
      'story_id',
      'article_id',
      (eb) =>
        eb.fn
          .agg<number>('row_number')
          .over((ob) => ob.partitionBy('story_id').orderBy('article_id', 'desc'))
          .as('rank'),
    ])
    .where('story_id', 'in', [...new Set(storyIds)])
    .as('latest');
  const rows = await db
    .selectFrom(latest)
    .innerJoin('articles', 'articles.id', 'latest.article_id')
    .select([
      'latest.story_id',
      'articles.id',
      'articles.source_id',
      'articles.title',
      'articles.published_at',
      'articles.fetched_at',
    ])
    .where('latest.rank', '<=', perStory)
    .orderBy('latest.story_id')
    .orderBy('articles.id', 'desc')
    .execute();
  for (const { story_id, ...row } of rows) out.set(story_id, [...(out.get(story_id) ?? []), row]);
  return out;
}

/** The clustering profiles of the given stories, by story id. */
export async function storyProfiles(
  db: Executor,
  storyIds: readonly number[],
): Promise<Map<number, StoryProfile>> {
  const out = new Map<number, StoryProfile>();
  if (storyIds.length === 0) return out;
  const rows = await db
    .selectFrom('story_profiles')
    .select(['story_id', 'profile'])
    .where('story_id', 'in', [...new Set(storyIds)])
    .execute();
  for (const r of rows) out.set(r.story_id, r.profile);
  return out;
}

/** Saves profiles and replaces each story's postings with `terms` (stamped with the story's last time). */
export async function saveStoryIndex(
  db: Executor,
  entries: { storyId: number; profile: StoryProfile; lastSeen: Date; terms: string[] }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('story_profiles')
    .values(
      entries.map((e) => ({
        story_id: e.storyId,
        profile: JSON.stringify(e.profile),
        last_seen_at: e.lastSeen,
      })),
    )
    .onConflict((oc) =>
      oc.column('story_id').doUpdateSet((eb) => ({
        profile: eb.ref('excluded.profile'),
        last_seen_at: eb.ref('excluded.last_seen_at'),
      })),
    )
    .execute();
  await db
    .deleteFrom('story_postings')
    .where(
      'story_id',
      'in',
      entries.map((e) => e.storyId),
    )
    .execute();
  // One statement over parallel arrays, however many postings: a many-row VALUES list costs the
  // database more to parse and plan than the rows cost to write.
  const terms: string[] = [];
  const storyIds: number[] = [];
  const lastSeen: string[] = [];
  for (const e of entries) {
    const at = e.lastSeen.toISOString();
    for (const term of new Set(e.terms)) {
      terms.push(term);
      storyIds.push(e.storyId);
      lastSeen.push(at);
    }
  }
  if (terms.length === 0) return;
  await sql`
    INSERT INTO story_postings (term, story_id, last_seen_at)
    SELECT * FROM unnest(${terms}::text[], ${storyIds}::bigint[], ${lastSeen}::timestamptz[])`.execute(db);
}

/**
 * Creates stories with slugs unique among all stories: a taken slug gets "-2", "-3"… (one retry
 * round per collision level). Returns the ids in input order.
 */
export async function insertStoriesWithSlugs(
  db: Executor,
  stories: { slug: string; title: string; first: Date; last: Date }[],
): Promise<number[]> {
  const ids: (number | undefined)[] = new Array(stories.length);
  let pending = stories.map((s, index) => ({ ...s, index }));
  for (let round = 1; pending.length > 0; round++) {
    const seen = new Set<string>();
    const attempt = pending.map((s) => {
      let slug = round === 1 ? s.slug : `${s.slug}-${round}`;
      if (round > 8) slug = `${s.slug}-${round}-${Math.random().toString(36).slice(2, 7)}`;
      // Two new stories with the same headline in one batch must not collide with each other.
      const ok = !seen.has(slug);
      seen.add(slug);
      return { ...s, attemptSlug: slug, ok };
    });
    const rows = await db
      .insertInto('stories')
      .values(
        attempt
          .filter((a) => a.ok)
          .map((a) => ({
            slug: a.attemptSlug,
            title: a.title,
            first_seen_at: a.first,
            last_seen_at: a.last,
          })),
      )
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning(['id', 'slug'])
      .execute();
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    for (const a of attempt) if (a.ok && bySlug.has(a.attemptSlug)) ids[a.index] = bySlug.get(a.attemptSlug);
    pending = pending.filter((s) => ids[s.index] === undefined);
  }
  return ids as number[];
}

/** Records many assignments at once (moving articles that were elsewhere). */
export async function assignArticles(
  db: Executor,
  rows: { storyId: number; articleId: number; score: number; by?: string; evidence?: PlacementEvidence }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('story_articles')
    .values(
      rows.map((r) => ({
        story_id: r.storyId,
        article_id: r.articleId,
        score: r.score,
        assigned_by: r.by ?? 'clusterer',
        evidence: r.evidence ? JSON.stringify(r.evidence) : null,
      })),
    )
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet((eb) => ({
        story_id: eb.ref('excluded.story_id'),
        score: eb.ref('excluded.score'),
        assigned_by: eb.ref('excluded.assigned_by'),
        evidence: eb.ref('excluded.evidence'),
        assigned_at: new Date(),
      })),
    )
    .execute();
}

/** Recomputes article and publisher counts and time spans of many stories in one statement. */
export async function refreshStoriesCounts(db: Executor, storyIds: readonly number[]): Promise<void> {
  if (storyIds.length === 0) return;
  const ids = [...new Set(storyIds)];
  await sql`
    UPDATE stories SET
      article_count = COALESCE(agg.articles, 0),
      publisher_count = COALESCE(agg.publishers, 0),
      first_seen_at = COALESCE(agg.first_seen, stories.first_seen_at),
      last_seen_at = COALESCE(agg.last_seen, stories.last_seen_at),
      updated_at = now()
    FROM stories s
    LEFT JOIN (
      SELECT sa.story_id,
             count(*)::int AS articles,
             count(DISTINCT a.source_id)::int AS publishers,
             min(COALESCE(a.published_at, a.fetched_at)) AS first_seen,
             max(COALESCE(a.published_at, a.fetched_at)) AS last_seen
      FROM story_articles sa JOIN articles a ON a.id = sa.article_id
      WHERE sa.story_id IN (${sql.join(ids)})
      GROUP BY sa.story_id
    ) agg ON agg.story_id = s.id
    WHERE stories.id = s.id AND s.id IN (${sql.join(ids)})`.execute(db);
}

/** Folds story `fromId` into `intoId`: its articles move, it is marked merged and leaves the index. */
export async function mergeStoryInto(db: Executor, fromId: number, intoId: number): Promise<void> {
  await db
    .updateTable('story_articles')
    .set({ story_id: intoId, assigned_by: 'merge', assigned_at: new Date() })
    .where('story_id', '=', fromId)
    .execute();
  await db
    .updateTable('stories')
    .set({ state: 'merged', merged_into: intoId, updated_at: new Date() })
    .where('id', '=', fromId)
    .execute();
  await db.deleteFrom('story_postings').where('story_id', '=', fromId).execute();
  await db.deleteFrom('story_profiles').where('story_id', '=', fromId).execute();
  await moveSeparations(db, fromId, intoId);
  await refreshStoriesCounts(db, [fromId, intoId]);
}

/** Every article's story (article id → story id) for the given articles, for evaluation output. */
export async function assignmentsOf(
  db: Executor,
  articleIds: readonly number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < articleIds.length; i += 5000) {
    for (const [a, s] of await storiesOfArticles(db, articleIds.slice(i, i + 5000))) out.set(a, s);
  }
  return out;
}

/**
 * Every article with its external id, in the order a live newsroom would have received them:
 * by publication time (fetch time when undated), then by id.
 */
export async function articlesInArrivalOrder(
  db: Executor,
): Promise<{ id: number; external_id: string | null }[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'external_id'])
    .orderBy((eb) => eb.fn.coalesce('published_at', 'fetched_at'))
    .orderBy('id')
    .execute();
}

/** The articles of a story with what the clusterer weighed when it placed each (null for editors' moves). */
export async function storyPlacements(
  db: Executor,
  storyId: number,
): Promise<{ article_id: number; assigned_by: string; score: number; evidence: PlacementEvidence | null }[]> {
  return db
    .selectFrom('story_articles')
    .select(['article_id', 'assigned_by', 'score', 'evidence'])
    .where('story_id', '=', storyId)
    .orderBy('article_id')
    .execute();
}
