import { AppError } from '../../lib/errors.js';
import { parseJsonFeed } from './json-feed.js';
import type { NormalizedFeed } from './types.js';
import { parseXmlFeed } from './xml-feed.js';

export type { FeedItem, NormalizedFeed } from './types.js';

/**
 * Parses feed text (RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1) into one shape; relative
 * links resolve against `xml:base` and then `baseUrl`. Lenient as feed readers are: a sloppy feed
 * whose items can be read gives them, with warnings; only what is no feed at all is refused.
 */
export function parseFeedText(body: string, baseUrl?: string): NormalizedFeed {
  const trimmed = body.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new AppError('feed_invalid', 'not a feed: the document is empty');
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, baseUrl ?? null);
  return parseXmlFeed(trimmed, baseUrl ?? null);
}
