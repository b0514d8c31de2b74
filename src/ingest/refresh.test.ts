import iconv from 'iconv-lite';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase, testEngines } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { editedArticles } from '../store/analyses.js';
import { articleByUrl } from '../store/articles.js';
import { feedReportOf } from '../store/feed-reports.js';
import { searchArticles } from '../store/search.js';
import { indexAllPendingArticles } from '../store/search-index.js';
import { sourceById, upsertSourceByKey } from '../store/sources.js';
import { createFetcher } from './fetch/fetcher.js';
import { parseAllowList } from './fetch/guard.js';
import { type IngestDeps, refreshSource } from './refresh.js';
import { startTestServer, type TestServer } from './test-server.js';

const words = (seed: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 37} word${(i * 7) % 53}`).join(' ');
const story = (seed: string) => `<p>${words(seed, 150)}.</p><p>${words(`${seed}x`, 150)}.</p>`;
const rss = (items: string, extra = '', declaration = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${declaration}<rss version="2.0"><channel><title>Test</title><link>https://news.example/</link>${extra}${items}</channel></rss>`;
const item = (guid: string, link: string, body: string, extra = '') =>
  `<item><guid>${guid}</guid><title>Title ${guid}</title><link>${link}</link><pubDate>Wed, 31 Jan 2018 07:26:05 GMT</pubDate><description><![CDATA[${body}]]></description>${extra}</item>`;

const articlePage = (canonical: string, seed = 'page') =>
  `<!doctype html><html lang="en"><head><title>Full</title><link rel="canonical" href="${canonical}"></head><body><nav>menu</nav><article><h1>Full story</h1>${story(seed)}</article></body></html>`;

