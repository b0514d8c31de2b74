import { isSealed, type SecretBox } from '../lib/secret-box.js';
import type { StoredSettings } from './settings-schema.js';

/** The console settings that are secrets: sealed at rest, never shown back, left out of exports. */
export const SECRET_SETTINGS = ['llmApiKey'] as const;

/**
 * The stored settings with their secrets opened for use. A secret that cannot be opened (sealed
 * with another auth secret, or no auth secret here) is dropped, so the config's value applies, and
 * named in `unreadable`; `plain` says whether one was found in the clear (saved by an older release,
 * or imported).
 */
export function openSecrets(
  stored: StoredSettings,
  box: SecretBox | undefined,
): { stored: StoredSettings; plain: boolean; unreadable: string[] } {
  const opened: StoredSettings = { ...stored };
  const unreadable: string[] = [];
  let plain = false;
  for (const field of SECRET_SETTINGS) {
    const value = stored[field];
    if (typeof value !== 'string') continue;
    if (!isSealed(value)) {
      plain = true;
      continue;
    }
    try {
      if (!box) throw new Error('no auth secret to open it with');
      opened[field] = box.open(value);
    } catch {
      unreadable.push(field);
      delete opened[field];
    }
  }
  return { stored: opened, plain, unreadable };
}

/** The settings as they are written: every secret sealed. Throws when there is no box to seal with. */
export function sealSecrets(stored: StoredSettings, box: SecretBox | undefined): StoredSettings {
  const sealed: StoredSettings = { ...stored };
  for (const field of SECRET_SETTINGS) {
    const value = stored[field];
    if (typeof value !== 'string' || isSealed(value)) continue;
    if (!box) throw new Error(`cannot store ${field} without an auth secret to seal it with`);
    sealed[field] = box.seal(value);
  }
  return sealed;
}
