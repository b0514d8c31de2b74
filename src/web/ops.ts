import { Hono, type MiddlewareHandler } from 'hono';
import type { Database } from '../db/connect.js';
import type { Metrics } from '../ops/metrics.js';
import { pingDatabase } from '../store/db.js';

/** Something whose reachability /readyz reports, such as the job queue. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface OpsDeps {
  database: Database;
  metrics?: Metrics;
  checks?: ReadinessCheck[];
  /** Who may read /metrics (see `metricsAccess`); anyone when not given. */
  metricsGuard?: MiddlewareHandler;
}

/** Liveness, readiness and Prometheus metrics for load balancers and monitoring. */
export function opsRoutes({ database, metrics, checks = [], metricsGuard }: OpsDeps): Hono {
  const app = new Hono();

  // Alive: the process answers. Never touches the database, so a database outage does not get
  // healthy web nodes restarted.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/readyz', async (c) => {
    const results: Record<string, string> = {};
    let ready = true;
    const all: ReadinessCheck[] = [{ name: 'database', check: () => pingDatabase(database.db) }, ...checks];
    await Promise.all(
      all.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), 2000);
          results[name] = 'ok';
        } catch (error) {
          ready = false;
          results[name] = (error as Error).message || 'unreachable';
        }
      }),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ready ? 'ready' : 'unavailable', checks: results }, ready ? 200 : 503);
  });

  if (metrics) {
    app.get('/metrics', metricsGuard ?? ((_c, next) => next()), async (c) => {
      c.header('Content-Type', metrics.registry.contentType);
      c.header('Cache-Control', 'no-store');
      return c.body(await metrics.registry.metrics());
    });
  }

  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
