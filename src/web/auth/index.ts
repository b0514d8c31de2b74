import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { Accounts } from '../../auth/accounts.js';
import { type AccountEnv, withViewer } from './context.js';
import { csrfProtection } from './csrf.js';

export { authRoutes } from './routes.js';

/** The middleware every page needs: client address, signed-in viewer, CSRF token and check. */
export function withAccounts(accounts: Accounts): MiddlewareHandler<AccountEnv> {
  return every(
    withViewer(accounts),
    csrfProtection({ siteUrl: accounts.config.siteUrl }),
  ) as MiddlewareHandler<AccountEnv>;
}
