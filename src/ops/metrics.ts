import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from '../lib/errors.js';

/** Reports jobs waiting per queue name; read when /metrics is scraped, not on a timer. */
export type QueueDepthProbe = () => Promise<Record<string, number>>;

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
  /** Registers where queue depth is read from (the process's job queue). */
  addQueueDepthProbe(probe: QueueDepthProbe): void;
}

/** What ingest records. */
export type IngestMetrics = Pick<Metrics, 'articlesIngested' | 'fetchErrors'>;

/** What writing and verifying record. */
export type WriteMetrics = Pick<Metrics, 'writerOutcomes' | 'verifierOutcomes'>;

/** A bounded label for a failed refresh: the error code without its `fetch_` prefix, or `other`. */
export function fetchErrorKind(error: unknown): string {
  if (error instanceof AppError) return error.code.replace(/^fetch_/, '');
  return 'other';
}

/** The writer label: `extractive`, or `llm` for any model (model names would grow without bound). */
export function writerLabel(writer: string): string {
  return writer === 'extractive' ? 'extractive' : 'llm';
}

/** Creates the registry and metrics; call once at start-up and pass it to what records. */
export function createMetrics({ defaults = true }: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: 'newsloom_' });
  const registers = [registry];
  const probes: QueueDepthProbe[] = [];
  return {
    addQueueDepthProbe: (probe) => void probes.push(probe),
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
      async collect() {
        for (const probe of probes) {
          // A database outage must not make the whole scrape fail: the gauge keeps its last value.
          const depths = await probe().catch(() => ({}));
          for (const [queue, depth] of Object.entries(depths)) this.set({ queue }, depth);
        }
      },
    }),
    writerOutcomes: new Counter({
      name: 'newsloom_writer_outcomes_total',
      help: 'Stories written, by writer and outcome (published, review, held, not_enough_material, failed)',
      labelNames: ['writer', 'outcome'],
      registers,
    }),
    verifierOutcomes: new Counter({
      name: 'newsloom_verifier_outcomes_total',
      help: 'Verifier results: check=draft with outcome pass/fail per draft, and findings per check by severity',
      labelNames: ['check', 'outcome'],
      registers,
    }),
  };
}
