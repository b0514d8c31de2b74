import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.js';
import { openTestDatabase } from '../../db/testing.js';
import { silentLogger } from '../../lib/log.js';
import { seedStory } from '../../publish/testing.js';
import { writeStory } from '../../publish/write-story.js';
import { sampleSources } from '../../verify/fixtures.js';
import { apiRoutes } from './routes.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below.
type Json = any;

async function json(res: Response): Promise<Json> {
  return res.json();
}

interface Sentence {
  text: string;
  citations: { article_id: number; start: number; end: number }[];
}

describe('JSON API', () => {
  let database: Database;
  let api: ReturnType<typeof apiRoutes>;
  let storyId: number;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    api = apiRoutes({ db: database.db, siteUrl: 'https://news.example' });
    const deps = { db: database.db, logger: silentLogger(), policy: 'auto' as const };
    ({ storyId } = await seedStory(
      database.db,
      'freedonia-rates',
      sampleSources().map((s) => ({
        outlet: s.outlet,
        title: s.title,
        text: s.text,
        published_at: s.published_at!,
      })),
    ));
    await writeStory(deps, storyId);
    const held = await seedStory(database.db, 'unwritten', [
      { outlet: 'Wire', title: 'Breaking', text: 'Developing.' },
    ]);
    await writeStory(deps, held.storyId);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists published stories only, newest first', async () => {
    const res = await api.request('/stories?limit=5');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.meta).toEqual({ total: 1, limit: 5, offset: 0 });
    expect(body.stories).toHaveLength(1);
    expect(body.stories[0]).toMatchObject({
      id: storyId,
      slug: 'freedonia-rates',
      url: 'https://news.example/stories/freedonia-rates',
      version: 1,
      writer: 'extractive',
      source_count: 2,
    });
  });

  it('rejects a bad page size with a stable error code', async () => {
    const res = await api.request('/stories?limit=1000');
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('invalid_input');
  });

  it('serves a story whose every citation can be checked against the article text', async () => {
    for (const key of [String(storyId), 'freedonia-rates']) {
      const res = await api.request(`/stories/${key}`);
      expect(res.status).toBe(200);
      const { story } = await json(res);
      expect(story.sources).toHaveLength(2);
      expect(story.versions.map((v: { version: number }) => v.version)).toEqual([1]);
      const sentences: Sentence[] = [
        ...story.body.lede,
        ...story.body.sections.flatMap((s: { sentences: Sentence[] }) => s.sentences),
      ];
      expect(sentences.length).toBeGreaterThanOrEqual(3);
      for (const sentence of sentences) {
        for (const c of sentence.citations) {
          const article = await json(await api.request(`/articles/${c.article_id}`));
          expect(article.article.text.slice(c.start, c.end)).toBe(sentence.text);
          expect(article.article.title_derived).toBe(false);
        }
      }
    }
  });

  it('answers 404 for unpublished stories and unknown articles', async () => {
    for (const path of ['/stories/unwritten', '/stories/999999', '/articles/999999', '/articles/abc']) {
      const res = await api.request(path);
      expect(res.status).toBe(404);
      expect((await json(res)).error.code).toBe('not_found');
    }
  });
});
