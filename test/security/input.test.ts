import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_STORIES } from '../../src/store/site-fixture.js';
import { userById } from '../../src/store/users.js';
import type { TestClient } from '../../src/web/discuss/testing.js';
import { type Rig, startRig } from './rig.js';

// Bad input from anyone gets a 400 that says what is wrong, never a 500: control characters, ids
// the database cannot hold, overlong text, nesting deep enough to exhaust a stack.
const STORY = FIXTURE_STORIES[0]!;
const HUGE = '99999999999';

let rig: Rig;
let storyId: number;
let reader: { client: TestClient; id: string };
let editor: TestClient;
let moderator: TestClient;

beforeAll(async () => {
  rig = await startRig({ commentsPerMinute: 100, commentsHeldForNewAccounts: 0 });
  storyId = rig.stories.get(STORY.slug)!;
  reader = await rig.signedIn('reader@example.test', 'reader', '198.51.100.70');
  editor = (await rig.signedIn('editor@example.test', 'editor', '198.51.100.71')).client;
  moderator = (await rig.signedIn('mod@example.test', 'moderator', '198.51.100.72')).client;
});
afterAll(async () => {
  await rig?.close();
});

/** A 400 whose body names the problem (HTML, text or the API's JSON error). */
async function expectBadRequest(answer: Response, what: string, message: RegExp) {
  const body = await answer.text();
  expect([what, answer.status]).toEqual([what, 400]);
  expect(body).toMatch(message);
}

const CONTROL = /control character/i;
const RANGE = /between 1 and 2147483647|out of range|too large/i;

describe('control characters', () => {
  it.each([
    '/search?q=tariff%00talks',
    '/search?q=%01',
    `/stories/${STORY.slug}%00`,
    `/stories/a%00b/versions`,
    '/topics/tr%00ade',
    '/entities/Ar%00land',
    '/api/v1/search?q=a%00b',
    '/api/v1/stories/a%00b',
    '/api/v1/topics/a%00b',
    '/discuss/a%00b',
  ])('refuses GET %s', async (path) => {
    await expectBadRequest(await rig.client('198.51.100.73').get(path), path, CONTROL);
  });

  it('refuses a NUL in a comment body, by form and by API', async () => {
    const form = await reader.client.post(`/discuss/${storyId}/comments`, { body: 'Hello\u0000world' });
    await expectBadRequest(form, 'form', CONTROL);
    const api = await reader.client.postJson(`/api/v1/stories/${storyId}/comments`, {
      body: 'Hi\u0000there',
    });
    await expectBadRequest(api, 'api', CONTROL);
  });

  it('refuses a NUL in a sign-in email, by form and by API', async () => {
    const client = rig.client('198.51.100.74');
    const form = await client.post('/sign-in', { email: 'reader@example.test\u0000', password: 'x' });
    await expectBadRequest(form, 'form', CONTROL);
    const api = await client.postJson('/api/auth/sign-in/email', {
      email: 'a\u0000@example.test',
      password: 'x',
    });
    await expectBadRequest(api, 'api', CONTROL);
  });

  it('keeps line breaks in a comment body', async () => {
    const answer = await reader.client.postJson(`/api/v1/stories/${storyId}/comments`, {
      body: 'First line.\r\nSecond line,\twith a tab.',
    });
    expect(answer.status).toBe(201);
  });
});

