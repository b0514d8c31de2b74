import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import type { StoryCursor } from '../../store/site.js';

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.number().int().positive() });

/** An opaque cursor for the item after which the next page starts. */
export function encodeCursor(cursor: StoryCursor): string {
  return Buffer.from(JSON.stringify({ at: new Date(cursor.at).toISOString(), id: cursor.id })).toString(
    'base64url',
  );
}

/** Reads a cursor from a query string; undefined when absent, invalid_input when malformed. */
export function decodeCursor(text: string | undefined): StoryCursor | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { at: new Date(parsed.at), id: parsed.id };
  } catch (cause) {
    throw new AppError('invalid_input', 'the cursor is not valid; start again from the first page', {
      cause,
    });
  }
}

/** The cursor after the first `limit` items when there are more (callers fetch limit + 1), else undefined. */
export function nextCursor(items: { id: number; last_seen_at: Date }[], limit: number): string | undefined {
  const last = items[limit - 1];
  return items.length > limit && last ? encodeCursor({ at: last.last_seen_at, id: last.id }) : undefined;
}

/** A page size from a query string: 1..max, default `fallback`. */
export function parseLimit(text: string | undefined, fallback: number, max = 100): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AppError('invalid_input', `limit must be a whole number from 1 to ${max}`);
  }
  return n;
}
