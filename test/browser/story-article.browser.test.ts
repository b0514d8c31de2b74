import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Database } from '../../src/db/connect.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { loadDemoIfEmpty } from '../../src/demo/load.js';
import { demoPipeline } from '../../src/demo/pipeline.js';
import { createLogger } from '../../src/lib/log.js';
import { listPublishedStories, publishedStoryBySlug } from '../../src/store/site.js';
import { createApp } from '../../src/web/app.js';
import { headingProblem } from '../../src/write/anatomy.js';
import {
  available,
  axeViolations,
  type BrowserRig,
  CHROMIUM,
  saveScreenshot,
  sidewaysOverflow,
  startBrowserRig,
} from './chromium.js';

if (!available)
  console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** A demo story page as a reader meets it: the story article's parts, in order, each usable. */
describe.skipIf(!available)('the story article in chromium', () => {
  let database: Database;
  let rig: BrowserRig | undefined;
  let browser: Browser;
  let base = '';
  let slug = '';

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const logger = createLogger('silent');
    const config = loadConfig({ dataDir: '/tmp/newsloom-story-article-browser-test' }, {});
    await loadDemoIfEmpty(database.db, {
      logger,
      afterImport: demoPipeline({ db: database.db, config, logger }),
    });
    // The story with the most parts to show: a timeline, key figures and quotes.
    for (const s of await listPublishedStories(database.db, { limit: 100 })) {
      const { version } = (await publishedStoryBySlug(database.db, s.slug))!;
      const b = version.body;
      if ((b.timeline?.length ?? 0) >= 2 && b.figures.length > 0 && b.quotes.length > 0) {
        slug = s.slug;
        break;
      }
    }
    rig = await startBrowserRig(createApp({ config, database, logger }));
    ({ base, browser } = rig);
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
    await database?.close();
  });

  async function storyPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/stories/${slug}`);
    return page;
  }

  it('reads top to bottom: what happened, named sections, figures, quotes, timeline, coverage', async () => {
    expect(slug).not.toBe('');
    const page = await storyPage();
    const headings = await page.locator('article.story h2').allTextContents();
    expect(headings[0]).toBe('What happened');
    const at = (name: string) => headings.indexOf(name);
    for (const part of ['Key figures', 'What they said', 'Timeline', 'Coverage'])
      expect(at(part), part).toBeGreaterThan(0);
    // Section headings sit between the lede and the figures: phrases or function headings.
    for (const heading of headings.slice(1, at('Key figures')))
      expect(headingProblem(heading), heading).toBeUndefined();
    for (const label of await page.locator('aside.figures dd').allTextContents())
      expect(label.trim()).not.toBe('');
    const captions = await page.locator('section.said figcaption .speaker').allTextContents();
    expect(new Set(captions).size).toBe(captions.length);
    const dates = await page
      .locator('section.timeline time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates).toEqual([...dates].sort());
    expect(await page.locator('section.coverage li').count()).toBeGreaterThanOrEqual(2);
  });

  it('never shows two parts under one heading on any demo story', async () => {
    const page = await (await browser.newContext()).newPage();
    for (const s of await listPublishedStories(database.db, { limit: 100 })) {
      await page.goto(`${base}/stories/${s.slug}`);
      const headings = await page.locator('main h2').allTextContents();
      expect(headings.length, s.slug).toBeGreaterThan(3);
      expect(headings, s.slug).toEqual([...new Set(headings)]);
    }
  });

  it('links each timeline line to the passage it cites, which opens beside it on focus', async () => {
    const page = await storyPage();
    const marker = page.locator('section.timeline a.cite').first();
    const target = (await marker.getAttribute('href'))!;
    expect(await page.locator(`.sources ${target} mark`).textContent()).toBeTruthy();
    await marker.focus();
    await expect.poll(() => page.locator('section.timeline .pop mark').count()).toBeGreaterThan(0);
  });

  it('fits a phone, has no serious accessibility violations, and is saved as screenshots', async () => {
    for (const width of [375, 1280]) {
      const page = await storyPage(width);
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await saveScreenshot(page, `story-article-${width}`);
    }
  });
});
