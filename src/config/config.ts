import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';

/** The whole validated configuration; every process builds exactly one at start-up. */
export const configSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Seconds to wait for a served PostgreSQL before giving up with a clear error. */
  databaseConnectTimeout: z.number().int().positive().max(300).default(5),
  port: z.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  /** Public base URL; `loadConfig` makes it follow the port when unset. */
  siteUrl: z.url().default('http://localhost:3000'),
  siteName: z.string().min(1).default('Newsloom'),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** auto: readable lines on a terminal, JSON lines otherwise. */
  logFormat: z.enum(['auto', 'json', 'pretty']).default('auto'),
  contactUrl: z.url().default('https://github.com/newsloom/newsloom'),
  ...discussSettings(),
  ...metricsAccessSettings(),
  clusterThreshold: z.number().min(0).max(1).default(0.25),
  clusterMergeThreshold: z.number().min(0).max(1).default(0.3),
  clusterWindowHours: z.number().positive().default(168),
  clusterHalfLifeHours: z.number().positive().default(4),
  clusterTextWeight: z.number().min(0).max(1).default(0.6),
  storyMinArticles: z.number().int().min(1).default(2),
  storyMinPublishers: z.number().int().min(1).default(2),
  /** auto: publish versions whose quotes and figures verify (after dropping failing sentences); review: hold every version. */
  publishPolicy: z.enum(['auto', 'review']).default('auto'),
  /** An OpenAI-compatible endpoint for the LLM writer; the extractive writer is used without one. */
  llmBaseUrl: z.url().optional(),
  llmModel: z.string().min(1).optional(),
  llmApiKey: z.string().min(1).optional(),
  /** Seconds one LLM request may take. */
  llmTimeout: z.number().positive().max(600).default(60),
  /** Retries after a failed LLM request (429, 5xx, network). */
  llmMaxRetries: z.number().int().min(0).max(10).default(2),
  /** Prompt budget in tokens for the numbered source passages. */
  llmPromptTokens: z.number().int().min(500).max(200_000).default(6000),
  /** An OpenAI-compatible `/v1/embeddings` endpoint whose article embeddings add to the clustering evidence. */
  embeddingsBaseUrl: z.url().optional(),
  embeddingsModel: z.string().min(1).optional(),
  embeddingsApiKey: z.string().min(1).optional(),
  /** Seconds a story waits after its last new article before it is rewritten (a burst makes one version). */
  writeDebounce: z.number().min(0).max(86_400).default(120),
  /** Hosts, IPs or CIDRs the fetcher may reach although they are not public (SSRF guard exceptions). */
  fetchAllow: commaList(z.string().min(1)),
  /** Largest response body fetched, in bytes. */
  fetchMaxBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Seconds allowed for response headers and, separately, for the body. */
  fetchTimeout: z.number().int().positive().max(600).default(30),
  /** Milliseconds between two requests to the same host. */
  fetchDelay: z.number().int().min(0).max(600_000).default(1000),
  /** Consecutive failed refreshes after which a source is paused. */
  sourcePauseAfter: z.number().int().positive().default(10),
  /** Seconds a job may stay active before it counts as lost (its worker died) and is retried. */
  jobTimeout: z.number().int().min(5).max(86_400).default(900),
});

/** A list given as an array (config file) or as comma-separated text (environment); empty by default. */
function commaList<T extends z.ZodType>(item: T) {
  const split = (v: unknown) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v;
  return z.preprocess(split, z.array(item)).default([]);
}

function flag() {
  return z.union([z.boolean(), z.stringbool()]);
}

function wordList() {
  return z
    .union([z.array(z.string()), z.string().transform((text) => text.split(','))])
    .transform((words) => words.map((word) => word.trim().toLowerCase()).filter(Boolean))
    .default([]);
}

// Accounts, mail and comments (src/auth, src/discuss); documented in docs/configuration.md.
function discussSettings() {
  return {
    /** Secret for signing sessions; required with a served database (every node needs the same). */
    authSecret: z.string().min(32).optional(),
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    mailFrom: z.string().min(3).default('Newsloom <noreply@localhost>'),
    requireEmailVerification: flag().default(false),
    /** Read the client address from X-Forwarded-For (only behind a proxy that sets it). */
    trustProxy: flag().default(false),
    signInPerMinute: z.number().int().positive().default(5),
    commentEditMinutes: z.number().int().min(0).default(15),
    commentsCloseAfterDays: z.number().int().min(0).default(30),
    commentsHeldForNewAccounts: z.number().int().min(0).default(1),
    commentsPerMinute: z.number().int().positive().default(5),
    commentMaxLength: z.number().int().positive().default(5000),
    commentMaxLinks: z.number().int().min(0).default(3),
    /** A comment form sent sooner than this after it was shown waits for a moderator. */
    commentMinFormSeconds: z.number().min(0).default(3),
    bannedWords: wordList(),
    suspectWords: wordList(),
  };
}

