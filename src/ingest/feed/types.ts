/** One feed entry, whatever format it came in. Links are absolute; dates may be null. */
export interface FeedItem {
  id: string | null;
  url: string | null;
  /** Plain text on one line (an HTML title is converted); null when the item has none. */
  title: string | null;
  /** The author as readers show it: "Name (email)" for an Atom person, RSS text as written. */
  author: string | null;
  /** The author's name alone, when the feed gives one: the byline. */
  author_name: string | null;
  published_at: Date | null;
  /** The date text as the feed gave it, to explain a wrong date. */
  published_raw: string | null;
  /** Plain text of the item's summary or description. */
  summary: string | null;
  /** Unsanitized HTML body: the item's content, else its summary. */
  content_html: string | null;
  /** The `xml:base` that relative links in `content_html` resolve against, when the feed set one. */
  content_base: string | null;
  categories: string[];
  enclosure: { url: string; type: string | null; length: number | null } | null;
}

/** A parsed feed in one shape for RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1. */
export interface NormalizedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  /** The version read from the document: rss090, rss091, rss092, rss10, rss20, atom03, atom10, json1, json11… */
  version: string;
  title: string | null;
  homepage: string | null;
  description: string | null;
  language: string | null;
  author: string | null;
  id: string | null;
  published_at: Date | null;
  updated_at: Date | null;
  items: FeedItem[];
  /** What was wrong with the document but did not stop it being read (item-only RSS, cut-off end…). */
  warnings: string[];
  /** Items the document's end cut off: their text cannot be trusted, so they are not items. */
  truncated: number;
}
