import type { Hono } from 'hono';
import { z } from 'zod';
import type { Story } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import { pathId } from '../../lib/input-checks.js';
import { DRAFT_CACHE, isPublicVersion, readsDrafts } from '../../publish/visibility.js';
import type { Executor } from '../../store/db.js';
import { searchArticles, searchStories } from '../../store/search.js';
import { sourceCoverage } from '../../store/site.js';
import { storyById, storyBySlug, storyVersion, storyVersions } from '../../store/stories.js';
import { listTopics, storiesMatchingPhrases, topicBySlug } from '../../store/topics.js';
import type { SiteDeps } from '../context.js';
import { decodeCursor, nextCursor, parseLimit } from './cursor.js';
import { openApiDocument } from './openapi.js';
import {
  presentArticleHit,
  presentSearchHit,
  presentSource,
  presentStorySummary,
  presentTopic,
  presentVersion,
  presentVersionSummary,
} from './present.js';

const API_CACHE = 'public, max-age=30, s-maxage=60';

const searchParams = z.object({
  q: z.string().trim().min(1, 'q is required').max(200),
  type: z.enum(['stories', 'articles']).default('stories'),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

async function publishedStory(db: Executor, idOrSlug: string): Promise<Story> {
  const story = /^[0-9]+$/.test(idOrSlug)
    ? await storyById(db, pathId(idOrSlug, 'story id'))
    : await storyBySlug(db, idOrSlug);
  if (story?.state !== 'published') throw new AppError('not_found', 'no such story');
  return story;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AppError('invalid_input', `${issue.path.join('.') || 'query'}: ${issue.message}`);
}

/** The reader site's part of `/api/v1`: sources, topics, search, story versions and the OpenAPI document. */
export function registerSiteApi(app: Hono, deps: SiteDeps): void {
  const { db } = deps;
  const siteUrl = deps.config.siteUrl.replace(/\/$/, '');

  app.get('/api/v1/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(openApiDocument(siteUrl));
  });

  app.get('/api/v1/sources', async (c) => {
    c.header('Cache-Control', API_CACHE);
    return c.json({ data: (await sourceCoverage(db)).map(presentSource) });
  });

  app.get('/api/v1/topics', async (c) => {
    c.header('Cache-Control', API_CACHE);
    return c.json({ data: (await listTopics(db)).map((t) => presentTopic(t, siteUrl)) });
  });

  app.get('/api/v1/topics/:slug', async (c) => {
    const topic = await topicBySlug(db, c.req.param('slug'));
    if (!topic) throw new AppError('not_found', 'no such topic');
    const limit = parseLimit(c.req.query('limit'), 20);
    const rows = await storiesMatchingPhrases(db, [...topic.keywords, ...topic.entities], {
      limit: limit + 1,
      before: decodeCursor(c.req.query('cursor')),
    });
    c.header('Cache-Control', API_CACHE);
    return c.json({
      data: presentTopic(topic, siteUrl),
      stories: rows.slice(0, limit).map((s) => presentStorySummary(s, siteUrl)),
      next_cursor: nextCursor(rows, limit) ?? null,
    });
  });

  app.get('/api/v1/search', async (c) => {
    const { q, type, offset } = parse(searchParams, c.req.query());
    const limit = parseLimit(c.req.query('limit'), 10, 50);
    c.header('Cache-Control', API_CACHE);
    if (type === 'articles') {
      const rows = await searchArticles(db, q, { limit, offset });
      return c.json({
        data: rows.slice(0, limit).map(presentArticleHit),
        next_offset: rows.length > limit ? offset + limit : null,
      });
    }
    const rows = await searchStories(db, q, { limit, offset });
    return c.json({
      data: rows.slice(0, limit).map((h) => presentSearchHit(h, siteUrl)),
      next_offset: rows.length > limit ? offset + limit : null,
    });
  });

  // Drafts (review, held) are for editors only, and never stored by a cache; readers get the public record.
  app.get('/api/v1/stories/:id/versions', async (c) => {
    const story = await publishedStory(db, c.req.param('id'));
    const editor = readsDrafts(c.get('viewer' as never));
    const versions = (await storyVersions(db, story.id)).filter((v) => editor || isPublicVersion(v));
    c.header('Cache-Control', editor ? DRAFT_CACHE : API_CACHE);
    c.header('Vary', 'Cookie');
    return c.json({ data: versions.map(presentVersionSummary) });
  });

  app.get('/api/v1/stories/:id/versions/:version{[0-9]+}', async (c) => {
    const number = pathId(c.req.param('version'), 'version');
    const story = await publishedStory(db, c.req.param('id'));
    const version = await storyVersion(db, story.id, number);
    const draft = version !== undefined && !isPublicVersion(version);
    if (!version || (draft && !readsDrafts(c.get('viewer' as never))))
      throw new AppError('not_found', 'no such version');
    c.header('Cache-Control', draft ? DRAFT_CACHE : 'public, max-age=3600, s-maxage=86400');
    c.header('Vary', 'Cookie');
    return c.json({ data: { story_id: story.id, slug: story.slug, ...presentVersion(version) } });
  });
}