describe('ids out of range', () => {
  it.each([
    () => `/stories/${STORY.slug}/versions/${HUGE}`,
    () => `/api/v1/stories/${HUGE}`,
    () => `/api/v1/stories/${HUGE}/versions`,
    () => `/api/v1/stories/${storyId}/versions/${HUGE}`,
    () => `/api/v1/stories/${HUGE}/comments`,
    () => `/discuss/${HUGE}`,
  ])('refuses GET %s', async (path) => {
    await expectBadRequest(await rig.client('198.51.100.75').get(path()), path(), RANGE);
  });

  it('refuses them in signed-in paths and forms', async () => {
    await expectBadRequest(await reader.client.get(`/discuss/comments/${HUGE}/edit`), 'edit', RANGE);
    for (const action of ['edit', 'delete', 'like', 'report']) {
      const answer = await reader.client.post(`/discuss/comments/${HUGE}/${action}`, {
        body: 'x',
        reason: 'spam spam',
      });
      await expectBadRequest(answer, action, RANGE);
    }
    await expectBadRequest(
      await reader.client.post(`/discuss/${HUGE}/comments`, { body: 'x' }),
      'post',
      RANGE,
    );
    const reply = await reader.client.postJson(`/api/v1/stories/${storyId}/comments`, {
      body: 'A reply to nothing.',
      parent_id: Number(HUGE),
    });
    await expectBadRequest(reply, 'reply', RANGE);
    const form = await reader.client.post(`/discuss/${storyId}/comments`, { body: 'x', parent_id: HUGE });
    await expectBadRequest(form, 'reply form', RANGE);
    const queue = await moderator.post(`/admin/moderation/comments/${HUGE}`, { action: 'approve' });
    await expectBadRequest(queue, 'queue', RANGE);
    for (const path of [`/admin/stories/${HUGE}`, `/admin/sources/${HUGE}`]) {
      await expectBadRequest(await editor.get(path), path, RANGE);
    }
    const publish = await editor.post(`/admin/stories/${storyId}/publish`, { versionId: HUGE });
    await expectBadRequest(publish, 'publish', RANGE);
  });
});

describe('lengths', () => {
  it('refuses a search query over 200 characters on the page as the API does', async () => {
    const q = 'tariff '.repeat(40);
    await expectBadRequest(
      await rig.client('198.51.100.76').get(`/search?q=${encodeURIComponent(q)}`),
      'page',
      /200 characters/,
    );
    expect((await rig.client('198.51.100.76').get(`/api/v1/search?q=${encodeURIComponent(q)}`)).status).toBe(
      400,
    );
  });
});

describe("better-auth's update-user keeps the account limits", () => {
  const update = (value: unknown) => reader.client.postJson('/api/auth/update-user', value);
  const raw = (text: string) =>
    reader.client.send('/api/auth/update-user', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });

  it('refuses JSON nested too deep, and the next visitor is served', async () => {
    const deep = `{"image":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    await expectBadRequest(await raw(deep), 'deep', /nested/);
    const deeper = `{"image":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect([400, 413]).toContain((await raw(deeper)).status);
    expect((await rig.client('198.51.100.77').get('/')).status).toBe(200);
  });

  it('refuses a display name over 60 characters and a non-URL image', async () => {
    await expectBadRequest(await update({ name: 'n'.repeat(61) }), 'name', /60 characters/);
    await expectBadRequest(await update({ image: { url: 'https://example.test/a.png' } }), 'image', /image/);
    await expectBadRequest(await update({ image: 'not a url' }), 'image', /image/);
    await expectBadRequest(await update({ name: 'Bad\u0007name' }), 'bell', CONTROL);
    expect((await update({ name: 'n'.repeat(1024 * 1024) })).status).toBe(413);
    const stored = (await userById(rig.database.db, reader.id))!;
    expect(stored.name.length).toBeLessThanOrEqual(60);
    expect(stored.image).toBeNull();
  });

  it('accepts a proper name and image URL', async () => {
    expect((await update({ name: 'n'.repeat(60), image: 'https://example.test/me.png' })).status).toBe(200);
    const stored = (await userById(rig.database.db, reader.id))!;
    expect([stored.name, stored.image]).toEqual(['n'.repeat(60), 'https://example.test/me.png']);
  });

  it('holds sign-up through the API to the same name limit', async () => {
    const client = rig.client('198.51.100.78');
    const answer = await client.postJson('/api/auth/sign-up/email', {
      email: 'longname@example.test',
      password: 'correct horse battery',
      name: 'n'.repeat(61),
    });
    await expectBadRequest(answer, 'sign-up', /60 characters/);
  });
});
