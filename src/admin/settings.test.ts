import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { buildPipelineDeps } from '../jobs/pipeline-deps.js';
import { silentLogger } from '../lib/log.js';
import type { SettingsService } from './settings.js';
import { applySettings, type LiveSettings, parseSettings, readStored } from './settings-schema.js';

const config = configSchema.parse({ dataDir: '/nonexistent' });
const valid = {
  siteName: 'Desk',
  publishPolicy: 'auto',
  writer: 'extractive',
  clusterThreshold: '0.2',
  clusterMergeThreshold: '0.5',
  clusterWindowHours: '48',
  commentsCloseAfterDays: '30',
  commentsHeldForNewAccounts: '1',
  bannedWords: '',
  suspectWords: '',
};

describe('settings form', () => {
  it.each([
    ['an empty number box', { clusterWindowHours: '' }, { clusterWindowHours: 'Time window is required' }],
    [
      'text in a number box',
      { clusterWindowHours: 'soon' },
      { clusterWindowHours: 'Time window must be a number' },
    ],
    [
      'a fraction of a day',
      { commentsCloseAfterDays: '1.5' },
      { commentsCloseAfterDays: 'Close comments after must be a whole number' },
    ],
    [
      'a threshold above 1',
      { clusterMergeThreshold: '2' },
      { clusterMergeThreshold: 'Merge threshold must be at most 1' },
    ],
    [
      'an unknown policy',
      { publishPolicy: 'sometimes' },
      { publishPolicy: 'Publish policy must be "auto" or "review"' },
    ],
    [
      'a non-HTTP endpoint',
      { llmBaseUrl: 'ftp://models.example' },
      { llmBaseUrl: 'Endpoint must be an http:// or https:// URL' },
    ],
    [
      'the model writer without an endpoint',
      { writer: 'llm' },
      { llmBaseUrl: 'The model writer needs an endpoint', llmModel: 'The model writer needs a model name' },
    ],
  ])('refuses %s with a message on the field', (_name, change, errors) => {
    expect(parseSettings({ ...valid, ...change })).toEqual({ ok: false, errors });
  });

  it('splits word lists on commas and new lines, lower-cased and without repeats', () => {
    const parsed = parseSettings({ ...valid, bannedWords: 'Spam, eggs\nspam\n\n' });
    expect(parsed.ok && parsed.value.bannedWords).toEqual(['spam', 'eggs']);
  });

  it('drops a stored field that no longer validates, keeping the rest', () => {
    expect(readStored({ siteName: 'Desk', clusterThreshold: 7, llmApiKey: 'k' })).toEqual({
      stored: { siteName: 'Desk', llmApiKey: 'k' },
      dropped: ['clusterThreshold'],
    });
    expect(readStored('garbage')).toEqual({ stored: {}, dropped: [] });
  });
});

describe('the pipeline reads the settings in force on every use', () => {
  it('switches cluster window, publish policy and writer without being rebuilt', () => {
    let live: LiveSettings = applySettings(config, {});
    const settings = { current: () => live, fresh: async () => live } as unknown as SettingsService;
    const deps = buildPipelineDeps(config, { db: {} } as Database, silentLogger(), { settings });
    expect(deps.cluster.settings.windowHours).toBe(config.clusterWindowHours);
    expect(deps.write.policy).toBe('auto');
    expect(deps.write.llm).toBeUndefined();
    live = applySettings(config, {
      clusterWindowHours: 12,
      publishPolicy: 'review',
      writer: 'llm',
      llmBaseUrl: 'http://127.0.0.1:9/v1',
      llmModel: 'tiny',
    });
    expect(deps.cluster.settings.windowHours).toBe(12);
    expect(deps.write.policy).toBe('review');
    const writer = deps.write.llm;
    expect(writer).toBeDefined();
    expect(deps.write.llm).toBe(writer);
    live = applySettings(config, {
      writer: 'extractive',
      llmBaseUrl: 'http://127.0.0.1:9/v1',
      llmModel: 'tiny',
    });
    expect(deps.write.llm).toBeUndefined();
  });
});
