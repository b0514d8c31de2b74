import type { Accounts } from '../../auth/accounts.js';
import { CLIENT_IP_HEADER } from '../../auth/client-ip.js';
import { redirectTarget } from '../../lib/redirect-target.js';
import type { AccountContext } from './context.js';

/** What a better-auth endpoint answered to a forwarded form. */
export interface AuthAnswer {
  status: number;
  body: { code?: string; message?: string } & Record<string, unknown>;
  cookies: string[];
  retryAfter: number | null;
}

export { CLIENT_IP_HEADER } from '../../auth/client-ip.js';

/**
 * Sends a form's fields to better-auth's own endpoint (so its rate limits, origin checks and session
 * handling apply exactly as for API clients), after our CSRF check passed.
 */
export async function callAuth(
  accounts: Accounts,
  c: AccountContext,
  endpoint: string,
  body: Record<string, unknown> | null,
): Promise<AuthAnswer> {
  const headers = new Headers({
    origin: new URL(accounts.config.siteUrl).origin,
    [CLIENT_IP_HEADER]: c.get('ip'),
  });
  const cookie = c.req.header('cookie');
  if (cookie) headers.set('cookie', cookie);
  const agent = c.req.header('user-agent');
  if (agent) headers.set('user-agent', agent);
  headers.set('content-type', 'application/json');
  const response = await accounts.auth.handler(
    new Request(new URL(`/api/auth${endpoint}`, accounts.config.siteUrl), {
      method: 'POST',
      headers,
      body: body ? JSON.stringify(body) : '{}',
    }),
  );
  const text = await response.text();
  let parsed: AuthAnswer['body'] = {};
  try {
    parsed = text ? (JSON.parse(text) ?? {}) : {};
  } catch {
    parsed = { message: text };
  }
  const retry = response.headers.get('x-retry-after');
  return {
    status: response.status,
    body: parsed,
    cookies: response.headers.getSetCookie(),
    retryAfter: retry ? Number(retry) : null,
  };
}

/** A 303 redirect carrying the cookies better-auth set. */
export function redirectWithCookies(c: AccountContext, location: string, cookies: string[]): Response {
  const response = c.redirect(location, 303);
  for (const cookie of cookies) response.headers.append('set-cookie', cookie);
  return response;
}

/** A local path to return to after signing in: only same-site paths, never `//host` or a scheme. */
export function safeNext(value: unknown): string {
  return redirectTarget(value);
}
