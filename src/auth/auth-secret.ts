import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Engine } from '../db/connect.js';
import { AppError } from '../lib/errors.js';
import { createSecretBox, type SecretBox } from '../lib/secret-box.js';

/**
 * The session-signing secret: the configured one, or (embedded engine only) one generated once and
 * kept in `<dataDir>/auth-secret`. Several web nodes on a served database must share a configured one.
 */
export function resolveAuthSecret(config: Config, engine: Engine): string {
  if (config.authSecret) return config.authSecret;
  if (engine === 'postgres') {
    throw new AppError(
      'config_invalid',
      'NEWSLOOM_AUTH_SECRET (at least 32 characters) is required with DATABASE_URL',
    );
  }
  const file = path.join(config.dataDir, 'auth-secret');
  const existing = readSecretFile(file);
  if (existing) return existing;
  mkdirSync(config.dataDir, { recursive: true });
  // Written whole under a private name, then linked into place: a process starting at the same
  // moment never reads it empty, and if two generate one, both keep the one linked first.
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(temp, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return readSecretFile(file)!;
}

function readSecretFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The box that seals the secrets an editor saves (the model API key), keyed on the auth secret;
 * undefined where there is none (a worker on a served database without NEWSLOOM_AUTH_SECRET), which
 * then cannot read those secrets.
 */
export function storedSecretsBox(config: Config, engine: Engine): SecretBox | undefined {
  if (engine === 'postgres' && !config.authSecret) return undefined;
  return createSecretBox(resolveAuthSecret(config, engine));
}
