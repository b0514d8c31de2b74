import { existsSync } from 'node:fs';
import { parseRssFeed } from 'feedsmith';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Database } from '../../src/db/connect.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createLogger } from '../../src/lib/log.js';
import { setSetting } from '../../src/store/site.js';
import { FIXTURE_STORIES, seedSite, xssStory } from '../../src/store/site-fixture.js';
import { upsertTopic } from '../../src/store/topics.js';
import { createApp } from '../../src/web/app.js';
import {
  available,
  axeViolations,
  type BrowserRig,
  CHROMIUM,
  PAYLOADS,
  saveScreenshot,
  sidewaysOverflow,
  startBrowserRig,
} from './chromium.js';

const TARIFF = 'tariff-talks-stall-over-investment-pledge';

if (!available)
  console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!available)('reader site in chromium', () => {
  let database: Database;
  let rig: BrowserRig | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedSite(database.db, [...FIXTURE_STORIES, xssStory(PAYLOADS)]);
    await upsertTopic(database.db, { slug: 'trade', name: 'Trade', keywords: ['tariff'], entities: [] });
    await setSetting(database.db, 'demo', true);
    const config = loadConfig({ dataDir: '/tmp/newsloom-browser-test' }, {});
    const app = createApp({ config, database, logger: createLogger('silent') });
    rig = await startBrowserRig(app);
    ({ base, browser } = rig);
  });
  afterAll(async () => {
    await rig?.close();
    await database?.close();
  });

  async function newPage(options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      javaScriptEnabled: options.javaScript ?? true,
    });
    return context.newPage();
  }

  it('walks home → story → citation → related → search → RSS', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.click(`main a[href="/stories/${TARIFF}"]`);
    await page.waitForURL(`${base}/stories/${TARIFF}`);
    expect(await page.textContent('h1')).toBe('Tariff talks stall over the size of an investment pledge');

    // A citation marker opens the passage beside the sentence: outlet, highlighted sentence, link.
    const marker = page.locator('.body a.cite').first();
    await marker.click();
    const pop = page.locator('.pop');
    await pop.waitFor();
    expect(await pop.locator('.outlet').textContent()).toBe('Harbour Ledger');
    expect(await pop.locator('mark').textContent()).toBe(
      'Negotiators from Arland and Borvia ended a third day of talks without agreement.',
    );
    expect(await pop.locator('a').getAttribute('href')).toMatch(/^https:\/\/harbourledger\.example\//);
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await pop.count()).toBe(0);

    await page.click('.related a >> nth=0');
    await page.waitForURL(/\/stories\/(?!tariff)/);
    expect(await page.locator('h1').count()).toBe(1);

    await page.fill('header input[name=q]', 'investment pledge');
    await page.press('header input[name=q]', 'Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator(`.cards a[href="/stories/${TARIFF}"]`).count()).toBe(1);
    expect(await page.locator('.cards mark').count()).toBeGreaterThan(0);

    const rss = await page.getAttribute('link[rel=alternate][type="application/rss+xml"]', 'href');
    const response = await page.request.get(new URL(rss!, base).toString());
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    const feed = parseRssFeed(await response.text());
    expect(feed.items?.length).toBe(4);
    await page.context().close();
  });

  it('shows a passage on keyboard focus', async () => {
    const page = await newPage();
    await page.goto(`${base}/stories/${TARIFF}`);
    await page.locator('.body a.cite').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await page.locator('.pop').waitFor();
    expect(await page.locator('.pop mark').count()).toBe(1);
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on home, story and search', async () => {
    const page = await newPage();
    for (const path of ['/', `/stories/${TARIFF}`, '/search?q=tariff']) {
      await page.goto(`${base}${path}`);
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.context().close();
  });

  it('saves screenshots at 375 px and 1280 px', async () => {
    for (const width of [375, 1280]) {
      const page = await newPage({ width });
      for (const [name, path] of [
        ['home', '/'],
        ['story', `/stories/${TARIFF}`],
        ['search', '/search?q=tariff'],
      ] as const) {
        await page.goto(`${base}${path}`);
        const file = await saveScreenshot(page, `${name}-${width}`);
        expect(existsSync(file)).toBe(true);
      }
      // Nothing overflows sideways on a phone.
      const overflow = await sidewaysOverflow(page);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('works with JavaScript disabled: every page renders and citations jump to the passage', async () => {
    const page = await newPage({ javaScript: false });
    for (const path of [
      '/',
      `/stories/${TARIFF}`,
      '/search?q=tariff',
      '/topics/trade',
      '/sources',
      '/corrections',
      '/how-it-works',
      `/stories/${TARIFF}/versions`,
    ]) {
      const response = await page.goto(`${base}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
      expect(await page.locator('h1').count()).toBe(1);
    }
    await page.goto(`${base}/stories/${TARIFF}`);
    const href = await page.locator('.body a.cite').first().getAttribute('href');
    await page.locator('.body a.cite').first().click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await page.locator(`${href} mark`).isVisible()).toBe(true);
    await page.context().close();
  });

  it('runs none of the attack payloads from source articles', async () => {
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    for (const path of ['/', '/stories/payload-story', '/search?q=witnesses', '/sources']) {
      await page.goto(`${base}${path}`);
      for (const marker of await page.locator('a.cite').all()) await marker.click();
      expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
