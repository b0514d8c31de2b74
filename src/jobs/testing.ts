import { newFrequencyCache } from '../analyze/run.js';
import { defaultClusterSettings } from '../cluster/settings.js';
import { silentLogger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import type { PipelineDeps } from './pipeline.js';

/** Pipeline dependencies for tests: default clustering, the extractive writer, silent logs. */
export function testPipelineDeps(db: Executor, options: Partial<PipelineDeps> = {}): PipelineDeps {
  return {
    cluster: {
      db,
      settings: { ...defaultClusterSettings },
      frequencies: newFrequencyCache(),
      logger: silentLogger(),
    },
    write: { db, logger: silentLogger(), policy: 'auto' },
    logger: silentLogger(),
    debounceMs: 0,
    ...options,
  };
}
