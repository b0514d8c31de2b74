import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_STORIES } from '../../src/store/site-fixture.js';
import type { TestClient } from '../../src/web/discuss/testing.js';
import { PASSWORD, rawPost, type Rig, startRig } from './rig.js';

let rig: Rig;
let storyId: number;

beforeAll(async () => {
  rig = await startRig({ commentsHeldForNewAccounts: 0, commentsPerMinute: 100 });
  storyId = rig.stories.get(FIXTURE_STORIES[0]!.slug)!;
});
afterAll(async () => {
  await rig?.close();
});

const MB = 1024 * 1024;

describe('request body limit', () => {
  it.each([
    ['a form', '/sign-in', 'application/x-www-form-urlencoded'],
    ['JSON to better-auth', '/api/auth/sign-in/email', 'application/json'],
    ['JSON to the API', `/api/v1/stories/1/comments`, 'application/json'],
    ['an unknown route', '/no/such/route', 'application/octet-stream'],
  ])('answers 413 to %s declaring 200 MB before reading it', async (_what, path, type) => {
    // Only 64 KB is ever sent: the answer must come from the declared length alone.
    const answer = await rawPost(rig.base, path, {
      headers: { 'content-type': type, 'x-forwarded-for': '198.51.100.60' },
      length: 200 * MB,
      sendBytes: 64 * 1024,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/larger than \d+ (KB|MB)/);
  });

  it('answers 413 to a chunked body once it passes the limit', async () => {
    const answer = await rawPost(rig.base, '/sign-in', {
      headers: { 'x-forwarded-for': '198.51.100.61' },
      sendBytes: 4 * MB,
    });
    expect(answer.status).toBe(413);
  });

  it('reads a small form as before', async () => {
    const client = rig.client('198.51.100.62');
    const answer = await client.post('/sign-in', {
      email: 'nobody@example.test',
      password: 'wrong password',
    });
    expect(answer.status).toBe(401);
  });

  it('gives the OPML import room for its 2 MB file, not more', async () => {
    const { client } = await rig.signedIn('editor@example.test', 'editor', '198.51.100.63');
    const opml = `<?xml version="1.0"?><opml version="2.0"><head/><body>${' '.repeat(1.5 * MB)}</body></opml>`;
    const form = new FormData();
    form.set('_csrf', client.csrf);
    form.set('opml', new File([opml], 'feeds.opml', { type: 'text/x-opml' }));
    const fits = await client.send('/admin/sources/import', { method: 'POST', body: form });
    expect(fits.status).not.toBe(413);
    const big = new FormData();
    big.set('_csrf', client.csrf);
    big.set('opml', new File(['x'.repeat(3 * MB)], 'feeds.opml'));
    expect((await client.send('/admin/sources/import', { method: 'POST', body: big })).status).toBe(413);
  });
});

/** Redirect targets that leave the site one way or another. */
const HOSTILE = [
  '//evil.example/path',
  '/\\evil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '\\\\evil.example',
  '/a/..//evil.example',
  '/\u0000/evil.example',
];

/** The Location stays on this site: a path that cannot be read as another host. */
function expectLocal(location: string | null, base: string) {
  expect(location).not.toBeNull();
  const target = new URL(location!, base);
  expect(target.origin).toBe(base);
  expect(location).toMatch(/^\/(?![/\\])/);
  expect(target.pathname).not.toMatch(/^\/[/\\]/);
}

/** A redirect that stays on this site, or a 400 for a target with a control character. */
function expectLocalOrRefused(answer: Response, base: string) {
  if (answer.status === 400) return;
  expect(answer.status).toBe(303);
  expectLocal(answer.headers.get('location'), base);
}

describe('redirect targets', () => {
  let reader: TestClient;
  beforeAll(async () => {
    reader = (await rig.signedIn('reader@example.test', 'reader', '198.51.100.64')).client;
  });

  it.each(HOSTILE)('keeps sign-in `next` %j on this site', async (next) => {
    // Each case from its own address: the per-address sign-in limit is not what is tested here.
    const client = rig.client(`198.51.100.${100 + HOSTILE.indexOf(next)}`);
    const answer = await client.post('/sign-in', { email: 'reader@example.test', password: PASSWORD, next });
    expectLocalOrRefused(answer, rig.base);
    const form = await client.get(`/sign-in?next=${encodeURIComponent(next)}`);
    if (form.status !== 400)
      expectLocal(/name="next" value="([^"]*)"/.exec(await form.text())![1]!, rig.base);
  });

  it.each(HOSTILE)('keeps a comment form `return` %j on this site', async (target) => {
    const answer = await reader.post(`/discuss/${storyId}/comments`, {
      body: `A remark that returns to ${HOSTILE.indexOf(target)}.`,
      return: target,
    });
    expectLocalOrRefused(answer, rig.base);
  });

  it.each(HOSTILE)("refuses better-auth's callbackURL %j", async (callbackURL) => {
    // Each case from its own address: better-auth limits magic-link requests per address.
    const client = rig.client(`198.51.100.${150 + HOSTILE.indexOf(callbackURL)}`);
    const verify = await client.get(
      `/api/auth/verify-email?token=x&callbackURL=${encodeURIComponent(callbackURL)}`,
    );
    expect(verify.status).toBe(400);
    expect(await verify.text()).toContain('callbackURL');
    const magic = await client.postJson('/api/auth/sign-in/magic-link', {
      email: 'reader@example.test',
      callbackURL,
    });
    expect(magic.status).toBe(400);
  });

  // Encoded slashes and tabs stay in the path: a browser asks this site for them, no other host.
  it.each(['/stories', '/%2F%2Fevil.example', '/%09/evil.example'])(
    'still follows a same-site callbackURL %j',
    async (path) => {
      const client = rig.client('198.51.100.68');
      const verify = await client.get(
        `/api/auth/verify-email?token=x&callbackURL=${encodeURIComponent(path)}`,
      );
      expect(verify.status).toBe(302);
      expectLocal(verify.headers.get('location'), rig.base);
    },
  );
});
