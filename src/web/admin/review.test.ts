import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_HEADLINE, storeHeldVersion, UNSUPPORTED } from '../../admin/testing.js';
import { createAccounts } from '../../auth/accounts.js';
import { createUser } from '../../auth/users.js';
import type { Database } from '../../db/connect.js';
import { openTestDatabase } from '../../db/testing.js';
import { silentLogger } from '../../lib/log.js';
import { floodFrom, seedStory } from '../../publish/testing.js';
import { assignArticles, storyPlacements } from '../../store/clusters.js';
import { listActions } from '../../store/moderation.js';
import { storyById } from '../../store/stories.js';
import { TestClient, testApp, testConfig } from '../discuss/testing.js';

let database: Database;
let app: ReturnType<typeof testApp>;
let editor: TestClient;
let reader: TestClient;
let held: { storyId: number; versionId: number };
let other: number;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  app = testApp(database);
  const accounts = createAccounts({ config: testConfig(), database, logger: silentLogger() });
  await createUser(accounts, {
    email: 'ed@example.com',
    password: 'editor-pass',
    role: 'editor',
    name: 'Ed',
  });
  editor = new TestClient(app, '192.0.2.60');
  expect((await editor.post('/sign-in', { email: 'ed@example.com', password: 'editor-pass' })).status).toBe(
    303,
  );
  reader = new TestClient(app, '192.0.2.61');
  expect((await reader.signUpAndIn('reader@example.com')).status).toBe(303);
  const { storyId } = await seedStory(database.db, 'dorn-floods', floodFrom(1));
  const version = await storeHeldVersion(
    { db: database.db, logger: silentLogger(), policy: 'auto' },
    storyId,
  );
  held = { storyId, versionId: version.version.id };
  other = (await seedStory(database.db, 'dorn-roads', floodFrom(2))).storyId;
});
afterAll(async () => {
  await database?.close();
});

const GETS = () => [
  '/admin/stories',
  '/admin/stories?state=held',
  `/admin/stories/${held.storyId}`,
  '/admin/corrections',
  `/admin/corrections/new?story=${held.storyId}`,
];
const POSTS = () =>
  ['publish', 'hold', 'unpublish', 'regenerate', 'headline', 'split', 'merge']
    .map((a) => `/admin/stories/${held.storyId}/${a}`)
    .concat(['/admin/corrections', '/admin/corrections/reports/1']);

