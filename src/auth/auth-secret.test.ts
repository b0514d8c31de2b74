import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config.js';
import { resolveAuthSecret, storedSecretsBox } from './auth-secret.js';

const embedded = () =>
  configSchema.parse({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'newsloom-secret-')) });

describe('the auth secret', () => {
  it('is generated once per embedded data directory, owner-only, and kept', () => {
    const config = embedded();
    const first = resolveAuthSecret(config, 'pglite');
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(resolveAuthSecret(config, 'pglite')).toBe(first);
    expect(statSync(path.join(config.dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(readdirSync(config.dataDir)).toEqual(['auth-secret']);
  });

  it('must be configured with a served database, where a worker without it cannot open stored secrets', () => {
    const config = configSchema.parse({ dataDir: '/nonexistent' });
    expect(() => resolveAuthSecret(config, 'postgres')).toThrow(/NEWSLOOM_AUTH_SECRET/);
    expect(storedSecretsBox(config, 'postgres')).toBeUndefined();
  });

  it('keys the box for stored secrets: the same secret opens what another process sealed', () => {
    const config = embedded();
    const sealed = storedSecretsBox(config, 'pglite')!.seal('sk-0123456789abcdef');
    expect(storedSecretsBox(config, 'pglite')!.open(sealed)).toBe('sk-0123456789abcdef');
    expect(() => storedSecretsBox(embedded(), 'pglite')!.open(sealed)).toThrow(/another auth secret/);
  });
});
