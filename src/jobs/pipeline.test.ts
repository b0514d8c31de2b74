import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { insertArticles } from '../store/articles.js';
import { upsertSourceByKey } from '../store/sources.js';
import { evaldataPath } from '../../test/evaldata.js';
import { MULTILING_SAMPLE, readMultilingSample } from '../write/sample.js';
import { type PipelineDeps, runPipelineOnce } from './pipeline.js';
import { testPipelineDeps } from './testing.js';

const events = readMultilingSample(evaldataPath(MULTILING_SAMPLE));

describe('pipeline on the WikiNews multi-document sample', () => {
  let database: Database;
  let deps: PipelineDeps;
  // The pipeline's clock runs this far ahead of the real one (the debounce compares with database time).
  let aheadMs = 1000;

  // The sample's reports span weeks; clustering works within a time window, so they are dated one day here.
  const sameDay = (n: number) => new Date(Date.UTC(2026, 1, 1, 8, n));

  async function importEvent(index: number, from: number, to: number) {
    const event = events[index]!;
    for (const s of event.sources.slice(from, to)) {
      const source = await upsertSourceByKey(database.db, {
        key: `name:${s.outlet}`,
        kind: 'import',
        name: s.outlet,
      });
      const url = `https://wikinews.example/${event.id}/${s.id}`;
      await insertArticles(database.db, [
        {
          source_id: source.id,
          url,
          canonical_url: url,
          title: s.title,
          text: s.text,
          published_at: sameDay(s.id),
          fetched_at: sameDay(s.id),
          content_hash: `${event.id}-${s.id}`,
        },
      ]);
    }
  }

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    deps = testPipelineDeps(database.db, {
      debounceMs: 60_000,
      now: () => new Date(Date.now() + aheadMs),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('clusters imported articles and publishes a story version per story, once', async () => {
    await importEvent(2, 0, 6);
    const first = await runPipelineOnce(deps, { debounceMs: 0 });
    expect(first.indexed).toBe(6);
    expect(first.clustered).toBe(6);
    expect(first.stories.published).toBeGreaterThanOrEqual(1);
    const again = await runPipelineOnce(deps, { debounceMs: 0 });
    expect(again).toEqual({
      indexed: 0,
      clustered: 0,
      reanalyzed: 0,
      stories: { published: 0, review: 0, held: 0, not_enough_material: 0, unchanged: 0 },
    });
  });

  it('turns a burst of new articles into one new version, after the debounce', async () => {
    const versionsOf = async () => {
      const rows = await database.db
        .selectFrom('story_versions')
        .select(['story_id', 'source_count'])
        .execute();
      const out = new Map<number, number[]>();
      for (const r of rows) out.set(r.story_id, [...(out.get(r.story_id) ?? []), r.source_count]);
      return out;
    };
    const before = await versionsOf();
    await importEvent(2, 6, 10);
    // The burst just arrived (updated_at is now, by the database clock): nothing is written yet.
    aheadMs = 0;
    const during = await runPipelineOnce(deps);
    expect(during.clustered).toBe(4);
    expect(during.stories.published).toBe(0);
    // Once the stories have been quiet for the debounce, one version covers the whole burst.
    aheadMs = 120_000;
    const after = await runPipelineOnce(deps);
    expect(after.stories.published).toBeGreaterThanOrEqual(1);
    const versions = await versionsOf();
    for (const [storyId, counts] of versions)
      expect(counts.length).toBeLessThanOrEqual((before.get(storyId)?.length ?? 0) + 1);
    const grown = [...versions].filter(
      ([id, counts]) => Math.max(...counts) > Math.max(0, ...(before.get(id) ?? [])),
    );
    expect(grown.length).toBeGreaterThanOrEqual(1);
  });
});
