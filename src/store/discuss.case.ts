import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../auth/accounts.js';
import { createUser } from '../auth/users.js';
import { testConfig } from '../../test/config.js';
import type { Database, Engine } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { banUser, unbanUser } from '../discuss/bans.js';
import {
  type DiscussDeps,
  deleteComment,
  editComment,
  likeComment,
  postComment,
  reportComment,
} from '../discuss/comments.js';
import { moderateComment } from '../discuss/moderation.js';
import { moderationSettings } from '../discuss/settings.js';
import { loadThread } from '../discuss/thread.js';
import { silentLogger } from '../lib/log.js';
import {
  commentById,
  commentCounts,
  countCommentsByIpSince,
  moderationQueue,
  openReportCount,
  recentlyRejected,
} from './comments.js';
import {
  inaccuracyReportById,
  insertInaccuracyReport,
  openInaccuracyReports,
  resolveInaccuracyReport,
  setCommentsClosed,
} from './inaccuracy.js';
import { insertOutboxMail, listOutboxMail } from './mail.js';
import { activeBan, listActions } from './moderation.js';
import { insertStory, storyById } from './stories.js';
import {
  clearSignInFailures,
  countUsersWithRole,
  deleteUserSessions,
  listUsers,
  markEmailVerified,
  recordSignInFailure,
  setDisplayName,
  setUserRole,
  signInLockedUntil,
  userByEmail,
  userById,
} from './users.js';

