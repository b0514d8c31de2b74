import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../auth/accounts.js';
import { createUser } from '../../auth/users.js';
import type { Database } from '../../db/connect.js';
import { openTestDatabase } from '../../db/testing.js';
import { silentLogger } from '../../lib/log.js';
import { DAM } from '../../disagree/testing.js';
import { seedStory } from '../../publish/testing.js';
import { writeStory } from '../../publish/write-story.js';
import { versionDisagreements } from '../../store/disagreements.js';
import { listActions } from '../../store/moderation.js';
import { storyById } from '../../store/stories.js';
import { TestClient, testApp, testConfig } from '../discuss/testing.js';

let database: Database;
let editor: TestClient;
let reader: TestClient;
let storyId: number;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  const app = testApp(database);
  const accounts = createAccounts({ config: testConfig(), database, logger: silentLogger() });
  await createUser(accounts, {
    email: 'ed@example.com',
    password: 'editor-pass',
    role: 'editor',
    name: 'Ed',
  });
  editor = new TestClient(app, '192.0.2.70');
  expect((await editor.post('/sign-in', { email: 'ed@example.com', password: 'editor-pass' })).status).toBe(
    303,
  );
  reader = new TestClient(app, '192.0.2.71');
  expect((await reader.signUpAndIn('reader@example.com')).status).toBe(303);
  storyId = (await seedStory(database.db, 'corran-dam', DAM)).storyId;
  const outcome = await writeStory({ db: database.db, logger: silentLogger(), policy: 'auto' }, storyId);
  expect(outcome.status).toBe('published');
});
afterAll(async () => database?.close());

async function currentFacts() {
  const story = (await storyById(database.db, storyId))!;
  return versionDisagreements(database.db, story.current_version_id!);
}

describe('where sources disagree, for readers and editors', () => {
  it('finds the disputed count, leaves it out of the article and shows it on the page and in the API', async () => {
    const [homes, ...rest] = await currentFacts();
    expect(rest).toEqual([]);
    expect(homes).toMatchObject({ status: 'disputed', settlement: null });
    expect(homes!.values.map((v) => v.value)).toEqual(['40', '55']);
    expect(homes!.values[1]!.sources.map((s) => s.outlet)).toEqual(['Harrow Courier']);
    const story = (await storyById(database.db, storyId))!;
    const page = await (await reader.get(`/stories/${story.slug}`)).text();
    expect(page).toContain('Where sources disagree');
    const article = page.slice(page.indexOf('<article'), page.indexOf('id="disagreements"'));
    expect(article).not.toMatch(/reached (?:40|55) homes in the lower town(?:\.|<)/);
    const api = (await (await reader.get(`/api/v1/stories/${story.slug}`)).json()) as {
      story: { disagreements: unknown[] };
    };
    expect(api.story.disagreements).toEqual([
      {
        detail: homes!.detail,
        status: 'disputed',
        values: homes!.values.map((v) => ({
          value: v.value,
          sources: v.sources.map((s) => ({
            article_id: s.article_id,
            outlet: s.outlet,
            published_at: s.published_at,
            citation: s.citation,
          })),
        })),
      },
    ]);
  });

  it('lets no reader, visitor or forged form settle a fact', async () => {
    const [homes] = await currentFacts();
    const fields = { fact: homes!.key, value: homes!.values[0]!.key, note: 'The council count.' };
    expect((await reader.post(`/admin/stories/${storyId}/settle`, fields)).status).toBe(403);
    expect(
      (await new TestClient(testApp(database), '192.0.2.72').post(`/admin/stories/${storyId}/settle`, fields))
        .status,
    ).not.toBe(303);
    expect((await editor.post(`/admin/stories/${storyId}/settle`, fields, { csrf: false })).status).toBe(403);
    expect((await storyById(database.db, storyId))!.current_version_id).toBeDefined();
    expect((await currentFacts())[0]!.settlement).toBeNull();
  });

  it('refuses a settlement without a note, with a value no source gives, or on a fact not in dispute', async () => {
    const [homes] = await currentFacts();
    const post = (fields: Record<string, string>) => editor.post(`/admin/stories/${storyId}/settle`, fields);
    const noNote = await post({ fact: homes!.key, value: homes!.values[0]!.key, note: '' });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain('say in a note why this value');
    const badValue = await post({ fact: homes!.key, value: 'count:12', note: 'Twelve.' });
    expect(badValue.status).toBe(400);
    expect(await badValue.text()).toContain('not one of the values the sources give');
    const badFact = await post({ fact: 'count:nothing', value: homes!.values[0]!.key, note: 'None.' });
    expect(badFact.status).toBe(404);
    expect((await currentFacts())[0]!.settlement).toBeNull();
  });

  it('shows the disagreement on the review page, settles it with a note, audits it and shows the call to readers', async () => {
    const review = await (await editor.get(`/admin/stories/${storyId}`)).text();
    expect(review).toContain('Where sources disagree');
    const [homes] = await currentFacts();
    const done = await editor.post(`/admin/stories/${storyId}/settle`, {
      fact: homes!.key,
      value: homes!.values[1]!.key,
      note: 'The water board’s survey counted 55.',
    });
    expect([done.status, done.headers.get('location')]).toEqual([
      303,
      `/admin/stories/${storyId}?done=settle`,
    ]);
    const [after] = await currentFacts();
    expect(after!.settlement).toMatchObject({ value: '55', note: 'The water board’s survey counted 55.' });
    const audit = (await listActions(database.db, { limit: 10 })).find(
      (a) => a.action === 'settle-disagreement',
    );
    expect(audit).toMatchObject({ target_kind: 'story', target_id: String(storyId) });
    const story = (await storyById(database.db, storyId))!;
    const page = await (await reader.get(`/stories/${story.slug}`)).text();
    expect(page).toContain('The newsroom’s call:</strong> 55. The water board’s survey counted 55.');
  });
});
