import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { StoryVersion } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import { pathId } from '../../lib/input-checks.js';
import { DRAFT_CACHE, isPublicVersion, readsDrafts } from '../../publish/visibility.js';
import { versionDisagreements } from '../../store/disagreements.js';
import { relatedStories } from '../../store/related.js';
import {
  mergedStoryTarget,
  publishedStoryBySlug,
  relatedStoriesByTerms,
  type StoryPageKey,
  storyEntities,
  storySourceArticles,
} from '../../store/site.js';
import { storyVersion, storyVersions } from '../../store/stories.js';
import { HTML, page, type SiteDeps } from '../context.js';
import { asksForThreadView } from '../discuss/embed.js';
import type { CachedPage } from '../page-cache.js';
import { fastResponse, ifNoneMatch } from '../security.js';
import type { SiteContext } from '../site-context.js';
import { buildStoryModel, citedArticleIds, mainEntities } from '../story-model.js';
import { VersionsPage } from '../views/info.js';
import { renderPage } from '../views/layout.js';
import { type RelatedLink, StoryPage } from '../views/story.js';

/** An old version points to the thread under the current one. */
function ThoughtsLink({ slug }: { slug: string }) {
  return (
    <section id="thoughts" aria-labelledby="thoughts-heading">
      <h2 id="thoughts-heading">Thoughts</h2>
      <p class="sans">
        <a href={`/stories/${slug}#thoughts`}>Read and join the conversation under the current version</a>
      </p>
    </section>
  );
}

/** Story pages may be held a minute by browsers and five by CDNs; the ETag makes revalidation cheap. */
export const STORY_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
const VERSION_CACHE = 'public, max-age=3600, s-maxage=86400';

/** Story permalinks, their versions and old versions. */
export function registerStoryPages(app: Hono, deps: SiteDeps): void {
  app.get('/stories/:slug', (c) => storyPage(c, deps));
  app.get('/stories/:slug/versions', async (c) => {
    const found = await publishedStoryBySlug(deps.db, c.req.param('slug'));
    if (!found) return movedOrMissing(c, deps, '/versions');
    const editor = readsDrafts(c.get('viewer' as never));
    const versions = (await storyVersions(deps.db, found.story.id)).filter(
      (v) => editor || isPublicVersion(v),
    );
    return page(
      c,
      deps,
      { title: `Versions: ${found.version.headline}`, path: `/stories/${found.story.slug}/versions` },
      <VersionsPage slug={found.story.slug} versions={versions} />,
      editor ? { cacheControl: DRAFT_CACHE } : {},
    );
  });
  app.get('/stories/:slug/versions/:version{[0-9]+}', async (c) => {
    const number = pathId(c.req.param('version'), 'version');
    const found = await publishedStoryBySlug(deps.db, c.req.param('slug'));
    // Another story's version numbers mean something else: a merged story's old version leads to the story.
    if (!found) return movedOrMissing(c, deps);
    const old = await storyVersion(deps.db, found.story.id, number);
    const draft = old !== undefined && !isPublicVersion(old);
    if (!old || (draft && !readsDrafts(c.get('viewer' as never))))
      throw new AppError('not_found', 'no such version');
    const html = await renderStory(
      deps,
      await deps.site(),
      found.story.slug,
      found.story.id,
      old,
      <ThoughtsLink slug={found.story.slug} />,
      found.version,
    );
    const cache = draft ? DRAFT_CACHE : VERSION_CACHE;
    return fastResponse(html, 200, { 'Cache-Control': cache, 'Content-Type': HTML });
  });
}

/**
 * The answer for a slug with no published story: a permanent redirect when the story was merged into
 * one that is published (links shared before the merge keep working), otherwise not found.
 */
async function movedOrMissing(c: Context, deps: SiteDeps, suffix = ''): Promise<Response> {
  const target = await mergedStoryTarget(deps.db, c.req.param('slug') ?? '');
  if (target === undefined) throw new AppError('not_found', 'no such story');
  return c.redirect(`/stories/${encodeURIComponent(target)}${suffix}`, 301);
}

/** Where the Thoughts section goes in a rendered story page (text is escaped, so no story can contain it). */
const THOUGHTS_SLOT = '<!--newsloom:thoughts-->';

/** A story page rendered once per (version, site stamp), without its thread: split where the thread goes. */
interface StoryShell {
  before: string;
  after: string;
}

/** The cache key of the page everyone signed out sees: version, thread state and site stamp. */
export function publicStoryKey(slug: string, key: StoryPageKey, site: SiteContext): string {
  return `story:${slug}@${key.versionId}@${site.stamp}@${key.thread}`;
}