/** The discussion storage contract (users, mail, comments, moderation, inaccuracy reports) on one engine. */
export function discussContract(engine: Engine): void {
  describe(`discussion storage on ${engine}`, () => {
    let database: Database;
    let deps: DiscussDeps;
    let storyId: number;
    let ada: string;
    let bob: string;
    let mod: string;
    let now = new Date();

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      const config = testConfig({ commentsPerMinute: 100 });
      const accounts = createAccounts({ config, database, logger: silentLogger() });
      ada = (await createUser(accounts, { email: 'ada@example.com', password: 'password-ada', name: 'Ada' }))
        .id;
      bob = (await createUser(accounts, { email: 'bob@example.com', password: 'password-bob', name: 'Bob' }))
        .id;
      mod = (
        await createUser(accounts, { email: 'mod@example.com', password: 'password-mod', role: 'moderator' })
      ).id;
      const story = await insertStory(database.db, {
        slug: 'budget-vote',
        state: 'published',
        first_seen_at: now,
        last_seen_at: now,
        published_at: now,
      });
      storyId = Number(story.id);
      deps = { db: database.db, settings: moderationSettings(config), now: () => now };
    });
    afterAll(async () => database?.close());

    it('creates users through better-auth and manages roles and names', async () => {
      expect((await userByEmail(database.db, 'ADA@example.com'))?.id).toBe(ada);
      expect((await userById(database.db, mod))?.role).toBe('moderator');
      expect((await listUsers(database.db)).map((u) => u.email)).toEqual([
        'ada@example.com',
        'bob@example.com',
        'mod@example.com',
      ]);
      await setUserRole(database.db, bob, 'editor');
      expect(await countUsersWithRole(database.db, 'editor')).toBe(1);
      expect(await countUsersWithRole(database.db, 'admin')).toBe(0);
      await setDisplayName(database.db, bob, 'Robert');
      expect(await userById(database.db, bob)).toMatchObject({ role: 'editor', name: 'Robert' });
      await setUserRole(database.db, bob, 'reader');
      expect(await deleteUserSessions(database.db, bob)).toBe(0);
    });

    it('marks an address verified', async () => {
      const user = await database.db
        .insertInto('users')
        .values({ id: 'unverified', name: 'Una', email: 'una@example.com', email_verified: false })
        .returningAll()
        .executeTakeFirstOrThrow();
      await markEmailVerified(database.db, user.id);
      expect((await userById(database.db, user.id))?.email_verified).toBe(true);
      expect((await userById(database.db, ada))?.email_verified).toBe(true);
      await database.db.deleteFrom('users').where('id', '=', user.id).execute();
    });

    it('counts failed sign-ins per address and holds it back', async () => {
      const at = new Date('2026-03-01T00:00:00Z');
      expect(await recordSignInFailure(database.db, 'x@example.com', at, () => 0)).toBe(1);
      expect(await signInLockedUntil(database.db, 'x@example.com')).toBeUndefined();
      expect(await recordSignInFailure(database.db, 'x@example.com', at, (n) => n * 10)).toBe(2);
      expect(await signInLockedUntil(database.db, 'x@example.com')).toEqual(new Date('2026-03-01T00:00:20Z'));
      await clearSignInFailures(database.db, 'x@example.com');
      expect(await signInLockedUntil(database.db, 'x@example.com')).toBeUndefined();
    });

    it('keeps mail in the outbox', async () => {
      await insertOutboxMail(database.db, {
        to: 'ada@example.com',
        subject: 'Hello',
        body: 'x',
        status: 'outbox',
      });
      await insertOutboxMail(database.db, {
        to: 'bob@example.com',
        subject: 'Oops',
        body: 'y',
        status: 'failed',
        error: 'refused',
      });
      expect((await listOutboxMail(database.db, { to: 'ADA@example.com' })).map((m) => m.subject)).toEqual([
        'Hello',
      ]);
      expect((await listOutboxMail(database.db))[0]).toMatchObject({ status: 'failed', error: 'refused' });
    });

    it('holds a first comment, publishes after approval, threads replies and counts', async () => {
      const first = await postComment(deps, {
        storyId,
        userId: ada,
        body: 'First thought.',
        ip: '192.0.2.1',
      });
      expect(first).toMatchObject({ status: 'pending', reason: 'new_account' });
      expect((await moderationQueue(database.db)).map((q) => q.id)).toEqual([first.comment!.id]);
      await moderateComment(
        database.db,
        { id: mod, role: 'moderator' },
        { commentId: Number(first.comment!.id), action: 'approve', note: 'fine' },
      );
      expect(
        (await listActions(database.db, { targetKind: 'comment', targetId: first.comment!.id }))[0],
      ).toMatchObject({
        actor_id: mod,
        action: 'approve',
        note: 'fine',
      });
      const second = await postComment(deps, {
        storyId,
        userId: ada,
        body: 'Second thought.',
        ip: '192.0.2.1',
      });
      expect(second.status).toBe('visible');
      const reply = await postComment(deps, {
        storyId,
        userId: mod,
        body: 'A reply.',
        parentId: Number(first.comment!.id),
      });
      const deeper = await postComment(deps, {
        storyId,
        userId: mod,
        body: 'Deeper.',
        parentId: Number(reply.comment!.id),
      });
      const deepest = await postComment(deps, {
        storyId,
        userId: mod,
        body: 'Deepest.',
        parentId: Number(deeper.comment!.id),
      });
      expect([reply.comment!.depth, deeper.comment!.depth, deepest.comment!.depth]).toEqual([1, 2, 2]);
      expect(Number(deepest.comment!.parent_id)).toBe(Number(reply.comment!.id));

      const thread = await loadThread(database.db, storyId, { sort: 'oldest' });
      expect(thread.comments.map((c) => c.body)).toEqual(['First thought.', 'Second thought.']);
      expect(thread.comments[0]!.replies[0]!.replies.map((c) => c.body)).toEqual(['Deeper.', 'Deepest.']);
      expect((await commentCounts(database.db, [storyId, 999])).get(storyId)).toBe(5);
      expect(await countCommentsByIpSince(database.db, '192.0.2.1', new Date(now.getTime() - 60_000))).toBe(
        2,
      );

      const paged = await loadThread(database.db, storyId, { sort: 'newest', page: 2, pageSize: 1 });
      expect(paged).toMatchObject({ page: 2, pages: 2, total: 2 });
      expect(paged.comments.map((c) => c.body)).toEqual(['First thought.']);
    });

    it('shows a pending comment to its author only', async () => {
      const held = await postComment(deps, { storyId, userId: bob, body: 'Held for now.' });
      expect(held.status).toBe('pending');
      const asBob = await loadThread(database.db, storyId, { viewerId: bob });
      const asAnyone = await loadThread(database.db, storyId, {});
      expect(asBob.comments.map((c) => c.body)).toContain('Held for now.');
      expect(asAnyone.comments.map((c) => c.body)).not.toContain('Held for now.');
      await moderateComment(
        database.db,
        { id: mod, role: 'moderator' },
        { commentId: Number(held.comment!.id), action: 'reject', note: 'off topic' },
      );
      expect((await moderationQueue(database.db)).length).toBe(0);
    });

    it('likes, reports, edits within the window, deletes, and sorts by likes', async () => {
      const thread = await loadThread(database.db, storyId, { sort: 'oldest' });
      const second = thread.comments[1]!;
      expect(await likeComment(deps, { commentId: Number(second.id), userId: bob })).toEqual({
        liked: true,
        like_count: 1,
      });
      expect(
        (await loadThread(database.db, storyId, { sort: 'liked', viewerId: bob })).comments[0],
      ).toMatchObject({
        body: 'Second thought.',
        liked_by_viewer: true,
      });
      expect(await likeComment(deps, { commentId: Number(second.id), userId: bob })).toEqual({
        liked: false,
        like_count: 0,
      });

      expect(
        await reportComment(deps, { commentId: Number(second.id), userId: bob, reason: 'Rude' }),
      ).toEqual({ reported: true });
      expect(
        await reportComment(deps, { commentId: Number(second.id), userId: bob, reason: 'Rude again' }),
      ).toEqual({ reported: false });
      expect((await moderationQueue(database.db))[0]).toMatchObject({
        id: second.id,
        open_reports: ['Rude'],
      });
      expect(await openReportCount(database.db, Number(second.id))).toBe(1);
      expect(await openReportCount(database.db, Number(thread.comments[0]!.id))).toBe(0);

      await expect(
        editComment(deps, { commentId: Number(second.id), userId: bob, body: 'hijack' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      const edited = await editComment(deps, {
        commentId: Number(second.id),
        userId: ada,
        body: 'Second thought, revised.',
      });
      expect(edited.comment).toMatchObject({ body: 'Second thought, revised.', status: 'visible' });
      expect(edited.comment!.edited_at).not.toBeNull();
      const later = { ...deps, now: () => new Date(now.getTime() + 16 * 60_000) };
      await expect(
        editComment(later, { commentId: Number(second.id), userId: ada, body: 'too late' }),
      ).rejects.toMatchObject({ code: 'forbidden' });

      await expect(
        deleteComment(deps, { commentId: Number(second.id), userId: bob, role: 'reader' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await deleteComment(deps, { commentId: Number(second.id), userId: ada, role: 'reader' });
      expect((await loadThread(database.db, storyId, { sort: 'oldest' })).comments[1]!.status).toBe(
        'deleted',
      );
    });

    it('refuses a banned author, lifts the ban, and closes a story', async () => {
      await banUser(database.db, { userId: ada, by: mod, reason: 'abuse' });
      expect((await activeBan(database.db, ada, now))?.kind).toBe('ban');
      // Kept for the moderators' audit with its reason, and shown to no reader.
      const countBefore = (await commentCounts(database.db, [storyId])).get(storyId);
      const refused = await postComment(deps, { storyId, userId: ada, body: 'Let me back' });
      expect(refused).toMatchObject({
        status: 'rejected',
        reason: 'banned',
        comment: { status: 'rejected', reason: 'banned', body: 'Let me back' },
      });
      expect(await commentById(database.db, Number(refused.comment!.id))).toMatchObject({
        status: 'rejected',
      });
      expect((await recentlyRejected(database.db))[0]).toMatchObject({
        body: 'Let me back',
        author_email: 'ada@example.com',
      });
      const seen = await loadThread(database.db, storyId, { sort: 'oldest', viewerId: ada });
      expect(JSON.stringify(seen)).not.toContain('Let me back');
      expect((await commentCounts(database.db, [storyId])).get(storyId)).toBe(countBefore);
      await unbanUser(database.db, { userId: ada, by: mod });
      expect(await activeBan(database.db, ada, now)).toBeUndefined();
      await banUser(database.db, { userId: ada, by: mod, reason: 'cool off', days: 1 });
      expect((await activeBan(database.db, ada, now))?.kind).toBe('suspend');
      expect(await activeBan(database.db, ada, new Date(now.getTime() + 2 * 86_400_000))).toBeUndefined();
      await unbanUser(database.db, { userId: ada, by: mod });

      await setCommentsClosed(database.db, storyId, true);
      expect((await storyById(database.db, storyId))?.comments_closed).toBe(true);
      expect((await postComment(deps, { storyId, userId: mod, body: 'Closed?' })).reason).toBe(
        'comments_closed',
      );
      await setCommentsClosed(database.db, storyId, false);
      now = new Date(now.getTime() + 31 * 86_400_000);
      expect((await postComment(deps, { storyId, userId: mod, body: 'Too old?' })).reason).toBe(
        'comments_closed',
      );
      now = new Date();
    });

    it('queues inaccuracy reports for editors and resolves them', async () => {
      const report = await insertInaccuracyReport(database.db, {
        storyId,
        versionId: null,
        sentence: 'The vote passed 52 to 48.',
        note: 'It was 51 to 49.',
        userId: bob,
      });
      expect(report.status).toBe('open');
      expect((await openInaccuracyReports(database.db))[0]).toMatchObject({
        story_slug: 'budget-vote',
        reporter_name: 'Robert',
      });
      await resolveInaccuracyReport(database.db, Number(report.id), {
        status: 'dismissed',
        by: mod,
        note: 'source says 52',
      });
      expect(await inaccuracyReportById(database.db, Number(report.id))).toMatchObject({
        status: 'dismissed',
        resolved_by: mod,
      });
      expect(await openInaccuracyReports(database.db)).toEqual([]);
    });
  });
}
