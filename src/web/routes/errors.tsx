import type { Context } from 'hono';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { AppError } from '../../lib/errors.js';
import { apiError, statusOf } from '../api/errors.js';
import { HTML, type SiteDeps, page } from '../context.js';
import { fastResponse } from '../security.js';
import { ErrorPage } from '../views/info.js';

/** One error handler: JSON under /api, the 404 or 500 page elsewhere; unexpected errors are logged. */
export async function handleError(error: Error, c: Context, deps: SiteDeps): Promise<Response> {
  if (isDatabaseUnavailable(error)) return unavailable(error, c, deps);
  const known = error instanceof AppError ? error : undefined;
  const status = known ? statusOf(known.code) : 500;
  if (status >= 500) deps.logger.error({ err: error, path: c.req.path }, 'request failed');
  if (c.req.path.startsWith('/api/')) {
    return apiError(c, known?.code ?? 'internal', known && status < 500 ? known.message : 'internal error');
  }
  const code = status >= 500 ? 500 : status === 400 ? 400 : 404;
  const titles = { 400: 'Bad request', 404: 'Page not found', 500: 'Something went wrong' };
  try {
    return await page(
      c,
      deps,
      { title: titles[code], path: c.req.path, noindex: true },
      <ErrorPage status={code} message={known?.message} />,
      { status: code, cacheControl: 'no-store' },
    );
  } catch {
    // The database may be what failed: fall back to a page that needs nothing.
    return fastResponse('<!doctype html><title>Error</title><h1>Something went wrong</h1>', 500, {
      'Cache-Control': 'no-store',
      'Content-Type': HTML,
    });
  }
}

/** The database is down or restarting: 503 with Retry-After (nothing that needs the database). */
function unavailable(error: Error, c: Context, deps: SiteDeps): Response {
  deps.logger.warn({ err: error, path: c.req.path }, 'database unavailable');
  c.header('Retry-After', '5');
  if (c.req.path.startsWith('/api/')) {
    return apiError(c, 'database_unavailable', 'the database is unavailable; try again shortly');
  }
  return fastResponse(
    '<!doctype html><title>Unavailable</title><h1>Temporarily unavailable</h1><p>Please try again in a moment.</p>',
    503,
    { 'Cache-Control': 'no-store', 'Content-Type': HTML, 'Retry-After': '5' },
  );
}
