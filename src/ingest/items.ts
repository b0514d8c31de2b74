import type { NewArticle, Source } from '../db/schema.js';
import type { Logger } from '../lib/log.js';
import { decodeBody } from './decode.js';
import { fingerprint } from './dedupe.js';
import { deriveTitle } from './derive-title.js';
import type { DropReason } from './drops.js';
import { extractArticle } from './extract.js';
import { parseFeedDate, settleDate } from './feed/dates.js';
import type { FeedItem } from './feed/normalize.js';
import type { Fetcher } from './fetch/fetcher.js';
import { htmlToText, normalizeText } from './html-text.js';
import { hashText } from './interchange.js';
import { sanitizeArticleHtml } from './sanitize.js';
import { canonicalizeUrl } from './url.js';

/** An article ready to store, before dedupe decides whether it republishes another. */
export interface Candidate {
  article: Omit<NewArticle, 'source_id'>;
  /** True when the text is still only the feed's teaser (the page could not be read). */
  teaser: boolean;
}

// Below this many characters, or ending like a cut ("…", "Continue reading"), a feed body is a teaser.
const TEASER_CHARS = 600;
const CUT_ENDING = /(\.\.\.|…|\[…\]|\[\.\.\.\]|continue reading\.*|read more\.*|weiterlesen\.*)\s*$/i;

/** Whether a feed item's text is only a teaser of the article on its page. */
export function isTeaser(text: string): boolean {
  // Only the tail can end like a cut; testing the whole text costs a regex scan of every article.
  return text.length < TEASER_CHARS || CUT_ENDING.test(text.slice(-64));
}

/**
 * The identity of an item: its canonical link, or a URN from the source and the item's id (or,
 * with neither, a hash of its title or body, so a microblog post without link or id still has one).
 */
export function itemKey(item: FeedItem, source: Pick<Source, 'key'>): string | null {
  const url = item.url ? canonicalizeUrl(item.url) : null;
  if (url) return url;
  const seed = [item.title, item.content_html ?? item.summary].filter((part) => part !== null).join('\n');
  const id = item.id ?? (seed ? hashText(seed) : null);
  return id ? `urn:newsloom:${source.key}:${id}` : null;
}

/** Turns a feed item into an article, or says why it cannot be one; `fetchedAt` stands in for a missing or absurd date. */
export function candidateFromItem(
  item: FeedItem,
  key: string,
  source: Pick<Source, 'url'>,
  fetchedAt: Date,
  language: string | null,
): Candidate | DropReason {
  // Relative links in the body resolve against the feed's xml:base, else the item's own page.
  const base = item.content_base ?? item.url ?? source.url ?? undefined;
  const html = item.content_html ? sanitizeArticleHtml(item.content_html, base) : null;
  const title = item.title ? normalizeText(item.title) : null;
  let text = html ? htmlToText(html) : '';
  if (text === '' && item.summary) text = normalizeText(item.summary);
  if (text === '' && title) text = title;
  if (text === '') return 'no_text';
  const published = settleDate(item.published_at, fetchedAt);
  return {
    teaser: isTeaser(text),
    article: {
      external_id: item.id,
      url: item.url ?? key,
      canonical_url: key,
      title: title ?? deriveTitle(text),
      title_derived: title === null,
      author: item.author_name ?? item.author,
      summary: item.summary ? normalizeText(item.summary).slice(0, 2000) || null : null,
      html,
      text,
      language,
      published_at: published.date,
      published_at_estimated: published.estimated,
      fetched_at: fetchedAt,
      content_hash: hashText(text),
      fingerprint: fingerprint(text),
    },
  };
}

/**
 * Replaces a teaser with the article read from its page (Readability), and takes the page's own
 * canonical URL. A page that cannot be fetched or read leaves the teaser as it is.
 */
export async function completeFromPage(
  candidate: Candidate,
  fetcher: Fetcher,
  logger: Logger,
): Promise<Candidate> {
  const url = candidate.article.url;
  if (!/^https?:/.test(url)) return candidate;
  try {
    const page = await fetcher.fetch({ url, checkRobots: true, accept: 'text/html,application/xhtml+xml' });
    const extracted = extractArticle(decodeBody(page.body, page.contentType).text, page.url);
    if (!extracted || extracted.text.length <= candidate.article.text.length) return candidate;
    const article = candidate.article;
    return {
      teaser: false,
      article: {
        ...article,
        canonical_url: extracted.canonicalUrl ?? article.canonical_url,
        html: extracted.html,
        text: extracted.text,
        author: article.author ?? extracted.byline,
        language: article.language ?? extracted.language,
        content_hash: hashText(extracted.text),
        fingerprint: fingerprint(extracted.text),
      },
    };
  } catch (error) {
    logger.debug({ url, err: error }, 'article page not read; keeping the feed teaser');
    return candidate;
  }
}

/** An article from a `page` source: the page itself, extracted. */
export function candidateFromPage(
  html: string,
  pageUrl: string,
  source: Source,
  fetchedAt: Date,
): Candidate | string {
  const extracted = extractArticle(html, pageUrl);
  if (!extracted) return 'no article found on the page';
  const key = extracted.canonicalUrl ?? canonicalizeUrl(pageUrl) ?? pageUrl;
  const published = settleDate(parseFeedDate(extracted.publishedAt), fetchedAt);
  return {
    teaser: false,
    article: {
      external_id: null,
      url: pageUrl,
      canonical_url: key,
      title: extracted.title ?? deriveTitle(extracted.text),
      title_derived: !extracted.title,
      author: extracted.byline,
      summary: null,
      html: extracted.html,
      text: extracted.text,
      language: extracted.language ?? source.language,
      published_at: published.date,
      published_at_estimated: published.estimated,
      fetched_at: fetchedAt,
      content_hash: hashText(extracted.text),
      fingerprint: fingerprint(extracted.text),
    },
  };
}
