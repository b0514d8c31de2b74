import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { importArticles } from '../ingest/import.js';
import { silentLogger } from '../lib/log.js';
import { sampleSources } from '../verify/fixtures.js';
import { registerPipelineWorker, requestPipelinePass } from './pipeline-jobs.js';
import { createQueue, type Queue } from './queue.js';
import { testPipelineDeps } from './testing.js';

describe('pipeline job handed off from import', () => {
  let database: Database;
  let queue: Queue;
  const schema = `pgboss_${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    queue = createQueue({ database, logger: silentLogger(), schedule: false, schema });
    await queue.start();
    await registerPipelineWorker(
      queue,
      testPipelineDeps(database.db, { now: () => new Date(Date.now() + 1000) }),
    );
  });
  afterAll(async () => {
    await queue?.stop();
    await database?.close();
  });

  it('publishes a story from imported articles with no manual step', async () => {
    const lines = sampleSources()
      .map((s, i) =>
        JSON.stringify({
          id: `s${i}`,
          url: `https://outlet${i}.example/rates`,
          title: s.title,
          text: s.text,
          published_at: s.published_at,
          source: { name: s.outlet, url: `https://outlet${i}.example` },
        }),
      )
      .join('\n');
    await importArticles(database.db, Readable.from([lines]), { onStored: requestPipelinePass(queue) });
    let published: { id: number }[] = [];
    for (let i = 0; i < 100 && published.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      published = await database.db
        .selectFrom('stories')
        .select('id')
        .where('state', '=', 'published')
        .execute();
    }
    expect(published).toHaveLength(1);
  });
});
