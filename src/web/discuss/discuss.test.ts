import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../auth/accounts.js';
import { createUser } from '../../auth/users.js';
import type { Database } from '../../db/connect.js';
import { openTestDatabase } from '../../db/testing.js';
import { silentLogger } from '../../lib/log.js';
import { openInaccuracyReports } from '../../store/inaccuracy.js';
import { insertStory, insertStoryVersion } from '../../store/stories.js';
import { TestClient, testApp, testConfig } from './testing.js';

let database: Database;
let app: ReturnType<typeof testApp>;
let storyId: number;
const THREAD = '/stories/dam-opens/thoughts';
const overrides = { commentMinFormSeconds: 0, suspectWords: ['idiot'] };
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  'https://x.example/"onmouseover="alert(1)',
];

async function signedIn(email: string, ip: string, name?: string): Promise<TestClient> {
  const client = new TestClient(app, ip);
  const response = await client.signUpAndIn(email, name);
  expect(response.status).toBe(303);
  return client;
}

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  // Story pages re-read their key on every request, so a comment shows at once.
  app = testApp(database, overrides, { versionTtlMs: 0 });
  const accounts = createAccounts({ config: testConfig(overrides), database, logger: silentLogger() });
  await createUser(accounts, {
    email: 'mod@example.com',
    password: 'moderator-pass',
    role: 'moderator',
    name: 'Mo',
  });
  await createUser(accounts, {
    email: 'ed@example.com',
    password: 'editor-pass',
    role: 'editor',
    name: 'Ed',
  });
  const now = new Date();
  const story = await insertStory(database.db, {
    slug: 'dam-opens',
    title: 'Dam opens',
    state: 'published',
    first_seen_at: now,
    last_seen_at: now,
    published_at: now,
  });
  storyId = Number(story.id);
  await insertStoryVersion(database.db, {
    story_id: storyId,
    headline: 'Dam opens',
    dek: 'A dam opened.',
    body: {
      lede: [{ text: 'The dam opened on Monday.', citations: [] }],
      sections: [{ heading: 'Cost', sentences: [{ text: 'It cost $2 billion.', citations: [] }] }],
      quotes: [],
      figures: [],
    },
    writer: 'extractive',
    model: null,
    source_count: 2,
    publisher_count: 2,
    support_score: 1,
    change_note: null,
    correction_reason: null,
    generated_at: now,
  });
});
afterAll(async () => database?.close());

async function approveAll(): Promise<void> {
  const mod = new TestClient(app, '192.0.2.200');
  await mod.post('/sign-in', { email: 'mod@example.com', password: 'moderator-pass' });
  const page = await (await mod.get('/admin/moderation')).text();
  for (const [, id] of page.matchAll(/id="queue-(\d+)"/g)) {
    expect(
      (await mod.post(`/admin/moderation/comments/${id}`, { action: 'approve', note: 'ok' })).status,
    ).toBe(303);
  }
}

