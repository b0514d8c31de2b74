import { describe, expect, it } from 'vitest';
import { parseFeedText } from './normalize.js';

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>${items}</channel></rss>`;

describe('parseFeedText', () => {
  it('normalizes RSS 2.0, Atom, RSS 1.0 and JSON Feed to one item shape', () => {
    const feeds = [
      rss(
        '<item><title>A</title><link>https://news.example/a</link><guid>g1</guid><pubDate>Wed, 31 Jan 2018 07:26:05 GMT</pubDate><description>&lt;p&gt;Hi&lt;/p&gt;</description></item>',
      ),
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>g1</id><title>A</title><link href="https://news.example/a"/><updated>2018-01-31T07:26:05Z</updated><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://news.example/"><title>T</title><link>https://news.example/</link></channel><item rdf:about="g1"><title>A</title><link>https://news.example/a</link><dc:date>2018-01-31T07:26:05Z</dc:date><description>&lt;p&gt;Hi&lt;/p&gt;</description></item></rdf:RDF>',
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'T',
        items: [
          {
            id: 'g1',
            url: 'https://news.example/a',
            title: 'A',
            content_html: '<p>Hi</p>',
            date_published: '2018-01-31T07:26:05Z',
          },
        ],
      }),
    ];
    for (const body of feeds) {
      const item = parseFeedText(body).items[0]!;
      expect(item, body.slice(0, 40)).toMatchObject({ id: 'g1', url: 'https://news.example/a', title: 'A' });
      expect(item.published_at?.toISOString()).toBe('2018-01-31T07:26:05.000Z');
      expect(item.content_html).toBe('<p>Hi</p>');
    }
  });

  it.each([
    ['truncated XML', '<rss><channel><item><title>x</titl', /not a feed/],
    ['plain text', 'garbage text', /not a feed/],
    ['an HTML page where a feed was expected', '<!DOCTYPE html><html><body>hi</body></html>', /HTML page/],
    ['an empty body', '', /not a feed/],
  ])('rejects %s with a clear error', (_name, body, message) => {
    expect(() => parseFeedText(body)).toThrow(message);
  });

  it('reads unclosed tags leniently: malformed but recoverable XML gives its items', () => {
    // fast-xml-parser (under feedsmith) closes what it can; the item is kept, nothing is invented.
    const feed = parseFeedText('<rss><channel><item><title>x</title></channel>');
    expect(feed.items.map((i) => i.title)).toEqual(['x']);
  });

  it('does not expand billion-laughs entities', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join(
      '',
    );
    const body = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${lol}]>${rss(
      '<item><title>&lol9;</title><link>https://news.example/a</link></item>',
    )}`;
    const item = parseFeedText(body).items[0]!;
    expect((item.title ?? '').length).toBeLessThan(100);
  });

  it('refuses XXE (external entities) as an invalid feed', () => {
    const body = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rss(
      '<item><title>&xxe;</title><link>https://news.example/a</link></item>',
    )}`;
    expect(() => parseFeedText(body)).toThrow(expect.objectContaining({ code: 'feed_invalid' }));
  });

  it('resolves relative links against the feed URL', () => {
    const feed = parseFeedText(
      rss('<item><title>A</title><link>/news/a?x=1</link></item>'),
      'https://feeds.example/rss',
    );
    expect(feed.items[0]!.url).toBe('https://feeds.example/news/a?x=1');
  });

  it('keeps items with missing titles and 10,000 items in one feed', () => {
    const many = Array.from(
      { length: 10_000 },
      (_, i) => `<item><link>https://news.example/${i}</link></item>`,
    ).join('');
    const feed = parseFeedText(rss(many));
    expect(feed.items).toHaveLength(10_000);
    expect(feed.items[0]!.title).toBeNull();
  });
});
