import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { StoryVersion } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import { publishedStoryBySlug, relatedStoriesByTerms, storySourceArticles } from '../../store/site.js';
import { storyVersion, storyVersions } from '../../store/stories.js';
import { page, type SiteDeps } from '../context.js';
import type { SiteContext } from '../site-context.js';
import { buildStoryModel, citedArticleIds } from '../story-model.js';
import { VersionsPage } from '../views/info.js';
import { renderPage } from '../views/layout.js';
import { StoryPage } from '../views/story.js';

/** Story pages may be held a minute by browsers and five by CDNs; the ETag makes revalidation cheap. */
export const STORY_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
const VERSION_CACHE = 'public, max-age=3600, s-maxage=86400';

/** Story permalinks, their versions and old versions. */
export function registerStoryPages(app: Hono, deps: SiteDeps): void {
  app.get('/stories/:slug', (c) => storyPage(c, deps));
  app.get('/stories/:slug/versions', async (c) => {
    const found = await publishedStoryBySlug(deps.db, c.req.param('slug'));
    if (!found) throw new AppError('not_found', 'no such story');
    const versions = await storyVersions(deps.db, found.story.id);
    return page(
      c,
      deps,
      { title: `Versions: ${found.version.headline}`, path: `/stories/${found.story.slug}/versions` },
      <VersionsPage slug={found.story.slug} versions={versions} />,
    );
  });
  app.get('/stories/:slug/versions/:version{[0-9]+}', async (c) => {
    const found = await publishedStoryBySlug(deps.db, c.req.param('slug'));
    if (!found) throw new AppError('not_found', 'no such story');
    const old = await storyVersion(deps.db, found.story.id, Number(c.req.param('version')));
    if (!old) throw new AppError('not_found', 'no such version');
    const html = await renderStory(
      deps,
      await deps.site(),
      found.story.slug,
      found.story.id,
      old,
      found.version,
    );
    c.header('Cache-Control', VERSION_CACHE);
    return c.html(html);
  });
}

/**
 * The current version of a story: rendered once per (version, site stamp), served from memory with
 * an ETag after that; a request carrying the same ETag gets 304.
 */
async function storyPage(c: Context, deps: SiteDeps): Promise<Response> {
  const slug = c.req.param('slug') ?? '';
  const versionId = await deps.currentVersion(slug);
  if (versionId === undefined) throw new AppError('not_found', 'no such story');
  const site = await deps.site();
  const key = `${slug}@${versionId}@${site.stamp}`;
  let cached = deps.cache.get(key);
  if (!cached) {
    const found = await publishedStoryBySlug(deps.db, slug);
    if (!found) throw new AppError('not_found', 'no such story');
    const html = await renderStory(deps, site, slug, found.story.id, found.version);
    const etag = `"v${found.version.id}-${createHash('sha1').update(html).digest('base64url').slice(0, 16)}"`;
    cached = deps.cache.set(key, html, etag);
  }
  c.header('ETag', cached.etag);
  c.header('Cache-Control', STORY_CACHE);
  if (c.req.header('If-None-Match') === cached.etag) return c.body(null, 304);
  return c.html(cached.body);
}

async function renderStory(
  deps: SiteDeps,
  site: SiteContext,
  slug: string,
  storyId: number,
  version: StoryVersion,
  current?: StoryVersion,
): Promise<string> {
  const [articles, versions, related] = await Promise.all([
    storySourceArticles(deps.db, storyId, citedArticleIds(version.body)),
    storyVersions(deps.db, storyId),
    relatedStoriesByTerms(deps.db, storyId, 4),
  ]);
  const model = buildStoryModel(version, articles);
  const path = current ? `/stories/${slug}/versions/${version.version}` : `/stories/${slug}`;
  return renderPage(
    site,
    {
      title: version.headline,
      description: version.dek,
      path,
      ogType: 'article',
      jsonLd: newsArticle(
        site,
        slug,
        version,
        versions.at(-1)?.generated_at ?? version.generated_at,
        model.sources,
      ),
    },
    <StoryPage
      slug={slug}
      model={model}
      versions={versions}
      related={related}
      currentVersion={current?.version}
    />,
  );
}

/** schema.org NewsArticle for the story page. */
function newsArticle(
  site: SiteContext,
  slug: string,
  version: StoryVersion,
  firstPublished: Date,
  sources: { url: string; title: string }[],
): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: version.headline,
    description: version.dek,
    url: `${site.url}/stories/${slug}`,
    mainEntityOfPage: `${site.url}/stories/${slug}`,
    dateModified: new Date(version.generated_at).toISOString(),
    datePublished: new Date(firstPublished).toISOString(),
    version: String(version.version),
    author: { '@type': 'Organization', name: site.name },
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    isBasedOn: sources.map((s) => ({ '@type': 'NewsArticle', url: s.url, headline: s.title })),
    isAccessibleForFree: true,
  };
}
