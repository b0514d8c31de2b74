import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.js';
import { listActions } from '../store/moderation.js';
import { FIXTURE_STORIES, seedSite } from '../store/site-fixture.js';
import { storyById } from '../store/stories.js';
import { runInProcess } from './testing.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-stories-'));
const TARIFF = 'tariff-talks-stall-over-investment-pledge';
const RIVER = 'river-port-reopens-after-flooding';
let ids: Map<string, number>;

/** Opens the newsroom between commands (the embedded engine allows one process, and one owner, at a time). */
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
  const database = await openDatabase({ dataDir: dir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  process.env.NEWSLOOM_LOG_LEVEL = 'silent';
  ids = await withDatabase(async (db) => {
    const seeded = await seedSite(db, FIXTURE_STORIES);
    await db
      .insertInto('users')
      .values([
        {
          id: 'ed',
          name: 'Edna',
          email: 'edna@example.test',
          email_verified: true,
          image: null,
          role: 'editor',
        },
        { id: 'rd', name: 'Rudi', email: 'rudi@example.test', email_verified: true, image: null },
      ])
      .execute();
    return seeded;
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runInProcess(dir, ...args);

describe('newsloom stories', () => {
  it('lists and shows stories with their versions and verdicts', async () => {
    const listed = JSON.parse((await run('stories', 'list', '--state', 'published', '--json')).out);
    expect(listed.total).toBe(FIXTURE_STORIES.length);
    expect(listed.stories.map((s: { slug: string }) => s.slug)).toContain(TARIFF);
    const human = await run('stories', 'list', '--search', 'tariff');
    expect(human).toMatchObject({ code: 0, out: expect.stringContaining(`#${ids.get(TARIFF)} [published]`) });

    const shown = await run('stories', 'show', String(ids.get(TARIFF)), '1');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('versions: v2 published, v1 published');
    expect(shown.out).toContain(
      '  [verified] sections.0.0: Borvia has offered an investment pledge of $40 billion',
    );
  });

  it('unpublishes and publishes again as the named editor, each in the audit log', async () => {
    const id = ids.get(TARIFF)!;
    const editor = ['--as', 'edna@example.test'];
    expect(
      await run('stories', 'unpublish', String(id), '--reason', 'checking the pledge', ...editor),
    ).toMatchObject({ code: 0, out: `unpublished story ${id} (held)\n` });
    expect(await run('stories', 'publish', String(id), '2', ...editor)).toMatchObject({
      code: 0,
      out: `published story ${id} version 2\n`,
    });
    const actions = await withDatabase(async (db) => {
      expect((await storyById(db, id))?.state).toBe('published');
      return listActions(db, { targetKind: 'version' });
    });
    expect(actions.filter((a) => a.actor_id === 'ed').map((a) => a.action)).toEqual(
      expect.arrayContaining(['publish']),
    );
  });

  it('merges one story into another, and the merged one leaves the list', async () => {
    const [from, into] = [ids.get(RIVER)!, ids.get(TARIFF)!];
    expect(
      await run('stories', 'merge', String(from), String(into), '--as', 'edna@example.test'),
    ).toMatchObject({
      code: 0,
      out: `merged story ${from} into story ${into} (${TARIFF})\n`,
    });
    const listed = JSON.parse((await run('stories', 'list', '--json')).out);
    expect(listed.stories.map((s: { id: number }) => s.id)).not.toContain(from);
  });

  it('refuses readers, unknown people, bad ids and missing versions with one clear line', async () => {
    const id = String(ids.get(TARIFF));
    const cases: [string[], string][] = [
      [
        ['stories', 'publish', id, '1', '--as', 'rudi@example.test'],
        'newsloom: only editors and admins can do that\n',
      ],
      [
        ['stories', 'publish', id, '1', '--as', 'nobody@example.test'],
        'newsloom: no user with email nobody@example.test\n',
      ],
      [
        ['stories', 'publish', id, '9', '--as', 'edna@example.test'],
        `newsloom: story ${id} has no version 9\n`,
      ],
      [['stories', 'split', 'x', '1', '--as', 'edna@example.test'], 'newsloom: invalid story id x\n'],
      [
        ['stories', 'list', '--state', 'gone'],
        'newsloom: state must be one of forming, review, published, held\n',
      ],
    ];
    for (const [args, err] of cases)
      expect(await run(...args), args.join(' ')).toMatchObject({ code: 1, err });
    expect((await run('stories', 'publish', id, '1')).code).not.toBe(0);
  });
});
