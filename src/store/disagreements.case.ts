import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import type { Disagreement } from '../disagree/types.js';
import {
  insertSettlement,
  saveVersionDisagreements,
  storySettlements,
  versionDisagreements,
} from './disagreements.js';
import { FIXTURE_STORIES, seedSite } from './site-fixture.js';

const HOMES: Disagreement = {
  key: 'count:home:destroy',
  kind: 'count',
  detail: 'Homes destroyed',
  status: 'revised',
  settlement: null,
  values: [
    {
      value: '163',
      key: 'count:163',
      current: true,
      sources: [
        {
          article_id: 1,
          outlet: 'The Sentinel',
          published_at: '2026-11-16T09:15:00.000Z',
          citation: { article_id: 1, start: 0, end: 40 },
        },
      ],
    },
    { value: '142', key: 'count:142', current: false, sources: [] },
  ],
};

/** Storage of disagreements per version and of editors' calls, on one engine. */
export function disagreementsContract(engine: Engine): void {
  describe(`disagreements storage contract on ${engine}`, () => {
    let database: Database;
    let storyId: number;
    let versionId: number;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      const ids = await seedSite(database.db, FIXTURE_STORIES.slice(0, 1));
      storyId = [...ids.values()][0]!;
      const version = await database.db
        .selectFrom('story_versions')
        .select('id')
        .where('story_id', '=', storyId)
        .executeTakeFirstOrThrow();
      versionId = version.id;
    });
    afterAll(async () => database?.close());

    it('keeps a version’s disagreements in page order, values and settlement intact', async () => {
      const vote: Disagreement = {
        ...HOMES,
        key: 'tally:vote',
        kind: 'tally',
        detail: 'Committee vote',
        status: 'disputed',
        settlement: {
          value_key: 'tally:5-2',
          value: '5-2',
          note: 'The minutes say 5-2.',
          settled_by: null,
          settled_at: '2026-11-21T10:00:00.000Z',
        },
      };
      await saveVersionDisagreements(database.db, versionId, storyId, [HOMES, vote]);
      const stored = await versionDisagreements(database.db, versionId);
      expect(stored).toEqual([HOMES, vote]);
    });

    it('stores nothing for a version without disagreements', async () => {
      await saveVersionDisagreements(database.db, versionId + 1000, storyId, []);
      expect(await versionDisagreements(database.db, versionId + 1000)).toEqual([]);
    });

    it('refuses a status other than disputed or revised', async () => {
      const bad = { ...HOMES, status: 'settled' } as unknown as Disagreement;
      await expect(saveVersionDisagreements(database.db, versionId, storyId, [bad])).rejects.toThrow();
    });

    it('gives the newest call on each fact of a story', async () => {
      expect(await storySettlements(database.db, storyId)).toEqual(new Map());
      await insertSettlement(database.db, {
        storyId,
        factKey: 'count:home:destroy',
        valueKey: 'count:142',
        value: '142',
        note: 'County figure.',
        settledBy: null,
      });
      const later = await insertSettlement(database.db, {
        storyId,
        factKey: 'count:home:destroy',
        valueKey: 'count:163',
        value: '163',
        note: 'The fire service revised it.',
        settledBy: null,
      });
      await insertSettlement(database.db, {
        storyId,
        factKey: 'tally:vote',
        valueKey: 'tally:5-2',
        value: '5-2',
        note: 'Minutes.',
        settledBy: null,
      });
      const calls = await storySettlements(database.db, storyId);
      expect(calls.size).toBe(2);
      expect(calls.get('count:home:destroy')).toEqual(later);
      expect(later).toMatchObject({ value: '163', note: 'The fire service revised it.', settled_by: null });
      expect(new Date(later.settled_at).getTime()).toBeGreaterThan(0);
    });
  });
}
