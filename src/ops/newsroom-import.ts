import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import type { Executor } from '../store/db.js';
import type { TableInfo } from '../store/introspect.js';
import { holdsNewsroom, insertRows, resetIdentities, setColumn } from '../store/newsroom.js';
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
  if (await holdsNewsroom(db)) {
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
    for (const d of deferred) await setColumn(tx, d.table.name, d.key, d.column, d.value);
    for (const table of tables.values()) await resetIdentities(tx, table);
    return counts;
  });
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
