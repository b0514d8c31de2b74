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

  /** Drops every page whose key starts with `prefix` (a story whose state an editor changed). */
  forget(prefix: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
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
): Memoized<T> {
  const entries = new Map<string, { at: number; value: T }>();
  const memoized = async function memoized(key: string) {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = await load(key);
    if (entries.size >= maxEntries) entries.clear();
    entries.set(key, { at: now(), value });
    return value;
  };
  return Object.assign(memoized, { forget: (key: string) => void entries.delete(key) });
}

/** A memoized lookup that can be told to forget a key (its value changed). */
export type Memoized<T> = ((key: string) => Promise<T>) & { forget(key: string): void };
