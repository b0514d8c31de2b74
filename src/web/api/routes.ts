import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { pathId } from '../../lib/input-checks.js';
import {
  articleWithSource,
  countPublishedStories,
  publishedStories,
  storySourceArticles,
} from '../../store/published.js';
import { versionDisagreements } from '../../store/disagreements.js';
import { relatedStories } from '../../store/related.js';
import { storyById, storyBySlug, storyVersions } from '../../store/stories.js';
import { presentArticle, presentStory, presentStorySummary } from './presenters.js';

/** What the JSON API needs, wired once by the process. */
export interface ApiDeps {
  db: Kysely<DB>;
  siteUrl: string;
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

function apiError(code: string, message: string) {
  return { error: { code, message } };
}

/** The read API for checking stories against their sources; the lead mounts it at `/api/v1`. */
export function apiRoutes(deps: ApiDeps): Hono {
  const api = new Hono();

  api.get('/stories', async (c) => {
    const parsed = listQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return c.json(apiError('invalid_input', `${issue.path.join('.')}: ${issue.message}`), 400);
    }
    const { limit, offset } = parsed.data;
    const [stories, total] = await Promise.all([
      publishedStories(deps.db, { limit, offset }),
      countPublishedStories(deps.db),
    ]);
    return c.json({
      stories: stories.map((s) => presentStorySummary(deps.siteUrl, s, s.version)),
      meta: { total, limit, offset },
    });
  });

  api.get('/stories/:id', async (c) => {
    const key = c.req.param('id');
    const story = /^\d+$/.test(key)
      ? await storyById(deps.db, pathId(key, 'story id'))
      : await storyBySlug(deps.db, key);
    if (story?.state !== 'published' || !story.current_version_id) {
      return c.json(apiError('not_found', `story ${key} is not published`), 404);
    }
    const versions = await storyVersions(deps.db, story.id);
    const current = versions.find((v) => v.id === story.current_version_id)!;
    const [sources, related, disagreements] = await Promise.all([
      storySourceArticles(deps.db, story.id),
      relatedStories(deps.db, story.id),
      versionDisagreements(deps.db, current.id),
    ]);
    return c.json({
      story: presentStory(deps.siteUrl, story, current, { sources, versions, related, disagreements }),
    });
  });

  api.get('/articles/:id', async (c) => {
    const key = c.req.param('id');
    const article = /^\d+$/.test(key)
      ? await articleWithSource(deps.db, pathId(key, 'article id'))
      : undefined;
    if (!article) return c.json(apiError('not_found', `article ${key} not found`), 404);
    return c.json({ article: presentArticle(article) });
  });

  return api;
}
