import { describe, expect, it } from 'vitest';
import { parseFeedText } from './normalize.js';
import { readXml } from './xml-reader.js';
import { textOf } from './xml-tree.js';

const rss = (items: string, tail = '</channel></rss>') =>
  `<rss version="2.0"><channel><title>T</title><link>https://x.example/</link>${items}${tail}`;
const titles = (body: string) => parseFeedText(body, 'https://x.example/feed').items.map((i) => i.title);

describe('reading sloppy XML as feed readers do', () => {
  it.each([
    ['an item left open before </channel>', rss('<item><title>a</title>'), ['a']],
    [
      'items that never close, each ended by the next',
      rss('<item><title>a</title><item><title>b</title>'),
      ['a', 'b'],
    ],
    [
      'a stray </channel></rss> inside an item, the rest of the item after it',
      rss('<item><title>caf</channel></rss>é</title><link>/x</link></item>', ''),
      ['café'],
    ],
    ['a mistyped end tag', rss('<item><title>a</titel></item><item><title>b</title></item>'), ['a', 'b']],
    [
      'unclosed HTML inside a description',
      rss('<item><title>a</title><description>x<br>y</description></item>'),
      ['a'],
    ],
    [
      'upper-case element names',
      '<RSS version="2.0"><CHANNEL><ITEM><TITLE>Up</TITLE></ITEM></CHANNEL></RSS>',
      ['Up'],
    ],
    [
      'a feed element in an unknown default namespace',
      '<rss xmlns="http://example.com/x"><channel><item><title>n</title></item></channel></rss>',
      ['n'],
    ],
    [
      'junk after the end of the document',
      `${rss('<item><title>a</title></item>')}<img src="pixel.gif"><item><title>z</title></item>`,
      ['a'],
    ],
    [
      'a feed wrapped in another element',
      `<envelope>${rss('<item><title>w</title></item>')}</envelope>`,
      ['w'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(titles(body)).toEqual(expected);
  });

  it('keeps only the complete items of a cut-off download and says so', () => {
    const feed = parseFeedText(
      rss('<item><title>a</title></item><item><title>b</title><description>half', ''),
    );
    expect(feed.items.map((i) => i.title)).toEqual(['a']);
    expect(feed.truncated).toBe(1);
    expect(feed.warnings).toContain('the document is cut off; 1 unfinished item left out');
  });

  it('refuses a cut-off document with no complete item', () => {
    expect(() => parseFeedText('<rss><channel><title>x</title><item><title>y')).toThrow(
      /not a feed: the document is cut off/,
    );
  });

  it('decodes HTML entities, declared plain entities and numeric references, but not in CDATA', () => {
    const doc = readXml(
      '<!DOCTYPE r [<!ENTITY site "Harbour Watch">]><r a="1&amp;2 &eacute;">&site; &nbsp;&#8212; &unknown; <![CDATA[&amp;]]></r>',
      null,
    );
    expect(doc.root?.attrs.a).toBe('1&2 é');
    expect(textOf(doc.root!)).toBe('Harbour Watch \u00a0— &unknown; &amp;');
  });

  it('expands no entity that refers to other entities (billion laughs)', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const doc = readXml(`<!DOCTYPE r [<!ENTITY l0 "lol">${lol}]><r>&l9;</r>`, null);
    expect(textOf(doc.root!)).toBe('&l9;');
  });

  it('flags a document that declares an external entity, which the feed parser refuses', () => {
    const body = `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${rss('<item><title>&x;</title></item>')}`;
    expect(readXml(body, null).externalEntity).toBe(true);
    expect(() => parseFeedText(body)).toThrow(expect.objectContaining({ code: 'feed_invalid' }));
  });

  it('does not recurse without bound on absurdly deep nesting', () => {
    const deep = `${'<d>'.repeat(5000)}x${'</d>'.repeat(5000)}`;
    const feed = parseFeedText(rss(`<item><title>deep</title><description>${deep}</description></item>`));
    expect(feed.items[0]!.title).toBe('deep');
  });

  it('resolves namespaces by URI, whatever prefix the feed chose', () => {
    const doc = readXml(
      '<rss xmlns:x="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><x:creator/><atom:link/><y:z/></rss>',
      null,
    );
    expect(doc.root!.children.map((c) => (typeof c === 'string' ? c : `${c.ns}:${c.name}`))).toEqual([
      'dc:creator',
      ':link',
      'y:z',
    ]);
    expect([...doc.undeclared]).toEqual(['y']);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>hi</body></html>', /HTML page/],
    ['an HTML fragment with no doctype', '<head><title>Moved</title></head><body>here</body>', /HTML page/],
    ['plain text', 'garbage text', /not a feed/],
    ['an unknown root', '<unknown><x/></unknown>', /not a feed: the root element <unknown>/],
    ['invalid JSON', '{"items": [', /not a feed: invalid JSON/],
    ['JSON with no items', '{"title": "x"}', /not a feed/],
  ])('refuses %s', (_name, body, message) => {
    expect(() => parseFeedText(body)).toThrow(message);
  });
});
