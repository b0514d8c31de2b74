import { APIError, createAuthMiddleware } from 'better-auth/api';
import { localPath } from '../lib/redirect-target.js';
import type { Executor } from '../store/db.js';
import { ACCOUNT_FIELD_PATHS, accountFieldsProblem } from './account-fields.js';
import { countSignIn, holdBackSignIn } from './backoff.js';

/** Where better-auth endpoints send the browser next; each must be a path on this site. */
const REDIRECT_FIELDS = ['callbackURL', 'errorCallbackURL', 'newUserCallbackURL', 'redirectTo'] as const;

/** The first redirect field of a query or body that is not a same-site path, or null. */
export function unsafeRedirectField(...sources: unknown[]): string | null {
  for (const source of sources) {
    if (typeof source !== 'object' || source === null) continue;
    for (const field of REDIRECT_FIELDS) {
      const value = (source as Record<string, unknown>)[field];
      if (value !== undefined && value !== '' && localPath(value) === null) return field;
    }
  }
  return null;
}

/**
 * better-auth's hooks, run for every endpoint whoever calls it (our forms, API clients): redirect
 * targets stay on this site, account fields keep their limits, and email sign-in backs off.
 */
export function authHooks(db: Executor, now: () => Date = () => new Date()) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      const field = unsafeRedirectField(ctx.query, ctx.body);
      if (field) {
        throw new APIError('BAD_REQUEST', {
          message: `${field} must be a path on this site`,
          code: 'INVALID_REDIRECT',
        });
      }
      if (ACCOUNT_FIELD_PATHS.has(ctx.path)) {
        const problem = accountFieldsProblem(ctx.body);
        if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'INVALID_ACCOUNT_FIELD' });
      }
      await holdBackSignIn(db, ctx, now());
    }),
    after: createAuthMiddleware(async (ctx) => {
      await countSignIn(db, ctx, now());
    }),
  };
}
