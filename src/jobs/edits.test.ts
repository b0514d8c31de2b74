import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase, testEngines } from '../db/testing.js';
import { updateStoredArticle } from '../ingest/store-candidates.js';
import { analysisByArticleId, editedArticles } from '../store/analyses.js';
import { articleById, insertArticles } from '../store/articles.js';
import { storiesOfArticles } from '../store/clusters.js';
import { upsertSourceByKey } from '../store/sources.js';
import { storyVersions } from '../store/stories.js';
import { evaldataPath } from '../../test/evaldata.js';
import { MULTILING_SAMPLE, readMultilingSample } from '../write/sample.js';
import { type PipelineDeps, runPipelineOnce } from './pipeline.js';
import { testPipelineDeps } from './testing.js';

const events = readMultilingSample(evaldataPath(MULTILING_SAMPLE));

for (const engine of testEngines()) {
  describe(`an article edited after its story was written, on ${engine}`, () => {
    let database: Database;
    let deps: PipelineDeps;
    const ids: number[] = [];

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      deps = testPipelineDeps(database.db);
      const event = events[2]!;
      for (const s of event.sources.slice(0, 6)) {
        const source = await upsertSourceByKey(database.db, {
          key: `name:${s.outlet}`,
          kind: 'import',
          name: s.outlet,
        });
        const url = `https://wikinews.example/${event.id}/${s.id}`;
        const { inserted } = await insertArticles(database.db, [
          {
            source_id: source.id,
            url,
            canonical_url: url,
            title: s.title,
            text: s.text,
            // One day, so the reports fall in one clustering window.
            published_at: new Date(Date.UTC(2026, 1, 1, 8, s.id)),
            fetched_at: new Date(Date.UTC(2026, 1, 1, 8, s.id)),
            content_hash: `${event.id}-${s.id}`,
          },
        ]);
        ids.push(inserted.get(url)!);
      }
    });
    afterAll(async () => {
      await database?.close();
    });

    it('is analyzed again and its story gets a new version, once', async () => {
      const first = await runPipelineOnce(deps);
      expect(first.stories.published).toBeGreaterThanOrEqual(1);
      const article = (await articleById(database.db, ids[0]!))!;
      const storyId = (await storiesOfArticles(database.db, [article.id])).get(article.id)!;
      const versions = (await storyVersions(database.db, storyId)).length;
      expect(versions).toBe(1);
      expect(
        (await analysisByArticleId(database.db, article.id))?.figures.map((f) => f.text).join(' | '),
      ).not.toContain('4,270');

      const text = `${article.text}\nOfficials said on Monday that 4,270 families had been moved to shelters.`;
      await updateStoredArticle(database.db, article, {
        ...article,
        title: `${article.title} (updated)`,
        text,
        content_hash: 'edited',
      });
      expect(await analysisByArticleId(database.db, article.id)).toBeUndefined();
      expect((await editedArticles(database.db, 10)).map((e) => e.article_id)).toEqual([article.id]);

      const pass = await runPipelineOnce(deps);
      expect(pass).toMatchObject({ clustered: 0, reanalyzed: 1 });
      expect(pass.stories.published + pass.stories.review + pass.stories.held).toBe(1);
      expect(
        (await analysisByArticleId(database.db, article.id))?.figures.map((f) => f.text).join(' | '),
      ).toContain('4,270');
      expect(await storyVersions(database.db, storyId)).toHaveLength(versions + 1);
      expect(await editedArticles(database.db, 10)).toEqual([]);

      const quiet = await runPipelineOnce(deps);
      expect(quiet).toEqual({
        indexed: 0,
        clustered: 0,
        reanalyzed: 0,
        stories: { published: 0, review: 0, held: 0, not_enough_material: 0, unchanged: 0 },
      });
    });
  });
}
