import type { Child } from 'hono/jsx';
import type { SiteContext } from '../site-context.js';

/** A feed a page advertises with `<link rel="alternate">`. */
export interface FeedLink {
  title: string;
  /** Path without extension, e.g. `/feed` or `/topics/trade/feed`: RSS, Atom and JSON Feed hang off it. */
  base: string;
}

/** What a page tells the head: title, description, canonical path, feeds, social and structured data. */
export interface PageMeta {
  title: string;
  description?: string;
  /** Canonical path (absolute URL built from the site URL). */
  path: string;
  feeds?: FeedLink[];
  ogType?: 'website' | 'article';
  jsonLd?: object;
  noindex?: boolean;
}

/** Feed URLs (RSS 2.0, Atom, JSON Feed) under a base path. */
export function feedUrls(base: string): { rss: string; atom: string; json: string } {
  return { rss: `${base}.xml`, atom: `${base}.atom`, json: `${base}.json` };
}

function Head({ site, meta }: { site: SiteContext; meta: PageMeta }) {
  const title = meta.path === '/' ? site.name : `${meta.title} · ${site.name}`;
  const canonical = `${site.url}${meta.path}`;
  const feeds = [{ title: `${site.name}: all stories`, base: '/feed' }, ...(meta.feeds ?? [])];
  const description = meta.description ?? (site.description || undefined);
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {description ? <meta name="description" content={description} /> : null}
      {meta.noindex ? <meta name="robots" content="noindex" /> : null}
      <link rel="canonical" href={canonical} />
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={site.assets.css.path} />
      {feeds.map((f) => {
        const urls = feedUrls(f.base);
        return (
          <>
            <link rel="alternate" type="application/rss+xml" title={`${f.title} (RSS)`} href={urls.rss} />
            <link rel="alternate" type="application/atom+xml" title={`${f.title} (Atom)`} href={urls.atom} />
            <link
              rel="alternate"
              type="application/feed+json"
              title={`${f.title} (JSON Feed)`}
              href={urls.json}
            />
          </>
        );
      })}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:type" content={meta.ogType ?? 'website'} />
      <meta property="og:url" content={canonical} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta name="twitter:card" content="summary" />
      {meta.jsonLd ? <JsonLd data={meta.jsonLd} /> : null}
      <script src={site.assets.js.path} defer />
    </head>
  );
}

/** Structured data as a data block; `<` is escaped so no text can close the element. */
function JsonLd({ data }: { data: object }) {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

function Header({ site }: { site: SiteContext }) {
  return (
    <header class="site">
      <div class="wrap wide">
        <a class="brand" href="/">
          {site.name}
        </a>
        <nav aria-label="Sections">
          <ul>
            <li>
              <a href="/">Latest</a>
            </li>
            {site.topics.map((t) => (
              <li>
                <a href={`/topics/${t.slug}`}>{t.name}</a>
              </li>
            ))}
            <li>
              <a href="/how-it-works">How this works</a>
            </li>
          </ul>
        </nav>
        <search>
          <form class="search" action="/search" method="get">
            <label for="q" class="skip">
              Search stories
            </label>
            <input id="q" name="q" type="search" placeholder="Search stories" />
            <button type="submit">Search</button>
          </form>
        </search>
      </div>
    </header>
  );
}

function Footer({ site }: { site: SiteContext }) {
  return (
    <footer class="site">
      <div class="wrap wide">
        <ul>
          <li>
            <a href="/how-it-works">How this works</a>
          </li>
          <li>
            <a href="/sources">Sources</a>
          </li>
          <li>
            <a href="/corrections">Corrections</a>
          </li>
          <li>
            <a href={feedUrls('/feed').rss}>RSS</a>
          </li>
          <li>
            <a href={feedUrls('/feed').atom}>Atom</a>
          </li>
          <li>
            <a href={feedUrls('/feed').json}>JSON Feed</a>
          </li>
          <li>
            <a href="/api/v1/openapi.json">API</a>
          </li>
        </ul>
        <p>
          {site.name} stories are written by software from the sources each one lists. Check the originals.
        </p>
      </div>
    </footer>
  );
}

/** The frame of every page: head, demo banner, header, main content, footer. */
export function Layout({ site, meta, children }: { site: SiteContext; meta: PageMeta; children: Child }) {
  return (
    <html lang="en">
      <Head site={site} meta={meta} />
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        {site.demo ? (
          <div class="demo" role="note">
            <div class="wrap wide">
              <strong>Demo content.</strong> The outlets, people and events on this site are invented to show
              how {site.name} works. None of it is real news.
            </div>
          </div>
        ) : null}
        <Header site={site} />
        <main id="main">{children}</main>
        <Footer site={site} />
      </body>
    </html>
  );
}

/** A full HTML document for a page. */
export function renderPage(site: SiteContext, meta: PageMeta, content: Child): string {
  return `<!doctype html>${(
    (
      <Layout site={site} meta={meta}>
        {content}
      </Layout>
    )
  ).toString()}`;
}
