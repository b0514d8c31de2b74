import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.js';
import { upsertSourceByKey } from '../../src/store/sources.js';
import { checkNewsroom } from './invariants.js';
import { type NewsFeeds, seeded, sleep, startNewsFeeds, startProc } from './harness.js';

const KILLS = Number(process.env.NEWSLOOM_FAULT_KILLS ?? 20);
const trace = (...args: unknown[]) =>
  process.env.NEWSLOOM_FAULT_TRACE && console.error(new Date().toISOString(), ...args);
const SEED = Number(process.env.NEWSLOOM_FAULT_SEED ?? 20261128);

/**
 * kill -9 of the embedded server at 20 random moments while it ingests a large set of feeds from a
 * loopback server and runs the pipeline, restarting it each time (the restart takes over the dead
 * process's data-directory lock). After each kill the data directory is opened by another process
 * and checked; after the last restart the ingest must finish.
 */
describe('embedded server killed with SIGKILL during a large ingest', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-crash-'));
  let feeds: NewsFeeds;
  afterAll(async () => {
    await feeds?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no reported article, duplicates none, keeps citations, and completes', {
    // A guard against a hang, not a speed limit: 20 restarts on a loaded 2-core machine take minutes.
    timeout: 900_000,
  }, async () => {
    const random = seeded(SEED);
    // Every feed is on one host, fetched at most once a second (the default politeness delay): the
    // ingest outlasts the 20 short runs, so the kills land while it is under way.
    feeds = await startNewsFeeds({ feeds: 60, perFeed: 25, seed: SEED });
    const sourceFeed = new Map<number, number>();
    await withDatabase(dir, async (db) => {
      for (const [f, url] of feeds.feedUrls.entries()) {
        const source = await upsertSourceByKey(db.db, { key: url, kind: 'feed', url, name: `Outlet ${f}` });
        sourceFeed.set(source.id, f);
      }
    });
    // Debug logs include the idle pipeline passes that say the newsroom has caught up.
    const env = {
      NEWSLOOM_FETCH_ALLOW: '127.0.0.1/32',
      NEWSLOOM_WRITE_DEBOUNCE: '0',
      NEWSLOOM_LOG_LEVEL: 'debug',
    };
    const args = ['serve', '--data-dir', dir, '--port', '0'];
    const reported = new Set<number>();
    let killedDuringIngest = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const server = startProc(args, env);
      await server.waitFor((l) => l.msg === 'listening');
      await sleep(50 + random() * 2500);
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      const refreshed = server.logs
        .filter((l) => l.msg === 'source refreshed')
        .map((l) => l.source_id as number);
      for (const id of refreshed) reported.add(id);
      if (reported.size < feeds.feedUrls.length) killedDuringIngest++;
      trace('kill', kill + 1, 'reported', reported.size, 'log lines', server.logs.length);
      // Another process opens the directory at once: the killed server's lock is stale.
      await withDatabase(dir, async (db) => {
        const urls = new Set(
          (await db.db.selectFrom('articles').select('url').execute()).map((row) => row.url),
        );
        for (const id of reported) {
          const missing = feeds.items[sourceFeed.get(id)!]!.filter((url) => !urls.has(url));
          expect(missing, `articles of source ${id} reported stored before kill ${kill + 1}`).toEqual([]);
        }
        const counts = await checkNewsroom(db.db, expect);
        trace('checked', counts);
      });
    }
    expect(killedDuringIngest, 'kills that landed while sources were still being ingested').toBeGreaterThan(
      KILLS / 2,
    );

    // The last run: left alone, it finishes the ingest and the pipeline, and stops cleanly.
    const server = startProc(args, env);
    await server.waitFor((l) => l.msg === 'listening');
    for (;;) {
      const line = await server.waitFor(
        (l) => l.msg === 'source refreshed' || l.msg === 'pipeline pass',
        180_000,
      );
      server.logs.splice(0, server.logs.indexOf(line) + 1);
      trace(line.msg, line.source_id ?? line.clustered, reported.size);
      if (line.msg === 'source refreshed') reported.add(line.source_id as number);
      else if (reported.size === feeds.feedUrls.length && line.clustered === 0) break;
    }
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    await withDatabase(dir, async (db) => {
      const rows = await db.db.selectFrom('articles').select(['url']).execute();
      const expected = feeds.items.flat();
      expect(rows.length).toBe(expected.length);
      expect(new Set(rows.map((r) => r.url))).toEqual(new Set(expected));
      const { versions } = await checkNewsroom(db.db, expect);
      expect(versions, 'story versions written from the multi-outlet events').toBeGreaterThan(0);
    });
  });
});

async function withDatabase(dir: string, work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase({ dataDir: dir });
  try {
    await work(db);
  } finally {
    await db.close();
  }
}
