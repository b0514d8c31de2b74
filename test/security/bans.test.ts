import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBan } from '../../src/store/moderation.js';
import { commentById } from '../../src/store/comments.js';
import { FIXTURE_STORIES } from '../../src/store/site-fixture.js';
import type { TestClient } from '../../src/web/discuss/testing.js';
import { type Rig, startRig } from './rig.js';

// A moderator keeps the conversation clean: they act on queued comments and ban readers. Banning
// staff (moderators, editors, admins) is an admin's decision, taken on the people page.
type Account = { client: TestClient; id: string };

let rig: Rig;
let storyId: number;
let moderator: Account;
let otherModerator: Account;
let editor: Account;
let admin: Account;
let reader: Account;

beforeAll(async () => {
  rig = await startRig({ commentsHeldForNewAccounts: 0 });
  storyId = rig.stories.get(FIXTURE_STORIES[0]!.slug)!;
  moderator = await rig.signedIn('mod@example.test', 'moderator', '198.51.100.50');
  otherModerator = await rig.signedIn('mod2@example.test', 'moderator', '198.51.100.51');
  editor = await rig.signedIn('editor@example.test', 'editor', '198.51.100.52');
  admin = await rig.signedIn('admin@example.test', 'admin', '198.51.100.53');
  reader = await rig.signedIn('reader@example.test', 'reader', '198.51.100.54');
});
afterAll(async () => {
  await rig?.close();
});

/** Posts a comment as `who` and has the reader report it, so it is in the moderation queue. */
async function queuedCommentOf(who: Account, text: string): Promise<number> {
  const answer = await who.client.postJson(`/api/v1/stories/${storyId}/comments`, { body: text });
  const id = ((await answer.json()) as { comment: { id: number } }).comment.id;
  const reported = await reader.client.post(`/discuss/comments/${id}/report`, { reason: 'rude remark' });
  expect(reported.status).toBe(303);
  return id;
}

const banned = async (account: Account) => Boolean(await activeBan(rig.database.db, account.id, new Date()));

describe('bans from the moderation queue', () => {
  it.each([
    ['an admin', () => admin],
    ['an editor', () => editor],
    ['another moderator', () => otherModerator],
  ])('refuses a moderator banning %s through a queued comment', async (_who, target) => {
    const id = await queuedCommentOf(target(), `A reported remark by ${target().id}.`);
    const answer = await moderator.client.post(`/admin/moderation/comments/${id}`, { action: 'ban' });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('people page');
    expect(await banned(target())).toBe(false);
    expect((await commentById(rig.database.db, id))!.status).toBe('visible');
  });

  it('lets a moderator ban a reader through their queued comment', async () => {
    const { client, id: readerId } = await rig.signedIn('troll@example.test', 'reader', '198.51.100.55');
    const troll = { client, id: readerId };
    const id = await queuedCommentOf(troll, 'A reported remark by a troll.');
    const answer = await moderator.client.post(`/admin/moderation/comments/${id}`, { action: 'ban' });
    expect(answer.status).toBe(303);
    expect(await banned(troll)).toBe(true);
    expect((await commentById(rig.database.db, id))!.status).toBe('rejected');
  });

  it('applies queue actions to queued comments only', async () => {
    const answer = await reader.client.postJson(`/api/v1/stories/${storyId}/comments`, {
      body: 'An unremarkable comment nobody reported.',
    });
    const id = ((await answer.json()) as { comment: { id: number } }).comment.id;
    for (const action of ['reject', 'ban']) {
      const refused = await moderator.client.post(`/admin/moderation/comments/${id}`, { action });
      expect([action, refused.status]).toEqual([action, 409]);
    }
    expect((await commentById(rig.database.db, id))!.status).toBe('visible');
    expect(await banned(reader)).toBe(false);
  });
});

describe('bans on the people page', () => {
  it('is closed to moderators', async () => {
    const answer = await moderator.client.post(`/admin/people/${reader.id}/ban`, { reason: 'spam' });
    expect(answer.status).toBe(403);
    expect(await banned(reader)).toBe(false);
  });

  it('refuses an editor banning staff', async () => {
    for (const target of [otherModerator, admin]) {
      const answer = await editor.client.post(`/admin/people/${target.id}/ban`, { reason: 'abuse of power' });
      expect(answer.status).toBe(403);
      expect(await banned(target)).toBe(false);
    }
  });

  it('lets an admin ban a moderator', async () => {
    const answer = await admin.client.post(`/admin/people/${otherModerator.id}/ban`, {
      reason: 'abuse of power',
    });
    expect(answer.status).toBe(303);
    expect(await banned(otherModerator)).toBe(true);
  });
});