describe('stories review and corrections pages', () => {
  it('refuses a reader every page and form (403), and sends a signed-out visitor to sign in', async () => {
    for (const path of GETS()) expect([path, (await reader.get(path)).status]).toEqual([path, 403]);
    for (const path of POSTS())
      expect([path, (await reader.post(path, { versionId: String(held.versionId) })).status]).toEqual([
        path,
        403,
      ]);
    const anonymous = new TestClient(app, '192.0.2.62');
    for (const path of GETS()) expect((await anonymous.get(path)).status).toBe(303);
    expect((await storyById(database.db, held.storyId))!.state).toBe('held');
  });

  it('refuses every form without the CSRF token', async () => {
    for (const path of POSTS()) {
      const response = await editor.post(path, { versionId: String(held.versionId) }, { csrf: false });
      expect([path, response.status]).toEqual([path, 403]);
    }
  });

  it('lists stories by state, with a filter and pages', async () => {
    const all = await (await editor.get('/admin/stories')).text();
    expect(all).toContain(HELD_HEADLINE);
    expect(all).toContain('2 stories');
    expect(await (await editor.get('/admin/stories?state=held')).text()).toContain(HELD_HEADLINE);
    const published = await (await editor.get('/admin/stories?state=published')).text();
    expect(published).not.toContain(HELD_HEADLINE);
    expect(published).toContain('No story matches.');
    expect(await (await editor.get('/admin/stories?q=roads')).text()).toContain('1 story');
    expect(await (await editor.get('/admin/stories?state=bogus')).text()).toContain('No state “bogus”');
    expect(await (await editor.get('/admin/stories?page=2')).text()).toContain('No story matches.');
  });

  it('shows findings, refuses what fails verification, and publishes what the editor fixed', async () => {
    const page = await (await editor.get(`/admin/stories/${held.storyId}`)).text();
    expect(page).toMatch(/class="sentence dropped v-unsupported"/);
    expect(page).toContain(UNSUPPORTED);
    expect(page).toContain('figure not found');
    expect(page).toContain('Officials said 40 homes were evacuated overnight.</blockquote>');

    const refused = await editor.post(`/admin/stories/${held.storyId}/publish`, {
      versionId: String(held.versionId),
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('failed verification');
    const bad = await editor.post(`/admin/stories/${held.storyId}/headline`, {
      versionId: String(held.versionId),
      headline: 'Floods force 900 homes empty in Lower Dorn',
      dek: 'Rescue teams reached the flooded valley after three days of rain.',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The headline cannot be verified: figure 900');

    const saved = await editor.post(`/admin/stories/${held.storyId}/headline`, {
      versionId: String(held.versionId),
      headline: 'Lower Dorn evacuates 40 homes as the river floods',
      dek: 'Rescue teams reached the flooded valley after three days of rain.',
    });
    expect([saved.status, saved.headers.get('location')]).toEqual([
      303,
      `/admin/stories/${held.storyId}?done=headline`,
    ]);
    const view = await (await editor.get(`/admin/stories/${held.storyId}`)).text();
    const versionId = /name="versionId" value="(\d+)"/.exec(view)![1]!;
    expect(Number(versionId)).toBeGreaterThan(held.versionId);
    expect((await editor.post(`/admin/stories/${held.storyId}/publish`, { versionId })).status).toBe(303);
    const story = (await storyById(database.db, held.storyId))!;
    expect(await (await reader.get(`/stories/${story.slug}`)).text()).toContain(
      'Lower Dorn evacuates 40 homes as the river floods',
    );

    // A second edit shows at once: the reader site's cached page and version lookup are dropped.
    await editor.post(`/admin/stories/${held.storyId}/headline`, {
      versionId,
      headline: 'Lower Dorn empties 40 homes as the river floods',
      dek: 'Rescue teams reached the flooded valley after three days of rain.',
    });
    const next = /name="versionId" value="(\d+)"/.exec(
      await (await editor.get(`/admin/stories/${held.storyId}`)).text(),
    )![1]!;
    await editor.post(`/admin/stories/${held.storyId}/publish`, { versionId: next });
    expect(await (await reader.get(`/stories/${story.slug}`)).text()).toContain(
      'Lower Dorn empties 40 homes',
    );

    const down = await editor.post(`/admin/stories/${held.storyId}/unpublish`, { reason: '' });
    expect(down.status).toBe(400);
    expect(await down.text()).toContain('say why the story comes down');
    expect(
      (await editor.post(`/admin/stories/${held.storyId}/unpublish`, { reason: 'legal check' })).status,
    ).toBe(303);
    expect((await reader.get(`/stories/${story.slug}`)).status).toBe(404);
    expect((await editor.post(`/admin/stories/${held.storyId}/publish`, { versionId: next })).status).toBe(
      303,
    );
    const actions = (await listActions(database.db, { limit: 20 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['edit-headline', 'publish', 'unpublish']));
  });

  it('says why each article is in the story', async () => {
    const [first] = (await storyPlacements(database.db, held.storyId)).map((p) => p.article_id);
    await assignArticles(database.db, [
      {
        storyId: held.storyId,
        articleId: first!,
        score: 0.41,
        evidence: {
          score: 0.41,
          text: 0.43,
          names: 0.6,
          shared_names: ['dorn'],
          shared_figures: ['#count:homes:40'],
          embedding: null,
          hours: 3,
          reason: 'joined',
        },
      },
    ]);
    const page = await (await editor.get(`/admin/stories/${held.storyId}`)).text();
    expect(page).toContain('Why here: Shares names dorn; figures 40 homes. Words 43% alike');
  });

  it('merges a story by slug and says when there is no such story', async () => {
    const missing = await editor.post(`/admin/stories/${held.storyId}/merge`, { other: 'no-such-story' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('no story “no-such-story”');
    const merged = await editor.post(`/admin/stories/${held.storyId}/merge`, { other: 'dorn-roads' });
    expect(merged.status).toBe(303);
    expect((await storyById(database.db, other))!).toMatchObject({
      state: 'merged',
      merged_into: held.storyId,
    });
    expect((await editor.get(`/admin/stories/${other}`)).status).toBe(200);
  });

  it('publishes a correction from the form, with clear refusals, into the public log', async () => {
    const form = await (await editor.get(`/admin/corrections/new?story=${held.storyId}`)).text();
    expect(form).toContain('name="s:lede.0"');
    const short = await editor.post('/admin/corrections', { storyId: String(held.storyId), reason: 'wrong' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('say in a sentence what was wrong');
    const unsupported = await editor.post('/admin/corrections', {
      storyId: String(held.storyId),
      reason: 'The count of homes was wrong.',
      's:lede.0': 'Officials said 900 homes were evacuated overnight.',
    });
    expect(unsupported.status).toBe(400);
    expect(await unsupported.text()).toContain('The sources do not support');
    const done = await editor.post('/admin/corrections', {
      storyId: String(held.storyId),
      reason: 'The shelters sentence named the wrong council.',
      headline: 'Lower Dorn evacuates 40 homes; shelters open',
    });
    expect([done.status, done.headers.get('location')]).toEqual([303, '/admin/corrections?done=published']);
    expect(await (await reader.get('/corrections')).text()).toContain(
      'The shelters sentence named the wrong council.',
    );
    expect(await (await editor.get('/admin/corrections')).text()).toContain(
      'The shelters sentence named the wrong council.',
    );
    expect((await editor.get('/admin/corrections/new?story=99999')).status).toBe(404);
  });
});
