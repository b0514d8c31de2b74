import { generateOpml, parseOpml } from 'feedsmith';
import { z } from 'zod';
import type { Source } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import {
  deleteSource,
  listSources,
  sourceById,
  sourceByKey,
  updateSource,
  upsertSourceByKey,
} from '../store/sources.js';
import { decodeBody } from './decode.js';
import { discoverFeeds, pageTitle } from './extract.js';
import type { Fetcher } from './fetch/fetcher.js';
import { type NormalizedFeed, parseFeedText } from './feed/normalize.js';
import { canonicalizeUrl, hostOf } from './url.js';

/** What `sources add` accepts; validated at the edge. */
export const newSourceSchema = z.object({
  url: z.string().trim().min(1),
  name: z.string().trim().min(1).optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language code such as en or pt-BR')
    .optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .transform((c) => c.toUpperCase())
    .optional(),
  lean: z.string().trim().min(1).max(40).optional(),
});
export type NewSourceInput = z.input<typeof newSourceSchema>;

/** A source that was added, or found already present. */
export interface AddedSource {
  source: Source;
  created: boolean;
  /** How the feed was found: the URL was a feed, a page linked one, or the page itself is the source. */
  via: 'feed' | 'autodiscovery' | 'page';
}

/**
 * Adds a source. A feed URL becomes a `feed` source; an HTML page that advertises a feed with
 * <link rel="alternate"> adds that feed; any other page becomes a `page` source (one article).
 */
export async function addSource(
  deps: { db: Executor; fetcher: Fetcher; logger: Logger },
  input: NewSourceInput,
): Promise<AddedSource> {
  const parsed = newSourceSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const { url: rawUrl, ...labels } = parsed.data;
  const url = canonicalizeUrl(rawUrl);
  if (!url) throw new AppError('invalid_input', `not an http(s) URL: ${rawUrl}`);
  const found = await resolveFeed(deps.fetcher, url);
  const key = canonicalizeUrl(found.url) ?? found.url;
  const existing = await sourceByKey(deps.db, key);
  if (existing) return { source: existing, created: false, via: found.via };
  const source = await upsertSourceByKey(deps.db, {
    key,
    kind: found.via === 'page' ? 'page' : 'feed',
    url: found.url,
    name: labels.name ?? found.title ?? hostOf(found.url) ?? found.url,
    homepage: found.homepage,
    language: labels.language ?? found.language,
    country: labels.country ?? null,
    lean: labels.lean ?? null,
  });
  deps.logger.info({ source_id: source.id, via: found.via }, 'source added');
  return { source, created: true, via: found.via };
}

interface FoundFeed {
  url: string;
  via: AddedSource['via'];
  title: string | null;
  homepage: string | null;
  language: string | null;
}

async function resolveFeed(fetcher: Fetcher, url: string): Promise<FoundFeed> {
  const first = await fetcher.fetch({ url });
  const text = decodeBody(first.body, first.contentType).text;
  const feed = tryFeed(text, first.url);
  if (feed) return describe(first.url, 'feed', feed);
  for (const link of discoverFeeds(text, first.url)) {
    const fetched = await fetcher.fetch({ url: link.url }).catch(() => null);
    const linked = fetched && tryFeed(decodeBody(fetched.body, fetched.contentType).text, fetched.url);
    if (linked && fetched) return describe(fetched.url, 'autodiscovery', linked);
  }
  return {
    url: first.url,
    via: 'page',
    title: pageTitle(text),
    homepage: new URL('/', first.url).href,
    language: null,
  };
}

function tryFeed(text: string, url: string): NormalizedFeed | null {
  try {
    return parseFeedText(text, url);
  } catch {
    return null;
  }
}

function describe(url: string, via: AddedSource['via'], feed: NormalizedFeed): FoundFeed {
  return {
    url,
    via,
    title: feed.title,
    homepage: feed.homepage,
    language: feed.language?.toLowerCase() ?? null,
  };
}

/** Enables a source (clearing a pause, its failure count and making it due now) or disables it. */
export async function setSourceEnabled(db: Executor, id: number, enabled: boolean): Promise<Source> {
  const patch = enabled ? { enabled, paused_reason: null, error_count: 0, next_check_at: null } : { enabled };
  const source = await updateSource(db, id, patch);
  if (!source) throw new AppError('not_found', `no source with id ${id}`);
  return source;
}

/** Removes a source and its articles. */
export async function removeSource(db: Executor, id: number): Promise<void> {
  if (!(await sourceById(db, id))) throw new AppError('not_found', `no source with id ${id}`);
  await deleteSource(db, id);
}

/** Adds every feed outline of an OPML document (no fetching; the first refresh checks them). */
export async function importOpml(
  db: Executor,
  text: string,
): Promise<{ added: number; existing: number; skipped: string[] }> {
  let outlines: unknown[];
  try {
    outlines = flatten((parseOpml(text) as { body?: { outlines?: unknown[] } }).body?.outlines ?? []);
  } catch (cause) {
    throw new AppError('invalid_input', `not an OPML document: ${(cause as Error).message}`, { cause });
  }
  const result = { added: 0, existing: 0, skipped: [] as string[] };
  for (const raw of outlines) {
    const outline = raw as { xmlUrl?: string; htmlUrl?: string; text?: string; title?: string };
    if (!outline.xmlUrl) continue;
    const url = canonicalizeUrl(outline.xmlUrl);
    if (!url) {
      result.skipped.push(outline.xmlUrl);
      continue;
    }
    if (await sourceByKey(db, url)) {
      result.existing++;
      continue;
    }
    await upsertSourceByKey(db, {
      key: url,
      kind: 'feed',
      url,
      name: outline.title ?? outline.text ?? hostOf(url) ?? url,
      homepage: outline.htmlUrl ? canonicalizeUrl(outline.htmlUrl) : null,
    });
    result.added++;
  }
  return result;
}

function flatten(outlines: unknown[]): unknown[] {
  return outlines.flatMap((o) => [o, ...flatten((o as { outlines?: unknown[] }).outlines ?? [])]);
}

/** Every feed source as an OPML 2.0 document. */
export async function exportOpml(db: Executor, now: Date = new Date()): Promise<string> {
  const sources = (await listSources(db)).filter((s) => s.kind === 'feed' && s.url);
  return generateOpml({
    head: { title: 'Newsloom sources', dateCreated: now },
    body: {
      outlines: sources.map((s) => ({
        text: s.name,
        title: s.name,
        type: 'rss',
        xmlUrl: s.url!,
        ...(s.homepage ? { htmlUrl: s.homepage } : {}),
      })),
    },
  });
}
