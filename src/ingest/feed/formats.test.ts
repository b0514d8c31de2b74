import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../decode.js';
import { feedCandidates } from '../feed-candidates.js';
import { parseFeedText } from './normalize.js';

const TESTDATA = path.join(import.meta.dirname, 'testdata');
const read = (file: string) => decodeBody(readFileSync(path.join(TESTDATA, file)), null).text;
const parse = (file: string, url = `https://feeds.example/${file}`) => parseFeedText(read(file), url);
/** The articles a refresh would store from a testdata feed. */
const articles = (file: string) =>
  feedCandidates({
    body: readFileSync(path.join(TESTDATA, file)),
    contentType: null,
    url: `https://feeds.example/${file}`,
    source: { key: file, url: `https://feeds.example/${file}`, language: null },
    now: new Date('2024-06-01T00:00:00Z'),
  });

describe('every format a reader reads', () => {
  it.each([
    ['rss-090.xml', 'rdf', 'rss090', 'Netscape 0.90', 'http://n90.example/'],
    ['rss-091-netscape.xml', 'rss', 'rss091', 'Café News', 'http://cafe.example/'],
    ['rss-no-channel.xml', 'rss', 'rss092', null, null],
    ['rss-10-dc.xml', 'rdf', 'rss10', 'Journal', 'https://journal.example/'],
    ['rss-20-authors.xml', 'rss', 'rss20', 'Authors', 'https://authors.example/'],
    ['atom-03.xml', 'atom', 'atom03', 'Old Atom', 'http://old-atom.example/'],
    ['atom-10-base.xml', 'atom', 'atom10', 'Notes & sketches', 'https://blog.example/journal/'],
    ['json-feed-10.json', 'json', 'json1', 'Micro & more', 'https://micro.example/'],
    ['json-feed-11.json', 'json', 'json11', 'Eleven', null],
  ])('%s is %s (%s) titled %j at %j', (file, format, version, title, homepage) => {
    const feed = parse(file);
    expect(feed).toMatchObject({ format, version, title, homepage });
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it('reads an item-only RSS feed with no channel metadata, with a warning instead of a rejection', () => {
    const feed = parse('rss-item-only.xml');
    expect(feed.title).toBeNull();
    expect(feed.warnings).toContain('the feed has no title');
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://press.example/releases/2024-118',
      'https://press.example/releases/2024-119',
    ]);
    expect(parse('rss-no-channel.xml').warnings).toContain('no <channel>: items read from the document root');
  });

  it('reads undeclared namespace prefixes by their usual meaning and says so', () => {
    const feed = parse('rss-undeclared-prefixes.xml');
    expect(feed.items[0]).toMatchObject({
      author: 'Jane Reporter',
      content_html: '<p>The council <b>approved</b> the budget.</p>',
    });
    expect(feed.items[0]!.published_at?.toISOString()).toBe('2024-03-05T10:15:00.000Z');
    expect(feed.warnings).toContain('undeclared namespace prefixes read by their usual meaning: dc, content');
  });

  it('decodes HTML entities a DTD-less RSS 0.91 feed uses', () => {
    const feed = parse('rss-091-netscape.xml');
    expect(feed).toMatchObject({ description: 'News from the café', language: 'fr' });
    expect(feed.items[0]!.title).toBe('Crème brûlée returns');
  });
});

