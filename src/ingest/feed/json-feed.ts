import { parseFeed } from 'feedsmith';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { oneLine, plainText, textToHtml } from './content.js';
import { parseFeedDate } from './dates.js';
import type { FeedItem, NormalizedFeed } from './types.js';
import { resolveUrl } from './xml-tree.js';

// Every field is optional and a wrong type reads as absent: one bad field never costs the item.
const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim() || undefined)
  .optional()
  .catch(undefined);
const person = z.object({ name: text, url: text }).catch({});
const people = z.array(person).optional().catch(undefined);
const item = z
  .object({
    id: text,
    url: text,
    external_url: text,
    title: text,
    content_html: text,
    content_text: text,
    summary: text,
    date_published: text,
    date_modified: text,
    author: person.optional(),
    authors: people,
    tags: z.array(text).optional().catch(undefined),
    attachments: z
      .array(
        z
          .object({
            url: text,
            mime_type: text,
            size_in_bytes: z.coerce.number().optional().catch(undefined),
          })
          .catch({}),
      )
      .optional()
      .catch(undefined),
  })
  .catch({});
const feedSchema = z.object({
  title: text,
  home_page_url: text,
  feed_url: text,
  description: text,
  language: text,
  author: person.optional(),
  authors: people,
  items: z.array(item).catch([]),
});
type JsonItem = z.infer<typeof item>;

const VERSIONS: Record<string, string> = {
  'https://jsonfeed.org/version/1': 'json1',
  'https://jsonfeed.org/version/1.1': 'json11',
};

/**
 * Parses a JSON Feed 1.0 or 1.1: feedsmith reads it first (it folds 1.0's `author` into
 * `authors` and coerces ids); an object it rejects (no `version`, stray types) is read directly,
 * with a warning, when it still has items.
 */
export function parseJsonFeed(text: string, baseUrl: string | null): NormalizedFeed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new AppError('feed_invalid', `not a feed: invalid JSON (${(cause as Error).message})`, { cause });
  }
  const object =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const warnings: string[] = [];
  let source: unknown = object;
  try {
    source = parseFeed(object).feed;
  } catch {
    if (!Array.isArray(object.items))
      throw new AppError('feed_invalid', 'not a feed: JSON without an items list');
    warnings.push('not a valid JSON Feed; its items were read anyway');
  }
  const feed = feedSchema.parse(source);
  const version = typeof object.version === 'string' ? VERSIONS[object.version.trim()] : undefined;
  if (!version) warnings.push('no known JSON Feed version');
  if (!feed.title) warnings.push('the feed has no title');
  const url = (value: string | undefined) => (value ? resolveUrl(value, baseUrl) : null);
  return {
    format: 'json',
    version: version ?? 'json',
    title: feed.title ? oneLine(plainText(feed.title)) : null,
    homepage: url(feed.home_page_url),
    description: feed.description ? oneLine(plainText(feed.description)) : null,
    language: feed.language ?? null,
    author: authorOf(feed),
    id: feed.feed_url ?? null,
    published_at: null,
    updated_at: null,
    items: feed.items.map((i) => jsonItem(i, url)),
    warnings,
    truncated: 0,
  };
}

function authorOf(holder: { author?: { name?: string }; authors?: { name?: string }[] }): string | null {
  const name = holder.authors?.find((a) => a.name)?.name ?? holder.author?.name;
  return name ? oneLine(plainText(name)) : null;
}

function jsonItem(i: JsonItem, url: (value: string | undefined) => string | null): FeedItem {
  const rawDate = i.date_published ?? i.date_modified ?? null;
  const attachment = i.attachments?.find((a) => a.url);
  const body =
    i.content_html ??
    (i.content_text ? textToHtml(i.content_text) : undefined) ??
    (i.summary ? textToHtml(i.summary) : undefined);
  return {
    id: i.id ?? null,
    url: url(i.url) ?? url(i.external_url),
    title: i.title ? oneLine(plainText(i.title)) || null : null,
    author: authorOf(i),
    author_name: authorOf(i),
    published_at: parseFeedDate(rawDate),
    published_raw: rawDate,
    summary: i.summary ? plainText(i.summary) || null : null,
    content_html: body ?? null,
    content_base: null,
    categories: (i.tags ?? []).filter((t): t is string => t !== undefined),
    enclosure: attachment?.url
      ? {
          url: url(attachment.url) ?? attachment.url,
          type: attachment.mime_type ?? null,
          length: attachment.size_in_bytes || null,
        }
      : null,
  };
}
