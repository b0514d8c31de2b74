import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { insertArticles } from './articles.js';
import { feedReportOf, recordFeedReport } from './feed-reports.js';
import { deleteSource, upsertSourceByKey } from './sources.js';

/** Dropped-item counts and feed warnings per source, and the derived-title flag, on one engine. */
export function feedReportsContract(engine: Engine): void {
  describe(`feed reports on ${engine}`, () => {
    let database: Database;
    let sourceId: number;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      sourceId = (
        await upsertSourceByKey(database.db, { key: 'https://drops.example/feed', kind: 'feed', name: 'D' })
      ).id;
    });
    afterAll(async () => {
      await database?.close();
    });

    it('reports nothing for a source whose feed never dropped or warned', async () => {
      expect(await feedReportOf(database.db, sourceId)).toEqual({
        drops: [],
        warnings: [],
        warnings_recorded_at: null,
      });
    });

    it('adds drops to the totals per reason, keeping the latest count and example', async () => {
      const first = new Date('2026-02-01T10:00:00Z');
      const second = new Date('2026-02-01T11:00:00Z');
      await recordFeedReport(
        database.db,
        sourceId,
        {
          dropped: { no_text: 2, truncated: 1, duplicate: 0 },
          examples: { no_text: 'https://drops.example/a' },
          warnings: [],
        },
        first,
      );
      await recordFeedReport(database.db, sourceId, { dropped: { no_text: 3 }, warnings: [] }, second);
      const report = await feedReportOf(database.db, sourceId);
      expect(report.drops).toEqual([
        {
          reason: 'no_text',
          total: 5,
          last_count: 3,
          last_dropped_at: second,
          last_example: 'https://drops.example/a',
        },
        { reason: 'truncated', total: 1, last_count: 1, last_dropped_at: first, last_example: null },
      ]);
    });

    it('replaces the warnings at each parse and clears them when a parse has none', async () => {
      const at = new Date('2026-02-02T09:00:00Z');
      await recordFeedReport(database.db, sourceId, { dropped: {}, warnings: ['the feed has no title'] }, at);
      await recordFeedReport(
        database.db,
        sourceId,
        { dropped: {}, warnings: ['the feed has no title', 'the document is cut off'] },
        at,
      );
      expect(await feedReportOf(database.db, sourceId)).toMatchObject({
        warnings: ['the feed has no title', 'the document is cut off'],
        warnings_recorded_at: at,
      });
      await recordFeedReport(database.db, sourceId, { dropped: {}, warnings: [] }, at);
      expect(await feedReportOf(database.db, sourceId)).toMatchObject({
        warnings: [],
        warnings_recorded_at: null,
      });
    });

    it('stores whether an article title was derived, false unless said', async () => {
      const { inserted } = await insertArticles(database.db, [
        {
          source_id: sourceId,
          url: 'https://drops.example/1',
          canonical_url: 'https://drops.example/1',
          title: 'First sentence.',
          title_derived: true,
          text: 'First sentence. Second one.',
          fetched_at: new Date('2026-02-01T10:00:00Z'),
          content_hash: 'd1',
        },
        {
          source_id: sourceId,
          url: 'https://drops.example/2',
          canonical_url: 'https://drops.example/2',
          title: 'A headline',
          text: 'Body.',
          fetched_at: new Date('2026-02-01T10:00:00Z'),
          content_hash: 'd2',
        },
      ]);
      const rows = await database.db
        .selectFrom('articles')
        .select(['id', 'title_derived'])
        .where('id', 'in', [...inserted.values()])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.title_derived)).toEqual([true, false]);
    });

    it("forgets a removed source's drops and warnings", async () => {
      const other = await upsertSourceByKey(database.db, {
        key: 'https://drops.example/other',
        kind: 'feed',
        name: 'O',
      });
      const at = new Date('2026-02-03T09:00:00Z');
      await recordFeedReport(database.db, other.id, { dropped: { empty: 1 }, warnings: ['w'] }, at);
      await deleteSource(database.db, other.id);
      expect(await feedReportOf(database.db, other.id)).toEqual({
        drops: [],
        warnings: [],
        warnings_recorded_at: null,
      });
    });
  });
}
