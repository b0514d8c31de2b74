import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { articleById } from './articles.js';
import { describeTables, type TableInfo } from './introspect.js';
import { holdsNewsroom, insertRows, resetIdentities, setColumn, tableRowsPage } from './newsroom.js';
import { upsertSourceByKey } from './sources.js';

/** The storage contract of whole-newsroom rows (export and import), on one engine. */
export function newsroomStoreContract(engine: Engine): void {
  describe(`newsroom rows on ${engine}`, () => {
    let database: Database;
    let tables: Map<string, TableInfo>;
    const table = (name: string) => tables.get(name)!;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      tables = new Map((await describeTables(database.db)).map((t) => [t.name, t]));
    });
    afterAll(async () => database?.close());

    it('inserts rows with their own ids and pages them back in key order', async () => {
      const db = database.db;
      expect(await holdsNewsroom(db)).toBe(false);
      await insertRows(db, table('sources'), [
        { id: 7, key: 'name:seven', kind: 'import', name: 'Seven' },
        { id: 3, key: 'name:three', kind: 'import', name: 'Three' },
      ]);
      expect(await holdsNewsroom(db)).toBe(true);
      const first = await tableRowsPage(db, 'sources', ['id'], 1, 0);
      const second = await tableRowsPage(db, 'sources', ['id'], 1, 1);
      expect([first, second].map((rows) => rows.map((r) => [r.id, r.name]))).toEqual([
        [[3, 'Three']],
        [[7, 'Seven']],
      ]);
      expect(await tableRowsPage(db, 'sources', ['id'], 10, 2)).toEqual([]);
    });

    it('stores JSON values as JSON, arrays included', async () => {
      const db = database.db;
      await insertRows(db, table('site_settings'), [
        { key: 'list', value: ['a', 'b'] },
        { key: 'object', value: { on: true } },
      ]);
      const rows = await tableRowsPage(db, 'site_settings', ['key'], 10, 0);
      expect(rows.map((r) => [r.key, r.value])).toEqual([
        ['list', ['a', 'b']],
        ['object', { on: true }],
      ]);
    });

    it('sets a reference after the rows it points at are in', async () => {
      const db = database.db;
      const base = { source_id: 3, fetched_at: new Date('2026-11-20T10:00:00Z'), content_hash: 'h' };
      await insertRows(db, table('articles'), [
        {
          ...base,
          id: 21,
          url: 'https://a.example/21',
          canonical_url: 'https://a.example/21',
          title: 'B',
          text: 'b',
        },
        {
          ...base,
          id: 20,
          url: 'https://a.example/20',
          canonical_url: 'https://a.example/20',
          title: 'A',
          text: 'a',
        },
      ]);
      await setColumn(db, 'articles', { id: 21 }, 'duplicate_of', 20);
      expect((await articleById(db, 21))?.duplicate_of).toBe(20);
      expect((await articleById(db, 20))?.duplicate_of).toBeNull();
    });

    it('moves identity sequences past the ids loaded', async () => {
      const db = database.db;
      await resetIdentities(db, table('sources'));
      const next = await upsertSourceByKey(db, { key: 'name:next', kind: 'import', name: 'Next' });
      expect(next.id).toBe(8);
    });
  });
}
