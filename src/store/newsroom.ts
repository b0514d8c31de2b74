import { type RawBuilder, sql } from 'kysely';
import type { Executor } from './db.js';
import type { TableInfo } from './introspect.js';

/**
 * Rows of any table of the schema, whole, for moving a newsroom between databases: one page in the
 * order of `order` (a table's primary key, or every column when it has none).
 */
export async function tableRowsPage(
  db: Executor,
  table: string,
  order: string[],
  limit: number,
  offset: number,
): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`
        SELECT * FROM ${sql.table(table)}
        ORDER BY ${sql.join(order.map((c) => sql.ref(c)))}
        LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows;
}

/** Whether the database holds any article or source (a newsroom import needs neither). */
export async function holdsNewsroom(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM articles`.execute(db);
  const { rows: src } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sources`.execute(db);
  return rows[0]!.n > 0 || src[0]!.n > 0;
}

/** Inserts rows into a table as they are, identity columns included. */
export async function insertRows(
  db: Executor,
  table: TableInfo,
  rows: Record<string, unknown>[],
): Promise<void> {
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

/** Sets one column of the row of `table` whose key columns hold the values of `key`. */
export async function setColumn(
  db: Executor,
  table: string,
  key: Record<string, unknown>,
  column: string,
  value: unknown,
): Promise<void> {
  const where = sql.join(
    Object.entries(key).map(([k, v]) => sql`${sql.ref(k)} = ${v}`),
    sql` AND `,
  );
  await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${value} WHERE ${where}`.execute(db);
}

/** Moves each identity sequence of a table past the largest id it holds, so new rows do not collide. */
export async function resetIdentities(db: Executor, table: TableInfo): Promise<void> {
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
