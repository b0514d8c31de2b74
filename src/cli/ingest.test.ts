import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.js';
import { startTestServer, type TestServer } from '../ingest/test-server.js';
import { searchArticles } from '../store/search.js';
import { runCli } from './testing.js';

const paragraph = (topic: string) =>
  `<p>${topic} ${Array.from({ length: 200 }, (_, i) => `${topic}${i % 17} ${topic}x${i % 23}`).join(' ')}.</p>`;
const feed = (base: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour News</title><link>${base}/</link>` +
  `<item><guid>h1</guid><title>Dredging starts at the quay</title><link>${base}/h/1</link><description><![CDATA[${paragraph('dredging')}]]></description></item>` +
  `<item><guid>h2</guid><title>Cranes arrive for the terminal</title><link>${base}/h/2</link><description><![CDATA[${paragraph('cranes')}]]></description></item>` +
  '</channel></rss>';

// Real processes on an embedded engine: slow on a busy machine.
describe('newsloom ingest --once', { timeout: 400_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    server.routes.set('/harbour.rss', {
      headers: { 'content-type': 'application/rss+xml' },
      body: feed(server.url),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores the articles of due sources, prints the summary per source, and the next pipeline pass makes them searchable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-ingest-cli-'));
    const env = { NEWSLOOM_FETCH_ALLOW: '127.0.0.1/32' };
    const added = await runCli(['--data-dir', dir, 'sources', 'add', `${server.url}/harbour.rss`, '--json'], {
      env,
    });
    expect(added.code).toBe(0);
    const run = await runCli(['--data-dir', dir, 'ingest', '--once', '--json'], { env });
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ sources: 1, new: 2, duplicate: 0, failed_sources: 0, search_pending: 2 });
    expect(summary.results[0]).toMatchObject({
      name: 'Harbour News',
      status: 'ok',
      new: 2,
      updated: 0,
      failed: 0,
    });
    const listed = await runCli(['--data-dir', dir, 'sources', 'list'], { env });
    expect(listed.stdout).toMatch(/Harbour News .* items: 2 \| ok, last success/);
    const human = await runCli(['--data-dir', dir, 'ingest', '--once'], { env });
    expect(human.stdout).toContain('2 articles wait for the next pipeline pass');
    expect((await runCli(['--data-dir', dir, 'pipeline', '--once'], { env })).code).toBe(0);
    const database = await openDatabase({ dataDir: dir });
    try {
      const hits = await searchArticles(database.db, 'cranes', { limit: 5 });
      expect(hits.map((h) => h.title)).toEqual(['Cranes arrive for the terminal']);
    } finally {
      await database.close();
    }
  });

  it('says which items it left out and why, and what was wrong with the feed', async () => {
    server.routes.set('/sloppy.rss', {
      headers: { 'content-type': 'text/html' },
      body:
        '<rss version="2.0"><channel><item><link>/s/1</link><description>Untitled post.</description></item>' +
        '<item><link>/s/2</link></item><item></item><item><title>Cut</title>',
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-ingest-drops-'));
    const env = { NEWSLOOM_FETCH_ALLOW: '127.0.0.1/32' };
    const added = await runCli(['--data-dir', dir, 'sources', 'add', `${server.url}/sloppy.rss`, '--json'], {
      env,
    });
    expect(added.code).toBe(0);
    const run = await runCli(['--data-dir', dir, 'ingest', '--once', '--json'], { env });
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      new: 1,
      failed_items: 3,
      dropped: { no_text: 1, empty: 1, truncated: 1 },
    });
    expect(summary.results[0]).toMatchObject({ failed: 3, dropped: { no_text: 1, empty: 1, truncated: 1 } });
    expect(summary.results[0].warnings).toContain('the feed has no title');
    const id = JSON.parse(added.stdout).id;
    const human = await runCli(['--data-dir', dir, 'ingest', '--once', '--source', String(id)], { env });
    expect(human.stdout).toContain(
      'dropped: 1 cut off by the end of the document, 1 no title or text to read, 1 no link, id, title or text',
    );
    expect(human.stdout).toContain('warning: the feed has no title');
  });
});
