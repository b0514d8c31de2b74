import type { IncomingMessage, ServerResponse } from 'node:http';
import { mayHaveSession } from './auth/context.js';
import type { SiteDeps } from './context.js';
import { asksForThreadView } from './discuss/embed.js';
import { type ObserveOptions, recordRequest, requestIdOf } from './middleware/observe.js';
import type { CachedPage } from './page-cache.js';
import { publicStoryHeaders, publicStoryKey } from './routes/story.js';
import { SECURITY_HEADERS } from './security.js';

/** Serves a request and answers true, or leaves it alone and answers false. */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

const PREFIX = '/stories/';
const ROUTE = '/stories/:slug';

/** A cached page's headers as node:http takes them fastest: one flat [name, value, …] list. */
interface RawHeaders {
  ok: string[];
  notModified: string[];
}

function flat(headers: Record<string, string>): string[] {
  return Object.entries({ ...SECURITY_HEADERS, ...headers }).flat();
}

/**
 * The story page as signed-out readers see it, straight from the page cache to node:http when
 * everything it is keyed on is already in memory (slug → version and thread state, site frame):
 * no request object, router or middleware. Anything else (a miss, a stale key, a session cookie, a
 * thread sort or page, HEAD, an encoded slug) falls through to the app, which renders, refreshes
 * the keys and sends the same headers. Requests are logged and counted like the app's.
 */
export function storyFastPath(deps: SiteDeps, observe: ObserveOptions): FastPath {
  const raw = new WeakMap<CachedPage, RawHeaders>();
  const rawHeaders = (page: CachedPage) => {
    let headers = raw.get(page);
    if (!headers) {
      headers = {
        ok: [...flat(publicStoryHeaders(page, 200)), 'Content-Length', String(page.body.byteLength)],
        notModified: flat(publicStoryHeaders(page, 304)),
      };
      raw.set(page, headers);
    }
    return headers;
  };

  return function storyFastPath(req, res) {
    const url = req.url ?? '';
    if (req.method !== 'GET' || !url.startsWith(PREFIX)) return false;
    const start = process.hrtime.bigint();
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const slug = path.slice(PREFIX.length);
    if (slug === '' || slug.includes('/') || slug.includes('%')) return false;
    if (query !== -1) {
      const params = new URLSearchParams(url.slice(query + 1));
      if (asksForThreadView((name) => params.get(name))) return false;
    }
    if (mayHaveSession(req.headers.cookie)) return false;
    const key = deps.storyKey.peek(slug);
    const site = deps.site.peek();
    if (!key || !site) return false;
    const page = deps.cache.get(publicStoryKey(slug, key, site));
    if (!page) return false;

    const requestId = requestIdOf(req.headers['x-request-id'] as string | undefined);
    const headers = rawHeaders(page);
    const fresh = req.headers['if-none-match'] === page.etag;
    res.writeHead(fresh ? 304 : 200, [
      ...(fresh ? headers.notModified : headers.ok),
      'X-Request-Id',
      requestId,
    ]);
    res.end(fresh ? undefined : page.body);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    recordRequest(observe, {
      requestId,
      method: 'GET',
      path,
      route: ROUTE,
      status: fresh ? 304 : 200,
      seconds,
    });
    return true;
  };
}
