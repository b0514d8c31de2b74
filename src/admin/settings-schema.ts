import { z } from 'zod';
import type { Config } from '../config/config.js';

/** The row of `site_settings` that holds the console's overrides. */
export const SETTINGS_KEY = 'console';

// Form fields arrive as strings: presence is checked first so an empty box says "required", not 0.
function numberField(label: string, min: number, max: number, { integer = false } = {}) {
  const base = z.coerce.number<string | number>({ error: `${label} must be a number` });
  const checked = (integer ? base.int(`${label} must be a whole number`) : base)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);
  return z
    .union([z.number(), z.string()])
    .refine((v) => typeof v === 'number' || v.trim() !== '', `${label} is required`)
    .pipe(checked);
}

function wordList(label: string) {
  return z
    .union([z.array(z.string()), z.string().transform((text) => text.split(/[,\n]/))])
    .transform((words) => [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))])
    .refine((words) => words.length <= 500, `${label}: at most 500 words`)
    .refine((words) => words.every((w) => w.length <= 60), `${label}: each word at most 60 characters`);
}

/**
 * What an editor may change from the console, with one clear message per field. The model key is
 * not here: it is write-only (see `saveSettings`).
 */
export const settingsSchema = z
  .object({
    siteName: z
      .string({ error: 'Site name is required' })
      .trim()
      .min(1, 'Site name is required')
      .max(80, 'Site name: at most 80 characters'),
    siteDescription: z.string().trim().max(300, 'Description: at most 300 characters').default(''),
    publishPolicy: z.enum(['auto', 'review'], { error: 'Publish policy must be "auto" or "review"' }),
    writer: z.enum(['extractive', 'llm'], { error: 'Writer must be "extractive" or "llm"' }),
    llmBaseUrl: z
      .string()
      .trim()
      .default('')
      .refine(
        (url) => url === '' || /^https?:\/\/[^\s/]+/.test(url),
        'Endpoint must be an http:// or https:// URL',
      )
      .refine((url) => url === '' || URL.canParse(url), 'Endpoint is not a valid URL'),
    llmModel: z.string().trim().max(200, 'Model: at most 200 characters').default(''),
    clusterThreshold: numberField('Join threshold', 0, 1),
    clusterMergeThreshold: numberField('Merge threshold', 0, 1),
    clusterWindowHours: numberField('Time window', 1, 24 * 90),
    commentsCloseAfterDays: numberField('Close comments after', 0, 3650, { integer: true }),
    commentsHeldForNewAccounts: numberField('Premoderation count', 0, 1000, { integer: true }),
    bannedWords: wordList('Banned words'),
    suspectWords: wordList('Suspect words'),
  })
  .superRefine((value, ctx) => {
    if (value.writer !== 'llm') return;
    if (!value.llmBaseUrl)
      ctx.addIssue({ code: 'custom', path: ['llmBaseUrl'], message: 'The model writer needs an endpoint' });
    if (!value.llmModel)
      ctx.addIssue({ code: 'custom', path: ['llmModel'], message: 'The model writer needs a model name' });
  });

export type EditableSettings = z.infer<typeof settingsSchema>;

/** What is stored: the editable settings plus the key (null: cleared; absent: the config's). */
export type StoredSettings = Partial<EditableSettings> & { llmApiKey?: string | null };

const storedSchema = z.object({ llmApiKey: z.string().min(1).nullable().optional() });

/** The settings in force: the config with the stored overrides on top, plus console-only fields. */
export interface LiveSettings {
  config: Config;
  siteDescription: string;
  writer: 'extractive' | 'llm';
}

/** Field name → message, for the form. */
export type FieldErrors = Record<string, string>;

/** Validates form input; per-field messages on failure. */
export function parseSettings(
  input: Record<string, unknown>,
): { ok: true; value: EditableSettings } | { ok: false; errors: FieldErrors } {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * Reads a stored row leniently: a field that no longer validates (an older release, a hand edit)
 * is dropped so the config's value applies, rather than failing every page.
 */
export function readStored(value: unknown): { stored: StoredSettings; dropped: string[] } {
  if (typeof value !== 'object' || value === null) return { stored: {}, dropped: [] };
  const row = value as Record<string, unknown>;
  const stored: Record<string, unknown> = {};
  const dropped: string[] = [];
  const shape = settingsSchema.shape as Record<string, z.ZodType>;
  for (const [field, raw] of Object.entries(row)) {
    if (field === 'llmApiKey') {
      const key = storedSchema.safeParse({ llmApiKey: raw });
      if (key.success) stored.llmApiKey = key.data.llmApiKey;
      else dropped.push(field);
      continue;
    }
    const schema = shape[field];
    const parsed = schema?.safeParse(raw);
    if (parsed?.success) stored[field] = parsed.data;
    else dropped.push(field);
  }
  return { stored: stored as StoredSettings, dropped };
}

/** The config with stored overrides applied. */
export function applySettings(config: Config, stored: StoredSettings): LiveSettings {
  const { siteDescription, writer, llmBaseUrl, llmModel, llmApiKey, ...rest } = stored;
  const merged: Config = { ...config, ...rest };
  if (llmBaseUrl !== undefined) merged.llmBaseUrl = llmBaseUrl || undefined;
  if (llmModel !== undefined) merged.llmModel = llmModel || undefined;
  if (llmApiKey !== undefined) merged.llmApiKey = llmApiKey ?? undefined;
  const configured = merged.llmBaseUrl && merged.llmModel ? 'llm' : 'extractive';
  return { config: merged, siteDescription: siteDescription ?? '', writer: writer ?? configured };
}

/** The form's values for the settings in force (never the key). */
export function editableOf(live: LiveSettings): EditableSettings {
  const { config } = live;
  return {
    siteName: config.siteName,
    siteDescription: live.siteDescription,
    publishPolicy: config.publishPolicy,
    writer: live.writer,
    llmBaseUrl: config.llmBaseUrl ?? '',
    llmModel: config.llmModel ?? '',
    clusterThreshold: config.clusterThreshold,
    clusterMergeThreshold: config.clusterMergeThreshold,
    clusterWindowHours: config.clusterWindowHours,
    commentsCloseAfterDays: config.commentsCloseAfterDays,
    commentsHeldForNewAccounts: config.commentsHeldForNewAccounts,
    bannedWords: config.bannedWords,
    suspectWords: config.suspectWords,
  };
}
