import { describe, expect, it } from 'vitest';
import { parseFeedText } from './normalize.js';
import type { FeedItem, NormalizedFeed } from './types.js';

const BASE = 'http://feeds.example/dir/feed.xml';
const rss = (channel: string, item = '') =>
  `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"><channel>${channel}${item ? `<item>${item}</item>` : ''}</channel></rss>`;
const atom = (feed: string, entry = '') =>
  `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">${feed}${entry ? `<entry>${entry}</entry>` : ''}</feed>`;
const rdf = (channel: string, item = '') =>
  `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x">${channel}</channel>${item ? `<item rdf:about="http://feeds.example/about">${item}</item>` : ''}</rdf:RDF>`;

type FeedField = keyof Pick<
  NormalizedFeed,
  'title' | 'homepage' | 'description' | 'author' | 'id' | 'language'
>;
type ItemField = keyof Pick<FeedItem, 'title' | 'url' | 'id' | 'author' | 'summary'> | 'text';

const itemValue = (item: FeedItem | undefined, field: ItemField) => {
  if (!item) return undefined;
  if (field !== 'text') return item[field];
  return item.content_html?.replace(/<[^>]+>/g, '') ?? null;
};

describe('feed-level elements', () => {
  it.each<[string, string, FeedField, string | null]>([
    ['RSS title', rss('<title>Example feed</title>'), 'title', 'Example feed'],
    ['Dublin Core title', rss('<dc:title>Example feed</dc:title>'), 'title', 'Example feed'],
    ['RSS title with entities', rss('<title>Fish &amp;amp; Chips &#169;</title>'), 'title', 'Fish & Chips ©'],
    ['RSS title with CDATA markup', rss('<title><![CDATA[<b>Bold</b> feed]]></title>'), 'title', 'Bold feed'],
    [
      'Atom html title',
      atom('<title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more</title>'),
      'title',
      'Bold & more',
    ],
    [
      'Atom xhtml title',
      atom('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X<b>HTML</b></div></title>'),
      'title',
      'XHTML',
    ],
    ['Atom text title', atom('<title type="text">Plain</title>'), 'title', 'Plain'],
    ['RSS link', rss('<link>http://feeds.example/</link>'), 'homepage', 'http://feeds.example/'],
    ['relative RSS link', rss('<link>/home</link>'), 'homepage', 'http://feeds.example/home'],
    [
      'an image link is not the feed link',
      rss('<image><link>http://img.example/</link><url>http://img.example/i.png</url></image>'),
      'homepage',
      null,
    ],
    [
      'a textInput link is not the feed link',
      rss('<link>http://feeds.example/</link><textinput><link>http://search.example/</link></textinput>'),
      'homepage',
      'http://feeds.example/',
    ],
    [
      'Atom alternate link',
      atom('<link rel="alternate" href="http://feeds.example/"/>'),
      'homepage',
      'http://feeds.example/',
    ],
    [
      'Atom link without rel',
      atom('<link href="http://feeds.example/"/>'),
      'homepage',
      'http://feeds.example/',
    ],
    [
      'Atom self link is not the homepage',
      atom('<link rel="self" href="http://feeds.example/feed"/>'),
      'homepage',
      null,
    ],
    [
      'Atom link under xml:base',
      atom('<link xml:base="http://other.example/a/" href="b"/>'),
      'homepage',
      'http://other.example/a/b',
    ],
    [
      'RSS description',
      rss('<description>About &lt;i&gt;us&lt;/i&gt;</description>'),
      'description',
      'About us',
    ],
    ['Atom subtitle', atom('<subtitle>Sub</subtitle>'), 'description', 'Sub'],
    [
      'Atom 0.3 tagline',
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><tagline>Tag</tagline></feed>',
      'description',
      'Tag',
    ],
    ['managingEditor', rss('<managingEditor>Example editor</managingEditor>'), 'author', 'Example editor'],
    ['dc:creator', rss('<dc:creator>Example editor</dc:creator>'), 'author', 'Example editor'],
    ['dc:author', rss('<dc:author>Example editor</dc:author>'), 'author', 'Example editor'],
    ['itunes:author', rss('<itunes:author>Example editor</itunes:author>'), 'author', 'Example editor'],
    ['webMaster is no author', rss('<webMaster>web@feeds.example</webMaster>'), 'author', null],
    [
      'Atom author map',
      atom(
        '<author><name>Example author</name><email>me@feeds.example</email><uri>http://feeds.example/</uri></author>',
      ),
      'author',
      'Example author (me@feeds.example)',
    ],
    [
      'Atom author name only',
      atom('<author><name>Example author</name></author>'),
      'author',
      'Example author',
    ],
    [
      'Atom author email only',
      atom('<author><email>me@feeds.example</email></author>'),
      'author',
      'me@feeds.example',
    ],
    ['Atom id', atom('<id>tag:feeds.example,2024:1</id>'), 'id', 'tag:feeds.example,2024:1'],
    ['RSS language', rss('<language>en-us</language>'), 'language', 'en-us'],
    ['dc:language', rdf('<dc:language>de</dc:language>'), 'language', 'de'],
    ['xml:lang on the feed', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"/>', 'language', 'fr'],
  ])('%s', (_name, body, field, expected) => {
    expect(parseFeedText(body, BASE)[field]).toBe(expected);
  });
});

describe('item-level elements', () => {
  it.each<[string, string, ItemField, string | null]>([
    ['RSS title', rss('', '<title>Item</title>'), 'title', 'Item'],
    ['dc:title', rss('', '<dc:title>Item</dc:title>'), 'title', 'Item'],
    [
      'the first title wins over dc:title',
      rss('', '<title>One</title><dc:title>Two</dc:title>'),
      'title',
      'One',
    ],
    ['media:title only when there is no title', rss('', '<media:title>M</media:title>'), 'title', 'M'],
    ['RDF item with dc:title', rdf('', '<dc:title>R</dc:title>'), 'title', 'R'],
    [
      'Atom html title with an iframe',
      atom('', '<title type="html">safe&lt;iframe src="x"&gt;&lt;/iframe&gt; title</title>'),
      'title',
      'safe title',
    ],
    ['RSS link', rss('', '<link>http://feeds.example/1</link>'), 'url', 'http://feeds.example/1'],
    ['guid as link', rss('', '<guid>http://feeds.example/g</guid>'), 'url', 'http://feeds.example/g'],
    [
      'CDF item href',
      '<CHANNEL HREF="http://cdf.example/"><ITEM HREF="http://cdf.example/1"><TITLE>C</TITLE><ABSTRACT>Abs</ABSTRACT></ITEM></CHANNEL>',
      'url',
      'http://cdf.example/1',
    ],
    [
      'guid isPermaLink=false is no link',
      rss('', '<guid isPermaLink="false">http://feeds.example/g</guid>'),
      'url',
      null,
    ],
    [
      'link wins over guid',
      rss('', '<guid>http://feeds.example/g</guid><link>http://feeds.example/l</link>'),
      'url',
      'http://feeds.example/l',
    ],
    [
      'Atom alternate link, not the enclosure or the PDF',
      atom(
        '',
        '<link rel="enclosure" href="a.mp3"/><link rel="alternate" type="application/pdf" href="a.pdf"/><link rel="alternate" type="text/html" href="a.html"/>',
      ),
      'url',
      'http://feeds.example/dir/a.html',
    ],
    [
      'xml:base on entry and link, nested',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://b.example/1/"><entry xml:base="2/"><link xml:base="3/" href="x"/></entry></feed>`,
      'url',
      'http://b.example/1/2/3/x',
    ],
    [
      'a javascript: xml:base is ignored',
      atom('', '<link xml:base="javascript:alert(1)" href="x"/>'),
      'url',
      'http://feeds.example/dir/x',
    ],
    ['guid id', rss('', '<guid isPermaLink="false">abc</guid>'), 'id', 'abc'],
    ['Atom id', atom('', '<id>urn:uuid:1</id>'), 'id', 'urn:uuid:1'],
    ['rdf:about id', rdf('', '<title>x</title>'), 'id', 'http://feeds.example/about'],
    ['RSS author', rss('', '<author>me@feeds.example (Me)</author>'), 'author', 'me@feeds.example (Me)'],
    ['dc:creator', rss('', '<dc:creator>Me</dc:creator>'), 'author', 'Me'],
    ['dc:author', rss('', '<dc:author>Me</dc:author>'), 'author', 'Me'],
    ['itunes:author', rss('', '<itunes:author>Me</itunes:author>'), 'author', 'Me'],
    [
      'Atom author map',
      atom('', '<author><name>Me</name><email>me@feeds.example</email></author>'),
      'author',
      'Me (me@feeds.example)',
    ],
    ['dc:creator in Atom', atom('', '<dc:creator>Me</dc:creator>'), 'author', 'Me'],
    [
      'the feed author is not the entry author',
      atom('<author><name>Feed</name></author>', '<title>x</title>'),
      'author',
      null,
    ],
    [
      'RSS description',
      rss('', '<description>&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;</description>'),
      'summary',
      'Hi & bye',
    ],
    ['Atom summary', atom('', '<summary>Sum</summary>'), 'summary', 'Sum'],
    ['itunes:summary', rss('', '<itunes:summary>Show notes</itunes:summary>'), 'summary', 'Show notes'],
    ['media:description', rss('', '<media:description>Caption</media:description>'), 'summary', 'Caption'],
    ['dc:description', rdf('', '<dc:description>DC</dc:description>'), 'summary', 'DC'],
    ['content as the summary when there is none', atom('', '<content>Body</content>'), 'summary', 'Body'],
    [
      'content:encoded',
      rss('', '<description>Short</description><content:encoded>&lt;p&gt;Long&lt;/p&gt;</content:encoded>'),
      'text',
      'Long',
    ],
    [
      'Atom content, html',
      atom('', '<content type="html">&lt;p&gt;Body&lt;/p&gt;</content>'),
      'text',
      'Body',
    ],
    [
      'Atom content, xhtml',
      atom('', '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content>'),
      'text',
      'Body',
    ],
    [
      'Atom content, text with an ampersand',
      atom('', '<content type="text">A &amp; B</content>'),
      'text',
      'A &amp; B',
    ],
    [
      'Atom content, base64',
      atom('', '<content type="text/html" mode="base64">PGI+Qm9keTwvYj4=</content>'),
      'text',
      'Body',
    ],
    [
      'xhtml:body',
      rss('', '<xhtml:body xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>Body</xhtml:p></xhtml:body>'),
      'text',
      'Body',
    ],
    [
      'unescaped HTML in a description',
      rss('', '<description><p>Body <br> more</p></description>'),
      'text',
      'Body  more',
    ],
  ])('%s', (_name, body, field, expected) => {
    expect(itemValue(parseFeedText(body, BASE).items[0], field)).toBe(expected);
  });
});
