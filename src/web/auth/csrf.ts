import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Logger } from '../../lib/log.js';
import type { AccountEnv } from './context.js';

const COOKIE = 'newsloom.csrf';
export const CSRF_FIELD = '_csrf';

/**
 * CSRF protection for forms and endpoints that change state. Every page gets a random token in a
 * SameSite=Lax, HttpOnly cookie and in a hidden form field; a POST must carry both, equal (double
 * submit), and, when the browser names an Origin, our own. JSON requests (which a cross-site form
 * cannot send without a CORS preflight we never grant) are held to the Origin check alone.
 */
export const csrfProtection = ({
  siteUrl,
  logger,
}: {
  siteUrl: string;
  logger?: Logger;
}): MiddlewareHandler<AccountEnv> => {
  const secure = siteUrl.startsWith('https://');
  const allowed = new URL(siteUrl).origin;
  const refuse = refuseOrigin(allowed, logger);
  return async function csrfProtection(c, next) {
    const existing = getCookie(c, COOKIE);
    let token = existing && /^[A-Za-z0-9_-]{32,}$/.test(existing) ? existing : null;
    // The cookie is set only when a page renders a form, so pages without forms stay cacheable.
    c.set('csrf', () => {
      if (!token) {
        token = randomBytes(24).toString('base64url');
        setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
      }
      return token;
    });
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const origin = c.req.header('origin');
    const reqOrigin = new URL(c.req.url).origin;
    if (origin && origin !== allowed && origin !== reqOrigin) return refuse(c, origin);
    if (c.req.header('sec-fetch-site') === 'cross-site') return refuse(c, origin ?? null);
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/json')) return next();
    const body = await c.req.parseBody();
    const sent = typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : '';
    const cookie = getCookie(c, COOKIE) ?? '';
    if (!cookie || !safeEqual(sent, cookie))
      return c.text('Forbidden: the form expired; go back and try again', 403);
    return next();
  };
};

/**
 * Answers a request refused for where it came from. A site reached at an address it was not told
 * about (another port, a proxy's name) refuses its own forms this way, so the log names both
 * origins and the page says which setting fixes it.
 */
function refuseOrigin(expected: string, logger: Logger | undefined) {
  return (c: Context<AccountEnv>, origin: string | null) => {
    logger?.warn(
      { origin, expected, path: c.req.path, sec_fetch_site: c.req.header('sec-fetch-site') ?? null },
      'request refused: it comes from another origin than the site URL',
    );
    const from = origin ? `from ${origin}` : 'from another site';
    return c.text(
      `Forbidden: cross-site request.\n\nThis form was sent ${from}, but this site's address is ${expected}.\n` +
        `If ${origin ?? 'that'} is this site, tell Newsloom its address: set NEWSLOOM_SITE_URL=${origin ?? '<its address>'} ` +
        '(or "siteUrl" in newsloom.config.json) and restart it.\n',
      403,
    );
  };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
