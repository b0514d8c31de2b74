import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Largest body of a form or JSON request: a comment of 5,000 characters encodes to under 45 KB. */
export const FORM_BODY_LIMIT = 64 * 1024;
/** Largest OPML upload the console takes, plus room for the multipart framing. */
export const OPML_BODY_LIMIT = 2 * 1024 * 1024 + 64 * 1024;

/** A route (exact path) that takes a larger body than forms and JSON. */
export interface BodyLimitRoute {
  path: string;
  maxBytes: number;
}

/** The routes that take larger bodies, as the web app mounts them. */
export const LARGE_BODY_ROUTES: readonly BodyLimitRoute[] = [
  { path: '/admin/sources/import', maxBytes: OPML_BODY_LIMIT },
];

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`;
}

function tooLarge(c: Context, maxBytes: number): Response {
  const message = `The request body is larger than ${sizeLabel(maxBytes)}.`;
  // Close the connection: the rest of an oversized body is never read, so it cannot carry a request.
  const headers = { 'Cache-Control': 'no-store', Connection: 'close' };
  if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'too_large', message } }, 413, headers);
  return c.text(message, 413, headers);
}

/**
 * Refuses a request body over the route's limit with 413, before the body is read: by its declared
 * Content-Length, or while it streams in when it declares none (chunked). Every route gets
 * `defaultBytes`; the few listed in `routes` get theirs.
 */
export const limitBody = ({
  defaultBytes = FORM_BODY_LIMIT,
  routes = LARGE_BODY_ROUTES,
}: {
  defaultBytes?: number;
  routes?: readonly BodyLimitRoute[];
} = {}): MiddlewareHandler => {
  const limits = [defaultBytes, ...routes.map((r) => r.maxBytes)];
  const byLimit = new Map(
    limits.map((maxSize) => [maxSize, bodyLimit({ maxSize, onError: (c) => tooLarge(c, maxSize) })]),
  );
  return async function limitBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const maxBytes = routes.find((r) => r.path === c.req.path)?.maxBytes ?? defaultBytes;
    return byLimit.get(maxBytes)!(c, next);
  };
};
