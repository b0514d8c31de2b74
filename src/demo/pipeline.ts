import { newFrequencyCache } from '../analyze/run.js';
import { clusterArticles } from '../cluster/cluster.js';
import { clusterSettingsFrom, isPublishable } from '../cluster/settings.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../lib/log.js';
import { writeStory } from '../publish/write-story.js';
import { articlesAfter } from '../store/articles.js';
import type { Executor } from '../store/db.js';
import { indexAllPendingArticles } from '../store/search-index.js';
import { storyById } from '../store/stories.js';

const DEMO_BATCH = 200;

/**
 * The pipeline the demo corpus goes through after import: articles are clustered in the order they
 * were published, then every story with enough coverage is written,
 * verified and published by the same writeStory the jobs call.
 */
export function demoPipeline({
  db,
  config,
  logger,
}: {
  db: Executor;
  config: Config;
  logger: Logger;
}): (articleIds: number[]) => Promise<void> {
  return async function runDemoPipeline(articleIds) {
    await indexAllPendingArticles(db);
    const wanted = new Set(articleIds);
    const articles = (await articlesAfter(db, 0, 100_000)).filter((a) => wanted.has(a.id));
    const time = (a: { published_at: Date | null; fetched_at: Date }) =>
      new Date(a.published_at ?? a.fetched_at).getTime();
    articles.sort((a, b) => time(a) - time(b) || a.id - b.id);
    const settings = clusterSettingsFrom(config);
    const deps = { db, settings, logger, frequencies: newFrequencyCache() };
    const storyIds = new Set<number>();
    // In batches, as a pipeline pass clusters them: the names' rarity is then counted over the
    // batch, where one article at a time would see every name of the first few as rare.
    const ids = articles.map((a) => a.id);
    for (let i = 0; i < ids.length; i += DEMO_BATCH) {
      for (const assignment of await clusterArticles(deps, ids.slice(i, i + DEMO_BATCH)))
        storyIds.add(assignment.storyId);
    }
    let published = 0;
    for (const storyId of storyIds) {
      const story = await storyById(db, storyId);
      if (!story || story.state === 'merged' || !isPublishable(story, settings)) continue;
      const outcome = await writeStory({ db, logger, policy: config.publishPolicy }, storyId);
      if (outcome.status === 'published') published++;
    }
    logger.info({ articles: articles.length, stories: storyIds.size, published }, 'demo stories written');
  };
}
