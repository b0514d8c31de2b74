import { sql } from 'kysely';
import type { Executor } from './db.js';

/** A table of the newsroom's schema as the database describes it. */
export interface TableInfo {
  name: string;
  /** Columns that can be written (generated columns excluded), in ordinal order. */
  columns: { name: string; type: string; identity: boolean; nullable: boolean }[];
  primaryKey: string[];
  /** Foreign keys: local column → referenced table; `nullable` when the column may be NULL. */
  references: { column: string; table: string; nullable: boolean }[];
}

/** Describes every base table in the connection's current schema. */
export async function describeTables(db: Executor): Promise<TableInfo[]> {
  const { rows: columns } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_identity: string;
    is_nullable: string;
  }>`
    SELECT c.table_name, c.column_name, c.data_type, c.is_identity, c.is_nullable
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const { rows: keys } = await sql<{
    table_name: string;
    column_name: string;
    kind: string;
    target: string | null;
  }>`
    SELECT con.conrelid::regclass::text AS table_name, a.attname AS column_name,
           con.contype AS kind, CASE WHEN con.contype = 'f' THEN con.confrelid::regclass::text END AS target
    FROM pg_constraint con
    JOIN pg_namespace n ON n.oid = con.connamespace AND n.nspname = current_schema()
    CROSS JOIN LATERAL unnest(con.conkey) AS k(attnum)
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
    WHERE con.contype IN ('p', 'f')
    ORDER BY table_name, array_position(con.conkey, k.attnum)`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    let table = tables.get(c.table_name);
    if (!table) {
      table = { name: c.table_name, columns: [], primaryKey: [], references: [] };
      tables.set(c.table_name, table);
    }
    table.columns.push({
      name: c.column_name,
      type: c.data_type,
      identity: c.is_identity === 'YES',
      nullable: c.is_nullable === 'YES',
    });
  }
  for (const k of keys) {
    const table = tables.get(unquote(k.table_name));
    if (!table) continue;
    if (k.kind === 'p') table.primaryKey.push(k.column_name);
    else if (k.target) {
      const nullable = table.columns.find((c) => c.name === k.column_name)?.nullable ?? false;
      table.references.push({ column: k.column_name, table: unquote(k.target), nullable });
    }
  }
  return [...tables.values()];
}

// regclass::text quotes names that need it and may qualify them with the schema.
function unquote(name: string): string {
  const last = name.split('.').pop()!;
  return last.replace(/^"(.*)"$/, '$1');
}
