import type { Config } from '../config/config.js';
import type { Logger } from '../lib/log.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { Executor } from '../store/db.js';
import { recordAction } from '../store/moderation.js';
import { getSetting, setSetting } from '../store/site.js';
import {
  applySettings,
  editableOf,
  type FieldErrors,
  type LiveSettings,
  parseSettings,
  readStored,
  SETTINGS_KEY,
  type StoredSettings,
} from './settings-schema.js';
import { openSecrets, sealSecrets } from './settings-secrets.js';

export type { LiveSettings } from './settings-schema.js';

/**
 * The settings in force: the start-up config with the console's stored overrides on top. Built once
 * per process and passed to what reads settings; every process re-reads the database at most once
 * per `ttlMs`, and a save in this process takes effect at once.
 */
export interface SettingsService {
  /** The settings as last loaded (sync, for code that cannot wait); starts a reload when stale. */
  current(): LiveSettings;
  /** The settings, reloaded first when older than the TTL. */
  fresh(): Promise<LiveSettings>;
  /** Reloads now (after a save). */
  reload(): Promise<LiveSettings>;
  /** Changes whenever a reload finds different settings: part of cache keys. */
  version(): number;
  /** The stored overrides alone. */
  stored(): Promise<StoredSettings>;
  readonly db: Executor;
  readonly base: Config;
  /** Seals the secret settings at rest; absent where no auth secret is known. */
  readonly secrets?: SecretBox;
}

/** Creates the settings service of a process. */
export function createSettingsService({
  config,
  db,
  logger,
  ttlMs = 5000,
  now = () => Date.now(),
  secrets,
}: {
  config: Config;
  db: Executor;
  logger: Logger;
  ttlMs?: number;
  now?: () => number;
  secrets?: SecretBox;
}): SettingsService {
  let live = applySettings(config, {});
  let loadedAt = Number.NEGATIVE_INFINITY;
  let stamp = 0;
  let signature = JSON.stringify({});
  let loading: Promise<LiveSettings> | null = null;
  let warnedUnreadable = '';

  const stored = async (): Promise<StoredSettings> => {
    const { stored: value, dropped } = readStored(await getSetting(db, SETTINGS_KEY));
    if (dropped.length) logger.warn({ fields: dropped }, 'stored settings ignored: no longer valid');
    const { stored: opened, plain, unreadable } = openSecrets(value, secrets);
    if (unreadable.join() !== warnedUnreadable) {
      warnedUnreadable = unreadable.join();
      if (unreadable.length)
        logger.warn(
          { fields: unreadable },
          'stored secrets ignored: sealed with another auth secret, or none is set here (NEWSLOOM_AUTH_SECRET)',
        );
    }
    // A secret found in the clear (an older release saved it, or an import brought it) is sealed now.
    if (plain && secrets) await setSetting(db, SETTINGS_KEY, sealSecrets(value, secrets));
    return opened;
  };
  const reload = (): Promise<LiveSettings> => {
    loading ??= stored()
      .then((value) => {
        const next = JSON.stringify(value);
        if (next !== signature) {
          signature = next;
          stamp++;
        }
        live = applySettings(config, value);
        loadedAt = now();
        return live;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
  const stale = () => now() - loadedAt >= ttlMs;
  return {
    db,
    base: config,
    secrets,
    current() {
      if (stale()) reload().catch((error) => logger.error({ err: error }, 'settings could not be reloaded'));
      return live;
    },
    fresh: () => (stale() ? reload() : Promise.resolve(live)),
    reload,
    version: () => stamp,
    stored,
  };
}

/** The result of saving the settings form. */
export type SaveResult = { ok: true; settings: LiveSettings } | { ok: false; errors: FieldErrors };

/**
 * Validates and stores the settings form, records the change in the audit log (the key only as
 * "set"/"unset", never its value) and makes it effective in this process at once.
 * `llmApiKey` empty keeps the stored key; `clearApiKey` removes it. A new endpoint needs its key
 * entered again (or removed): a saved key is never sent to an address it was not entered for.
 */
export async function saveSettings(
  settings: SettingsService,
  actorId: string | null,
  input: Record<string, unknown>,
): Promise<SaveResult> {
  const parsed = parseSettings(input);
  if (!parsed.ok) return parsed;
  const before = await settings.fresh();
  const previous = await settings.stored();
  const next: StoredSettings = { ...parsed.value };
  const key = typeof input.llmApiKey === 'string' ? input.llmApiKey.trim() : '';
  const clear = input.clearApiKey === 'on' || input.clearApiKey === true;
  // A key in force belongs to its endpoint: a new address gets a key typed for it, or none.
  if (
    !key &&
    !clear &&
    before.config.llmApiKey &&
    movesEndpoint(before.config.llmBaseUrl, parsed.value.llmBaseUrl)
  )
    return { ok: false, errors: { llmApiKey: NEW_ENDPOINT_KEY } };
  if (clear) next.llmApiKey = null;
  else if (key) next.llmApiKey = key;
  else if (previous.llmApiKey !== undefined) next.llmApiKey = previous.llmApiKey;
  await settings.db.transaction().execute(async (trx) => {
    await setSetting(trx, SETTINGS_KEY, sealSecrets(next, settings.secrets));
    await recordAction(trx, {
      actorId,
      action: 'settings.update',
      targetKind: 'settings',
      targetId: SETTINGS_KEY,
      before: redacted(before),
      after: redacted(applySettings(settings.base, next)),
    });
  });
  return { ok: true, settings: await settings.reload() };
}

const NEW_ENDPOINT_KEY =
  'Enter the key for the new endpoint (the saved key stays with the old one), or tick "Remove the stored key"';

/** Whether saving `next` points the model at another address than the key in force was given for. */
function movesEndpoint(current: string | undefined, next: string): boolean {
  const normalize = (url: string | undefined) => (url ?? '').trim().replace(/\/+$/, '');
  return next !== '' && normalize(current) !== normalize(next);
}

function redacted(live: LiveSettings) {
  return { ...editableOf(live), llmApiKey: live.config.llmApiKey ? 'set' : 'unset' };
}
