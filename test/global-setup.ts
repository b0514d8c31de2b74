import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { wrapPglite } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';

/** Prepares one migrated PGlite data directory that every test file clones (see src/db/testing.ts). */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-test-'));
  const pglite = await PGlite.create();
  const database = wrapPglite(pglite, 'pglite', async () => {});
  await migrateToLatest(database.db as Kysely<unknown>);
  const dump = await pglite.dumpDataDir('none');
  await database.close();
  await pglite.close();
  const file = path.join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.NEWSLOOM_TEST_PGLITE_DUMP = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
