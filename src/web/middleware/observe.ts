import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../../lib/log.js';
import type { Metrics } from '../../ops/metrics.js';

export interface ObserveOptions {
  logger: Logger;
  metrics?: Metrics;
  headerName?: string;
}

/**
 * Gives each request an id (kept from the proxy's header when it sends one), logs it as one
 * structured line, and records the route pattern's count and latency.
 */
export const observe = ({
  logger,
  metrics,
  headerName = 'X-Request-Id',
}: ObserveOptions): MiddlewareHandler =>
  async function observe(c, next) {
    const incoming = c.req.header(headerName);
    const requestId = incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId' as never, requestId as never);
    c.header(headerName, requestId);
    const start = process.hrtime.bigint();
    await next();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    // The matched pattern (/stories/:slug), not the path, keeps label cardinality bounded.
    const last = routePath(c, -1);
    const route = !last || last === '*' || last === '/*' ? 'unmatched' : last;
    const status = String(c.res.status);
    metrics?.httpRequests.inc({ method: c.req.method, route, status });
    metrics?.httpDuration.observe({ method: c.req.method, route, status }, seconds);
    const level = c.res.status >= 500 ? 'error' : 'info';
    logger[level](
      {
        request_id: requestId,
        method: c.req.method,
        path: c.req.path,
        route,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
      },
      'request',
    );
  };
