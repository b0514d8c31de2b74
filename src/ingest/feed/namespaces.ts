/**
 * Namespace URIs of the feed formats and their modules, mapped to one short key each, so an element
 * is matched by what it is rather than by the prefix a feed happened to pick. The feed formats' own
 * elements (RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and their early drafts) share the empty key: feeds mix them
 * freely (`atom:link` in RSS 2.0) and readers treat them alike.
 */
const BY_URI: Record<string, string> = {
  '': '',
  'http://backend.userland.com/rss': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://purl.org/atom/ns#': '',
  'http://www.w3.org/2005/atom': '',
  'http://purl.org/echo/': '',
  'http://purl.org/pie/': '',
  'http://purl.org/rss/1.0/modules/rss091#': '',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://example.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.google.com/schemas/play-podcasts/1.0': 'googleplay',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://webns.net/mvcb/': 'admin',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
};

/** Which format a root namespace announces, for the version label. */
export const FORMAT_URIS: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom10',
  'http://purl.org/atom/ns#': 'atom03',
  'http://purl.org/rss/1.0/': 'rss10',
  'http://my.netscape.com/rdf/simple/0.9/': 'rss090',
};

/**
 * The key of a namespace: the canonical key of a known URI, or `fallback` (the prefix as written,
 * or '' for the default namespace) for one we do not know.
 */
export function namespaceKey(uri: string | undefined, fallback: string): string {
  if (uri === undefined) return fallback;
  const lower = uri.trim().toLowerCase();
  // Userland published several RSS namespaces under one path; all mean RSS.
  if (lower.includes('backend.userland.com/rss')) return '';
  return BY_URI[lower] ?? fallback;
}
