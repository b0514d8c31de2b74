import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { createLogger } from '../lib/log.js';
import { listPublishedStories, publishedStoryBySlug, storySourceArticles } from '../store/site.js';
import { anatomyProblems } from '../write/anatomy.js';
import { loadDemoIfEmpty } from './load.js';
import { demoPipeline } from './pipeline.js';

const DAY = 86_400_000;

/**
 * Every published story of the shipped demo corpus, imported and written by the pipeline, keeps the
 * story article's form. It judges the form of what was written, whatever the clustering grouped.
 */
describe('the demo corpus as story articles', () => {
  let database: Database;
  let slugs: string[] = [];
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const logger = createLogger('silent');
    const config = loadConfig({ dataDir: '/tmp/newsloom-demo-anatomy-test' }, {});
    const afterImport = demoPipeline({ db: database.db, config, logger });
    await loadDemoIfEmpty(database.db, { logger, afterImport });
    slugs = (await listPublishedStories(database.db, { limit: 100 })).map((s) => s.slug);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('publishes the demo stories', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(8);
  });

  it('keeps every story in form: no sentence twice, headline and dek not copied, headings that name, figures labelled', async () => {
    const problems: string[] = [];
    for (const slug of slugs) {
      const { version } = (await publishedStoryBySlug(database.db, slug))!;
      for (const p of anatomyProblems(version)) problems.push(`${slug}: ${p}`);
      const { lede, sections } = version.body;
      if (lede.length < 1 || lede.length > 4) problems.push(`${slug}: lede of ${lede.length} sentences`);
      if (sections.length > 5) problems.push(`${slug}: ${sections.length} sections`);
    }
    expect(problems).toEqual([]);
  });

  it('gives a timeline to every story whose sources span two days or more, and names each line a day', async () => {
    let spanning = 0;
    for (const slug of slugs) {
      const { story, version } = (await publishedStoryBySlug(database.db, slug))!;
      const times = (await storySourceArticles(database.db, story.id))
        .map((a) => (a.published_at ? new Date(a.published_at).getTime() : Number.NaN))
        .filter((t) => !Number.isNaN(t));
      const days = new Set(times.map((t) => Math.floor(t / DAY)));
      if (days.size < 2) continue;
      spanning++;
      expect(version.body.timeline?.length ?? 0, slug).toBeGreaterThanOrEqual(2);
      for (const t of version.body.timeline!) expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(spanning).toBeGreaterThan(0);
  });
});
