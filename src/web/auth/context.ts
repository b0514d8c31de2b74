import type { Context, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import type { Accounts } from '../../auth/accounts.js';
import type { UserRole } from '../../store/users.js';

/** The signed-in reader, as pages and handlers see them. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  created_at: Date;
}

/** Renders account and discussion content inside the reader site's page frame (header, footer, styles). */
export type Frame = (meta: { title: string; path: string }, content: Child) => Promise<string>;

/** Hono variables set by the account middleware; `csrf()` gives the form token (setting its cookie). */
export interface AccountEnv {
  Variables: { viewer: Viewer | null; csrf: () => string; ip: string; frame: Frame | null };
}

export type AccountContext = Context<AccountEnv>;

/** The client's address: the first X-Forwarded-For hop behind a trusted proxy, else the socket's. */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Whether a Cookie header may carry a session (better-auth's cookie names end in `session_token`). */
export function mayHaveSession(cookie: string | undefined): boolean {
  return cookie?.includes('session_token') ?? false;
}

/** Resolves the session cookie to a viewer (or null) and the client address, once per request. */
export const withViewer = (accounts: Accounts): MiddlewareHandler<AccountEnv> =>
  async function withViewer(c, next) {
    c.set('ip', clientIp(c, accounts.config.trustProxy));
    let viewer: Viewer | null = null;
    if (mayHaveSession(c.req.header('cookie'))) {
      const session = await accounts.auth.api.getSession({ headers: c.req.raw.headers });
      if (session) {
        const user = session.user as typeof session.user & { role?: string };
        viewer = {
          id: user.id,
          name: user.name,
          email: user.email,
          role: (user.role ?? 'reader') as UserRole,
          created_at: new Date(user.createdAt),
        };
      }
    }
    c.set('viewer', viewer);
    await next();
  };
