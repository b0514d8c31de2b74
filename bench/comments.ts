/**
 * Comment posting under load: 50 signed-in clients each post 20 comments concurrently to one story
 * over loopback HTTP (`POST /api/v1/stories/:id/comments`, the whole pipeline and moderation phases).
 * Every accepted comment must be stored exactly once. The floor is `GET /healthz` with the same
 * concurrency in the same run, so the ratio is what posting a comment costs over the bare server.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Engine } from '../src/db/connect.js';
import { silentLogger } from '../src/lib/log.js';
import { insertStory } from '../src/store/stories.js';
import { createApp } from '../src/web/app.js';
import { testConfig } from '../src/web/discuss/testing.js';
import { benchEngines, freshDatabase, median, round, timed } from './lib.js';

const CLIENTS = 50;
const PER_CLIENT = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timedFetch(url: string, init: RequestInit): Promise<{ ms: number; status: number }> {
  const start = process.hrtime.bigint();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: response.status };
}

/** One engine: sign in 50 clients, post 50 × 20 comments at once, count what was stored. */
export async function benchCommentsOn(engine: Engine) {
  const database = await freshDatabase(engine);
  // The app is built once the port is known: the site URL is what better-auth checks Origin against.
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: '127.0.0.1' });
  try {
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = testConfig({
      siteUrl: base,
      signInPerMinute: 10_000,
      commentsPerMinute: 10_000,
      commentMinFormSeconds: 0,
      // Established readers: comments publish at once (the new-account hold is tested elsewhere).
      commentsHeldForNewAccounts: 0,
    });
    app = createApp({ config, database, logger: silentLogger() });
    const now = new Date();
    const story = await insertStory(database.db, {
      slug: 'bench',
      state: 'published',
      first_seen_at: now,
      last_seen_at: now,
      published_at: now,
    });
    const headers = (i: number) => ({
      'content-type': 'application/json',
      origin: base,
      'x-forwarded-for': `10.0.${i >> 8}.${i & 255}`,
    });

    const cookies: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const body = JSON.stringify({
        email: `c${i}@bench.example`,
        password: 'bench password',
        name: `Client ${i}`,
      });
      await fetch(`${base}/api/auth/sign-up/email`, { method: 'POST', headers: headers(i), body });
      const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: headers(i),
        body,
      });
      cookies.push(
        signIn.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      );
    }

    const floor = await timed(() =>
      Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          const out = [];
          for (let j = 0; j < PER_CLIENT; j++) out.push((await timedFetch(`${base}/healthz`, {})).ms);
          return out;
        }),
      ),
    );
    const posting = await timed(() =>
      Promise.all(
        cookies.map(async (cookie, i) => {
          const out = [];
          for (let j = 0; j < PER_CLIENT; j++) {
            const init = {
              method: 'POST',
              headers: { ...headers(i), cookie },
              body: JSON.stringify({ body: `Comment ${j} from client ${i}.` }),
            };
            out.push(await timedFetch(`${base}/api/v1/stories/${story.id}/comments`, init));
          }
          return out;
        }),
      ),
    );
    const results = posting.result.flat();
    const accepted = results.filter((r) => r.status === 201 || r.status === 202).length;
    const row = await database.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('story_id', '=', story.id)
      // Rejected submissions are kept for the moderators' audit; accepted ones are what must not be lost.
      .where('status', '!=', 'rejected')
      .executeTakeFirstOrThrow();
    const stored = Number(row.n);
    const floorMs = floor.result.flat();
    const postMs = results.map((r) => r.ms);
    return {
      engine,
      clients: CLIENTS,
      per_client: PER_CLIENT,
      requests: results.length,
      accepted,
      stored,
      stored_equals_accepted: stored === accepted,
      ok: stored === accepted && accepted === results.length,
      statuses: Object.fromEntries(
        [...new Set(results.map((r) => r.status))].map((s) => [
          s,
          results.filter((r) => r.status === s).length,
        ]),
      ),
      post_p50_ms: round(median(postMs)),
      post_p99_ms: round(percentile(postMs, 99)),
      posts_per_second: round(results.length / posting.seconds),
      floor_healthz_p50_ms: round(median(floorMs), 2),
      floor_healthz_p99_ms: round(percentile(floorMs, 99), 2),
      ratio_p50_to_floor: round(median(postMs) / median(floorMs)),
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  }
}

/** The comments benchmark on every configured engine. */
export async function benchComments() {
  const results = [];
  for (const engine of benchEngines()) results.push(await benchCommentsOn(engine));
  return results;
}
