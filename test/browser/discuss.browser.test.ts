import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../src/auth/accounts.js';
import { createUser } from '../../src/auth/users.js';
import type { Database } from '../../src/db/connect.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { banUser } from '../../src/discuss/bans.js';
import { silentLogger } from '../../src/lib/log.js';
import { FIXTURE_STORIES, seedSite } from '../../src/store/site-fixture.js';
import { userByEmail } from '../../src/store/users.js';
import { createApp } from '../../src/web/app.js';
import { testConfig } from '../../src/web/discuss/testing.js';
import { available, type BrowserRig, PAYLOADS, startBrowserRig } from './chromium.js';

describe.skipIf(!available)('accounts and Thoughts in chromium', () => {
  let database: Database;
  let rig: BrowserRig | undefined;
  let browser: Browser;
  let base = '';
  let slug = '';

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedSite(database.db, FIXTURE_STORIES);
    slug = FIXTURE_STORIES[0]!.slug;
    // Every browser comes from 127.0.0.1 and types faster than any person: relax those limits only.
    const config = testConfig({
      trustProxy: false,
      signInPerMinute: 200,
      commentsPerMinute: 100,
      commentMinFormSeconds: 0,
    });
    const accounts = createAccounts({ config, database, logger: silentLogger() });
    await createUser(accounts, {
      email: 'mod@example.com',
      password: 'moderator-pass',
      role: 'moderator',
      name: 'Mo',
    });
    const app = createApp({ config, database, logger: silentLogger() });
    rig = await startBrowserRig(app);
    ({ base, browser } = rig);
  });
  afterAll(async () => {
    await rig?.close();
    await database?.close();
  });

  /** A fresh browser profile; any alert/confirm/prompt (an executed XSS payload) is recorded. */
  async function newPage(javaScript: boolean): Promise<Page & { dialogs: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: javaScript, baseURL: base });
    const page = (await context.newPage()) as Page & { dialogs: string[] };
    page.dialogs = [];
    page.on('dialog', async (dialog) => {
      page.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    return page;
  }

  async function signIn(page: Page, email: string, password: string, next = `/stories/${slug}/thoughts`) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('form[action="/sign-in"] button[type=submit]');
    await page.waitForURL((url) => url.pathname === next.split('#')[0]);
  }

  async function post(page: Page, body: string, within = 'main') {
    await page.fill(`${within} form.comment-form textarea[name=body] >> nth=0`, body);
    await page.click(`${within} form.comment-form button[type=submit] >> nth=0`);
    await page.waitForLoadState();
  }

  for (const javaScript of [true, false]) {
    it(`signs up, comments, waits for approval, replies, edits, likes and reports (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const who = javaScript ? 'js' : 'nojs';
      const thread = `/stories/${slug}/thoughts`;
      const reader = await newPage(javaScript);
      await reader.goto(`/stories/${slug}`);
      await reader.click('#thoughts a:has-text("Sign in to join the conversation")');
      await reader.click('a:has-text("Create an account")');
      await reader.fill('input[name=name]', `Reader ${who}`);
      await reader.fill('input[name=email]', `${who}@example.com`);
      await reader.fill('input[name=password]', 'reader password');
      await reader.click('form[action="/sign-up"] button[type=submit]');
      await reader.waitForURL(/\/sign-in\?notice=signed-up/);
      await reader.fill('input[name=email]', `${who}@example.com`);
      await reader.fill('input[name=password]', 'reader password');
      await reader.click('form[action="/sign-in"] button[type=submit]');
      // Back to the story the prompt was on, whose embedded thread now carries the reader's forms.
      await reader.waitForURL((url) => url.pathname === `/stories/${slug}`);
      await reader.goto(thread);

      await post(reader, `First thought from ${who}.`);
      expect(await reader.textContent('#thoughts')).toContain('waits for a moderator');
      const anonymous = await newPage(javaScript);
      await anonymous.goto(thread);
      expect(await anonymous.textContent('#thoughts')).not.toContain(`First thought from ${who}.`);

      const moderator = await newPage(javaScript);
      await signIn(moderator, 'mod@example.com', 'moderator-pass', '/admin/moderation');
      const entry = moderator.locator('.queue-entry', { hasText: `First thought from ${who}.` });
      await entry.locator('input[name=note]').fill('welcome');
      await entry.locator('button[value=approve]').click();
      await moderator.waitForURL(/done=approve/);
      await anonymous.goto(thread);
      expect(await anonymous.textContent('#thoughts')).toContain(`First thought from ${who}.`);

      await reader.goto(thread);
      const mine = reader.locator('article.comment', { hasText: `First thought from ${who}.` }).first();
      await mine.locator('summary:has-text("Reply")').click();
      await mine.locator('details textarea[name=body]').fill(`A reply from ${who}.`);
      await mine.locator('details button[type=submit]').click();
      await reader.waitForURL(/thoughts=posted/);
      expect(await reader.locator('.replies').first().textContent()).toContain(`A reply from ${who}.`);

      await reader
        .locator('article.comment', { hasText: `First thought from ${who}.` })
        .first()
        .locator('a:has-text("Edit")')
        .first()
        .click();
      await reader.fill('textarea[name=body]', `First thought from ${who}, revised.`);
      await reader.click('button:has-text("Save")');
      await reader.waitForURL(/thoughts=edited/);
      const edited = reader
        .locator('article.comment', { hasText: `First thought from ${who}, revised.` })
        .first();
      expect(await edited.locator('header').first().textContent()).toContain('(edited)');

      await edited.locator('button:has-text("Like")').first().click();
      await reader.waitForURL(/thoughts=liked/);
      expect(
        await reader
          .locator('article.comment', { hasText: 'revised' })
          .first()
          .locator('.likes')
          .first()
          .textContent(),
      ).toBe('1 like');

      // The moderator reports the reader's comment (a reader cannot report their own).
      await moderator.goto(thread);
      await moderator
        .locator('article.comment', { hasText: 'revised' })
        .first()
        .locator('a:has-text("Report")')
        .first()
        .click();
      await moderator.fill('input[name=reason]', 'Testing reports');
      await moderator.click('button:has-text("Report")');
      await moderator.waitForURL(/thoughts=reported/);
      await moderator.goto('/admin/moderation');
      expect(await moderator.textContent('main')).toContain('Reports: Testing reports');

      // Banned: the form is still there, but posting is refused with the reason.
      const user = await userByEmail(database.db, `${who}@example.com`);
      await banUser(database.db, { userId: user!.id, by: null, reason: 'test' });
      await reader.goto(thread);
      await post(reader, `After the ban from ${who}.`);
      expect(await reader.textContent('#thoughts')).toContain('Your account cannot post comments.');
      await anonymous.goto(thread);
      expect(await anonymous.textContent('#thoughts')).not.toContain(`After the ban from ${who}.`);

      expect([...reader.dialogs, ...moderator.dialogs, ...anonymous.dialogs]).toEqual([]);
      for (const page of [reader, moderator, anonymous]) await page.context().close();
    });
  }

  it('runs none of the XSS payloads posted as comments and as a display name', async () => {
    const page = await newPage(true);
    await page.goto('/sign-up');
    await page.fill('input[name=name]', PAYLOADS[0]!.slice(0, 60));
    await page.fill('input[name=email]', 'xss@example.com');
    await page.fill('input[name=password]', 'xss password');
    await page.click('form[action="/sign-up"] button[type=submit]');
    await page.waitForURL(/notice=signed-up/);
    await signIn(page, 'xss@example.com', 'xss password');
    for (const payload of PAYLOADS.slice(0, 12)) await post(page, payload);
    const xssRan = (p: Page) => p.evaluate(() => (globalThis as { __xss?: unknown }).__xss ?? null);
    // The author sees their held comments on the thread; the moderator sees them in the queue.
    await page.goto(`/stories/${slug}/thoughts`);
    expect(await page.locator('article.comment').count()).toBeGreaterThanOrEqual(12);
    expect(await xssRan(page)).toBeNull();
    await page.goto('/profile');
    expect(await xssRan(page)).toBeNull();
    const moderator = await newPage(true);
    await signIn(moderator, 'mod@example.com', 'moderator-pass', '/admin/moderation');
    expect(await moderator.locator('.queue-entry').count()).toBeGreaterThanOrEqual(12);
    expect(await xssRan(moderator)).toBeNull();
    expect([...page.dialogs, ...moderator.dialogs]).toEqual([]);
    await page.context().close();
    await moderator.context().close();
  });
});
