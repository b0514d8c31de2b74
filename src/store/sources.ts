import { sql } from 'kysely';
import type { NewSource, Source, SourceUpdate } from '../db/schema.js';
import type { Executor } from './db.js';

/** Inserts a source, or returns the existing one with the same key unchanged. */
export async function upsertSourceByKey(db: Executor, source: NewSource): Promise<Source> {
  const inserted = await db
    .insertInto('sources')
    .values(source)
    .onConflict((oc) => oc.column('key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  return (await sourceByKey(db, source.key))!;
}

/** Inserts many sources at once (keys already present are left alone); returns all of them by key. */
export async function upsertSourcesByKey(db: Executor, sources: NewSource[]): Promise<Map<string, Source>> {
  const byKey = new Map<string, Source>();
  if (sources.length === 0) return byKey;
  const unique = [...new Map(sources.toReversed().map((s) => [s.key, s])).values()];
  await db
    .insertInto('sources')
    .values(unique)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const rows = await db
    .selectFrom('sources')
    .selectAll()
    .where(
      'key',
      'in',
      unique.map((s) => s.key),
    )
    .execute();
  for (const row of rows) byKey.set(row.key, row);
  return byKey;
}

/** One source by id, or undefined. */
export async function sourceById(db: Executor, id: number): Promise<Source | undefined> {
  return db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One source by its key (normalized URL or `name:` key), or undefined. */
export async function sourceByKey(db: Executor, key: string): Promise<Source | undefined> {
  return db.selectFrom('sources').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Every source, oldest first. */
export async function listSources(db: Executor): Promise<Source[]> {
  return db.selectFrom('sources').selectAll().orderBy('id').execute();
}

/** Changes some fields of a source; returns the updated row, or undefined when it does not exist. */
export async function updateSource(
  db: Executor,
  id: number,
  patch: SourceUpdate,
): Promise<Source | undefined> {
  return db
    .updateTable('sources')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a source and its articles; returns whether it existed. */
export async function deleteSource(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Enabled, unpaused feed and page sources whose next check is due at `now`, most overdue first. */
export async function dueSources(db: Executor, now: Date, limit = 1000): Promise<Source[]> {
  return db
    .selectFrom('sources')
    .selectAll()
    .where('enabled', '=', true)
    .where('paused_reason', 'is', null)
    .where('kind', 'in', ['feed', 'page'])
    .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', now)]))
    .orderBy(sql`next_check_at NULLS FIRST`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Adds to a source's count of distinct items seen: the articles stored from it, counted when they
 * are stored (atomic, so concurrent refreshes do not lose counts).
 */
export async function addItemsSeen(db: Executor, id: number, count: number): Promise<void> {
  await addItemsSeenBySource(db, new Map([[id, count]]));
}

/** addItemsSeen for many sources at once (source id → articles stored), in one statement. */
export async function addItemsSeenBySource(db: Executor, counts: ReadonlyMap<number, number>): Promise<void> {
  const rows = [...counts].filter(([, n]) => n > 0);
  if (rows.length === 0) return;
  const values = sql.join(rows.map(([id, n]) => sql`(${id}::bigint, ${n}::int)`));
  await sql`
    UPDATE sources SET items_seen = items_seen + v.n
    FROM (VALUES ${values}) AS v (id, n)
    WHERE sources.id = v.id`.execute(db);
}
