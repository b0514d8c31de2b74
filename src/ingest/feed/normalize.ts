import { parseFeed } from 'feedsmith';
import { AppError } from '../../lib/errors.js';
import { htmlToText } from '../html-text.js';
import { parseFeedDate } from './dates.js';

/** One feed entry, whatever format it came in. Links are absolute; dates may be null. */
export interface FeedItem {
  id: string | null;
  url: string | null;
  title: string | null;
  author: string | null;
  published_at: Date | null;
  /** The date text as the feed gave it, to explain a wrong date. */
  published_raw: string | null;
  summary: string | null;
  /** Unsanitized HTML body, when the feed carries one. */
  content_html: string | null;
  categories: string[];
  enclosure: { url: string; type: string | null; length: number | null } | null;
}

/** A parsed feed in one shape for RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed. */
export interface NormalizedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  homepage: string | null;
  description: string | null;
  language: string | null;
  items: FeedItem[];
}

type Loose = Record<string, unknown>;

const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}
/** Atom text constructs are objects; a type=html title carries markup. */
function text(v: unknown): string | null {
  if (typeof v === 'object' && v !== null) {
    const o = v as Loose;
    const value = str(o.value);
    return value && (o.type === 'html' || o.type === 'xhtml') ? str(htmlToText(value)) : value;
  }
  const value = str(v);
  // Titles arrive with markup or entities in real feeds; keep just the words.
  return value && /[<&]/.test(value) ? str(htmlToText(value)) : value;
}

function absolute(url: string | null, base: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** Parses feed text (XML or JSON) with feedsmith and normalizes it; relative links use `baseUrl`. */
export function parseFeedText(body: string, baseUrl?: string): NormalizedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  const trimmed = body.trimStart();
  try {
    parsed = parseFeed(trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed);
  } catch (cause) {
    const looksHtml = /^(<!doctype html|<html)/i.test(trimmed);
    throw new AppError(
      'feed_invalid',
      looksHtml ? 'expected a feed but got an HTML page' : `not a feed: ${(cause as Error).message}`,
      { cause },
    );
  }
  const feed = obj(parsed.feed);
  switch (parsed.format) {
    case 'atom':
      return fromAtom(feed, baseUrl);
    case 'json':
      return fromJson(feed, baseUrl);
    default:
      return fromRss(feed, parsed.format, baseUrl);
  }
}

function fromRss(feed: Loose, format: 'rss' | 'rdf', base: string | undefined): NormalizedFeed {
  const homepage = absolute(str(feed.link), base);
  const items = arr(feed.items).map((raw): FeedItem => {
    const item = obj(raw);
    const dc = obj(item.dc);
    const guid = obj(item.guid);
    const rawDate = str(item.pubDate) ?? str(arr(dc.dates)[0]) ?? str(dc.date);
    const enclosure = obj(arr(item.enclosures)[0]);
    const author = obj(arr(item.authors)[0]);
    const content = str(obj(item.content).encoded);
    const guidValue = str(guid.value) ?? str(item.guid);
    return {
      id: guidValue ?? str(obj(item.rdf).about),
      url: absolute(str(item.link) ?? (guid.isPermaLink !== false ? guidValue : null), base),
      title: text(item.title) ?? text(arr(dc.titles)[0]),
      author: str(author.name) ?? str(author.email) ?? str(arr(dc.creators)[0]) ?? str(dc.creator),
      published_at: parseFeedDate(rawDate),
      published_raw: rawDate,
      summary: str(item.description),
      content_html: content ?? str(item.description),
      categories: arr(item.categories)
        .map((c) => str(obj(c).name) ?? str(c))
        .filter((c): c is string => c !== null),
      enclosure: str(enclosure.url)
        ? {
            url: absolute(str(enclosure.url), base) ?? str(enclosure.url)!,
            type: str(enclosure.type),
            length: Number(enclosure.length) || null,
          }
        : null,
    };
  });
  return {
    format,
    title: text(feed.title),
    homepage,
    description: text(feed.description),
    language: str(feed.language) ?? str(arr(obj(feed.dc).languages)[0]),
    items,
  };
}

function atomLink(links: unknown, rel: string): string | null {
  const list = arr(links).map(obj);
  const hit =
    list.find((l) => (str(l.rel) ?? 'alternate') === rel) ?? (rel === 'alternate' ? list[0] : undefined);
  return hit ? str(hit.href) : null;
}

function fromAtom(feed: Loose, base: string | undefined): NormalizedFeed {
  const items = arr(feed.entries).map((raw): FeedItem => {
    const entry = obj(raw);
    const rawDate = str(entry.published) ?? str(entry.updated);
    const content = obj(entry.content);
    const enclosure = arr(entry.links)
      .map(obj)
      .find((l) => l.rel === 'enclosure');
    return {
      id: str(entry.id),
      url: absolute(atomLink(entry.links, 'alternate'), base),
      title: text(entry.title),
      author: str(obj(arr(entry.authors)[0]).name),
      published_at: parseFeedDate(rawDate),
      published_raw: rawDate,
      summary: str(obj(entry.summary).value) ?? str(entry.summary),
      content_html: str(content.value) ?? str(obj(entry.summary).value),
      categories: arr(entry.categories)
        .map((c) => str(obj(c).label) ?? str(obj(c).term))
        .filter((c): c is string => c !== null),
      enclosure: enclosure
        ? {
            url: absolute(str(enclosure.href), base) ?? '',
            type: str(enclosure.type),
            length: Number(enclosure.length) || null,
          }
        : null,
    };
  });
  return {
    format: 'atom',
    title: text(feed.title),
    homepage: absolute(atomLink(feed.links, 'alternate'), base),
    description: text(feed.subtitle),
    language: null,
    items,
  };
}

function fromJson(feed: Loose, base: string | undefined): NormalizedFeed {
  const items = arr(feed.items).map((raw): FeedItem => {
    const item = obj(raw);
    const rawDate = str(item.date_published) ?? str(item.date_modified);
    const attachment = obj(arr(item.attachments)[0]);
    const contentText = str(item.content_text);
    return {
      id: str(item.id),
      url: absolute(str(item.url) ?? str(item.external_url), base),
      title: text(item.title),
      author: str(obj(arr(item.authors)[0]).name) ?? str(obj(item.author).name),
      published_at: parseFeedDate(rawDate),
      published_raw: rawDate,
      summary: str(item.summary),
      content_html: str(item.content_html) ?? (contentText ? escapeToParagraphs(contentText) : null),
      categories: arr(item.tags)
        .map(str)
        .filter((c): c is string => c !== null),
      enclosure: str(attachment.url)
        ? {
            url: absolute(str(attachment.url), base) ?? '',
            type: str(attachment.mime_type),
            length: Number(attachment.size_in_bytes) || null,
          }
        : null,
    };
  });
  return {
    format: 'json',
    title: text(feed.title),
    homepage: absolute(str(feed.home_page_url), base),
    description: text(feed.description),
    language: str(feed.language),
    items,
  };
}

function escapeToParagraphs(plain: string): string {
  const escaped = plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p}</p>`)
    .join('');
}
