import type http from 'node:http';
import robotsParserModule from 'robots-parser';
import { AppError } from '../../lib/errors.js';
import type { AllowList } from './guard.js';
import { createHostLimiter, type HostLimiter, retryAfterMs } from './host-limiter.js';
import { type RawResponse, type RequestLimits, requestOnce } from './request.js';

/** What to fetch; `etag` and `lastModified` make it a conditional GET. */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Article pages honour robots.txt; feeds are published to be fetched. */
  checkRobots?: boolean;
}

/** A completed fetch: 304 comes back as `notModified` with an empty body. */
export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
}

export interface FetcherOptions extends Partial<RequestLimits> {
  userAgent: string;
  allow: AllowList;
  maxRedirects?: number;
  perHostConcurrency?: number;
  politenessDelayMs?: number;
  now?: () => number;
}

/** Fetches URLs safely and politely; one per process, shared by every refresh. */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
}

/** Thrown for 429/503 and after-back-off refusals; `retryAfterMs` tells the scheduler when to retry. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('fetch_rate_limited', message);
  }
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser's type file declares an ambient module, which hides its default export's signature.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robots;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Creates the fetcher with its limits (defaults: 10 MB body, 5 redirects, 2 per host, 1 s apart). */
export function createFetcher(options: FetcherOptions): Fetcher {
  const limits: RequestLimits = {
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    headersTimeoutMs: options.headersTimeoutMs ?? 20_000,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxDecodedBytes: options.maxDecodedBytes ?? 20 * 1024 * 1024,
  };
  const maxRedirects = options.maxRedirects ?? 5;
  const now = options.now ?? Date.now;
  const limiter = createHostLimiter({
    concurrency: options.perHostConcurrency ?? 2,
    delayMs: options.politenessDelayMs ?? 1000,
  });
  const robots = new Map<string, Promise<Robots | null>>();

  const send = (url: URL, headers: Record<string, string>): Promise<RawResponse> =>
    limiter.run(url.host, async () => {
      const response = await requestOnce(url, headers, limits, options.allow);
      if (response.status === 429 || response.status === 503) {
        const wait = retryAfterMs(header(response.headers, 'retry-after') ?? undefined, now()) ?? 60_000;
        limiter.backOff(url.host, now() + wait);
        throw new RateLimitedError(`${url.host} answered ${response.status}; retry in ${wait} ms`, wait);
      }
      return response;
    });

  const robotsFor = (url: URL) => {
    let entry = robots.get(url.origin);
    if (!entry) {
      entry = loadRobots(url, (u) => follow(u, { 'user-agent': options.userAgent, accept: 'text/plain' }));
      robots.set(url.origin, entry);
    }
    return entry;
  };

  async function follow(
    start: URL,
    headers: Record<string, string>,
  ): Promise<{ url: URL; response: RawResponse }> {
    let url = start;
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const response = await send(url, headers);
      const location = header(response.headers, 'location');
      if (!REDIRECTS.has(response.status) || !location) return { url, response };
      if (hop >= maxRedirects) {
        throw new AppError('fetch_redirects', `more than ${maxRedirects} redirects from ${start.href}`);
      }
      // Each hop goes back through requestOnce, so its target is SSRF-checked again.
      url = new URL(location, url);
      if (seen.has(url.href)) throw new AppError('fetch_redirects', `redirect loop at ${url.href}`);
    }
  }

  return {
    async fetch(request) {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        throw new AppError('invalid_input', `not a URL: ${request.url}`);
      }
      if (request.checkRobots) {
        const rules = await robotsFor(url);
        if (rules && rules.isAllowed(url.href, options.userAgent) === false) {
          throw new AppError('robots_disallowed', `robots.txt of ${url.host} disallows ${url.pathname}`);
        }
      }
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept: request.accept ?? '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      const { url: finalUrl, response } = await follow(url, headers);
      if (response.status !== 304 && (response.status < 200 || response.status >= 300)) {
        throw new AppError('fetch_http_status', `${finalUrl.href} answered HTTP ${response.status}`);
      }
      return {
        url: finalUrl.href,
        status: response.status,
        notModified: response.status === 304,
        contentType: header(response.headers, 'content-type'),
        etag: header(response.headers, 'etag') ?? (response.status === 304 ? (request.etag ?? null) : null),
        lastModified:
          header(response.headers, 'last-modified') ??
          (response.status === 304 ? (request.lastModified ?? null) : null),
        body: response.body,
      };
    },
  };
}

/** robots.txt per RFC 9309: 4xx means no rules; an unreachable file means stay away for now. */
async function loadRobots(
  url: URL,
  get: (url: URL) => Promise<{ url: URL; response: RawResponse }>,
): Promise<Robots | null> {
  const robotsUrl = new URL('/robots.txt', url.origin);
  try {
    const { response } = await get(robotsUrl);
    if (response.status >= 400 && response.status < 500) return null;
    if (response.status >= 500) return robotsParser(robotsUrl.href, 'User-agent: *\nDisallow: /');
    return robotsParser(robotsUrl.href, response.body.toString('utf8'));
  } catch (error) {
    if (error instanceof AppError && error.code === 'fetch_blocked') throw error;
    return null;
  }
}

function header(headers: http.IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** The User-Agent every request carries: names Newsloom, its version and whom to contact. */
export function userAgent(version: string, contactUrl: string): string {
  return `Newsloom/${version} (+${contactUrl})`;
}

export type { HostLimiter };
