import { newFrequencyCache } from '../analyze/run.js';
import { clusterSettingsFrom } from '../cluster/settings.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import type { Logger } from '../lib/log.js';
import type { WriteMetrics } from '../ops/metrics.js';
import { createLlmWriter } from '../write/llm.js';
import { loadPrompts } from '../write/prompts.js';
import type { PipelineDeps } from './pipeline.js';

/** Wires the pipeline once from config: clustering settings, publish policy and, when configured, the LLM writer. */
export function buildPipelineDeps(
  config: Config,
  database: Database,
  logger: Logger,
  metrics?: WriteMetrics,
): PipelineDeps {
  const db = database.db;
  const llm =
    config.llmBaseUrl && config.llmModel
      ? createLlmWriter({
          baseUrl: config.llmBaseUrl,
          model: config.llmModel,
          apiKey: config.llmApiKey,
          timeoutMs: config.llmTimeout * 1000,
          maxRetries: config.llmMaxRetries,
          promptTokens: config.llmPromptTokens,
          prompts: loadPrompts(),
          logger,
        })
      : undefined;
  return {
    cluster: { db, settings: clusterSettingsFrom(config), frequencies: newFrequencyCache(), logger },
    write: { db, logger, policy: config.publishPolicy, llm, metrics },
    logger,
    debounceMs: config.writeDebounce * 1000,
  };
}
