import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentById, recentlyRejected } from '../../src/store/comments.js';
import { FIXTURE_STORIES } from '../../src/store/site-fixture.js';
import type { TestClient } from '../../src/web/discuss/testing.js';
import { type Rig, startRig } from './rig.js';

// An edit goes through moderation again and can only keep or lower a comment's standing: a rejected
// or held comment never becomes visible by being edited, and an account stays new until a
// moderator has let one of its comments through.
const STORY = FIXTURE_STORIES[0]!;

let rig: Rig;
let storyId: number;
let moderator: TestClient;

beforeAll(async () => {
  rig = await startRig({
    bannedWords: ['zyzzyva'],
    suspectWords: ['quokka'],
    commentsHeldForNewAccounts: 1,
  });
  storyId = rig.stories.get(STORY.slug)!;
  moderator = (await rig.signedIn('mod@example.test', 'moderator', '198.51.100.40')).client;
});
afterAll(async () => {
  await rig?.close();
});

/** Posts a comment through the story's form; the stored comment's id (rejected ones too). */
async function post(client: TestClient, body: string, extra: Record<string, string> = {}): Promise<number> {
  const answer = await client.post(`/discuss/${storyId}/comments`, { body, ...extra });
  const anchor = /#comment-(\d+)$/.exec(answer.headers.get('location') ?? '');
  if (anchor) return Number(anchor[1]);
  expect(answer.status).toBe(422);
  const rejected = await recentlyRejected(rig.database.db, { limit: 50 });
  return Number(rejected.find((c) => c.body === body)!.id);
}

async function edit(client: TestClient, id: number, body: string): Promise<number> {
  return (await client.post(`/discuss/comments/${id}/edit`, { body })).status;
}

async function statusOf(id: number) {
  return (await commentById(rig.database.db, id))!.status;
}

async function publicThread(): Promise<string> {
  return (await rig.client('198.51.100.49').get(`/api/v1/stories/${storyId}/comments`)).text();
}

describe('editing a comment', () => {
  it('never brings back a comment the honeypot rejected, and the account stays premoderated', async () => {
    const { client } = await rig.signedIn('bot@example.test', 'reader', '198.51.100.41');
    const id = await post(client, 'Great deals on watches here', { website: 'http://spam.example' });
    expect(await statusOf(id)).toBe('rejected');
    expect(await edit(client, id, 'A perfectly ordinary remark about the talks.')).toBe(409);
    expect(await statusOf(id)).toBe('rejected');
    expect(await publicThread()).not.toContain('perfectly ordinary remark');
    const next = await post(client, 'My next remark about the pledge.');
    expect(await statusOf(next)).toBe('pending');
  });

  it('never brings back a comment a banned word rejected', async () => {
    const { client } = await rig.signedIn('rude@example.test', 'reader', '198.51.100.42');
    const id = await post(client, 'What a zyzzyva this negotiation is.');
    expect(await statusOf(id)).toBe('rejected');
    expect(await edit(client, id, 'What a muddle this negotiation is.')).toBe(409);
    expect(await statusOf(id)).toBe('rejected');
  });

  it('keeps a held comment held', async () => {
    const { client } = await rig.signedIn('new@example.test', 'reader', '198.51.100.43');
    const id = await post(client, 'First thoughts from a new reader.');
    expect(await statusOf(id)).toBe('pending');
    expect(await edit(client, id, 'First thoughts from a new reader, edited.')).toBe(303);
    expect(await statusOf(id)).toBe('pending');
    expect(await publicThread()).not.toContain('First thoughts');
  });

  it('runs the words again on a visible comment: banned refuses the edit, suspect holds it', async () => {
    const { client } = await rig.signedIn('regular@example.test', 'reader', '198.51.100.44');
    const first = await post(client, 'A regular reader weighs in.');
    const approved = await moderator.post(`/admin/moderation/comments/${first}`, { action: 'approve' });
    expect(approved.status).toBe(303);
    const id = await post(client, 'The pledge looks too small to me.');
    expect(await statusOf(id)).toBe('visible');
    expect(await edit(client, id, 'The pledge is a zyzzyva.')).toBe(422);
    expect((await commentById(rig.database.db, id))!.body).toBe('The pledge looks too small to me.');
    expect(await statusOf(id)).toBe('visible');
    expect(await edit(client, id, 'The pledge is a quokka.')).toBe(303);
    expect(await statusOf(id)).toBe('pending');
    expect(await publicThread()).not.toContain('quokka');
  });
});
