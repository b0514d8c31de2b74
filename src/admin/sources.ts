import { z } from 'zod';
import type { Source } from '../db/schema.js';
import type { Fetcher } from '../ingest/fetch/fetcher.js';
import { type RefreshSummary, refreshSource } from '../ingest/refresh.js';
import {
  type AddedSource,
  addSource,
  importOpml,
  type NewSourceInput,
  newSourceSchema,
  removeSource,
  setSourceEnabled,
} from '../ingest/sources.js';
import { canonicalizeUrl } from '../ingest/url.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { articlesPerSource } from '../store/dashboard.js';
import type { Executor } from '../store/db.js';
import { recordAction } from '../store/moderation.js';
import { listSources, sourceById, sourceByKey, updateSource } from '../store/sources.js';

/**
 * Source operations as an editor performs them: each calls the same function as the `sources` CLI
 * or the scheduler, and records who did what in the audit log with the state before and after.
 */

/** What the console's source actions need. */
export interface SourceAdminDeps {
  db: Executor;
  fetcher: Fetcher;
  logger: Logger;
  pauseAfter?: number;
  onArticlesStored?: (articleIds: number[]) => Promise<void> | void;
}

/** The audited fields of a source (no validators, counters or timestamps beyond health). */
export function sourceState(s: Source) {
  return {
    name: s.name,
    url: s.url,
    language: s.language,
    country: s.country,
    lean: s.lean,
    enabled: s.enabled,
    paused_reason: s.paused_reason,
  };
}

/** A source with its health for the list: items per day over the last week. */
export type SourceHealth = Source & { items_per_day: number };

/** Every source with its health. */
export async function sourcesWithHealth(db: Executor, now = new Date()): Promise<SourceHealth[]> {
  const [sources, counts] = await Promise.all([
    listSources(db),
    articlesPerSource(db, new Date(now.getTime() - 7 * 86_400_000)),
  ]);
  return sources.map((s) => ({ ...s, items_per_day: Math.round(((counts.get(s.id) ?? 0) / 7) * 10) / 10 }));
}

/** Adds a source (the `sources add` path) and records it. */
export async function addSourceAs(
  deps: SourceAdminDeps,
  actorId: string | null,
  input: NewSourceInput,
): Promise<AddedSource> {
  const added = await addSource(deps, input);
  if (added.created)
    await recordAction(deps.db, {
      actorId,
      action: 'source.add',
      targetKind: 'source',
      targetId: added.source.id,
      after: sourceState(added.source),
    });
  return added;
}

/** What an editor may change on a source. */
export const sourceEditSchema = newSourceSchema.extend({
  url: z.string().trim().min(1, 'URL is required'),
  name: z.string().trim().min(1, 'Name is required').max(200, 'Name: at most 200 characters'),
});

/** Edits a source's name, URL and labels; a URL another source has is refused. Recorded. */
export async function editSource(
  db: Executor,
  actorId: string | null,
  id: number,
  input: z.input<typeof sourceEditSchema>,
): Promise<Source> {
  const parsed = sourceEditSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const before = await sourceById(db, id);
  if (!before) throw new AppError('not_found', `no source with id ${id}`);
  const { url: rawUrl, name, language, country, lean } = parsed.data;
  const patch: Parameters<typeof updateSource>[2] = {
    name,
    language: language ?? null,
    country: country ?? null,
    lean: lean ?? null,
  };
  if (before.kind !== 'import' && rawUrl !== before.url) {
    const url = canonicalizeUrl(rawUrl);
    if (!url) throw new AppError('invalid_input', `not an http(s) URL: ${rawUrl}`);
    const other = await sourceByKey(db, url);
    if (other && other.id !== id) throw new AppError('conflict', `source #${other.id} already reads ${url}`);
    // A new address starts afresh: no validators from the old one, due at once.
    Object.assign(patch, { url, key: url, etag: null, last_modified: null, next_check_at: null });
  }
  const after = (await updateSource(db, id, patch))!;
  await recordAction(db, {
    actorId,
    action: 'source.edit',
    targetKind: 'source',
    targetId: id,
    before: sourceState(before),
    after: sourceState(after),
  });
  return after;
}

/** Enables or disables a source (the `sources enable|disable` path). Recorded. */
export async function setSourceEnabledAs(
  db: Executor,
  actorId: string | null,
  id: number,
  enabled: boolean,
): Promise<Source> {
  const before = await sourceById(db, id);
  if (!before) throw new AppError('not_found', `no source with id ${id}`);
  const after = await setSourceEnabled(db, id, enabled);
  await recordAction(db, {
    actorId,
    action: enabled ? 'source.enable' : 'source.disable',
    targetKind: 'source',
    targetId: id,
    before: sourceState(before),
    after: sourceState(after),
  });
  return after;
}

/** Removes a source and its articles (the `sources remove` path). Recorded. */
export async function removeSourceAs(db: Executor, actorId: string | null, id: number): Promise<Source> {
  const before = await sourceById(db, id);
  if (!before) throw new AppError('not_found', `no source with id ${id}`);
  await removeSource(db, id);
  await recordAction(db, {
    actorId,
    action: 'source.remove',
    targetKind: 'source',
    targetId: id,
    before: sourceState(before),
  });
  return before;
}

/** Refreshes a source now through `refreshSource`, the scheduler's own path. Recorded with its outcome. */
export async function fetchSourceNow(
  deps: SourceAdminDeps,
  actorId: string | null,
  id: number,
): Promise<RefreshSummary> {
  const summary = await refreshSource(deps, id);
  const { article_ids: _ids, ...outcome } = summary;
  await recordAction(deps.db, {
    actorId,
    action: 'source.fetch',
    targetKind: 'source',
    targetId: id,
    note: summary.error,
    after: outcome,
  });
  return summary;
}

/** Imports an OPML document (the `sources import-opml` path). Recorded with its counts. */
export async function importOpmlAs(db: Executor, actorId: string | null, text: string) {
  const result = await importOpml(db, text);
  await recordAction(db, {
    actorId,
    action: 'source.import-opml',
    targetKind: 'source',
    targetId: 'opml',
    after: result,
  });
  return result;
}