// Who may read /metrics (src/web/metrics-access.ts); documented in docs/configuration.md.
function metricsAccessSettings() {
  const addresses = commaList(
    z
      .string()
      .refine((entry) => ipaddr.isValid(entry) || isCidr(entry), 'must be IP addresses or CIDR ranges'),
  );
  return {
    /** A bearer token a scraper must send to read /metrics. */
    metricsToken: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Client addresses or ranges that may read /metrics without the token. */
    metricsAllow: addresses,
  };
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** Settings given on the command line; undefined means "not given". */
export interface ConfigFlags {
  dataDir?: string;
  port?: number;
  config?: string;
  logFormat?: string;
}

const ENV_KEYS: Record<string, keyof ConfigInput> = {
  NEWSLOOM_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  NEWSLOOM_DATABASE_CONNECT_TIMEOUT: 'databaseConnectTimeout',
  PORT: 'port',
  NEWSLOOM_HOST: 'host',
  NEWSLOOM_SITE_URL: 'siteUrl',
  NEWSLOOM_SITE_NAME: 'siteName',
  NEWSLOOM_LOG_LEVEL: 'logLevel',
  NEWSLOOM_LOG_FORMAT: 'logFormat',
  NEWSLOOM_CONTACT_URL: 'contactUrl',
  NEWSLOOM_AUTH_SECRET: 'authSecret',
  NEWSLOOM_SMTP_URL: 'smtpUrl',
  NEWSLOOM_MAIL_FROM: 'mailFrom',
  NEWSLOOM_REQUIRE_EMAIL_VERIFICATION: 'requireEmailVerification',
  NEWSLOOM_TRUST_PROXY: 'trustProxy',
  NEWSLOOM_SIGN_IN_PER_MINUTE: 'signInPerMinute',
  NEWSLOOM_COMMENT_EDIT_MINUTES: 'commentEditMinutes',
  NEWSLOOM_COMMENTS_CLOSE_AFTER_DAYS: 'commentsCloseAfterDays',
  NEWSLOOM_COMMENTS_HELD_FOR_NEW_ACCOUNTS: 'commentsHeldForNewAccounts',
  NEWSLOOM_COMMENTS_PER_MINUTE: 'commentsPerMinute',
  NEWSLOOM_COMMENT_MAX_LENGTH: 'commentMaxLength',
  NEWSLOOM_COMMENT_MAX_LINKS: 'commentMaxLinks',
  NEWSLOOM_COMMENT_MIN_FORM_SECONDS: 'commentMinFormSeconds',
  NEWSLOOM_BANNED_WORDS: 'bannedWords',
  NEWSLOOM_SUSPECT_WORDS: 'suspectWords',
  NEWSLOOM_CLUSTER_THRESHOLD: 'clusterThreshold',
  NEWSLOOM_CLUSTER_MERGE_THRESHOLD: 'clusterMergeThreshold',
  NEWSLOOM_CLUSTER_WINDOW_HOURS: 'clusterWindowHours',
  NEWSLOOM_CLUSTER_HALF_LIFE_HOURS: 'clusterHalfLifeHours',
  NEWSLOOM_CLUSTER_TEXT_WEIGHT: 'clusterTextWeight',
  NEWSLOOM_STORY_MIN_ARTICLES: 'storyMinArticles',
  NEWSLOOM_STORY_MIN_PUBLISHERS: 'storyMinPublishers',
  NEWSLOOM_PUBLISH_POLICY: 'publishPolicy',
  NEWSLOOM_LLM_BASE_URL: 'llmBaseUrl',
  NEWSLOOM_LLM_MODEL: 'llmModel',
  NEWSLOOM_LLM_API_KEY: 'llmApiKey',
  NEWSLOOM_LLM_TIMEOUT: 'llmTimeout',
  NEWSLOOM_LLM_MAX_RETRIES: 'llmMaxRetries',
  NEWSLOOM_LLM_PROMPT_TOKENS: 'llmPromptTokens',
  NEWSLOOM_EMBEDDINGS_BASE_URL: 'embeddingsBaseUrl',
  NEWSLOOM_EMBEDDINGS_MODEL: 'embeddingsModel',
  NEWSLOOM_EMBEDDINGS_API_KEY: 'embeddingsApiKey',
  NEWSLOOM_WRITE_DEBOUNCE: 'writeDebounce',
  NEWSLOOM_FETCH_ALLOW: 'fetchAllow',
  NEWSLOOM_FETCH_MAX_BYTES: 'fetchMaxBytes',
  NEWSLOOM_FETCH_TIMEOUT: 'fetchTimeout',
  NEWSLOOM_FETCH_DELAY_MS: 'fetchDelay',
  NEWSLOOM_SOURCE_PAUSE_AFTER: 'sourcePauseAfter',
  NEWSLOOM_JOB_TIMEOUT: 'jobTimeout',
  NEWSLOOM_METRICS_TOKEN: 'metricsToken',
  NEWSLOOM_METRICS_ALLOW: 'metricsAllow',
};

const NUMERIC_KEYS = new Set<keyof ConfigInput>([
  'port',
  'databaseConnectTimeout',
  'signInPerMinute',
  'commentEditMinutes',
  'commentsCloseAfterDays',
  'commentsHeldForNewAccounts',
  'commentsPerMinute',
  'commentMaxLength',
  'commentMaxLinks',
  'commentMinFormSeconds',
  'clusterThreshold',
  'clusterMergeThreshold',
  'clusterWindowHours',
  'clusterHalfLifeHours',
  'clusterTextWeight',
  'storyMinArticles',
  'storyMinPublishers',
  'llmTimeout',
  'llmMaxRetries',
  'llmPromptTokens',
  'writeDebounce',
  'fetchMaxBytes',
  'fetchTimeout',
  'fetchDelay',
  'sourcePauseAfter',
  'jobTimeout',
]);

function fromEnv(env: NodeJS.ProcessEnv): Partial<Record<keyof ConfigInput, unknown>> {
  const out: Partial<Record<keyof ConfigInput, unknown>> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    out[key] = NUMERIC_KEYS.has(key) && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}

function fromFile(file: string | undefined, explicit: boolean): Record<string, unknown> {
  if (!file || (!explicit && !existsSync(file))) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('config_invalid', `cannot read config file ${file}`, { cause });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('top level must be an object');
    }
    return parsed as Record<string, unknown>;
  } catch (cause) {
    throw new AppError(
      'config_invalid',
      `config file ${file} is not valid JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/**
 * Builds the configuration from (lowest to highest precedence) defaults, `newsloom.config.json`
 * (or the file named by `--config` / `NEWSLOOM_CONFIG`), environment variables and flags.
 * A bad value throws an AppError whose message names the setting.
 */
export function loadConfig(
  flags: ConfigFlags = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Config {
  const explicitFile = flags.config ?? env.NEWSLOOM_CONFIG;
  const file = fromFile(explicitFile ?? path.join(cwd, 'newsloom.config.json'), explicitFile !== undefined);
  const merged: Record<string, unknown> = {
    dataDir: './data',
    ...file,
    ...fromEnv(env),
    ...Object.fromEntries(
      Object.entries({ dataDir: flags.dataDir, port: flags.port, logFormat: flags.logFormat }).filter(
        ([, v]) => v !== undefined,
      ),
    ),
  };
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const setting = issue.path.join('.') || '(root)';
    throw new AppError('config_invalid', `invalid setting ${setting}: ${issue.message}`);
  }
  const config = { ...result.data, dataDir: path.resolve(cwd, result.data.dataDir) };
  return merged.siteUrl === undefined ? { ...config, siteUrl: localSiteUrl(config.port) } : config;
}

// The public address of a site nobody named: the port it serves on, so that a site started on
// another port (`PORT=3400 npm start`) links to itself and accepts its own forms.

/** The address a site serving on `port` of this machine answers at. */
export function localSiteUrl(port: number): string {
  return `http://localhost:${port}`;
}

/**
 * The config of a server once it listens on `port`: a siteUrl that followed the configured port
 * follows the bound one (port 0 asks the system for a free port); a configured siteUrl stays.
 */
export function withServedPort(config: Config, port: number): Config {
  const followed = config.siteUrl === localSiteUrl(config.port);
  return { ...config, port, siteUrl: followed ? localSiteUrl(port) : config.siteUrl };
}
