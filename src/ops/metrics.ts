import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Every metric Newsloom exports, on one registry per process (no global default registry). */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  articlesIngested: Counter<'source_kind'>;
  fetchErrors: Counter<'kind'>;
  jobDuration: Histogram<'queue' | 'outcome'>;
  queueDepth: Gauge<'queue'>;
  writerOutcomes: Counter<'writer' | 'outcome'>;
  verifierOutcomes: Counter<'check' | 'outcome'>;
}

/** Creates the registry and metrics; call once at start-up and pass it to what records. */
export function createMetrics({ defaults = true }: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: 'newsloom_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'newsloom_http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'newsloom_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    articlesIngested: new Counter({
      name: 'newsloom_articles_ingested_total',
      help: 'Articles stored, by how they arrived',
      labelNames: ['source_kind'],
      registers,
    }),
    fetchErrors: new Counter({
      name: 'newsloom_fetch_errors_total',
      help: 'Failed fetches by kind (timeout, http_status, too_large, blocked, parse…)',
      labelNames: ['kind'],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'newsloom_job_duration_seconds',
      help: 'Job run time by queue and outcome',
      labelNames: ['queue', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'newsloom_queue_depth',
      help: 'Jobs waiting per queue',
      labelNames: ['queue'],
      registers,
    }),
    writerOutcomes: new Counter({
      name: 'newsloom_writer_outcomes_total',
      help: 'Story versions by writer and outcome (published, review, held, failed)',
      labelNames: ['writer', 'outcome'],
      registers,
    }),
    verifierOutcomes: new Counter({
      name: 'newsloom_verifier_outcomes_total',
      help: 'Verifier checks by kind and outcome',
      labelNames: ['check', 'outcome'],
      registers,
    }),
  };
}
