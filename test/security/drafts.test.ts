import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCurrentVersion, setVersionStatus } from '../../src/store/published.js';
import { FIXTURE_STORIES } from '../../src/store/site-fixture.js';
import { insertStoryVersion, storyVersion } from '../../src/store/stories.js';
import type { TestClient } from '../../src/web/discuss/testing.js';
import { type Rig, startRig } from './rig.js';

// Review and held versions of a published story are drafts: only editors may read them, and no
// shared cache may keep them. Published and superseded versions are the public record.
const STORY = FIXTURE_STORIES[0]!;
const REVIEW_HEADLINE = 'Draft waiting for review: talks collapse';
const HELD_HEADLINE = 'Held draft: an unverified 900 billion figure';

let rig: Rig;
let storyId: number;
let anonymous: TestClient;
let reader: TestClient;
let editor: TestClient;
/** Version numbers: the live one and the two drafts stored after it. */
let live = 0;
let drafts: number[] = [];

beforeAll(async () => {
  rig = await startRig();
  storyId = rig.stories.get(STORY.slug)!;
  const db = rig.database.db;
  const current = (await storyVersion(db, storyId, 1))!;
  const draft = { ...current, id: undefined, version: undefined, created_at: undefined };
  const review = await insertStoryVersion(db, { ...draft, headline: REVIEW_HEADLINE, status: 'review' });
  const held = await insertStoryVersion(db, { ...draft, headline: HELD_HEADLINE, status: 'held' });
  await setVersionStatus(db, held.id, 'held');
  await setVersionStatus(db, review.id, 'review');
  // The pipeline stores drafts beside the live version: readers keep version 1.
  await setCurrentVersion(db, storyId, current.id);
  live = current.version;
  drafts = [review.version, held.version];
  anonymous = rig.client('198.51.100.10');
  reader = (await rig.signedIn('reader@example.test', 'reader', '198.51.100.11')).client;
  editor = (await rig.signedIn('editor@example.test', 'editor', '198.51.100.12')).client;
});
afterAll(async () => {
  await rig?.close();
});

const pages = () => drafts.map((n) => `/stories/${STORY.slug}/versions/${n}`);
const api = () => drafts.map((n) => `/api/v1/stories/${storyId}/versions/${n}`);

describe('draft versions', () => {
  it('answers 404 to readers and signed-out visitors for review and held versions, pages and API', async () => {
    for (const client of [anonymous, reader]) {
      for (const path of [...pages(), ...api()]) {
        const answer = await client.get(path);
        expect([path, answer.status]).toEqual([path, 404]);
        expect(answer.headers.get('cache-control') ?? '').not.toMatch(/public|s-maxage/);
        expect(await answer.text()).not.toMatch(/Draft waiting|Held draft/);
      }
    }
  });

  it('lists only published versions to readers, on the versions page, the story page and the API', async () => {
    for (const client of [anonymous, reader]) {
      for (const path of [`/stories/${STORY.slug}/versions`, `/stories/${STORY.slug}`]) {
        const html = await (await client.get(path)).text();
        expect(html).toContain(STORY.headline);
        expect(html).not.toMatch(/Draft waiting|Held draft/);
        for (const n of drafts) expect(html).not.toContain(`/stories/${STORY.slug}/versions/${n}"`);
      }
      const list = await client.get(`/api/v1/stories/${storyId}/versions`);
      expect(list.status).toBe(200);
      const body = (await list.json()) as { data: { version: number }[] };
      expect(body.data.map((v) => v.version)).not.toContain(drafts[0]);
      expect(body.data.map((v) => v.version)).not.toContain(drafts[1]);
      expect(body.data.map((v) => v.version)).toContain(live);
    }
  });

  it('keeps serving the published version publicly cacheable', async () => {
    const page = await anonymous.get(`/stories/${STORY.slug}/versions/1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toMatch(/public/);
    const json = await anonymous.get(`/api/v1/stories/${storyId}/versions/1`);
    expect(json.status).toBe(200);
  });

  it('shows drafts to editors, never cached by anyone', async () => {
    for (const path of [...pages(), ...api(), `/api/v1/stories/${storyId}/versions`]) {
      const answer = await editor.get(path);
      expect([path, answer.status]).toEqual([path, 200]);
      expect([path, answer.headers.get('cache-control')]).toEqual([path, 'private, no-store']);
    }
    expect(await (await editor.get(pages()[1]!)).text()).toContain(HELD_HEADLINE);
    const list = (await (await editor.get(`/api/v1/stories/${storyId}/versions`)).json()) as {
      data: { version: number; status: string }[];
    };
    expect(list.data.slice(0, 2).map((v) => [v.version, v.status])).toEqual([
      [drafts[1], 'held'],
      [drafts[0], 'review'],
    ]);
  });
});
