import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, collect, spawnCli } from '../../src/cli/testing.js';
import { freePort } from '../faults/private-postgres.js';
import { ARGS, available, CHROMIUM } from './chromium.js';

/**
 * `newsloom serve --demo --port N` as a person starts it, with no site URL set, browsed at
 * http://localhost:N: the site must link to itself there and accept its own forms.
 */
describe.skipIf(!available)('a site served on a port other than the default', () => {
  let port = 0;
  let server: ChildProcess;
  let done: Promise<CliResult>;
  let browser: Browser;
  let logs = '';

  beforeAll(async () => {
    port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-port-'));
    server = spawnCli(['--data-dir', dir, 'serve', '--demo', '--port', String(port)], {
      // No site URL anywhere: it must follow the port. A person types slower than a browser.
      env: { NEWSLOOM_LOG_LEVEL: 'info', NEWSLOOM_SITE_URL: '', NEWSLOOM_COMMENT_MIN_FORM_SECONDS: '0' },
    });
    done = collect(server);
    await new Promise<void>((resolve, reject) => {
      server.stderr!.on('data', (d: Buffer) => {
        logs += d.toString();
        if (logs.includes('"msg":"listening"')) resolve();
      });
      server.once('exit', () => reject(new Error(`server exited: ${logs}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await done;
  });

  it('signs up, signs in and comments at http://localhost:<port>/', async () => {
    const base = `http://localhost:${port}`;
    const page = await (await browser.newContext({ baseURL: base })).newPage();
    await page.goto('/');
    expect(await page.getAttribute('link[rel=canonical]', 'href')).toBe(`${base}/`);
    await page.click('main a[href^="/stories/"]');
    const story = new URL(page.url()).pathname;
    await page.click('#thoughts a:has-text("Sign in to join the conversation")');
    await page.click('a:has-text("Create an account")');
    await page.fill('input[name=name]', 'Port Reader');
    await page.fill('input[name=email]', 'port.reader@example.com');
    await page.fill('input[name=password]', 'reader password');
    await page.click('form[action="/sign-up"] button[type=submit]');
    await page.waitForURL(/\/sign-in\?notice=signed-up/);
    await page.fill('input[name=email]', 'port.reader@example.com');
    await page.fill('input[name=password]', 'reader password');
    await page.click('form[action="/sign-in"] button[type=submit]');
    await page.waitForURL((url) => url.pathname === story);
    await page.goto(`${story}/thoughts`);
    await page.fill(
      'main form.comment-form textarea[name=body] >> nth=0',
      'A first thought, from another port.',
    );
    await page.click('main form.comment-form button[type=submit] >> nth=0');
    await page.waitForLoadState();
    const thread = await page.textContent('#thoughts');
    expect(thread).toContain('A first thought, from another port.');
    expect(thread).toContain('waits for a moderator');
    expect(logs).not.toContain('request refused');
  });
});