for (const engine of testEngines()) {
  describe(`refreshSource on ${engine}`, () => {
    let database: Database;
    let server: TestServer;
    let deps: IngestDeps;
    const stored: number[][] = [];

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      server = await startTestServer();
      deps = {
        db: database.db,
        logger: silentLogger(),
        fetcher: createFetcher({
          userAgent: 'Newsloom/test (+https://example.org)',
          allow: parseAllowList(['127.0.0.1/32']),
          politenessDelayMs: 0,
          bodyTimeoutMs: 1000,
        }),
        pauseAfter: 3,
        onArticlesStored: (ids) => {
          stored.push(ids);
        },
      };
    });
    afterAll(async () => {
      await server?.close();
      await database?.close();
    });

    async function source(path: string, kind: 'feed' | 'page' = 'feed') {
      const url = `${server.url}${path}`;
      return (await upsertSourceByKey(database.db, { key: url, kind, url, name: path })).id;
    }

    it('stores sanitized articles, resolves relative links, keeps one of duplicate GUIDs', async () => {
      server.routes.set('/clean.rss', {
        headers: { 'content-type': 'application/rss+xml', etag: '"e1"' },
        body: rss(
          item(
            'a1',
            '/news/a1?utm_source=rss',
            `${story('clean')}<script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe><p onclick="x()">hi <a href="javascript:alert(1)">link</a> <a href="/rel">rel</a></p>`,
          ) + item('a1', '/news/a1-again', story('again')),
        ),
      });
      const id = await source('/clean.rss');
      const summary = await refreshSource(deps, id);
      expect(summary).toMatchObject({ status: 'ok', new: 1, duplicate: 0, failed: 0 });
      const article = await articleByUrl(database.db, `${server.url}/news/a1`);
      expect(article).toBeDefined();
      for (const bad of ['<script', '<style', '<iframe', 'onclick', 'javascript:']) {
        expect(article!.html).not.toContain(bad);
      }
      expect(article!.html).toContain(`href="${server.url}/rel"`);
      expect(article!.text).not.toContain('alert');
      expect(stored.at(-1)).toEqual([article!.id]);
      const after = await sourceById(database.db, id);
      // Two items with one GUID are one distinct item.
      expect(after).toMatchObject({ etag: '"e1"', error_count: 0, items_seen: 1 });
    });

    it('answers a 304 with nothing new and counts unchanged items on a plain refetch', async () => {
      server.routes.set('/conditional.rss', (request, response) => {
        if (request.headers['if-none-match'] === '"v2"') return void response.writeHead(304).end();
        response.writeHead(200, { etag: '"v2"' }).end(rss(item('c1', '/news/c1', story('cond'))));
      });
      const id = await source('/conditional.rss');
      expect(await refreshSource(deps, id)).toMatchObject({ status: 'ok', new: 1 });
      expect(await refreshSource(deps, id)).toMatchObject({ status: 'not_modified', new: 0 });
    });

    it('counts each distinct item once in items_seen, however often the feed repeats it', async () => {
      let body = rss(item('r1', '/repeat/1', story('rep1')) + item('r2', '/repeat/2', story('rep2')));
      server.routes.set('/repeat.rss', (_request, response) => void response.writeHead(200).end(body));
      const id = await source('/repeat.rss');
      await refreshSource(deps, id);
      await refreshSource(deps, id);
      expect((await sourceById(database.db, id))?.items_seen).toBe(2);
      body = rss(item('r3', '/repeat/3', story('rep3')) + item('r1', '/repeat/1', story('rep1')));
      expect(await refreshSource(deps, id)).toMatchObject({ new: 1, unchanged: 1 });
      expect((await sourceById(database.db, id))?.items_seen).toBe(3);
    });

    it('links a republished wire story to its original instead of dropping it', async () => {
      server.routes.set('/wire-a.rss', { body: rss(item('w1', '/a/wire', story('wire'))) });
      server.routes.set('/wire-b.rss', {
        body: rss(
          item('w2', '/b/wire', `<p>CITY (Wire) - </p>${story('wire')}`) +
            item('w3', '/b/wire-exact', story('wire')),
        ),
      });
      await refreshSource(deps, await source('/wire-a.rss'));
      const summary = await refreshSource(deps, await source('/wire-b.rss'));
      expect(summary).toMatchObject({ new: 0, duplicate: 2 });
      const original = await articleByUrl(database.db, `${server.url}/a/wire`);
      const near = await articleByUrl(database.db, `${server.url}/b/wire`);
      const exact = await articleByUrl(database.db, `${server.url}/b/wire-exact`);
      expect(near!.duplicate_of).toBe(original!.id);
      expect(exact!.duplicate_of).toBe(original!.id);
    });

    it('rebuilds the band keys and search document of an article whose text changed', async () => {
      let body = story('before');
      server.routes.set('/edited.rss', (_request, response) => {
        response.writeHead(200).end(rss(item('e1', '/edited/1', body)));
      });
      const id = await source('/edited.rss');
      expect(await refreshSource(deps, id)).toMatchObject({ new: 1, updated: 0 });
      body = story('after');
      expect(await refreshSource(deps, id)).toMatchObject({ new: 0, updated: 1 });
      const edited = await articleByUrl(database.db, `${server.url}/edited/1`);
      expect(edited?.text).toContain('after0');
      await indexAllPendingArticles(database.db);
      expect((await searchArticles(database.db, 'after17', { limit: 5 })).map((h) => h.id)).toEqual([
        edited!.id,
      ]);
      expect(await searchArticles(database.db, 'before17', { limit: 5 })).toEqual([]);
      // A wire copy of the new text is linked to it; a copy of the text it no longer carries is not.
      // Each copy comes alone: a batch pools its candidates, which would hide stale band keys.
      server.routes.set('/copy-new.rss', {
        body: rss(item('k1', '/copies/new', `<p>CITY (Wire) - </p>${story('after')}`)),
      });
      server.routes.set('/copy-old.rss', {
        body: rss(item('k2', '/copies/old', `<p>CITY (Wire) - </p>${story('before')}`)),
      });
      expect(await refreshSource(deps, await source('/copy-new.rss'))).toMatchObject({
        new: 0,
        duplicate: 1,
      });
      expect(await refreshSource(deps, await source('/copy-old.rss'))).toMatchObject({
        new: 1,
        duplicate: 0,
      });
      expect((await articleByUrl(database.db, `${server.url}/copies/new`))?.duplicate_of).toBe(edited!.id);
    });

    it('takes a changed title as an edit and queues the article to be analyzed again', async () => {
      let title = 'Title t1';
      server.routes.set('/retitled.rss', (_request, response) => {
        response
          .writeHead(200)
          .end(rss(item('t1', '/retitled/1', story('retitled')).replace('Title t1', title)));
      });
      const id = await source('/retitled.rss');
      expect(await refreshSource(deps, id)).toMatchObject({ new: 1, updated: 0 });
      expect(await refreshSource(deps, id)).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
      title = 'Title t1, corrected';
      expect(await refreshSource(deps, id)).toMatchObject({ new: 0, updated: 1 });
      const article = await articleByUrl(database.db, `${server.url}/retitled/1`);
      expect(article?.title).toBe('Title t1, corrected');
      expect((await editedArticles(database.db, 100)).map((e) => e.article_id)).toContain(article!.id);
    });

    it('reads the page of a teaser item with Readability and takes its canonical URL', async () => {
      server.routes.set('/teaser.rss', {
        body: rss(item('t1', '/story/t1?fbclid=abc', '<p>The first lines of a story…</p>')),
      });
      server.routes.set('/story/t1', { body: articlePage(`${server.url}/canonical/t1?utm_medium=x`) });
      const summary = await refreshSource(deps, await source('/teaser.rss'));
      expect(summary).toMatchObject({ new: 1 });
      const article = await articleByUrl(database.db, `${server.url}/canonical/t1`);
      expect(article?.text).toContain('page0 word0');
      expect(article?.text).not.toContain('menu');
    });

    it('decodes an EUC-KR feed without a declaration and a Shift_JIS feed declared in HTTP', async () => {
      const korean = '서울 시장이 오늘 새 교통 정책을 발표했다';
      server.routes.set('/kr.rss', {
        body: iconv.encode(rss(item('k1', '/kr/1', `<p>${korean}</p>`), '', ''), 'euc-kr'),
      });
      const japanese = '東京都は今日、新しい政策を発表しました';
      server.routes.set('/jp.rss', {
        headers: { 'content-type': 'text/xml; charset=Shift_JIS' },
        body: iconv.encode(rss(item('j1', '/jp/1', `<p>${japanese}</p>`), '', ''), 'shift_jis'),
      });
      await refreshSource(deps, await source('/kr.rss'));
      await refreshSource(deps, await source('/jp.rss'));
      expect((await articleByUrl(database.db, `${server.url}/kr/1`))?.text).toContain(korean);
      expect((await articleByUrl(database.db, `${server.url}/jp/1`))?.text).toContain(japanese);
    });

    it('marks missing and far-future dates as estimated and titles untitled items from their text', async () => {
      server.routes.set('/dates.rss', {
        body: rss(
          `<item><link>/d/1</link><description>Only text here.</description></item>` +
            `<item><title>Future</title><link>/d/2</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate><description>x</description></item>`,
        ),
      });
      await refreshSource(deps, await source('/dates.rss'));
      const untitled = await articleByUrl(database.db, `${server.url}/d/1`);
      expect(untitled).toMatchObject({ title: 'Only text here.', published_at_estimated: true });
      expect((await articleByUrl(database.db, `${server.url}/d/2`))?.published_at_estimated).toBe(true);
    });

    it('counts the items it leaves out by reason, stores the counts with the warnings and logs them', async () => {
      server.routes.set('/drops.rss', {
        body: rss(
          '<item><link>/dr/1</link><description>Kept, untitled.</description></item>' +
            '<item><link>/dr/2</link></item><item><guid>g</guid></item><item></item>',
        ).replace('<title>Test</title>', ''),
      });
      const lines: string[] = [];
      const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
      const id = await source('/drops.rss');
      const summary = await refreshSource({ ...deps, logger }, id);
      expect(summary).toMatchObject({ new: 1, failed: 3, dropped: { no_text: 2, empty: 1 } });
      expect(summary.warnings).toEqual(['the feed has no title']);
      const report = await feedReportOf(database.db, id);
      expect(report.drops.map((d) => [d.reason, d.total, d.last_example])).toEqual([
        ['no_text', 2, `${server.url}/dr/2`],
        ['empty', 1, null],
      ]);
      expect(report.warnings).toEqual(['the feed has no title']);
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'feed items dropped');
      expect(logged).toMatchObject({ source_id: id, dropped: { no_text: 2, empty: 1 } });
      // A second refresh adds to the totals.
      await refreshSource(deps, id);
      expect((await feedReportOf(database.db, id)).drops[0]).toMatchObject({ reason: 'no_text', total: 4 });
    });

    it.each([
      [
        'an HTML page where a feed was expected',
        { body: '<!doctype html><html><body>Home</body></html>' },
        /HTML page/,
      ],
      ['invalid XML', { body: '<rss><channel><item><title>x</titl' }, /not a feed/],
      ['a redirect loop', { status: 302, headers: { location: '/bad/loop' }, body: '' }, /redirect loop/],
    ])('ends %s as a per-source error and pauses after repeated failures', async (_name, route, message) => {
      const path = `/bad/${Math.random().toString(36).slice(2)}`;
      server.routes.set(path, route);
      server.routes.set('/bad/loop', { status: 302, headers: { location: path }, body: '' });
      const id = await source(path);
      for (let i = 0; i < 3; i++) {
        const summary = await refreshSource(deps, id);
        expect(summary.status).toBe('failed');
        expect(summary.error).toMatch(message);
      }
      const after = await sourceById(database.db, id);
      expect(after?.error_count).toBe(3);
      expect(after?.paused_reason).toMatch(/paused after 3 consecutive failures/);
    });

    it('lifts the pause of a source whose explicit refresh succeeds again', async () => {
      server.routes.set('/flaky.rss', { status: 500, body: 'down' });
      const id = await source('/flaky.rss');
      for (let i = 0; i < 3; i++) await refreshSource(deps, id);
      expect((await sourceById(database.db, id))?.paused_reason).toMatch(
        /after 3 consecutive failures: .*500/,
      );
      server.routes.set('/flaky.rss', { body: rss(item('f1', '/flaky/1', story('flaky'))) });
      expect(await refreshSource(deps, id)).toMatchObject({ status: 'ok', new: 1, paused: false });
      expect(await sourceById(database.db, id)).toMatchObject({
        paused_reason: null,
        error_count: 0,
        last_error: null,
      });
    });

    it('stores the article of a page source', async () => {
      server.routes.set('/one-article', { body: articlePage(`${server.url}/one-article`, 'single') });
      const id = await source('/one-article', 'page');
      const summary = await refreshSource(deps, id);
      expect(summary).toMatchObject({ status: 'ok', new: 1 });
      expect((await sourceById(database.db, id))?.items_seen).toBe(1);
    });
  });
}
