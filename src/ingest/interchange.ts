import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { NewArticle, NewSource } from '../db/schema.js';
import { htmlToText, normalizeText } from './html-text.js';
import { sanitizeArticleHtml } from './sanitize.js';
import { canonicalizeUrl, hostOf } from './url.js';

const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** One line of the article interchange format (see docs/interchange.md). */
export const interchangeArticleSchema = z
  .object({
    id: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((v) => (v == null ? undefined : String(v))),
    url: optionalText,
    title: z.string({ error: 'missing title' }).trim().min(1, 'missing title'),
    text: optionalText,
    html: optionalText,
    published_at: optionalText,
    source: z
      .object({ name: optionalText, url: optionalText })
      .nullish()
      .transform((v) => v ?? undefined),
    language: optionalText,
    author: optionalText,
    // The gold story label of evaluation files; never stored, never shown to the clusterer.
    story: z.unknown().optional(),
  })
  .refine((a) => a.text !== undefined || a.html !== undefined, {
    message: 'missing text (give text or html)',
  });

export type InterchangeArticle = z.output<typeof interchangeArticleSchema>;

/** What one valid line becomes: the source it belongs to and the article row to store. */
export interface ImportRow {
  source: NewSource;
  article: Omit<NewArticle, 'source_id'>;
}

// Far-future dates are feed errors; a day of slack covers clock skew and time zones.
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** Parses an interchange date; returns an error message for a date that cannot be right. */
export function parseInterchangeDate(value: string, now: Date): Date | string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return `bad date ${JSON.stringify(value)}`;
  if (date.getTime() > now.getTime() + FUTURE_SLACK_MS) return `date ${value} is in the future`;
  if (date.getUTCFullYear() < 1900) return `date ${value} is before 1900`;
  return date;
}

/** Validates one decoded JSON value and turns it into rows, or returns the reason it is unusable. */
export function toImportRow(value: unknown, now: Date): ImportRow | string {
  const parsed = interchangeArticleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where =
      issue.path.length > 0 && !issue.message.includes(String(issue.path[0]))
        ? `${issue.path.join('.')}: `
        : '';
    return `${where}${issue.message}`;
  }
  const a = parsed.data;
  const source = sourceFor(a);
  if (typeof source === 'string') return source;

  let publishedAt: Date | null = null;
  if (a.published_at !== undefined) {
    const date = parseInterchangeDate(a.published_at, now);
    if (typeof date === 'string') return date;
    publishedAt = date;
  }
  const html = a.html !== undefined ? sanitizeArticleHtml(a.html, a.url) : null;
  const text = a.text !== undefined ? normalizeText(a.text) : htmlToText(html ?? '');
  if (text === '') return 'missing text (empty after removing markup)';

  const url = a.url !== undefined ? canonicalizeUrl(a.url) : null;
  if (a.url !== undefined && url === null) return `bad url ${JSON.stringify(a.url)}`;
  const contentHash = hashText(text);
  // Articles are unique by canonical URL; one without a URL is identified by its source and id,
  // or failing that by its text, so re-importing the same file still adds nothing.
  const canonical = url ?? `urn:newsloom:${source.key}:${a.id ?? contentHash}`;
  return {
    source,
    article: {
      external_id: a.id ?? null,
      url: a.url ?? canonical,
      canonical_url: canonical,
      title: normalizeText(a.title),
      author: a.author ?? null,
      summary: null,
      html,
      text,
      language: a.language ?? null,
      published_at: publishedAt,
      fetched_at: now,
      content_hash: contentHash,
    },
  };
}

function sourceFor(a: InterchangeArticle): NewSource | string {
  const sourceUrl = a.source?.url !== undefined ? canonicalizeUrl(a.source.url) : null;
  if (a.source?.url !== undefined && sourceUrl === null)
    return `bad source.url ${JSON.stringify(a.source.url)}`;
  const name = a.source?.name ?? (sourceUrl ? hostOf(sourceUrl) : null) ?? (a.url ? hostOf(a.url) : null);
  if (!name) return 'missing source (give source.name or source.url)';
  const key = sourceUrl ?? `name:${name.toLowerCase()}`;
  return { key, kind: 'import', url: sourceUrl, name, homepage: sourceUrl, language: a.language ?? null };
}

/** SHA-256 of the text with white space folded: equal texts from different outlets hash equal. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}
