import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/ingest/test-server.js';
import { searchActions } from '../../src/store/audit.js';
import type { TestClient } from '../../src/web/discuss/testing.js';
import { type Rig, startRig } from './rig.js';

// The model key is the operator's secret: an editor may change the endpoint, but a saved key is
// never sent to a new address, and model requests reach internal addresses only where the operator
// allowed them, exactly as feed fetches do.
const OPERATOR_KEY = 'sk-operator-secret-0123456789';

const form = {
  siteName: 'Newsloom',
  siteDescription: '',
  publishPolicy: 'auto',
  writer: 'llm',
  llmModel: 'tiny-model',
  clusterThreshold: '0.15',
  clusterMergeThreshold: '0.5',
  clusterWindowHours: '96',
  commentsCloseAfterDays: '30',
  commentsHeldForNewAccounts: '1',
  bannedWords: '',
  suspectWords: '',
};

/** A model endpoint on loopback that lists one model and remembers who asked with which key. */
async function modelServer(): Promise<TestServer> {
  const server = await startTestServer();
  server.routes.set('/v1/models', (_request, response) => {
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: [{ id: 'tiny-model' }] }));
  });
  return server;
}

const keysSeenBy = (server: TestServer) => server.requests.map((r) => r.headers.authorization ?? null);

describe('changing the model endpoint (loopback allowed by the operator)', () => {
  let rig: Rig;
  let trusted: TestServer;
  let elsewhere: TestServer;
  let editor: TestClient;

  beforeAll(async () => {
    trusted = await modelServer();
    elsewhere = await modelServer();
    rig = await startRig({
      fetchAllow: ['127.0.0.1'],
      llmBaseUrl: `${trusted.url}/v1`,
      llmModel: 'tiny-model',
      llmApiKey: OPERATOR_KEY,
    });
    editor = (await rig.signedIn('editor@example.test', 'editor', '198.51.100.20')).client;
  });
  afterAll(async () => {
    await rig?.close();
    await trusted?.close();
    await elsewhere?.close();
  });

  it('tests the configured endpoint with the configured key', async () => {
    const page = await (await editor.post('/admin/settings/test-connection', {})).text();
    expect(page).toContain('Connected: 1 model listed.');
    expect(keysSeenBy(trusted)).toEqual([`Bearer ${OPERATOR_KEY}`]);
  });

  it('refuses a new endpoint saved with the key left empty, and the key never reaches it', async () => {
    const saved = await editor.post('/admin/settings', {
      ...form,
      llmBaseUrl: `${elsewhere.url}/v1`,
      llmApiKey: '',
    });
    expect(saved.status).toBe(400);
    expect(await saved.text()).toContain('Enter the key for the new endpoint');
    await editor.post('/admin/settings/test-connection', {});
    expect(keysSeenBy(elsewhere)).not.toContain(`Bearer ${OPERATOR_KEY}`);
  });

  it('saves a new endpoint with a key entered again (or none), and sends only that', async () => {
    const withKey = { ...form, llmBaseUrl: `${elsewhere.url}/v1`, llmApiKey: 'sk-for-elsewhere' };
    expect((await editor.post('/admin/settings', withKey)).status).toBe(303);
    await editor.post('/admin/settings/test-connection', {});
    const withoutKey = { ...form, llmBaseUrl: `${elsewhere.url}/v2`, llmApiKey: '', clearApiKey: 'on' };
    expect((await editor.post('/admin/settings', withoutKey)).status).toBe(303);
    await editor.post('/admin/settings/test-connection', {});
    expect(keysSeenBy(elsewhere)).toEqual(['Bearer sk-for-elsewhere', null]);
    // Back to the operator's endpoint: its key is not sent there again without being entered.
    const back = { ...form, llmBaseUrl: `${trusted.url}/v1`, llmApiKey: '' };
    expect((await editor.post('/admin/settings', { ...back, clearApiKey: 'on' })).status).toBe(303);
    await editor.post('/admin/settings/test-connection', {});
    expect(keysSeenBy(trusted).at(-1)).toBeNull();
  });
});

describe('model requests go through the address guard', () => {
  let rig: Rig;
  let internal: TestServer;
  let editor: TestClient;

  beforeAll(async () => {
    internal = await modelServer();
    rig = await startRig({ fetchDelay: 0 });
    editor = (await rig.signedIn('editor@example.test', 'editor', '198.51.100.30')).client;
  });
  afterAll(async () => {
    await rig?.close();
    await internal?.close();
  });

  it.each([
    ['loopback', () => `${internal.url}/v1`, /refusing to fetch 127\.0\.0\.1: loopback address/],
    [
      'link-local (cloud metadata)',
      () => 'http://169.254.169.254/v1',
      /linkLocal address 169\.254\.169\.254/,
    ],
    ['private', () => 'http://10.0.0.7:11434/v1', /private address 10\.0\.0\.7/],
    ['IPv6 loopback', () => 'http://[::1]:11434/v1', /loopback address ::1/],
    ['a name that resolves to loopback', () => 'http://localhost:11434/v1', /loopback address/],
  ])('refuses a test connection to a %s endpoint unless allowlisted', async (_kind, url, message) => {
    const saved = await editor.post('/admin/settings', { ...form, llmBaseUrl: url(), llmApiKey: 'sk-probe' });
    expect(saved.status).toBe(303);
    const page = await (await editor.post('/admin/settings/test-connection', {})).text();
    expect(page).toContain('Failed');
    expect(page).toMatch(message);
    expect(internal.requests).toEqual([]);
  });

  it('refuses the writer the same endpoint: regenerating with the model sends nothing', async () => {
    const saved = await editor.post('/admin/settings', {
      ...form,
      llmBaseUrl: `${internal.url}/v1`,
      llmApiKey: 'sk-probe',
    });
    expect(saved.status).toBe(303);
    const storyId = [...rig.stories.values()][0]!;
    await editor.post(`/admin/stories/${storyId}/regenerate`, { writer: 'model' });
    // The model writer was asked (the saved settings apply at once), and its request went nowhere.
    const { entries } = await searchActions(rig.database.db, { action: 'regenerate' });
    expect(entries.map((e) => e.note)).toEqual(['model tiny-model']);
    expect(internal.requests).toEqual([]);
  });
});
