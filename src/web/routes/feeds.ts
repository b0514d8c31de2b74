import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import type { Context, Hono } from 'hono';
import { AppError } from '../../lib/errors.js';
import { listPublishedStories, publishedSlugs, type StorySummary } from '../../store/site.js';
import { storiesMatchingPhrases, topicBySlug } from '../../store/topics.js';
import type { SiteDeps } from '../context.js';
import { fastResponse } from '../security.js';
import type { SiteContext } from '../site-context.js';

const FEED_SIZE = 50;
const FEED_CACHE = 'public, max-age=300, s-maxage=300';

interface FeedInput {
  title: string;
  description: string;
  /** Page the feed mirrors, e.g. `/` or `/topics/trade`. */
  pagePath: string;
  /** Feed path without extension, e.g. `/feed`. */
  base: string;
  stories: StorySummary[];
}

/** RSS 2.0 for a list of stories; permalinks are the story URLs. */
export function rssFeed(site: SiteContext, feed: FeedInput): string {
  return generateRssFeed({
    title: feed.title,
    link: `${site.url}${feed.pagePath}`,
    description: feed.description,
    language: 'en',
    lastBuildDate: feed.stories[0]?.updated_at ?? new Date(0),
    atom: { links: [{ href: `${site.url}${feed.base}.xml`, rel: 'self', type: 'application/rss+xml' }] },
    items: feed.stories.map((s) => ({
      title: s.headline,
      link: `${site.url}/stories/${s.slug}`,
      guid: { value: `${site.url}/stories/${s.slug}`, isPermaLink: true },
      description: s.dek,
      pubDate: s.published_at,
    })),
  }) as string;
}

/** Atom 1.0 for a list of stories. */
export function atomFeed(site: SiteContext, feed: FeedInput): string {
  return generateAtomFeed({
    id: `${site.url}${feed.base}.atom`,
    title: { value: feed.title },
    subtitle: { value: feed.description },
    updated: feed.stories[0]?.updated_at ?? new Date(0),
    authors: [{ name: site.name, uri: site.url }],
    links: [
      { href: `${site.url}${feed.base}.atom`, rel: 'self', type: 'application/atom+xml' },
      { href: `${site.url}${feed.pagePath}`, rel: 'alternate', type: 'text/html' },
    ],
    entries: feed.stories.map((s) => ({
      id: `${site.url}/stories/${s.slug}`,
      title: { value: s.headline },
      summary: { value: s.dek },
      published: s.published_at,
      updated: s.updated_at,
      links: [{ href: `${site.url}/stories/${s.slug}`, rel: 'alternate', type: 'text/html' }],
    })),
  }) as string;
}

/** JSON Feed 1.1 for a list of stories. */
export function jsonFeed(site: SiteContext, feed: FeedInput): string {
  return JSON.stringify(
    generateJsonFeed({
      title: feed.title,
      description: feed.description,
      home_page_url: `${site.url}${feed.pagePath}`,
      feed_url: `${site.url}${feed.base}.json`,
      language: 'en',
      authors: [{ name: site.name, url: site.url }],
      items: feed.stories.map((s) => ({
        id: `${site.url}/stories/${s.slug}`,
        url: `${site.url}/stories/${s.slug}`,
        title: s.headline,
        summary: s.dek,
        content_text: s.dek,
        date_published: s.published_at,
        date_modified: s.updated_at,
      })),
    }),
  );
}

const FORMATS = {
  xml: { type: 'application/rss+xml; charset=utf-8', render: rssFeed },
  atom: { type: 'application/atom+xml; charset=utf-8', render: atomFeed },
  json: { type: 'application/feed+json; charset=utf-8', render: jsonFeed },
} as const;

type Format = keyof typeof FORMATS;

function send(_c: Context, site: SiteContext, format: Format, feed: FeedInput): Response {
  const { type, render } = FORMATS[format];
  return fastResponse(render(site, feed), 200, { 'Cache-Control': FEED_CACHE, 'Content-Type': type });
}

function registerFeed(app: Hono, deps: SiteDeps, format: Format): void {
  app.get(`/feed.${format}`, async (c) => {
    const site = await deps.site();
    const stories = await listPublishedStories(deps.db, { limit: FEED_SIZE });
    return send(c, site, format, {
      title: site.name,
      description: `The latest stories on ${site.name}`,
      pagePath: '/',
      base: '/feed',
      stories,
    });
  });

  app.get(`/topics/:slug/feed.${format}`, async (c) => {
    const topic = await topicBySlug(deps.db, c.req.param('slug'));
    if (!topic) throw new AppError('not_found', 'no such topic');
    const site = await deps.site();
    const stories = await storiesMatchingPhrases(deps.db, [...topic.keywords, ...topic.entities], {
      limit: FEED_SIZE,
    });
    return send(c, site, format, {
      title: `${site.name}: ${topic.name}`,
      description: topic.description ?? `Stories about ${topic.name}`,
      pagePath: `/topics/${topic.slug}`,
      base: `/topics/${topic.slug}/feed`,
      stories,
    });
  });
}

/** Feeds for all stories and per topic, sitemap.xml and robots.txt. */
export function registerFeeds(app: Hono, deps: SiteDeps): void {
  for (const format of Object.keys(FORMATS) as Format[]) registerFeed(app, deps, format);

  app.get('/sitemap.xml', async (_c) => {
    const site = await deps.site();
    const stories = await publishedSlugs(deps.db);
    const url = (loc: string, lastmod?: Date) =>
      `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${new Date(lastmod).toISOString()}</lastmod>` : ''}</url>`;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      url(`${site.url}/`),
      ...site.topics.map((t) => url(`${site.url}/topics/${t.slug}`)),
      ...stories.map((s) => url(`${site.url}/stories/${s.slug}`, s.updated_at)),
      '</urlset>',
    ].join('\n');
    return fastResponse(body, 200, {
      'Cache-Control': FEED_CACHE,
      'Content-Type': 'application/xml; charset=utf-8',
    });
  });

  app.get('/robots.txt', async (_c) => {
    const site = await deps.site();
    return fastResponse(
      `User-agent: *\nDisallow: /search\nDisallow: /api/\n\nSitemap: ${site.url}/sitemap.xml\n`,
      200,
      {
        'Cache-Control': 'public, max-age=3600',
        'Content-Type': 'text/plain; charset=utf-8',
      },
    );
  });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