describe('Thoughts without JavaScript', () => {
  it('invites signed-out readers to sign in and back', async () => {
    const response = await new TestClient(app).get(THREAD);
    // No forms for a signed-out reader, so no CSRF cookie: the page stays cacheable.
    expect(response.headers.get('set-cookie')).toBeNull();
    const page = await response.text();
    expect(page).toContain('Sign in to join the conversation');
    expect(page).toContain(`/sign-in?next=${encodeURIComponent(`/stories/dam-opens/thoughts#thoughts`)}`);
  });

  it('holds a first comment, publishes it on approval, then threads, edits, likes and reports', async () => {
    const ada = await signedIn('ada@example.com', '192.0.2.10', 'Ada');
    const first = await ada.post(`/discuss/${storyId}/comments`, {
      body: 'Good news for farmers.\n\nSee https://example.org/dam',
      return: `/discuss/${storyId}`,
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toMatch(/thoughts=held#comment-\d+/);
    expect(await (await new TestClient(app).get(THREAD)).text()).not.toContain('Good news for farmers');
    expect(await (await ada.get(THREAD)).text()).toContain('Awaiting approval');
    await approveAll();
    const page = await (await new TestClient(app).get(THREAD)).text();
    expect(page).toContain('<p>Good news for farmers.</p>');
    expect(page).toContain('<a href="https://example.org/dam" rel="nofollow ugc noopener" target="_blank">');
    const id = /id="comment-(\d+)"/.exec(page)![1]!;

    const bob = await signedIn('bob@example.com', '192.0.2.11', 'Bob');
    await bob.post(`/discuss/${storyId}/comments`, { body: 'Agreed.', parent_id: id });
    await approveAll();
    const reply = await bob.post(`/discuss/${storyId}/comments`, { body: 'And the cost?', parent_id: id });
    expect(reply.headers.get('location')).toMatch(/thoughts=posted/);
    expect((await bob.post(`/discuss/comments/${id}/like`, {})).status).toBe(303);
    expect((await bob.post(`/discuss/comments/${id}/report`, { reason: 'Off topic' })).status).toBe(303);
    expect(
      (await ada.post(`/discuss/comments/${id}/edit`, { body: 'Good news for farmers, mostly.' })).status,
    ).toBe(303);

    const after = await (await bob.get(`${THREAD}?sort=liked`)).text();
    expect(after).toContain('Good news for farmers, mostly.');
    expect(after).toContain('(edited)');
    expect(after).toContain('1 like');
    expect(after).toContain('Unlike');
    expect(after).toMatch(/class="replies"[\s\S]*And the cost\?/);
  });

  it('embeds the thread in the story page: cached for readers, live with forms once signed in', async () => {
    const story = '/stories/dam-opens';
    const reader = new TestClient(app);
    const publicPage = await reader.get(story);
    expect(publicPage.headers.get('cache-control')).toContain('public');
    expect(publicPage.headers.get('vary')).toBe('Cookie');
    expect(publicPage.headers.get('set-cookie')).toBeNull();
    const html = await publicPage.text();
    expect(html).toContain('<p>Good news for farmers, mostly.</p>');
    expect(html).toContain(`/sign-in?next=${encodeURIComponent(`${story}#thoughts`)}`);
    expect(html).not.toContain('<textarea');
    const etag = publicPage.headers.get('etag')!;
    expect((await reader.get(story, { 'If-None-Match': etag })).status).toBe(304);

    const cy = await signedIn('cy@example.com', '192.0.2.14', 'Cy');
    const own = await cy.get(story);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    const form = await own.text();
    expect(form).toContain(`action="/discuss/${storyId}/comments"`);
    expect(form).toContain(`name="return" value="${story}"`);
    expect(form).toContain('Written by software');
    const posted = await cy.post(`/discuss/${storyId}/comments`, {
      body: 'Straight from the story page.',
      return: story,
    });
    expect(posted.headers.get('location')).toMatch(/^\/stories\/dam-opens\?thoughts=held#comment-\d+$/);
    expect(await (await cy.get(posted.headers.get('location')!)).text()).toContain('Awaiting approval');
    expect(await (await reader.get(story)).text()).not.toContain('Straight from the story page.');
    await approveAll();
    const refreshed = await reader.get(story);
    expect(await refreshed.text()).toContain('Straight from the story page.');
    expect(refreshed.headers.get('etag')).not.toBe(etag);
    const older = await reader.get(`${story}?sort=oldest`);
    expect(older.headers.get('cache-control')).not.toContain('public');
    expect(await older.text()).toMatch(/Good news for farmers[\s\S]*Straight from the story page/);
  });

  it('keeps a rejected comment’s text on the page with the reason', async () => {
    const eve = await signedIn('eve@example.com', '192.0.2.12');
    const response = await eve.post(`/discuss/${storyId}/comments`, {
      body: 'Spam',
      website: 'http://spam.example',
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('That looked like spam.');
    expect(page).toContain('>Spam</textarea>');
  });

  it('escapes XSS payloads in comments and display names', async () => {
    const xss = await signedIn('xss@example.com', '192.0.2.13', XSS[2]);
    for (const payload of XSS) await xss.post(`/discuss/${storyId}/comments`, { body: payload });
    const page = await (await xss.get(THREAD)).text();
    expect(page).not.toMatch(/<script>alert|<img src=x|<svg onload|href="javascript:|" onmouseover=/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
  });
});

describe('authorization', () => {
  it('answers 403 when a reader edits or deletes another reader’s comment, or moderates', async () => {
    const owner = await signedIn('owner@example.com', '192.0.2.20');
    await owner.post(`/discuss/${storyId}/comments`, { body: 'Mine.' });
    const comment = await database.db
      .selectFrom('comments')
      .select('id')
      .where('body', '=', 'Mine.')
      .executeTakeFirstOrThrow();
    const other = await signedIn('other@example.com', '192.0.2.21');
    expect((await other.post(`/discuss/comments/${comment.id}/edit`, { body: 'Yours now.' })).status).toBe(
      403,
    );
    expect((await other.get(`/discuss/comments/${comment.id}/edit`)).status).toBe(403);
    expect((await other.post(`/discuss/comments/${comment.id}/delete`, {})).status).toBe(403);
    expect((await other.post(`/admin/moderation/comments/${comment.id}`, { action: 'approve' })).status).toBe(
      403,
    );
    expect((await other.get('/admin/moderation')).status).toBe(403);
    expect((await other.get('/admin/corrections')).status).toBe(403);
    expect((await other.post(`/discuss/${storyId}/close`, {})).status).toBe(403);
  });

  it('refuses every state-changing form without the CSRF token', async () => {
    const client = await signedIn('csrf@example.com', '192.0.2.22');
    const paths = [
      '/sign-in',
      '/sign-up',
      '/sign-out',
      '/sign-out-everywhere',
      '/magic-link',
      '/forgot-password',
      '/reset-password',
      '/profile',
      `/discuss/${storyId}/comments`,
      '/discuss/comments/1/edit',
      '/discuss/comments/1/delete',
      '/discuss/comments/1/like',
      '/discuss/comments/1/report',
      '/admin/moderation/comments/1',
      `/discuss/${storyId}/close`,
      `/discuss/${storyId}/inaccuracy`,
      '/admin/corrections/reports/1',
    ];
    for (const path of paths) {
      const response = await client.post(path, { body: 'x', email: 'a@example.com' }, { csrf: false });
      expect([path, response.status]).toEqual([path, 403]);
    }
  });
});

describe('comments API', () => {
  it('lists publicly and posts as the signed-in reader with the status', async () => {
    const listed = await new TestClient(app).get(`/api/v1/stories/${storyId}/comments?sort=oldest`);
    expect(listed.status).toBe(200);
    const json = (await listed.json()) as {
      comments: { body: string; author: { name: string } }[];
      total: number;
    };
    expect(json.comments[0]).toMatchObject({
      body: 'Good news for farmers, mostly.',
      author: { name: 'Ada' },
    });

    const anonymous = await new TestClient(app).postJson(`/api/v1/stories/${storyId}/comments`, {
      body: 'hi',
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });

    const api = await signedIn('api@example.com', '192.0.2.30');
    const held = await api.postJson(`/api/v1/stories/${storyId}/comments`, {
      body: 'From the API, you idiot',
    });
    expect(held.status).toBe(202);
    expect(await held.json()).toMatchObject({
      status: 'pending',
      reason: 'suspect_word',
      comment: { body: 'From the API, you idiot' },
    });
    const rejected = await api.postJson(`/api/v1/stories/${storyId}/comments`, { body: '' });
    expect(rejected.status).toBe(422);
    expect(await rejected.json()).toEqual({ status: 'rejected', reason: 'empty', comment: null });
    // A rejected text is stored for the moderators with its reason, and no reader sees it.
    const links = Array.from({ length: 12 }, (_, i) => `https://ads${i}.example/`).join(' ');
    const spam = await api.postJson(`/api/v1/stories/${storyId}/comments`, { body: `Buy now ${links}` });
    expect(spam.status).toBe(422);
    expect(await spam.json()).toMatchObject({
      status: 'rejected',
      reason: 'too_many_links',
      comment: { status: 'rejected', body: `Buy now ${links}` },
    });
    for (const reader of [new TestClient(app), api]) {
      const list = await reader.get(`/api/v1/stories/${storyId}/comments?sort=newest`);
      expect(await list.text()).not.toContain('Buy now');
      expect(await (await reader.get(THREAD)).text()).not.toContain('Buy now');
    }
    const mod = new TestClient(app, '192.0.2.31');
    await mod.post('/sign-in', { email: 'mod@example.com', password: 'moderator-pass' });
    const audit = await (await mod.get('/admin/moderation')).text();
    expect(audit).toMatch(/id="rejected-\d+"[\s\S]*?rejected [\d: -]+UTC: too_many_links[\s\S]*?Buy now/);
    const form = await api.post(`/api/v1/stories/${storyId}/comments`, { body: 'form post' });
    expect(form.status).toBe(415);
    const crossSite = await api.postJson(
      `/api/v1/stories/${storyId}/comments`,
      { body: 'x' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect((await new TestClient(app).get('/api/v1/stories/99999/comments')).status).toBe(404);
    const openapi = (await (await new TestClient(app).get('/api/v1/openapi.json')).json()) as {
      paths: object;
    };
    expect(Object.keys(openapi.paths)).toContain('/stories/{id}/comments');
  });
});

describe('moderation and editors', () => {
  it('shows the matched suspect word to moderators and records their actions', async () => {
    const mod = new TestClient(app, '192.0.2.40');
    await mod.post('/sign-in', { email: 'mod@example.com', password: 'moderator-pass' });
    const page = await (await mod.get('/admin/moderation')).text();
    expect(page).toContain('matched word: <mark>idiot</mark>');
    const id = /id="queue-(\d+)"[\s\S]*?matched word/.exec(page)![1]!;
    expect(
      (await mod.post(`/admin/moderation/comments/${id}`, { action: 'ban', note: 'insults' })).status,
    ).toBe(303);
    const log = await (await mod.get('/admin/moderation')).text();
    const old = await mod.get('/moderation');
    expect([old.status, old.headers.get('location')]).toEqual([301, '/admin/moderation']);
    expect(log).toMatch(/ban user \S+ · insults/);
    expect(log).toMatch(new RegExp(`ban comment ${id} · insults`));
  });

  it('takes an inaccuracy report on a sentence to the editor queue', async () => {
    const reader = await signedIn('reader@example.com', '192.0.2.50');
    const form = await (await reader.get(`/discuss/${storyId}/inaccuracy`)).text();
    expect(form).toContain('It cost $2 billion.');
    const sent = await reader.post(`/discuss/${storyId}/inaccuracy`, {
      sentence: 'It cost $2 billion.',
      note: 'The ministry says $2.4 billion.',
    });
    expect(sent.headers.get('location')).toContain('thoughts=inaccuracy-reported');
    expect(
      (await reader.post(`/discuss/${storyId}/inaccuracy`, { sentence: 'Made up.', note: 'nope' })).status,
    ).toBe(400);
    const ed = new TestClient(app, '192.0.2.51');
    await ed.post('/sign-in', { email: 'ed@example.com', password: 'editor-pass' });
    const old = await ed.get('/editor/inaccuracies');
    expect([old.status, old.headers.get('location')]).toEqual([301, '/admin/corrections']);
    const queue = await (await ed.get('/admin/corrections')).text();
    expect(queue).toContain('The ministry says $2.4 billion.');
    const id = /id="report-(\d+)"/.exec(queue)![1]!;
    const done = await ed.post(`/admin/corrections/reports/${id}`, {
      action: 'correct',
      note: 'Cost was $2.4 billion',
    });
    expect(done.headers.get('location')).toBe('/admin/corrections?done=corrected');
    expect(await openInaccuracyReports(database.db)).toEqual([]);
    // The correction is a new version without the sentence, carrying the editor's note as its reason.
    const latest = await database.db
      .selectFrom('story_versions')
      .selectAll()
      .where('story_id', '=', storyId)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(latest.correction_reason).toBe('Cost was $2.4 billion');
    expect(JSON.stringify(latest.body)).not.toContain('It cost $2 billion.');
  });

  it('lets an editor close comments on a story', async () => {
    const ed = new TestClient(app, '192.0.2.52');
    await ed.post('/sign-in', { email: 'ed@example.com', password: 'editor-pass' });
    expect((await ed.post(`/discuss/${storyId}/close`, { closed: 'true' })).status).toBe(303);
    expect(await (await ed.get(THREAD)).text()).toContain('Comments are closed on this story.');
    await ed.post(`/discuss/${storyId}/close`, { closed: 'false' });
  });
});
