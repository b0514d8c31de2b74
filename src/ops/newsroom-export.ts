import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Executor } from '../store/db.js';
import { isSealed } from '../lib/secret-box.js';
import { describeTables, type TableInfo } from '../store/introspect.js';
import { tableRowsPage } from '../store/newsroom.js';

/** First line of a whole-newsroom export; `newsloom import` recognises the format by it. */
export interface ExportHeader {
  type: 'newsloom-export';
  version: 1;
  exported_at: string;
  tables: string[];
}

/**
 * Tables that are never exported: bookkeeping, secrets (sessions, tokens, passwords), and search
 * documents, rebuilt from the rows they index (imported articles queue themselves for indexing).
 */
export const EXPORT_SKIP = new Set([
  'article_search',
  'article_search_queue',
  'story_version_search',
  'newsloom_migrations',
  'newsloom_migrations_lock',
  'sessions',
  'verifications',
  'rate_limit',
  'auth_rate_limits',
  'sign_in_failures',
  // Sign-in links and reset tokens travel through the outbox.
  'mail_outbox',
]);

/** Columns blanked on export because they hold secrets. */
export const EXPORT_REDACT: Record<string, string[]> = {
  accounts: ['password', 'access_token', 'refresh_token', 'id_token'],
};

/** Tables whose JSON values may hold sealed secrets (the console's settings). */
const SEALED_IN = new Set(['site_settings']);

/** How secrets sealed at rest leave in an export. */
export interface ExportOptions {
  /** Opens a sealed secret, to write it in the clear; without it, sealed secrets are left out. */
  openSecret?: (sealed: string) => string;
}

/** A JSON value with its sealed secrets opened, or dropped (the key removed) when none may be opened. */
export function exportedSecrets(value: unknown, openSecret?: (sealed: string) => string): unknown {
  if (isSealed(value)) return openSecret ? openSecret(value) : undefined;
  if (Array.isArray(value)) return value.map((v) => exportedSecrets(v, openSecret));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const kept = exportedSecrets(v, openSecret);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

/**
 * Orders tables so that every table comes after the tables its NOT NULL foreign keys reference.
 * Nullable references (the only way a cycle can be built) are filled in after loading.
 */
export function loadOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TableInfo[] = [];
  const visit = (table: TableInfo) => {
    if (done.has(table.name) || visiting.has(table.name)) return;
    visiting.add(table.name);
    for (const ref of table.references) {
      if (ref.nullable) continue;
      const target = byName.get(ref.table);
      if (target && target !== table) visit(target);
    }
    visiting.delete(table.name);
    done.add(table.name);
    order.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return order;
}

/** The tables a whole-newsroom export holds, in load order. */
export async function exportableTables(db: Executor): Promise<TableInfo[]> {
  return loadOrder((await describeTables(db)).filter((t) => !EXPORT_SKIP.has(t.name)));
}

/**
 * Writes the whole newsroom (every table of the schema except secrets and bookkeeping) as JSON
 * lines: a header, then one `{"type":"row","table","row"}` line per row, tables in load order.
 * Secrets saved in the console are left out unless `openSecret` is given. Returns rows written per table.
 */
export async function exportNewsroom(
  db: Executor,
  out: Writable,
  pageSize = 1000,
  { openSecret }: ExportOptions = {},
): Promise<Record<string, number>> {
  const tables = await exportableTables(db);
  const header: ExportHeader = {
    type: 'newsloom-export',
    version: 1,
    exported_at: new Date().toISOString(),
    tables: tables.map((t) => t.name),
  };
  await writeLine(out, JSON.stringify(header));
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table.name] = 0;
    const redact = new Set(EXPORT_REDACT[table.name] ?? []);
    const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name);
    for (let offset = 0; ; offset += pageSize) {
      const rows = await tableRowsPage(db, table.name, order, pageSize, offset);
      for (const row of rows) {
        const clean: Record<string, unknown> = {};
        for (const column of table.columns) {
          clean[column.name] = redact.has(column.name) ? null : row[column.name];
        }
        if (SEALED_IN.has(table.name)) {
          for (const [key, value] of Object.entries(clean))
            clean[key] = exportedSecrets(value, openSecret) ?? null;
        }
        await writeLine(out, JSON.stringify({ type: 'row', table: table.name, row: clean }));
        counts[table.name]!++;
      }
      if (rows.length < pageSize) break;
    }
  }
  return counts;
}

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}
