import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_KEY } from '../../admin/settings-schema.js';
import { createAccounts } from '../../auth/accounts.js';
import { createUser } from '../../auth/users.js';
import type { Database } from '../../db/connect.js';
import { openTestDatabase } from '../../db/testing.js';
import { startTestServer, type TestServer } from '../../ingest/test-server.js';
import { silentLogger } from '../../lib/log.js';
import { searchActions } from '../../store/audit.js';
import { listOutboxMail } from '../../store/mail.js';
import { getSetting } from '../../store/site.js';
import { FIXTURE_STORIES, seedSite } from '../../store/site-fixture.js';
import { userByEmail } from '../../store/users.js';
import { TestClient, testApp, testConfig } from '../discuss/testing.js';

const overrides = { fetchAllow: ['127.0.0.1'], fetchDelay: 0, commentMinFormSeconds: 0 };
const body = (seed: string) =>
  Array.from({ length: 160 }, (_, i) => `${seed}${i % 29} river${(i * 7) % 41}`).join(' ');
const rss = (base: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loopback Ledger</title><link>${base}/</link>${[
    'one',
    'two',
  ]
    .map(
      (id) =>
        `<item><guid>${id}</guid><title>Item ${id}</title><link>${base}/${id}</link><pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate><description><![CDATA[<p>${body(id)}.</p>]]></description></item>`,
    )
    .join('')}</channel></rss>`;

let database: Database;
let app: ReturnType<typeof testApp>;
let server: TestServer;
let storyId = 0;

async function as(email: string, password: string, ip: string): Promise<TestClient> {
  const client = new TestClient(app, ip);
  expect((await client.post('/sign-in', { email, password })).status).toBe(303);
  return client;
}

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  server = await startTestServer();
  server.routes.set('/feed.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: rss(server.url),
  });
  server.routes.set('/v1/models', (request, response) => {
    const ok = request.headers.authorization === 'Bearer sk-test-key';
    response
      .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { data: [{ id: 'tiny-model' }] } : { error: 'bad key' }));
  });
  const ids = await seedSite(database.db, FIXTURE_STORIES);
  storyId = ids.get(FIXTURE_STORIES[0]!.slug)!;
  app = testApp(database, overrides);
  const accounts = createAccounts({ config: testConfig(overrides), database, logger: silentLogger() });
  for (const [email, role] of [
    ['ed@example.com', 'editor'],
    ['admin@example.com', 'admin'],
    ['mod@example.com', 'moderator'],
    ['target@example.com', 'reader'],
  ] as const)
    await createUser(accounts, { email, password: `${role}-password`, role });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const GETS = [
  '/admin',
  '/admin/sources',
  '/admin/sources/1',
  '/admin/sources/export.opml',
  '/admin/people',
  '/admin/settings',
  '/admin/audit',
];
const POSTS = [
  '/admin/sources',
  '/admin/sources/import',
  '/admin/sources/1',
  '/admin/sources/1/enable',
  '/admin/sources/1/disable',
  '/admin/sources/1/remove',
  '/admin/sources/1/fetch',
  '/admin/people/x/role',
  '/admin/people/x/ban',
  '/admin/people/x/unban',
  '/admin/settings',
  '/admin/settings/test-connection',
];

describe('console access', () => {
  it('answers 403 to a reader on every page and form, and to a moderator outside moderation', async () => {
    const reader = new TestClient(app, '198.51.100.1');
    await reader.signUpAndIn('reader@example.com');
    const moderator = await as('mod@example.com', 'moderator-password', '198.51.100.2');
    for (const path of [...GETS, '/admin/moderation']) {
      expect([path, (await reader.get(path)).status]).toEqual([path, 403]);
    }
    for (const path of [...POSTS, '/admin/moderation/comments/1']) {
      expect([path, (await reader.post(path, { action: 'approve' })).status]).toEqual([path, 403]);
    }
    for (const path of GETS) expect([path, (await moderator.get(path)).status]).toEqual([path, 403]);
    for (const path of POSTS) expect([path, (await moderator.post(path, {})).status]).toEqual([path, 403]);
    expect((await moderator.get('/admin/moderation')).status).toBe(200);
  });

  it('refuses every console form without the CSRF token, even to an admin', async () => {
    const admin = await as('admin@example.com', 'admin-password', '198.51.100.3');
    for (const path of [...POSTS, '/admin/moderation/comments/1']) {
      const response = await admin.post(path, { name: 'x' }, { csrf: false });
      expect([path, response.status]).toEqual([path, 403]);
    }
  });
});

describe('dashboard and sources', () => {
  it('shows the hourly chart and the counters', async () => {
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.4');
    const page = await (await editor.get('/admin')).text();
    expect(page).toMatch(/<svg[^>]+role="img"[^>]+aria-label="\d+ articles in the last 48 hours/);
    expect(page.match(/<rect /g)?.length).toBe(48);
    expect(page).toContain('Stories published');
    expect(page).toContain('No job queue has run on this database yet');
  });

  it('adds a feed, fetches it now through refreshSource, edits, disables and removes it, all audited', async () => {
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.5');
    const bad = await editor.post('/admin/sources', { url: 'not a url' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('not an http(s) URL');
    const added = await editor.post('/admin/sources', { url: `${server.url}/feed.xml` });
    expect(added.status).toBe(303);
    const path = added.headers.get('location')!.split('?')[0]!;
    const id = path.split('/').pop()!;
    expect(await (await editor.get(path)).text()).toContain('Loopback Ledger');

    const fetched = await (await editor.post(`${path}/fetch`, {})).text();
    expect(fetched).toContain('Fetched: ok');
    expect(fetched).toContain('2 new');
    const again = await (await editor.post(`${path}/fetch`, {})).text();
    expect(again).toMatch(/Fetched: ok|Fetched: not modified/);
    expect(again).toContain('0 new');

    const invalid = await editor.post(path, {
      name: 'Ledger',
      url: `${server.url}/feed.xml`,
      country: 'Atlantis',
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('must be a two-letter country code');
    expect(
      (await editor.post(path, { name: 'The Ledger', url: `${server.url}/feed.xml`, country: 'nz' })).status,
    ).toBe(303);
    expect((await editor.post(`${path}/disable`, {})).status).toBe(303);
    const list = await (await editor.get('/admin/sources')).text();
    expect(list).toContain('The Ledger');
    expect(list).toContain('disabled');
    expect(await (await editor.get('/admin/sources/export.opml')).text()).toContain(`${server.url}/feed.xml`);

    const unconfirmed = await editor.post(`${path}/remove`, {});
    expect(unconfirmed.status).toBe(400);
    expect((await editor.post(`${path}/remove`, { confirm: 'yes' })).status).toBe(200);
    expect((await editor.get(path)).status).toBe(404);

    const log = await searchActions(database.db, { targetKind: 'source', targetId: id });
    expect(log.entries.map((e) => e.action)).toEqual([
      'source.remove',
      'source.disable',
      'source.edit',
      'source.fetch',
      'source.fetch',
      'source.add',
    ]);
    expect(log.entries[2]).toMatchObject({
      before: { name: 'Loopback Ledger', country: null },
      after: { name: 'The Ledger', country: 'NZ' },
    });
    const audit = await (await editor.get(`/admin/audit?target_kind=source&target_id=${id}`)).text();
    expect(audit).toContain('<del>Loopback Ledger</del> → <ins>The Ledger</ins>');
    const badFilter = await editor.get('/admin/audit?from=yesterday');
    expect(badFilter.status).toBe(400);
    expect(await badFilter.text()).toContain('Filter ignored: from dates are YYYY-MM-DD');
  });

  it("shows which items of a feed were left out and why, and the feed's warnings", async () => {
    server.routes.set('/sloppy.xml', {
      headers: { 'content-type': 'text/plain' },
      body:
        '<rss version="2.0"><channel><item><link>/s/1</link><description>A post with no title.</description></item>' +
        '<item><guid>&lt;script&gt;alert(1)&lt;/script&gt;</guid></item><item></item></channel></rss>',
    });
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.8');
    const added = await editor.post('/admin/sources', { url: `${server.url}/sloppy.xml` });
    const path = added.headers.get('location')!.split('?')[0]!;
    expect(await (await editor.get(path)).text()).toContain('None so far');
    const fetched = await (await editor.post(`${path}/fetch`, {})).text();
    expect(fetched).toContain('1 new');
    expect(fetched).toContain('Left out: 1 no title or text to read, 1 no link, id, title or text');
    expect(fetched).toContain('Warning: the feed has no title');
    const page = await (await editor.get(path)).text();
    expect(page).toMatch(/<tr id="drop-no_text"><td>no title or text to read<\/td><td class="n">1<\/td>/);
    expect(page).toContain('id="drop-empty"');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('<li>the feed has no title</li>');
  });

  it('imports OPML from an upload and says what is wrong with a bad file', async () => {
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.6');
    const upload = async (text: string) => {
      const form = new FormData();
      form.set('_csrf', editor.csrf);
      form.set('opml', new File([text], 'feeds.opml', { type: 'text/x-opml' }));
      return app.request('/admin/sources/import', {
        method: 'POST',
        body: form,
        headers: {
          cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-forwarded-for': editor.ip,
        },
      });
    };
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="A" xmlUrl="https://a.example/feed.xml"/><outline text="B" xmlUrl="https://b.example/rss"/></body></opml>`;
    const ok = await upload(opml);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Imported: 2 added, 0 already present.');
    const broken = await upload('this is not xml at all <<<');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('not an OPML document');
  });
});

