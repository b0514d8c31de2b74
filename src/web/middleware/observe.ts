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

/** One finished request, as logs and metrics record it. */
export interface RequestRecord {
  requestId: string;
  method: string;
  path: string;
  /** The matched pattern (/stories/:slug), not the path: it keeps label cardinality bounded. */
  route: string;
  status: number;
  seconds: number;
}

/** The request's id: the proxy's when it sent a well-formed one, else a new one. */
export function requestIdOf(incoming: string | undefined): string {
  return incoming && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
}

/** Counts and times one request and logs it as one structured line (also used by the story fast path). */
export function recordRequest({ logger, metrics }: ObserveOptions, request: RequestRecord): void {
  const { method, route, status } = request;
  const labels = { method, route, status: String(status) };
  metrics?.httpRequests.inc(labels);
  metrics?.httpDuration.observe(labels, request.seconds);
  const level = status >= 500 ? 'error' : 'info';
  logger[level](
    {
      request_id: request.requestId,
      method,
      path: request.path,
      route,
      status,
      ms: Math.round(request.seconds * 1000),
    },
    'request',
  );
}

/**
 * Gives each request an id (kept from the proxy's header when it sends one), logs it as one
 * structured line, and records the route pattern's count and latency.
 */
export const observe = (options: ObserveOptions): MiddlewareHandler => {
  const headerName = options.headerName ?? 'X-Request-Id';
  return async function observe(c, next) {
    const requestId = requestIdOf(c.req.header(headerName));
    c.set('requestId' as never, requestId as never);
    c.header(headerName, requestId);
    const start = process.hrtime.bigint();
    await next();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const last = routePath(c, -1);
    const route = !last || last === '*' || last === '/*' ? 'unmatched' : last;
    recordRequest(options, {
      requestId,
      method: c.req.method,
      path: c.req.path,
      route,
      status: c.res.status,
      seconds,
    });
  };
};