/** The headers of the cached public story page; the fast path sends the same ones. */
export function publicStoryHeaders(page: CachedPage, status: 200 | 304): Record<string, string> {
  // Signed-in readers get their own thread on the same URL, so caches keep the two apart.
  const headers = { ETag: page.etag, 'Cache-Control': STORY_CACHE, Vary: 'Cookie' };
  return status === 200 ? { ...headers, 'Content-Type': HTML } : headers;
}

/**
 * The current version of a story. Signed-out readers get one page, rendered once per (version,
 * thread state, site stamp) and served from memory with an ETag (304 when it matches); a signed-in
 * reader, or a request for another sort or page of the thread, gets the cached page around a live
 * thread, never stored by shared caches.
 */
async function storyPage(c: Context, deps: SiteDeps): Promise<Response> {
  const slug = c.req.param('slug') ?? '';
  const key = await deps.storyKey(slug);
  if (key === undefined) return movedOrMissing(c, deps);
  const site = await deps.site();
  const requestId = { 'X-Request-Id': String(c.get('requestId' as never) ?? '') };
  const viewer = (c.get('viewer' as never) as unknown) ?? null;
  if (viewer !== null || asksForThreadView((name) => c.req.query(name))) {
    const shell = await storyShell(deps, site, slug, key);
    const thoughts = await deps.thoughts.live(c, key.storyId, `/stories/${slug}`);
    return fastResponse(shell.before + thoughts + shell.after, 200, {
      'Cache-Control': 'private, no-store',
      'Content-Type': HTML,
      ...requestId,
    });
  }
  const cached = await publicStoryPage(deps, site, slug, key);
  if (ifNoneMatch(c) === cached.etag) {
    return fastResponse(null, 304, { ...publicStoryHeaders(cached, 304), ...requestId });
  }
  return fastResponse(cached.body, 200, { ...publicStoryHeaders(cached, 200), ...requestId });
}

async function publicStoryPage(
  deps: SiteDeps,
  site: SiteContext,
  slug: string,
  key: StoryPageKey,
): Promise<CachedPage> {
  const pageKey = publicStoryKey(slug, key, site);
  return deps.cache.fill(pageKey, async () => {
    const shell = await storyShell(deps, site, slug, key);
    const html = shell.before + (await deps.thoughts.public(key.storyId, `/stories/${slug}`)) + shell.after;
    const etag = `"v${key.versionId}-${createHash('sha1').update(html).digest('base64url').slice(0, 16)}"`;
    return deps.cache.set(pageKey, html, etag);
  });
}

async function storyShell(
  deps: SiteDeps,
  site: SiteContext,
  slug: string,
  key: StoryPageKey,
): Promise<StoryShell> {
  const shellKey = `shell:${slug}@${key.versionId}@${site.stamp}`;
  return deps.cache.fill(shellKey, async () => {
    const found = await publishedStoryBySlug(deps.db, slug);
    if (!found) throw new AppError('not_found', 'no such story');
    const html = await renderStory(deps, site, slug, found.story.id, found.version, raw(THOUGHTS_SLOT));
    const at = html.indexOf(THOUGHTS_SLOT);
    return deps.cache.store(shellKey, {
      before: html.slice(0, at),
      after: html.slice(at + THOUGHTS_SLOT.length),
    });
  });
}

async function renderStory(
  deps: SiteDeps,
  site: SiteContext,
  slug: string,
  storyId: number,
  version: StoryVersion,
  thoughts: Child,
  current?: StoryVersion,
): Promise<string> {
  const [articles, all, related, entities, disagreements] = await Promise.all([
    storySourceArticles(deps.db, storyId, citedArticleIds(version.body)),
    storyVersions(deps.db, storyId),
    relatedLinks(deps, storyId),
    storyEntities(deps.db, storyId),
    versionDisagreements(deps.db, version.id),
  ]);
  // Pages are shared by every reader (and cached): they list the public record only.
  const versions = all.filter(isPublicVersion);
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
      entities={mainEntities(version, entities)}
      thoughts={thoughts}
      currentVersion={current?.version}
      disagreements={disagreements}
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

/**
 * The writer's related stories, made up to four (one it stored may since have been withdrawn) by
 * stories sharing headline terms.
 */
async function relatedLinks(deps: SiteDeps, storyId: number): Promise<RelatedLink[]> {
  const stored = (await relatedStories(deps.db, storyId))
    .slice(0, 4)
    .map((r) => ({ slug: r.slug, headline: r.headline, teaser: r.teaser }));
  if (stored.length >= 4) return stored;
  const fallback = await relatedStoriesByTerms(deps.db, storyId, 4 + stored.length);
  const more = fallback
    .filter((s) => !stored.some((r) => r.slug === s.slug))
    .map((s) => ({ slug: s.slug, headline: s.headline, teaser: s.dek }));
  return [...stored, ...more].slice(0, 4);
}
