import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../lib/errors.js';

/** The HTTP status for an error code. */
export function statusOf(code: ErrorCode | 'internal'): ContentfulStatusCode {
  switch (code) {
    case 'not_found':
      return 404;
    case 'invalid_input':
      return 400;
    case 'database_unavailable':
      return 503;
    default:
      return 500;
  }
}

/** The API's one error shape: `{"error": {"code", "message"}}`. */
export function apiError(c: Context, code: ErrorCode | 'internal', message: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: { code, message } }, statusOf(code));
}
