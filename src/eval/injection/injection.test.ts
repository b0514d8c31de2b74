import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterSettingsFrom } from '../../cluster/settings.js';
import { loadConfig } from '../../config/config.js';
import { defaultCorpusPath } from '../../demo/load.js';
import { guardedFetch } from '../../ingest/fetch/guarded-fetch.js';
import { silentLogger } from '../../lib/log.js';
import { createLlmWriter } from '../../write/llm.js';
import { loadPrompts } from '../../write/prompts.js';
import { ERROR_KINDS } from './kinds.js';
import { type InjectionReport, runInjection } from './run.js';
import { type InjectionServer, startInjectionServer } from './stand-in.js';

// The demo corpus written by a stand-in model that errs once per draft, judges every claim
// supported and repairs nothing: only the verifier stands between its errors and the reader.
describe('the injection harness on the demo corpus', () => {
  let server: InjectionServer;
  let report: InjectionReport;
  beforeAll(async () => {
    server = await startInjectionServer();
    const config = loadConfig({ dataDir: '/tmp/newsloom-injection-test' }, {});
    const llm = createLlmWriter({
      baseUrl: server.baseUrl,
      model: 'stand-in',
      // Generous: a loaded machine must not turn a slow answer into a missing draft.
      timeoutMs: 60_000,
      maxRetries: 0,
      promptTokens: config.llmPromptTokens,
      prompts: loadPrompts(),
      logger: silentLogger(),
      fetch: guardedFetch(['127.0.0.1']),
    });
    report = await runInjection(defaultCorpusPath()!, {
      llm,
      server,
      logger: silentLogger(),
      settings: clusterSettingsFrom(config),
      policy: 'auto',
    });
  }, 240_000);
  afterAll(async () => {
    await server?.close();
  });

  it('writes every story with a usable draft', () => {
    expect(report.stories).toBeGreaterThanOrEqual(10);
    expect(report.no_draft).toBe(0);
  });

  it.each(ERROR_KINDS)('holds or drops every %s before publishing', (kind) => {
    const row = report.rows.find((r) => r.kind === kind)!;
    // Most stories offer material for every kind; a kind tried on few stories proves little.
    expect(row.drafts).toBeGreaterThanOrEqual(report.stories - 2);
    expect(report.escaped.filter((e) => e.kind === kind)).toEqual([]);
    expect(row.caught).toBe(row.drafts);
  });

  it('publishes clean drafts, dropping at most 1 in 50 correct sentences', () => {
    const clean = report.rows.find((r) => r.kind === 'clean')!;
    expect(clean.drafts).toBe(report.stories);
    expect(clean.held).toBe(0);
    expect(clean.correct_sentences).toBeGreaterThan(50);
    expect(clean.correct_dropped / clean.correct_sentences).toBeLessThanOrEqual(1 / 50);
  });
});
