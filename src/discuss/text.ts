import { createHash } from 'node:crypto';

// http(s) URLs and bare www. hosts; trailing punctuation is left to the sentence.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/giu;

/** The body as stored: NFC, Unix line ends, no trailing spaces, at most one blank line in a row. */
export function normalizeBody(body: string): string {
  return body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Hash of the text with case and spacing ignored, for the repeated-post check. */
export function hashBody(body: string): string {
  return createHash('sha256').update(body.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');
}

/** The links a body carries. */
export function extractLinks(body: string): string[] {
  return body.match(URL_PATTERN) ?? [];
}

/** A run of a paragraph: plain text or a link. */
export type Segment = { text: string } | { text: string; href: string };

/**
 * Splits a plain-text body into paragraphs (blank lines) of text and links. Only http(s) links
 * survive as links (a `www.` host gets https://); views render text escaped and links with
 * rel="nofollow ugc".
 */
export function commentParagraphs(body: string): Segment[][] {
  return body
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((paragraph) => {
      const segments: Segment[] = [];
      let last = 0;
      for (const match of paragraph.matchAll(URL_PATTERN)) {
        const index = match.index ?? 0;
        if (index > last) segments.push({ text: paragraph.slice(last, index) });
        const href = safeHref(match[0]);
        segments.push(href ? { text: match[0], href } : { text: match[0] });
        last = index + match[0].length;
      }
      if (last < paragraph.length) segments.push({ text: paragraph.slice(last) });
      return segments;
    });
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate.startsWith('www.') ? `https://${candidate}` : candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
