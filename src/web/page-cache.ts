/** A rendered page, with the validator a browser or CDN sends back. */
export interface CachedPage {
  /** UTF-8 bytes, encoded once rather than per request. */
  body: Uint8Array;
  etag: string;
  at: number;
}

/**
 * Rendered pages keyed by what they were rendered from (story version, site stamp): a new version
 * makes a new key, so nothing needs purging. Bounded in entries (least recently used goes first)
 * and in age (lists on the page, such as related stories, refresh after `maxAgeMs`).
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor({ maxEntries = 500, maxAgeMs = 300_000, now = () => Date.now() } = {}) {
    this.#maxEntries = maxEntries;
    this.#maxAgeMs = maxAgeMs;
    this.#now = now;
  }

  /** The page under `key`, unless missing or too old. */
  get(key: string): CachedPage | undefined {
    const page = this.#entries.get(key);
    if (!page) return undefined;
    this.#entries.delete(key);
    if (this.#now() - page.at > this.#maxAgeMs) return undefined;
    this.#entries.set(key, page);
    return page;
  }

  /** Stores a page and returns it. */
  set(key: string, html: string, etag: string): CachedPage {
    const page = { body: Buffer.from(html), etag, at: this.#now() };
    this.#entries.delete(key);
    this.#entries.set(key, page);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return page;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Remembers a lookup for `ttlMs` (the slug → current version lookup every story request makes):
 * a new version shows up at most `ttlMs` later.
 */
export function memoize<T>(
  load: (key: string) => Promise<T>,
  { ttlMs = 1000, maxEntries = 5000, now = () => Date.now() } = {},
): (key: string) => Promise<T> {
  const entries = new Map<string, { at: number; value: T }>();
  return async function memoized(key) {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = await load(key);
    if (entries.size >= maxEntries) entries.clear();
    entries.set(key, { at: now(), value });
    return value;
  };
}
