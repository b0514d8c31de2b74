import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Database } from '../../src/db/connect.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { DAM } from '../../src/disagree/testing.js';
import { createLogger } from '../../src/lib/log.js';
import { seedStory } from '../../src/publish/testing.js';
import { writeStory } from '../../src/publish/write-story.js';
import { storyById } from '../../src/store/stories.js';
import { createApp } from '../../src/web/app.js';
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

describe.skipIf(!available)('where sources disagree, in chromium', () => {
  let database: Database;
  let rig: BrowserRig | undefined;
  let slug = '';

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const { storyId } = await seedStory(database.db, 'corran-dam', DAM);
    const logger = createLogger('silent');
    expect((await writeStory({ db: database.db, logger, policy: 'auto' }, storyId)).status).toBe('published');
    slug = (await storyById(database.db, storyId))!.slug;
    const config = loadConfig({ dataDir: '/tmp/newsloom-browser-test' }, {});
    rig = await startBrowserRig(createApp({ config, database, logger }));
  });
  afterAll(async () => {
    await rig?.close();
    await database?.close();
  });

  it('lists the disputed fact with each value, its outlets and times, and links to the passage', async () => {
    const page = await rig!.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${rig!.base}/stories/${slug}`);
    const section = page.locator('section#disagreements');
    expect(await section.locator('h2').textContent()).toBe('Where sources disagree');
    expect(await section.isVisible()).toBe(true);
    const values = section.locator('.disagreement-value');
    expect(await values.count()).toBe(2);
    expect(await values.nth(0).locator('strong').textContent()).toBe('40');
    expect(await values.nth(1).locator('strong').textContent()).toBe('55');
    expect(await values.nth(1).textContent()).toContain('Harrow Courier');
    expect(await values.nth(1).locator('time').getAttribute('datetime')).toBe('2026-01-30T15:00:00.000Z');

    // The outlet links to the cited passage in the sources list, which holds the value.
    await values.nth(1).locator('a').click();
    const target = await page.evaluate(
      () => (globalThis as unknown as { location: { hash: string } }).location.hash,
    );
    expect(target).toMatch(/^#p\d+$/);
    expect(await page.locator(`${target} blockquote`).textContent()).toContain('55 homes');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'disagreements-1280');

    const narrow = await rig!.browser.newPage({ viewport: { width: 360, height: 800 } });
    await narrow.goto(`${rig!.base}/stories/${slug}`);
    expect(await sidewaysOverflow(narrow)).toBe(0);
  });
});
