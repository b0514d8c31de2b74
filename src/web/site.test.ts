import { readFileSync } from 'node:fs';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { Hono } from 'hono';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { createLogger } from '../lib/log.js';
import { storeAnalyses } from '../store/analyses.js';
import { replaceRelated } from '../store/related.js';
import { setSetting } from '../store/site.js';
import { FIXTURE_STORIES, seedSite, xssStory } from '../store/site-fixture.js';
import { insertStory, insertStoryVersion, storyVersion } from '../store/stories.js';
import { upsertTopic } from '../store/topics.js';
import { createApp } from './app.js';

const TARIFF = 'tariff-talks-stall-over-investment-pledge';
const PAYLOADS = readFileSync(new URL('./testdata/xss-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');

let database: Database;
let app: Hono;
let ids: Map<string, number>;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  ids = await seedSite(database.db, [...FIXTURE_STORIES, xssStory(PAYLOADS)]);
  await upsertTopic(database.db, {
    slug: 'trade',
    name: 'Trade',
    description: 'Tariffs and deals',
    keywords: ['tariff'],
    entities: ['Ilse Varga'],
  });
  await setSetting(database.db, 'demo', true);
  // The analyzer's entities, as the pipeline stores them: what the story page's entity links come from.
  const articles = await database.db.selectFrom('articles').select(['id', 'title', 'text']).execute();
  await storeAnalyses(
    database.db,
    articles.map((a) => ({ articleId: a.id, analysis: analyzeArticle({ title: a.title, text: a.text }) })),
  );
  const config = loadConfig(
    { dataDir: '/tmp/newsloom-site-test' },
    { NEWSLOOM_SITE_URL: 'https://news.example' },
  );
  app = createApp({ config, database, logger: createLogger('silent') }, { versionTtlMs: 0, siteTtlMs: 0 });
});
afterAll(async () => {
  await database?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  return { response, text: await response.text() };
}

describe('pages', () => {
  // Each page, what it must show, and that it advertises the feeds and a canonical link.
  const cases: [string, number, string[]][] = [
    ['/', 200, ['Tariff talks stall', 'Demo content.', '3 sources from 3 outlets', 'Harbour Ledger']],
    [
      `/stories/${TARIFF}`,
      200,
      ['written by software', 'support score 93%', 'Thoughts', 'Sign in to join the conversation'],
    ],
    [`/stories/${TARIFF}/versions`, 200, ['Version 1', 'Version 2', 'Correction:']],
    [`/stories/${TARIFF}/versions/1`, 200, ['You are reading version 1']],
    ['/topics/trade', 200, ['Tariffs and deals', TARIFF]],
    ['/entities/Ilse%20Varga', 200, [TARIFF]],
    ['/search?q=pledge', 200, ['<mark>pledge</mark>', TARIFF]],
    ['/search?q=insurers', 200, ['river-port-reopens-after-flooding', 'Source articles']],
    ['/search?q=zzzzunknown', 200, ['No stories match']],
    ['/search', 200, ['exact phrases']],
    ['/sources', 200, ['Harbour Ledger', 'Valley Courier']],
    ['/corrections', 200, ['An earlier version gave the pledge as $45 billion']],
    ['/how-it-works', 200, ['How this works', 'support score']],
    ['/stories/no-such-story', 404, ['Page not found']],
    ['/stories/no-such-story/versions', 404, ['Page not found']],
    [`/stories/${TARIFF}/versions/9`, 404, ['Page not found']],
    ['/topics/nope', 404, ['Page not found']],
    ['/no/such/page', 404, ['Page not found']],
  ];
  it.each(cases)('%s answers %i with its content', async (path, status, needles) => {
    const { response, text } = await get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(text).toContain('<link rel="canonical" href="https://news.example/');
    for (const needle of needles) expect(text).toContain(needle);
    expect(text).not.toMatch(/<script(?![^>]*(src="\/assets\/|type="application\/ld\+json"))/);
  });

  it('shows the story anatomy: citations link to passages in the sources list', async () => {
    const { text } = await get(`/stories/${TARIFF}`);
    const anchors = [...text.matchAll(/class="cite" href="#(p\d+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThanOrEqual(8);
    for (const anchor of anchors) expect(text).toContain(`id="${anchor}"`);
    expect(text).toContain(
      '<mark>Borvia has offered an investment pledge of $40 billion over five years.</mark>',
    );
    expect(text).toContain('“We are close, but not there yet”');
    expect(text).toContain('Key figures');
    expect(text).toMatch(/<h2 id="related-heading">Related<\/h2>.*city-council-approves-tram-extension/s);
    expect(text).toContain('"@type":"NewsArticle"');
    expect(text).toContain('<meta property="og:type" content="article"/>');
  });

  it('links the people, organisations and places the story is about to their pages', async () => {
    const { text } = await get(`/stories/${TARIFF}`);
    const block = /<nav class="entities"[\s\S]*?<\/nav>/.exec(text)?.[0] ?? '';
    expect(block).toContain('<dt>People</dt>');
    expect(block).toContain('<a href="/entities/Ilse%20Varga">Ilse Varga</a>');
    expect(block).toMatch(/<dt>Places<\/dt><dd>.*Arland/);
    for (const [, href] of block.matchAll(/href="([^"]+)"/g)) {
      expect((await get(href!)).response.status, href).toBe(200);
    }
  });

  it('counts visible comments on story cards (home, topics, search) and in the API', async () => {
    await database.db
      .insertInto('users')
      .values({
        id: 'card-reader',
        name: 'Card Reader',
        email: 'cards@example.test',
        email_verified: true,
        image: null,
      })
      .execute();
    const comment = (body: string, status: 'visible' | 'pending' | 'rejected') => ({
      story_id: ids.get(TARIFF)!,
      user_id: 'card-reader',
      parent_id: null,
      root_id: null,
      body,
      body_hash: body,
      status,
      reason: null,
      matched_word: null,
      ip: null,
    });
    await database.db
      .insertInto('comments')
      .values([
        comment('One', 'visible'),
        comment('Two', 'visible'),
        comment('Held', 'pending'),
        comment('No', 'rejected'),
      ])
      .execute();
    const card = `<a href="/stories/${TARIFF}#thoughts">2 thoughts</a>`;
    for (const path of ['/', '/topics/trade', '/search?q=pledge', '/entities/Ilse%20Varga']) {
      expect((await get(path)).text, path).toContain(card);
    }
    expect((await get('/')).text).not.toContain('river-port-reopens-after-flooding#thoughts');
    const topic = (await (await app.request('/api/v1/topics/trade')).json()) as {
      stories: { slug: string; comment_count: number }[];
    };
    expect(topic.stories.find((s) => s.slug === TARIFF)?.comment_count).toBe(2);
    await database.db.deleteFrom('comments').where('user_id', '=', 'card-reader').execute();
  });

  it("shows the writer's related stories with their teasers when it stored some", async () => {
    await replaceRelated(database.db, ids.get('river-port-reopens-after-flooding')!, [
      {
        story_id: ids.get('city-council-approves-tram-extension')!,
        score: 0.5,
        teaser: 'A stored teaser. Not this.',
      },
    ]);
    const { text } = await get('/stories/river-port-reopens-after-flooding');
    expect(text).toMatch(/<h2 id="related-heading">Related<\/h2>.*A stored teaser\.<\/p>/s);
    expect(text).not.toContain('Not this.');
  });

  it('paginates the home page with a cursor and rejects a forged one', async () => {
    const { text, response } = await get('/?before=bm90LWpzb24');
    expect(response.status).toBe(400);
    expect(text).toContain('That request cannot be answered');
  });
});

describe('caching', () => {
  it('serves a story with an ETag, answers 304 to it, and changes it with a new version', async () => {
    const first = await get(`/stories/${TARIFF}`);
    const etag = first.response.headers.get('etag')!;
    expect(first.response.headers.get('cache-control')).toContain('s-maxage=');
    const again = await get(`/stories/${TARIFF}`, { 'If-None-Match': etag });
    expect(again.response.status).toBe(304);

    const storyId = ids.get(TARIFF)!;
    const current = (await storyVersion(database.db, storyId, 2))!;
    await insertStoryVersion(database.db, {
      ...current,
      id: undefined,
      headline: 'Tariff talks resume with a new offer',
      change_note: 'Added the new offer.',
      correction_reason: null,
      created_at: undefined,
    } as never);
    const updated = await get(`/stories/${TARIFF}`, { 'If-None-Match': etag });
    expect(updated.response.status).toBe(200);
    expect(updated.response.headers.get('etag')).not.toBe(etag);
    expect(updated.text).toContain('Tariff talks resume with a new offer');
  });

  it('sends readers of a merged story on to the story it was merged into', async () => {
    const now = new Date();
    const story = (slug: string, mergedInto: number) =>
      insertStory(database.db, {
        slug,
        state: 'merged',
        merged_into: mergedInto,
        first_seen_at: now,
        last_seen_at: now,
      });
    // Merged twice: the redirect follows the chain to the published story.
    const middle = await story('tariff-talks-middle', ids.get(TARIFF)!);
    await story('tariff-talks-first', middle.id);
    for (const [path, to] of [
      ['/stories/tariff-talks-first', `/stories/${TARIFF}`],
      ['/stories/tariff-talks-middle/versions', `/stories/${TARIFF}/versions`],
      ['/stories/tariff-talks-first/versions/1', `/stories/${TARIFF}`],
    ]) {
      const { response } = await get(path!);
      expect(response.status, path).toBe(301);
      expect(response.headers.get('location'), path).toBe(to);
    }
    // A story merged into one that is not published (yet) is simply not there.
    const forming = await insertStory(database.db, {
      slug: 'forming-target',
      first_seen_at: now,
      last_seen_at: now,
    });
    await story('merged-into-forming', forming.id);
    expect((await get('/stories/merged-into-forming')).response.status).toBe(404);
  });

  it('sends security headers on feeds, crawl files and the API', async () => {
    for (const path of ['/feed.xml', '/sitemap.xml', '/robots.txt', '/api/v1/sources', '/sign-in']) {
      const response = await app.request(path);
      expect([path, response.headers.get('content-security-policy')]).toEqual([
        path,
        expect.stringContaining("object-src 'none'"),
      ]);
    }
  });

  it('serves assets with immutable caching', async () => {
    const { text } = await get('/');
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(text)![1]!;
    const js = /src="(\/assets\/site\.[0-9a-f]+\.js)"/.exec(text)![1]!;
    for (const path of [css, js]) {
      const { response } = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
    }
  });
});

describe('escaping', () => {
  it.each([
    '/',
    '/stories/payload-story',
    '/search?q=witnesses',
    '/sources',
    '/stories/payload-story/versions',
  ])('%s shows every payload as text and carries none as markup', async (path) => {
    const { text } = await get(path);
    const { document } = parseHTML(text);
    expect(document.body.textContent).toContain('window.__xss=1');
    for (const element of document.querySelectorAll('*')) {
      const attributes = [...element.attributes].map((a) => a.name);
      expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
      expect(element.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
      expect(element.getAttribute('src') ?? '').not.toMatch(/^\s*javascript:|^x$/i);
    }
    for (const script of document.querySelectorAll('script')) {
      const kind = script.getAttribute('type') ?? script.getAttribute('src');
      expect(kind).toMatch(/^(application\/ld\+json|\/assets\/site\.[0-9a-f]+\.js)$/);
    }
    expect(document.querySelectorAll('iframe, svg, math, img, details, mglyph').length).toBe(0);
  });

  it('keeps payloads as text in feeds', async () => {
    const rss = parseRssFeed((await get('/feed.xml')).text);
    expect(rss.items?.map((i) => i.title)).toContain(`Payload headline ${PAYLOADS[0]}`);
    const atom = parseAtomFeed((await get('/feed.atom')).text);
    expect(atom.entries?.map((e) => e.title?.value)).toContain(`Payload headline ${PAYLOADS[0]}`);
  });
});

describe('feeds and crawl files', () => {
  it('parses RSS, Atom and JSON Feed with stable permalinks', async () => {
    const rss = parseRssFeed((await get('/feed.xml')).text);
    expect(rss.items?.map((i) => i.link)).toContain(`https://news.example/stories/${TARIFF}`);
    const atom = parseAtomFeed((await get('/feed.atom')).text);
    expect(atom.entries?.length).toBe(4);
    const json = parseJsonFeed((await get('/feed.json')).text);
    expect(json.items?.[0]?.id).toMatch(/^https:\/\/news\.example\/stories\//);
    const topic = parseRssFeed((await get('/topics/trade/feed.xml')).text);
    const links = topic.items?.map((i) => i.link);
    expect(links).toContain(`https://news.example/stories/${TARIFF}`);
    expect(links).not.toContain('https://news.example/stories/river-port-reopens-after-flooding');
    const types = await Promise.all(
      ['/feed.xml', '/feed.atom', '/feed.json'].map(async (p) =>
        (await app.request(p)).headers.get('content-type'),
      ),
    );
    expect(types).toEqual([
      'application/rss+xml; charset=utf-8',
      'application/atom+xml; charset=utf-8',
      'application/feed+json; charset=utf-8',
    ]);
  });

  it('lists stories in the sitemap and points robots at it', async () => {
    expect((await get('/sitemap.xml')).text).toContain(`<loc>https://news.example/stories/${TARIFF}</loc>`);
    expect((await get('/robots.txt')).text).toContain('Sitemap: https://news.example/sitemap.xml');
  });
});

describe('JSON API', () => {
  async function json(path: string) {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  // Errors share one shape, whatever the route.
  const errors: [string, number, string][] = [
    ['/api/v1/nope', 404, 'not_found'],
    ['/api/v1/search', 400, 'invalid_input'],
    ['/api/v1/search?q=x&limit=0', 400, 'invalid_input'],
    ['/api/v1/search?q=x&type=videos', 400, 'invalid_input'],
    ['/api/v1/topics/nope', 404, 'not_found'],
    ['/api/v1/topics/trade?cursor=garbage', 400, 'invalid_input'],
    ['/api/v1/stories/999999/versions', 404, 'not_found'],
    [`/api/v1/stories/${TARIFF}/versions/99`, 404, 'not_found'],
  ];
  it.each(errors)('%s answers %i %s', async (path, status, code) => {
    const response = await app.request(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const { status: got, body } = await json(path);
    expect(got).toBe(status);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('lists sources and topics through presenters', async () => {
    const sources = (await json('/api/v1/sources')).body.data as Record<string, unknown>[];
    expect(Object.keys(sources[0]!).sort()).toEqual(
      ['article_count', 'homepage', 'id', 'last_published_at', 'name', 'story_count'].sort(),
    );
    const topics = (await json('/api/v1/topics')).body.data as Record<string, unknown>[];
    expect(topics[0]).toMatchObject({
      slug: 'trade',
      keywords: ['tariff'],
      url: 'https://news.example/topics/trade',
    });
    const topic = await json('/api/v1/topics/trade?limit=1');
    expect((topic.body.stories as unknown[]).length).toBe(1);
    const next = await json(`/api/v1/topics/trade?limit=1&cursor=${topic.body.next_cursor}`);
    expect((next.body.stories as { slug: string }[])[0]?.slug).not.toBe(
      (topic.body.stories as { slug: string }[])[0]?.slug,
    );
  });

  it('searches stories and articles with escaped, marked snippets', async () => {
    const stories = await json('/api/v1/search?q=pledge');
    const hit = (stories.body.data as Record<string, unknown>[])[0]!;
    expect(hit.slug).toBe(TARIFF);
    expect(hit.snippet_html).toContain('<mark>pledge</mark>');
    const payload = await json('/api/v1/search?q=witnesses&type=articles');
    const snippets = (payload.body.data as { snippet_html: string }[]).map((a) => a.snippet_html).join(' ');
    expect(snippets).not.toMatch(/<(?!\/?mark>)/);
  });

  it('serves versions with sentences and citations', async () => {
    const list = await json(`/api/v1/stories/${ids.get(TARIFF)}/versions`);
    expect((list.body.data as { version: number }[]).map((v) => v.version)).toEqual([3, 2, 1]);
    const one = await json(`/api/v1/stories/${TARIFF}/versions/2`);
    const data = one.body.data as { body: { lede: { citations: unknown[] }[] }; correction_reason: string };
    expect(data.correction_reason).toContain('$45 billion');
    expect(data.body.lede[0]?.citations[0]).toEqual({ article_id: expect.any(Number), start: 0, end: 80 });
  });

  it("mounts the writer's stories and articles API beside the site's", async () => {
    const list = await json('/api/v1/stories?limit=2');
    expect(list.status).toBe(200);
    const one = await json(`/api/v1/stories/${ids.get(TARIFF)}`);
    expect(one.status).toBe(200);
  });

  it('describes itself in OpenAPI', async () => {
    const { body } = await json('/api/v1/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths as object)).toEqual(
      expect.arrayContaining(['/sources', '/topics', '/search', '/stories/{id}/versions']),
    );
  });
});
