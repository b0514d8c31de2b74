import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../src/auth/accounts.js';
import { createUser } from '../../src/auth/users.js';
import type { Database } from '../../src/db/connect.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { startTestServer, type TestServer } from '../../src/ingest/test-server.js';
import { silentLogger } from '../../src/lib/log.js';
import { FIXTURE_STORIES, seedSite } from '../../src/store/site-fixture.js';
import { createApp } from '../../src/web/app.js';
import { testConfig } from '../../src/web/discuss/testing.js';
import {
  available,
  type BrowserRig,
  saveScreenshot,
  sidewaysOverflow,
  signedIn as signInPage,
  startBrowserRig,
} from './chromium.js';

const PAGES = [
  ['dashboard', '/admin'],
  ['sources', '/admin/sources'],
  ['moderation', '/admin/moderation'],
  ['people', '/admin/people'],
  ['settings', '/admin/settings'],
  ['audit', '/admin/audit'],
] as const;

const paragraph = (seed: string) =>
  Array.from({ length: 150 }, (_, i) => `${seed}${i % 31} harbour${(i * 7) % 43}`).join(' ');
const feed = (base: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loopback Gazette</title><link>${base}/</link>${[
    'alpha',
    'beta',
    'gamma',
  ]
    .map(
      (id) =>
        `<item><guid>${id}</guid><title>Gazette ${id}</title><link>${base}/${id}</link><pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate><description><![CDATA[<p>${paragraph(id)}.</p>]]></description></item>`,
    )
    .join('')}</channel></rss>`;

describe.skipIf(!available)('editor console in chromium', () => {
  let database: Database;
  let rig: BrowserRig | undefined;
  let feeds: TestServer;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedSite(database.db, FIXTURE_STORIES);
    feeds = await startTestServer();
    feeds.routes.set('/gazette.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: feed(feeds.url),
    });
    // Browsers come from 127.0.0.1 and sign in faster than people; feeds live on loopback too.
    const config = testConfig({
      trustProxy: false,
      signInPerMinute: 200,
      fetchAllow: ['127.0.0.1'],
      fetchDelay: 0,
    });
    const accounts = createAccounts({ config, database, logger: silentLogger() });
    await createUser(accounts, {
      email: 'ed@example.com',
      password: 'editor-pass',
      role: 'editor',
      name: 'Edie',
    });
    await createUser(accounts, { email: 'reader@example.com', password: 'reader-pass', name: 'Rita' });
    const app = createApp({ config, database, logger: silentLogger() });
    rig = await startBrowserRig(app);
    ({ base, browser } = rig);
  });
  afterAll(async () => {
    await rig?.close();
    await feeds?.close();
    await database?.close();
  });

  function signedIn(email: string, password: string, width = 1280): Promise<Page> {
    return signInPage(browser, base, { email, password, width });
  }

  it('lets an editor add a feed and fetch it now, using the keyboard, and shows the result', async () => {
    const page = await signedIn('ed@example.com', 'editor-pass');
    await page.goto('/admin/sources');
    await page.fill('#f-url', `${feeds.url}/gazette.xml`);
    await page.press('#f-url', 'Enter');
    await page.waitForURL(/\/admin\/sources\/\d+\?done=added/);
    expect(await page.textContent('h1')).toBe('Loopback Gazette');
    await page.focus('button:has-text("Fetch now")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#fetch-result');
    const result = await page.textContent('#fetch-result');
    expect(result).toContain('Fetched: ok');
    expect(result).toContain('3 new');
    await page.goto('/admin/sources');
    expect(await page.textContent('table')).toContain('Loopback Gazette');
    await page.goto('/admin/audit?action=source.');
    expect(await page.textContent('ol.audit')).toContain('source.fetch');
    await page.context().close();
  });

  it('saves a setting that the reader site shows at once, and names a wrong field', async () => {
    const page = await signedIn('ed@example.com', 'editor-pass');
    await page.goto('/admin/settings');
    await page.fill('#f-clusterWindowHours', '');
    await page.fill('#f-siteName', 'The Harbour Desk');
    // Server-side validation is what counts: skip the browser's own checks.
    await page.$eval('form.settings', (form) => form.setAttribute('novalidate', ''));
    await page.click('form.settings button[type=submit]');
    expect(await page.textContent('#clusterWindowHours-error')).toBe('Time window is required');
    await page.fill('#f-clusterWindowHours', '72');
    await page.click('form.settings button[type=submit]');
    await page.waitForURL(/done=saved/);
    const reader = await (await browser.newContext({ baseURL: base })).newPage();
    await reader.goto('/');
    expect(await reader.textContent('header.site .brand')).toBe('The Harbour Desk');
    expect(await reader.title()).toBe('The Harbour Desk');
    await reader.context().close();
    await page.context().close();
  });

  it('answers 403 to a reader on every console page', async () => {
    const page = await signedIn('reader@example.com', 'reader-pass');
    for (const [, path] of PAGES) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    await page.context().close();
  });

  it('saves screenshots of every console page at 375 px and 1280 px', async () => {
    for (const width of [375, 1280]) {
      const page = await signedIn('ed@example.com', 'editor-pass', width);
      for (const [name, path] of PAGES) {
        await page.goto(path);
        const file = await saveScreenshot(page, `admin-${name}-${width}`);
        expect(existsSync(file)).toBe(true);
        // Nothing but scrollable tables overflows sideways on a phone.
        const overflow = await sidewaysOverflow(page);
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      }
      await page.context().close();
    }
  });
});
