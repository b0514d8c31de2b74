import { APIError, createAuthMiddleware } from 'better-auth/api';
import type { Executor } from '../store/db.js';
import { clearSignInFailures, recordSignInFailure, signInLockedUntil } from '../store/users.js';

/** Free attempts before the back-off starts; then 1 s, 2 s, 4 s … doubling, at most 15 minutes. */
export const FREE_ATTEMPTS = 5;
const MAX_SECONDS = 900;

/** Seconds an address is held back after `failures` consecutive failed sign-ins. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_SECONDS);
}

function keyOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : null;
}

/**
 * better-auth hooks for a per-address back-off on email sign-in, on top of the per-IP rate limit:
 * guessing one account's password from many addresses slows down too. Unknown and known addresses
 * are treated alike, so the back-off says nothing about which accounts exist.
 */
export function signInBackoffHooks(db: Executor, now: () => Date = () => new Date()) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== '/sign-in/email') return;
      const key = keyOf(ctx.body);
      if (!key) return;
      const until = await signInLockedUntil(db, key);
      const wait = until ? Math.ceil((until.getTime() - now().getTime()) / 1000) : 0;
      if (wait > 0) {
        throw new APIError(
          'TOO_MANY_REQUESTS',
          { message: 'Too many failed attempts; try again later', code: 'SIGN_IN_BACKOFF' },
          { 'X-Retry-After': String(wait), 'Retry-After': String(wait) },
        );
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== '/sign-in/email') return;
      const key = keyOf(ctx.body);
      if (!key) return;
      const returned = ctx.context.returned;
      const failed = returned instanceof Error && (returned as { statusCode?: number }).statusCode === 401;
      if (failed) await recordSignInFailure(db, key, now(), backoffSeconds);
      else if (!(returned instanceof Error)) await clearSignInFailures(db, key);
    }),
  };
}