describe('people', () => {
  it('lets an editor set roles and ban with a reason, but only an admin grants admin', async () => {
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.7');
    const target = (await userByEmail(database.db, 'target@example.com'))!;
    const page = await (await editor.get('/admin/people')).text();
    expect(page).toContain('target@example.com');
    expect(page).not.toContain('<option value="admin"');
    const refused = await editor.post(`/admin/people/${target.id}/role`, { role: 'admin' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('only an admin can grant or remove the admin role');
    const self = (await userByEmail(database.db, 'ed@example.com'))!;
    expect((await editor.post(`/admin/people/${self.id}/role`, { role: 'reader' })).status).toBe(403);
    const noReason = await editor.post(`/admin/people/${target.id}/ban`, { reason: '', days: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Give a reason of at least 3 characters');
    const badDays = await editor.post(`/admin/people/${target.id}/ban`, { reason: 'spam', days: 'many' });
    expect(await badDays.text()).toContain('Days must be a number');
    expect(
      (await editor.post(`/admin/people/${target.id}/ban`, { reason: 'spam links', days: '7' })).status,
    ).toBe(303);
    expect(await (await editor.get('/admin/people')).text()).toMatch(/suspended until [\s\S]*spam links/);
    expect((await editor.post(`/admin/people/${target.id}/unban`, { note: 'appeal' })).status).toBe(303);
    expect((await editor.post(`/admin/people/${target.id}/role`, { role: 'moderator' })).status).toBe(303);
    // Staff answer to an admin: an editor cannot ban the moderator they just made.
    const staff = await editor.post(`/admin/people/${target.id}/ban`, { reason: 'spam links', days: '' });
    expect(staff.status).toBe(403);
    expect(await staff.text()).toContain('only an admin can ban a moderator');

    const admin = await as('admin@example.com', 'admin-password', '198.51.100.8');
    expect((await admin.post(`/admin/people/${target.id}/role`, { role: 'admin' })).status).toBe(303);
    expect((await userByEmail(database.db, 'target@example.com'))!.role).toBe('admin');
    const log = await searchActions(database.db, { targetKind: 'user', targetId: target.id });
    expect(log.entries.map((e) => e.action)).toEqual([
      'set-role:admin',
      'set-role:moderator',
      'unban',
      'suspend',
    ]);
    expect(log.entries[0]).toMatchObject({ before: { role: 'moderator' }, after: { role: 'admin' } });
  });
});

describe('settings', () => {
  const form = {
    siteName: 'The Evening Loom',
    siteDescription: 'Every story from every side.',
    publishPolicy: 'review',
    writer: 'extractive',
    llmBaseUrl: '',
    llmModel: '',
    clusterThreshold: '0.2',
    clusterMergeThreshold: '0.5',
    clusterWindowHours: '72',
    commentsCloseAfterDays: '30',
    commentsHeldForNewAccounts: '0',
    bannedWords: 'zyzzyva',
    suspectWords: '',
  };

  it('names every wrong field and keeps what was typed', async () => {
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.9');
    const response = await editor.post('/admin/settings', {
      ...form,
      siteName: '',
      clusterWindowHours: 'soon',
      commentsHeldForNewAccounts: '-1',
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    for (const message of [
      '3 settings need',
      'Site name is required',
      'Time window must be a number',
      'Premoderation count must be at least 0',
    ])
      expect(page).toContain(message);
    const llm = await (await editor.post('/admin/settings', { ...form, writer: 'llm' })).text();
    expect(llm).toContain('The model writer needs an endpoint');
    expect(llm).toContain('The model writer needs a model name');
    expect(page).toContain('value="0.2"');
    expect(await (await new TestClient(app).get('/')).text()).not.toContain('The Evening Loom');
  });

  it('applies a saved site name and comment rules at once, without a restart', async () => {
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.10');
    const reader = new TestClient(app, '198.51.100.11');
    await reader.signUpAndIn('commenter@example.com');
    const before = await reader.postJson(`/api/v1/stories/${storyId}/comments`, {
      body: 'A zyzzyva appears.',
    });
    expect(((await before.json()) as { status: string }).status).not.toBe('rejected');

    expect((await editor.post('/admin/settings', form)).status).toBe(303);
    const home = await (await new TestClient(app).get('/')).text();
    expect(home).toContain('<title>The Evening Loom</title>');
    expect(home).toContain('<meta name="description" content="Every story from every side."');
    const after = await reader.postJson(`/api/v1/stories/${storyId}/comments`, { body: 'Another zyzzyva.' });
    expect(await after.json()).toMatchObject({ status: 'rejected' });
    const page = await (await editor.get('/admin/settings')).text();
    expect(page).toMatch(/value="review"[^>]*checked/);
    const [entry] = (await searchActions(database.db, { targetKind: 'settings' })).entries;
    expect(entry).toMatchObject({ after: { siteName: 'The Evening Loom', publishPolicy: 'review' } });
    // Account pages and mail speak the new name too.
    const visitor = new TestClient(app, '198.51.100.13');
    expect(await (await visitor.get('/sign-in')).text()).toContain('The Evening Loom');
    await visitor.post('/magic-link', { email: 'commenter@example.com' });
    const [mail] = await listOutboxMail(database.db, { to: 'commenter@example.com' });
    expect(mail!.subject).toBe('Sign in to The Evening Loom');
  });

  it('tests the model endpoint with the saved key and never shows the key', async () => {
    const editor = await as('ed@example.com', 'editor-password', '198.51.100.12');
    const none = await (await editor.post('/admin/settings/test-connection', {})).text();
    expect(none).toContain('No endpoint is set');
    const llm = { ...form, writer: 'llm', llmBaseUrl: `${server.url}/v1`, llmModel: 'tiny-model' };
    expect((await editor.post('/admin/settings', { ...llm, llmApiKey: 'sk-wrong' })).status).toBe(303);
    const refused = await (await editor.post('/admin/settings/test-connection', {})).text();
    expect(refused).toContain('The endpoint refused the key (HTTP 401)');
    expect((await editor.post('/admin/settings', { ...llm, llmApiKey: 'sk-test-key' })).status).toBe(303);
    const ok = await (await editor.post('/admin/settings/test-connection', {})).text();
    expect(ok).toContain('Connected: 1 model listed.');
    const page = await (await editor.get('/admin/settings')).text();
    expect(page).toContain('A key is set');
    expect(page).not.toContain('sk-test-key');
    // Sealed at rest, with a key derived from the auth secret.
    expect(JSON.stringify(await getSetting(database.db, SETTINGS_KEY))).not.toContain('sk-test-key');
    const log = JSON.stringify((await searchActions(database.db, { targetKind: 'settings' })).entries);
    expect(log).not.toContain('sk-test-key');
    const missing = { ...llm, llmModel: 'absent-model' };
    await editor.post('/admin/settings', missing);
    expect(await (await editor.post('/admin/settings/test-connection', {})).text()).toContain(
      'does not list the model &quot;absent-model&quot;',
    );
  });
});