describe('authors, titles, dates and links with the precedence readers use', () => {
  it.each([
    // file, item, author as readers show it, the byline stored
    ['rss-20-authors.xml', 0, 'ana@authors.example (Ana Lima)', 'Ana Lima'],
    ['rss-20-authors.xml', 1, 'Ben Okoro', 'Ben Okoro'],
    ['rss-20-authors.xml', 2, 'Cy Park', 'Cy Park'],
    ['rss-20-authors.xml', 3, 'dee@authors.example', 'dee@authors.example'],
    ['rss-10-dc.xml', 0, 'Okafor, N.', 'Okafor, N.'],
    ['atom-10-base.xml', 0, 'Ruth Avery (ruth@blog.example)', 'Ruth Avery'],
    ['atom-03.xml', 1, 'Dana Quill', 'Dana Quill'],
    ['json-feed-11.json', 0, 'Uta Berg', 'Uta Berg'],
  ])('%s item %i: author %j, byline %j', (file, index, author, byline) => {
    expect(parse(file).items[index]!.author).toBe(author);
    expect(articles(file).candidates[index]!.article.author).toBe(byline);
  });

  it.each([
    ['rss-091-netscape.xml', 'editor@cafe.example (Marie Dubois)'],
    ['rss-10-dc.xml', 'Editorial Office'],
    ['rss-media-itunes.xml', 'Pod People'],
    ['atom-10-base.xml', 'Ruth Avery (ruth@blog.example)'],
    ['atom-03.xml', 'Sam Byte'],
    ['json-feed-10.json', 'Lee Chen'],
  ])('%s: the feed author is %j', (file, author) => {
    expect(parse(file).author).toBe(author);
  });

  it("takes Dublin Core titles and dates, and an RSS 1.0 item's rdf:about as its id", () => {
    const item = parse('rss-10-dc.xml').items[0]!;
    expect(item).toMatchObject({ title: 'Soil microbes and drought', id: 'https://journal.example/a/1' });
    expect(item.published_at?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parse('atom-03.xml').items[0]!.published_at?.toISOString()).toBe('2004-05-01T10:00:00.000Z');
  });

  it('never takes an image or text-input link for the channel link, nor a self link', () => {
    const feed = parse('rss-links-conflict.xml');
    expect(feed).toMatchObject({ title: 'Conflicting links', homepage: 'https://conflict.example/' });
    expect(feed.items.map((i) => [i.url, i.id])).toEqual([
      ['https://conflict.example/posts/7', 'https://conflict.example/posts/7'],
      [null, 'post-8'],
    ]);
    expect(parse('rss-091-netscape.xml').homepage).toBe('http://cafe.example/');
  });

  it('resolves xml:base on the feed, the entry and the link, nested, and inside content', () => {
    const feed = parse('atom-10-base.xml');
    expect(feed.homepage).toBe('https://blog.example/journal/');
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://blog.example/journal/2024/03/walk.html',
      'https://mirror.example/posts/moved.html',
    ]);
    expect(feed.items[0]!.enclosure).toMatchObject({ url: 'https://blog.example/journal/2024/03/walk.jpg' });
    expect(feed.items[0]!.content_base).toBe('https://blog.example/media/');
    const stored = articles('atom-10-base.xml').candidates[0]!.article;
    expect(stored.html).toContain('href="https://blog.example/media/map.png"');
  });

  it('keeps a relative link as written when there is no base at all', () => {
    const feed = parseFeedText(read('atom-03.xml'));
    expect(feed.items[3]!.url).toBe('/multi');
    expect(feed.items[0]!.url).toBe('http://old-atom.example/b64');
  });

  it('keeps the document URL as the base when there is no xml:base', () => {
    expect(parse('rss-no-channel.xml', 'https://elsewhere.example/feed').items[0]!.url).toBe(
      'http://old.example/1',
    );
    const json = parse('json-feed-11.json', 'https://eleven.example/feed.json').items[0]!;
    expect(json).toMatchObject({ url: 'https://eleven.example/k1' });
    expect(json.enclosure).toEqual({ url: 'https://eleven.example/k1.mp3', type: 'audio/mpeg', length: 100 });
  });
});

describe('bodies: every content element, plain text beside sanitized HTML', () => {
  it.each([
    ['rss-undeclared-prefixes.xml', 0, 'The council approved the budget.'],
    ['rss-xhtml-body.xml', 0, 'The full text.'],
    ['rss-xhtml-body.xml', 1, 'Another full text.'],
    ['rss-media-itunes.xml', 0, 'We talk to the harbour master about the storm. Then we answer letters.'],
    ['rss-media-itunes.xml', 1, 'Footage of the flood barrier closing.'],
    ['atom-03.xml', 0, 'Hello from base64.'],
    ['atom-03.xml', 1, 'Escaped HTML body.'],
    ['atom-03.xml', 2, 'Inline XHTML.'],
    ['atom-03.xml', 3, 'HTML alternative.'],
    ['atom-10-binary.xml', 0, 'The body, encoded.'],
    ['atom-10-base.xml', 0, 'The line closed in 1964. The map shows the route.'],
    ['json-feed-10.json', 1, 'Numeric id, text only.'],
  ])('%s item %i reads as %j', (file, index, text) => {
    expect(articles(file).candidates[index]!.article.text).toBe(text);
  });

  it('keeps the first summary apart from the content element', () => {
    const item = parse('rss-xhtml-body.xml').items[0]!;
    expect(item.summary).toBe('Short teaser.');
    expect(item.content_html).toBe('<p>The <strong>full</strong> text.</p>');
    expect(parse('atom-03.xml').items[1]!.summary).toBe('Plain summary.');
    // With no summary element, the summary is the start of the content, as readers show it.
    expect(parse('atom-03.xml').items[0]!.summary).toBe('Hello from base64.');
  });

  it('turns HTML-typed titles and summaries into plain text and sanitizes the HTML kept', () => {
    const { candidates } = articles('atom-10-base.xml');
    const moved = candidates[1]!.article;
    expect(moved.text).toBe('safe description');
    expect(moved.summary).toBe('safe description');
    expect(moved.html).not.toMatch(/iframe|evil/);
    expect(parse('atom-10-base.xml').title).toBe('Notes & sketches');
    expect(parse('json-feed-11.json').items[0]!.title).toBe('Bold title');
  });

  it('reads an object that is no valid JSON Feed when it still has items, with a warning', () => {
    const feed = parse('json-not-jsonfeed.json');
    expect(feed.items.map((i) => [i.id, i.content_html])).toEqual([['x', '<p>Still readable.</p>']]);
    expect(feed.warnings).toContain('no known JSON Feed version');
  });
});
