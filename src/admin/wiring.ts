import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { buildPipelineDeps } from '../jobs/pipeline-deps.js';
import type { Logger } from '../lib/log.js';
import type { ReviewDeps } from './deps.js';

/**
 * The review operations' dependencies as a process wires them once: the configured writer (publish
 * policy, the model when set) and the clustering analysis, the same as the pipeline's.
 */
export function wireReviewDeps(
  config: Config,
  database: Database,
  logger: Logger,
  onStoriesChanged?: ReviewDeps['onStoriesChanged'],
): ReviewDeps {
  const pipeline = buildPipelineDeps(config, database, logger);
  return { db: database.db, logger, write: pipeline.write, analyze: pipeline.cluster, onStoriesChanged };
}
