import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import type { Executor } from '../store/db.js';
import type { TableInfo } from '../store/introspect.js';
import { exportableTables } from './newsroom-export.js';

const rowLine = z.object({
  type: z.literal('row'),
  table: z.string(),
  row: z.record(z.string(), z.unknown()),
});

/** Whether a first line announces a whole-newsroom export rather than interchange articles. */
export function isNewsroomHeader(line: string): boolean {
  try {
    return (JSON.parse(line) as { type?: unknown }).type === 'newsloom-export';
  } catch {
    return false;
  }
}

/**
 * Loads a whole-newsroom export into an empty database, keeping every id (citations refer to
 * article ids) and moving identity sequences past them. Foreign keys that point forward or at their
 * own table are filled in after every row is in. Runs in one transaction: all or nothing.
 */
export async function importNewsroom(
  db: Executor,
  input: Readable,
  batchSize = 500,
): Promise<Record<string, number>> {
  const tables = new Map((await exportableTables(db)).map((t) => [t.name, t]));
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM articles`.execute(db);
  const { rows: src } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sources`.execute(db);
  if (rows[0]!.n > 0 || src[0]!.n > 0) {
    throw new AppError('invalid_input', 'a newsroom export can only be imported into an empty database');
  }
  return db.transaction().execute(async (tx) => {
    const counts: Record<string, number> = {};
    const loaded = new Set<string>();
    const deferred: { table: TableInfo; column: string; key: Record<string, unknown>; value: unknown }[] = [];
    let current: TableInfo | undefined;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (current && batch.length > 0) await insertRows(tx, current, batch);
      batch = [];
    };
    let lineNo = 0;
    for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNo++;
      if (lineNo === 1 || raw.trim() === '') continue;
      const parsed = rowLine.safeParse(JSON.parse(raw));
      if (!parsed.success)
        throw new AppError('invalid_input', `line ${lineNo}: not a row of a newsroom export`);
      const table = tables.get(parsed.data.table);
      if (!table) throw new AppError('invalid_input', `line ${lineNo}: unknown table ${parsed.data.table}`);
      if (table !== current) {
        await flush();
        if (current) loaded.add(current.name);
        current = table;
      }
      const row = { ...parsed.data.row };
      for (const ref of table.references) {
        // A reference to a table not loaded yet (or to this one) is set once everything is in.
        if ((ref.table === table.name || !loaded.has(ref.table)) && row[ref.column] != null) {
          deferred.push({
            table,
            column: ref.column,
            key: pick(row, table.primaryKey),
            value: row[ref.column],
          });
          row[ref.column] = null;
        }
      }
      batch.push(row);
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    for (const d of deferred) {
      const where = sql.join(
        Object.entries(d.key).map(([k, v]) => sql`${sql.ref(k)} = ${v}`),
        sql` AND `,
      );
      await sql`UPDATE ${sql.table(d.table.name)} SET ${sql.ref(d.column)} = ${d.value} WHERE ${where}`.execute(
        tx,
      );
    }
    for (const table of tables.values()) await resetIdentities(tx, table);
    return counts;
  });
}

async function insertRows(db: Executor, table: TableInfo, rows: Record<string, unknown>[]): Promise<void> {
  const columns = table.columns.filter((c) => rows.some((r) => c.name in r));
  const values: RawBuilder<unknown>[] = rows.map(
    (row) => sql`(${sql.join(columns.map((c) => toParam(row[c.name], c.type)))})`,
  );
  const overriding = columns.some((c) => c.identity) ? sql`OVERRIDING SYSTEM VALUE` : sql``;
  await sql`INSERT INTO ${sql.table(table.name)} (${sql.join(columns.map((c) => sql.ref(c.name)))})
    ${overriding} VALUES ${sql.join(values)}`.execute(db);
}

function toParam(value: unknown, type: string): unknown {
  if (value === undefined) return null;
  // JSON columns take text; pg would otherwise send arrays as Postgres arrays.
  if ((type === 'jsonb' || type === 'json') && value !== null) return JSON.stringify(value);
  return value;
}

async function resetIdentities(db: Executor, table: TableInfo): Promise<void> {
  for (const column of table.columns.filter((c) => c.identity)) {
    await sql`SELECT setval(pg_get_serial_sequence(${quoteIdent(table.name)}, ${column.name}),
      GREATEST((SELECT max(${sql.ref(column.name)}) FROM ${sql.table(table.name)}), 0) + 1, false)`.execute(
      db,
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
