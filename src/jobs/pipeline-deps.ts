import { createSettingsService, type SettingsService } from '../admin/settings.js';
import type { TextAnalyzer } from '../analyze/pool.js';
import { newFrequencyCache } from '../analyze/run.js';
import { storedSecretsBox } from '../auth/auth-secret.js';
import { embedderFrom } from '../cluster/embeddings.js';
import { clusterSettingsFrom } from '../cluster/settings.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { guardedFetch } from '../ingest/fetch/guarded-fetch.js';
import type { Logger } from '../lib/log.js';
import type { WriteMetrics } from '../ops/metrics.js';
import { createLlmWriter } from '../write/llm.js';
import { loadPrompts } from '../write/prompts.js';
import type { LlmWriter } from '../write/types.js';
import type { PipelineDeps } from './pipeline.js';

/**
 * Wires the pipeline once: clustering settings, publish policy and the writer are read from the
 * settings service on every use, so a change saved in the console applies from the next pass.
 */
export function buildPipelineDeps(
  config: Config,
  database: Database,
  logger: Logger,
  shared: { metrics?: WriteMetrics; settings?: SettingsService; analyzer?: TextAnalyzer } = {},
): PipelineDeps {
  const db = database.db;
  const settings =
    shared.settings ??
    createSettingsService({ config, db, logger, secrets: storedSecretsBox(config, database.engine) });
  const llmFor = llmWriters(logger, guardedFetch(config.fetchAllow));
  return {
    cluster: {
      db,
      get settings() {
        return clusterSettingsFrom(settings.current().config);
      },
      frequencies: newFrequencyCache(),
      analyzer: shared.analyzer,
      embedder: embedderFrom(config, guardedFetch(config.fetchAllow)),
      ahead: new Map(),
      logger,
    },
    write: {
      db,
      logger,
      get policy() {
        return settings.current().config.publishPolicy;
      },
      get llm() {
        const live = settings.current();
        return live.writer === 'llm' ? llmFor(live.config) : undefined;
      },
      metrics: shared.metrics,
    },
    logger,
    debounceMs: config.writeDebounce * 1000,
    refresh: () => settings.fresh(),
  };
}

/** One LLM writer per endpoint, model and key, built when first needed (prompts read once). */
export function llmWriters(
  logger: Logger,
  fetch: typeof globalThis.fetch,
): (config: Config) => LlmWriter | undefined {
  let prompts: ReturnType<typeof loadPrompts> | undefined;
  let built: { key: string; writer: LlmWriter } | undefined;
  return (config) => {
    if (!config.llmBaseUrl || !config.llmModel) return undefined;
    const key = JSON.stringify([config.llmBaseUrl, config.llmModel, config.llmApiKey]);
    if (built?.key !== key) {
      prompts ??= loadPrompts();
      const writer = createLlmWriter({
        baseUrl: config.llmBaseUrl,
        model: config.llmModel,
        apiKey: config.llmApiKey,
        timeoutMs: config.llmTimeout * 1000,
        maxRetries: config.llmMaxRetries,
        promptTokens: config.llmPromptTokens,
        prompts,
        logger,
        fetch,
      });
      built = { key, writer };
    }
    return built.writer;
  };
}
