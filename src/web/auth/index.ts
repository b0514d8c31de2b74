import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { Accounts } from '../../auth/accounts.js';
import { type AccountEnv, type Frame, withViewer } from './context.js';
import { csrfProtection } from './csrf.js';

export { authRoutes } from './routes.js';

/**
 * The middleware every page needs: client address, signed-in viewer, CSRF token and check, and the
 * site's page frame for account and discussion pages (a minimal one when none is given).
 */
export function withAccounts(
  accounts: Accounts,
  options: { frame?: Frame } = {},
): MiddlewareHandler<AccountEnv> {
  const setFrame: MiddlewareHandler<AccountEnv> = async function setFrame(c, next) {
    c.set('frame', options.frame ?? null);
    await next();
  };
  return every(
    setFrame,
    withViewer(accounts),
    csrfProtection({ siteUrl: accounts.config.siteUrl, logger: accounts.logger }),
  ) as MiddlewareHandler<AccountEnv>;
}
