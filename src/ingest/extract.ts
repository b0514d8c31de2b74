import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from './html-text.js';
import { sanitizeArticleHtml } from './sanitize.js';
import { canonicalizeUrl } from './url.js';

/** An article read from its page: sanitized HTML, plain text and what the page says about itself. */
export interface ExtractedArticle {
  title: string | null;
  html: string;
  text: string;
  byline: string | null;
  /** From <link rel=canonical> or og:url, tracking parameters stripped; null when absent. */
  canonicalUrl: string | null;
  language: string | null;
  publishedAt: string | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];

function attr(document: Doc, selector: string, name: string): string | null {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : null;
}

/** The page's own canonical URL (rel=canonical, then og:url), resolved and cleaned. */
export function canonicalFromDocument(document: Doc, pageUrl: string): string | null {
  const raw =
    attr(document, 'link[rel~="canonical"]', 'href') ?? attr(document, 'meta[property="og:url"]', 'content');
  return raw ? canonicalizeUrl(raw, pageUrl) : null;
}

/** Extracts the main article of an HTML page with Readability; null when the page has none. */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | null {
  const { document } = parseHTML(html);
  const canonicalUrl = canonicalFromDocument(document, pageUrl);
  const language = document.documentElement?.getAttribute('lang')?.trim() || null;
  const publishedAt =
    attr(document, 'meta[property="article:published_time"]', 'content') ??
    attr(document, 'time[datetime]', 'datetime');
  // Readability mutates the document; canonical and metadata are read first.
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  if (!parsed?.content) return null;
  const clean = sanitizeArticleHtml(parsed.content, pageUrl);
  const text = htmlToText(clean);
  if (text === '') return null;
  return {
    title: parsed.title?.trim() || null,
    html: clean,
    text,
    byline: parsed.byline?.trim() || null,
    canonicalUrl,
    language,
    publishedAt,
  };
}

/** A feed a page links to with <link rel="alternate">. */
export interface DiscoveredFeed {
  url: string;
  type: string;
  title: string | null;
}

const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
];

/** Feed autodiscovery: the RSS, Atom and JSON feeds an HTML page advertises, in page order. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const { document } = parseHTML(html);
  const feeds: DiscoveredFeed[] = [];
  for (const link of document.querySelectorAll('link[rel~="alternate"][href]')) {
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!FEED_TYPES.includes(type)) continue;
    try {
      feeds.push({
        url: new URL(link.getAttribute('href')!, pageUrl).href,
        type,
        title: link.getAttribute('title'),
      });
    } catch {
      // An unparsable href is skipped; the page may list other feeds.
    }
  }
  return feeds;
}

/** The <title> of an HTML page, for naming a source. */
export function pageTitle(html: string): string | null {
  const { document } = parseHTML(html);
  return document.querySelector('title')?.textContent?.trim() || null;
}
