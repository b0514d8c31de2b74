import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { fastResponse } from './security.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import type { StoryPageKey } from '../store/site.js';
import type { Memoized, PageCache } from './page-cache.js';
import type { SiteLoader } from './site-context.js';
import type { PageMeta } from './views/layout.js';
import { renderPage } from './views/layout.js';

/** What page and API routes need, built once in createApp. */
export interface SiteDeps {
  config: Config;
  db: Executor;
  logger: Logger;
  site: SiteLoader;
  cache: PageCache;
  /** A published story's page key (current version, thread state) by slug, briefly memoized. */
  storyKey: Memoized<StoryPageKey | undefined>;
  thoughts: StoryThoughts;
}

/** The comment thread as story pages embed it, rendered to HTML. */
export interface StoryThoughts {
  /** The first page, newest first, as every signed-out reader sees it (no forms): cached with the page. */
  public(storyId: number, returnTo: string): Promise<string>;
  /** The thread for this request: the viewer's forms and pending comments, the sort and page asked for. */
  live(c: Context, storyId: number, returnTo: string): Promise<string>;
}

export const HTML = 'text/html; charset=UTF-8';

/** Short shared caching for list pages: browsers revalidate, CDNs hold a minute. */
export const LIST_CACHE = 'public, max-age=30, s-maxage=60, stale-while-revalidate=300';

/** Renders a page in the site frame. */
export async function page(
  _c: Context,
  deps: SiteDeps,
  meta: PageMeta,
  content: Child,
  { status = 200, cacheControl = LIST_CACHE }: { status?: 200 | 400 | 404 | 500; cacheControl?: string } = {},
): Promise<Response> {
  const site = await deps.site();
  return fastResponse(renderPage(site, meta, content), status, {
    'Cache-Control': cacheControl,
    'Content-Type': HTML,
  });
}

/** Drops what the reader site holds of a story, so its next request shows an editor's change. */
export function forgetStory(deps: SiteDeps, slug: string): void {
  deps.storyKey.forget(slug);
  deps.cache.forget(`story:${slug}@`);
}
