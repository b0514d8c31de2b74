import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_HEADLINE, storeHeldVersion, UNSUPPORTED } from '../../src/admin/testing.js';
import { createAccounts } from '../../src/auth/accounts.js';
import { createUser } from '../../src/auth/users.js';
import type { Database } from '../../src/db/connect.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { silentLogger } from '../../src/lib/log.js';
import { floodFrom, seedStory } from '../../src/publish/testing.js';
import { writeStory } from '../../src/publish/write-story.js';
import { storyById } from '../../src/store/stories.js';
import { createApp } from '../../src/web/app.js';
import { testConfig } from '../../src/web/discuss/testing.js';
import {
  available,
  axeViolations,
  type BrowserRig,
  saveScreenshot,
  sidewaysOverflow,
  signedIn as signInPage,
  startBrowserRig,
} from './chromium.js';

const NEW_HEADLINE = 'Lower Dorn evacuates 40 homes as the river floods';

describe.skipIf(!available)('editor review console in chromium', () => {
  let database: Database;
  let rig: BrowserRig | undefined;
  let browser: Browser;
  let base = '';
  let heldId = 0;
  let otherId = 0;
  let publishedId = 0;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const config = testConfig({ trustProxy: false, signInPerMinute: 200 });
    const accounts = createAccounts({ config, database, logger: silentLogger() });
    await createUser(accounts, {
      email: 'ed@example.com',
      password: 'editor-pass',
      role: 'editor',
      name: 'Ed',
    });
    await createUser(accounts, {
      email: 'reader@example.com',
      password: 'reader-pass',
      role: 'reader',
      name: 'Ria',
    });
    const write = { db: database.db, logger: silentLogger(), policy: 'auto' as const };
    heldId = (await seedStory(database.db, 'dorn-floods', floodFrom(1))).storyId;
    await storeHeldVersion(write, heldId);
    otherId = (await seedStory(database.db, 'dorn-roads', floodFrom(2))).storyId;
    await writeStory({ ...write, policy: 'review' }, otherId);
    publishedId = (await seedStory(database.db, 'dorn-shelters', floodFrom(3))).storyId;
    await writeStory(write, publishedId);
    const app = createApp({ config, database, logger: silentLogger() });
    rig = await startBrowserRig(app);
    ({ base, browser } = rig);
  });
  afterAll(async () => {
    await rig?.close();
    await database?.close();
  });

  function signedIn(email: string, password: string, width = 1280): Promise<Page> {
    return signInPage(browser, base, { email, password, width });
  }

  it('reviews a held version: unsupported sentence highlighted, headline fixed by keyboard, published', async () => {
    const page = await signedIn('ed@example.com', 'editor-pass');
    await page.goto('/admin/stories');
    await page.selectOption('select[name=state]', 'held');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/state=held/);
    await page.click(`table.stories a:has-text("${HELD_HEADLINE}")`);
    await page.waitForURL(`${base}/admin/stories/${heldId}`);

    const dropped = page.locator('li.sentence.dropped', { hasText: UNSUPPORTED });
    expect(await dropped.locator('.verdict').textContent()).toBe('unsupported');
    const colours = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { querySelector: (s: string) => unknown };
        getComputedStyle: (e: unknown) => { borderLeftColor: string };
      };
      const colour = (s: string) => g.getComputedStyle(g.document.querySelector(s)).borderLeftColor;
      return { dropped: colour('li.sentence.dropped'), verified: colour('li.sentence.v-verified') };
    });
    expect(colours.dropped).not.toBe(colours.verified);
    expect(await page.locator('h1 + .verdict').textContent()).toBe('figure not found');

    // Keyboard only: into the headline field, replace it, tab to the button, Enter.
    await page.focus('input[name=headline]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(NEW_HEADLINE);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=headline/);
    expect(await page.locator('[role=status]').textContent()).toContain('Headline and dek saved');
    expect(await page.textContent('h1')).toBe(NEW_HEADLINE);
    await page.click('button:has-text("Publish version 2")');
    await page.waitForURL(/done=publish/);

    await page.goto('/stories/dorn-floods');
    expect(await page.textContent('main h1')).toBe(NEW_HEADLINE);
    await page.context().close();
  });

  it('merges two stories', async () => {
    const page = await signedIn('ed@example.com', 'editor-pass');
    await page.goto(`/admin/stories/${publishedId}`);
    await page.fill('input[name=other]', 'dorn-roads');
    await page.press('input[name=other]', 'Enter');
    await page.waitForURL(/done=merge/);
    expect(await page.locator('[role=status]').textContent()).toContain('Stories merged');
    expect((await storyById(database.db, otherId))!).toMatchObject({
      state: 'merged',
      merged_into: publishedId,
    });
    await page.goto(`/admin/stories/${otherId}`);
    expect(await page.locator('.meta .state').first().textContent()).toBe('merged');
    await page.context().close();
  });

  it('gives a reader 403 on the review and corrections pages', async () => {
    const page = await signedIn('reader@example.com', 'reader-pass');
    for (const path of [
      '/admin/stories',
      `/admin/stories/${heldId}`,
      '/admin/corrections',
      `/admin/corrections/new?story=${publishedId}`,
    ]) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    await page.context().close();
  });

  it('has no serious accessibility violations, fits a phone, and saves screenshots at 375 and 1280 px', async () => {
    const pages = [
      ['admin-stories', '/admin/stories'],
      ['admin-story', `/admin/stories/${heldId}?v=1`],
      ['admin-corrections', '/admin/corrections'],
      ['admin-correction-new', `/admin/corrections/new?story=${publishedId}`],
    ] as const;
    for (const width of [375, 1280]) {
      const page = await signedIn('ed@example.com', 'editor-pass', width);
      for (const [name, path] of pages) {
        await page.goto(path);
        if (width === 1280)
          expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
        const overflow = await sidewaysOverflow(page);
        expect({ path, overflow }).toEqual({ path, overflow: 0 });
        const file = await saveScreenshot(page, `${name}-${width}`);
        expect(existsSync(file)).toBe(true);
      }
      await page.context().close();
    }
  });
});
