import type { Source } from '../db/schema.js';
import { decodeBody } from './decode.js';
import { countDrop, type DropCounts, type DropReason, lostItems } from './drops.js';
import { type FeedItem, parseFeedText } from './feed/normalize.js';
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
  /** What was wrong with the feed but did not stop its items being read. */
  warnings: string[];
  candidates: Candidate[];
  /** Publication dates of the items, for the next-check interval (future dates left out). */
  dates: Date[];
  /** Items that could not become articles (repeats within the feed are not counted). */
  failed: number;
  /** Every item left out, by reason, repeats included. */
  dropped: DropCounts;
  /** Reason → the link or id of one item dropped for it, to look at. */
  examples: Partial<Record<DropReason, string>>;
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
  const dropped: DropCounts = {};
  const examples: Partial<Record<DropReason, string>> = {};
  const drop = (reason: DropReason, item: FeedItem) => {
    countDrop(dropped, reason);
    examples[reason] ??= item.url ?? item.id ?? item.title ?? undefined;
  };
  countDrop(dropped, 'truncated', feed.truncated);
  for (const item of feed.items) {
    const key = itemKey(item, input.source);
    if (key === null) {
      drop('empty', item);
      continue;
    }
    // Duplicate GUIDs or links within one feed: the first item wins.
    if (byKey.has(key) || (item.id !== null && guids.has(item.id))) {
      drop('duplicate', item);
      continue;
    }
    const candidate = candidateFromItem(
      item,
      key,
      input.source,
      input.now,
      feed.language ?? input.source.language,
    );
    if (typeof candidate === 'string') {
      drop(candidate, item);
      continue;
    }
    if (item.id !== null) guids.add(item.id);
    byKey.set(key, candidate);
  }
  return {
    warning: decoded.warning ?? null,
    warnings: feed.warnings,
    candidates: [...byKey.values()],
    dates,
    failed: lostItems(dropped),
    dropped,
    examples,
  };
}
/** The parser that runs on the calling thread. */
export const parseOnThisThread: FeedParser = async (input) => feedCandidates(input);
