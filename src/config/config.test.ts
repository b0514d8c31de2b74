import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, withServedPort } from './config.js';

const cwd = mkdtempSync(path.join(os.tmpdir(), 'newsloom-config-'));

describe('loadConfig', () => {
  it('defaults the data directory to ./data under the working directory', () => {
    const config = loadConfig({}, {}, cwd);
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('takes flags over environment over file', () => {
    const file = path.join(cwd, 'custom.json');
    writeFileSync(file, JSON.stringify({ dataDir: 'from-file', port: 4000, siteName: 'File Times' }));
    const env = { NEWSLOOM_CONFIG: file, NEWSLOOM_DATA_DIR: '/srv/env', PORT: '5000' };
    expect(loadConfig({}, { NEWSLOOM_CONFIG: file }, cwd)).toMatchObject({
      dataDir: path.join(cwd, 'from-file'),
      port: 4000,
      siteName: 'File Times',
    });
    expect(loadConfig({}, env, cwd)).toMatchObject({ dataDir: '/srv/env', port: 5000 });
    expect(loadConfig({ dataDir: '/srv/flag', port: 6000 }, env, cwd)).toMatchObject({
      dataDir: '/srv/flag',
      port: 6000,
    });
  });

  it('reads newsloom.config.json from the working directory when present', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-config-'));
    writeFileSync(path.join(dir, 'newsloom.config.json'), JSON.stringify({ siteName: 'Local Ledger' }));
    expect(loadConfig({}, {}, dir).siteName).toBe('Local Ledger');
  });

  it.each([
    [{ PORT: 'eighty' }, /invalid setting port/],
    [{ PORT: '70000' }, /invalid setting port/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /invalid setting databaseUrl: must be a postgres/],
    [{ NEWSLOOM_LOG_LEVEL: 'loud' }, /invalid setting logLevel/],
    [{ NEWSLOOM_LOG_FORMAT: 'xml' }, /invalid setting logFormat/],
    [{ NEWSLOOM_SITE_URL: 'not a url' }, /invalid setting siteUrl/],
  ])('stops on a bad value and names the setting: %o', (env, message) => {
    expect(() => loadConfig({}, env, cwd)).toThrow(message);
  });

  it('names a config file that is not JSON', () => {
    const file = path.join(cwd, 'broken.json');
    writeFileSync(file, '{ "port": 3000,');
    expect(() => loadConfig({ config: file }, {}, cwd)).toThrow(/broken\.json is not valid JSON/);
    expect(() => loadConfig({ config: path.join(cwd, 'missing.json') }, {}, cwd)).toThrow(
      /cannot read config file/,
    );
  });

  it.each([
    ['no siteUrl', {}, {}, 'http://localhost:3000'],
    ['PORT alone', { PORT: '3400' }, {}, 'http://localhost:3400'],
    ['--port alone', {}, { port: 3451 }, 'http://localhost:3451'],
    [
      'a configured siteUrl',
      { PORT: '3400', NEWSLOOM_SITE_URL: 'https://news.example' },
      {},
      'https://news.example',
    ],
  ])('makes siteUrl follow the port unless it is set: %s', (_, env, flags, siteUrl) => {
    expect(loadConfig(flags, env, cwd).siteUrl).toBe(siteUrl);
  });

  it('makes a followed siteUrl follow the port a server actually bound', () => {
    expect(withServedPort(loadConfig({ port: 0 }, {}, cwd), 41234)).toMatchObject({
      port: 41234,
      siteUrl: 'http://localhost:41234',
    });
    const named = loadConfig({ port: 0 }, { NEWSLOOM_SITE_URL: 'https://news.example' }, cwd);
    expect(withServedPort(named, 41234).siteUrl).toBe('https://news.example');
  });
});

describe('metrics access settings', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'newsloom-metrics-'));

  it('reads the token and the allowlist from the environment', () => {
    const env = {
      NEWSLOOM_METRICS_TOKEN: 'a-long-enough-token',
      NEWSLOOM_METRICS_ALLOW: '10.0.0.0/8, 192.0.2.1',
    };
    expect(loadConfig({}, env, cwd)).toMatchObject({
      metricsToken: 'a-long-enough-token',
      metricsAllow: ['10.0.0.0/8', '192.0.2.1'],
    });
  });

  it.each([
    [{ NEWSLOOM_METRICS_ALLOW: 'prometheus.internal' }, /metricsAllow.*IP addresses or CIDR ranges/],
    [{ NEWSLOOM_METRICS_TOKEN: 'short' }, /metricsToken.*at least 16 characters/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({}, env, cwd)).toThrowError(message);
  });
});
