/** Stable error codes; callers branch on these, never on message text. */
export type ErrorCode =
  | 'config_invalid'
  | 'database_unavailable'
  | 'data_dir_locked'
  | 'not_found'
  | 'invalid_input'
  | 'io_error'
  | 'fetch_blocked'
  | 'fetch_failed'
  | 'fetch_timeout'
  | 'fetch_too_large'
  | 'fetch_http_status'
  | 'fetch_rate_limited'
  | 'fetch_redirects'
  | 'robots_disallowed'
  | 'feed_invalid'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'comments_closed';

/** An error with a stable code, a message for humans and the original cause for logs. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** One line that explains an error to an operator. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
