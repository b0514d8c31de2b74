import type { Context } from 'hono';
import { AppError } from '../../lib/errors.js';
import { apiError, statusOf } from '../api/errors.js';
import { page, type SiteDeps } from '../context.js';
import { ErrorPage } from '../views/info.js';

/** One error handler: JSON under /api, the 404 or 500 page elsewhere; unexpected errors are logged. */
export async function handleError(error: Error, c: Context, deps: SiteDeps): Promise<Response> {
  const known = error instanceof AppError ? error : undefined;
  const status = known ? statusOf(known.code) : 500;
  if (status >= 500) deps.logger.error({ err: error, path: c.req.path }, 'request failed');
  if (c.req.path.startsWith('/api/')) {
    return apiError(c, known?.code ?? 'internal', known && status < 500 ? known.message : 'internal error');
  }
  const code = status >= 500 ? 500 : 404;
  try {
    return await page(
      c,
      deps,
      { title: code === 404 ? 'Page not found' : 'Something went wrong', path: c.req.path, noindex: true },
      <ErrorPage status={code} />,
      { status: code, cacheControl: 'no-store' },
    );
  } catch {
    // The database may be what failed: fall back to a page that needs nothing.
    c.header('Cache-Control', 'no-store');
    return c.html('<!doctype html><title>Error</title><h1>Something went wrong</h1>', 500);
  }
}
