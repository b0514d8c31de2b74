import type { Source } from '../db/schema.js';
import { decodeBody } from './decode.js';
import { parseFeedText } from './feed/normalize.js';
import { type Candidate, candidateFromItem, itemKey } from './items.js';

/** A fetched feed and what parsing it needs: plain data, so it can cross to a worker thread. */
export interface FeedParseInput {
  body: Uint8Array;
  contentType: string | null;
  /** The URL the feed was fetched from, after redirects: relative links resolve against it. */
  url: string;
  source: Pick<Source, 'key' | 'url' | 'language'>;
  now: Date;
}

/** A feed's items as articles ready for dedupe, with what the refresh reports about them. */
export interface FeedParseOutput {
  /** Why the charset is a guess, when it is. */
  warning: string | null;
  candidates: Candidate[];
  /** Publication dates of the items, for the next-check interval (future dates left out). */
  dates: Date[];
  /** Items with neither a usable key nor any text. */
  failed: number;
}

/** Parses a feed into candidates off or on the main thread; the same work either way. */
export type FeedParser = (input: FeedParseInput) => Promise<FeedParseOutput>;

/**
 * Decodes, parses, sanitizes and fingerprints a fetched feed: all of a refresh's CPU-heavy work,
 * with no I/O, so a worker pool can run it beside the database on the main thread.
 */
export function feedCandidates(input: FeedParseInput): FeedParseOutput {
  const bytes = Buffer.isBuffer(input.body)
    ? input.body
    : Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength);
  const decoded = decodeBody(bytes, input.contentType);
  const feed = parseFeedText(decoded.text, input.url);
  const now = input.now.getTime();
  // Future dates (feed errors) would stretch the gap between items; they are left out.
  const dates = feed.items.flatMap((item) =>
    item.published_at && item.published_at.getTime() <= now ? [item.published_at] : [],
  );
  const byKey = new Map<string, Candidate>();
  const guids = new Set<string>();
  let failed = 0;
  for (const item of feed.items) {
    const key = itemKey(item, input.source);
    // Duplicate GUIDs or links within one feed: the first item wins.
    if (key === null || byKey.has(key) || (item.id !== null && guids.has(item.id))) {
      if (key === null) failed++;
      continue;
    }
    if (item.id !== null) guids.add(item.id);
    const candidate = candidateFromItem(
      item,
      key,
      input.source,
      input.now,
      feed.language ?? input.source.language,
    );
    if (typeof candidate === 'string') failed++;
    else byKey.set(key, candidate);
  }
  return { warning: decoded.warning ?? null, candidates: [...byKey.values()], dates, failed };
}

/** The parser that runs on the calling thread. */
export const parseOnThisThread: FeedParser = async (input) => feedCandidates(input);
