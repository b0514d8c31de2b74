import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { buildPipelineDeps } from '../jobs/pipeline-deps.js';
import type { Logger } from '../lib/log.js';
import type { ReviewDeps } from './deps.js';
import type { SettingsService } from './settings.js';

/**
 * The review operations' dependencies as a process wires them once: the configured writer (publish
 * policy, the model when set) and the clustering analysis, the same as the pipeline's. Given the
 * process's settings service, a console save applies to the next action at once.
 */
export function wireReviewDeps(
  config: Config,
  database: Database,
  logger: Logger,
  onStoriesChanged?: ReviewDeps['onStoriesChanged'],
  settings?: SettingsService,
): ReviewDeps {
  const pipeline = buildPipelineDeps(config, database, logger, { settings });
  return { db: database.db, logger, write: pipeline.write, analyze: pipeline.cluster, onStoriesChanged };
}
