/** A rendered page, with the validator a browser or CDN sends back. */
export interface CachedPage {
  /** UTF-8 bytes, encoded once rather than per request. */
  body: Uint8Array;
  etag: string;
  at: number;
}

/**
 * Rendered pages and page parts keyed by what they were rendered from (story version, thread state,
 * site stamp): a change makes a new key, so nothing needs purging. Bounded in entries (least
 * recently used goes first) and in age (lists on the page, such as related stories, refresh after
 * `maxAgeMs`).
 */
export class PageCache {
  readonly #entries = new Map<string, { at: number; value: unknown }>();
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
    return this.lookup<CachedPage>(key);
  }

  /** Stores a page and returns it. */
  set(key: string, html: string, etag: string): CachedPage {
    const page = { body: Buffer.from(html), etag, at: this.#now() };
    this.store(key, page);
    return page;
  }

  /** Any value stored with `store` under `key` (page parts), unless missing or too old. */
  lookup<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (this.#now() - entry.at > this.#maxAgeMs) return undefined;
    this.#entries.set(key, entry);
    return entry.value as T;
  }

  /** Stores any value under `key`; callers keep page and part keys apart by prefix. */
  store<T>(key: string, value: T): T {
    this.#entries.delete(key);
    this.#entries.set(key, { at: this.#now(), value });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return value;
  }

  /** Drops every page whose key starts with `prefix` (a story whose state an editor changed). */
  forget(prefix: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A briefly remembered lookup, which can also be asked without waiting. */
export interface Memoized<T> {
  (key: string): Promise<T>;
  /** The remembered value while it is fresh, else undefined (never loads). */
  peek(key: string): T | undefined;
  /** Drops the remembered value (it changed), so the next call loads it. */
  forget(key: string): void;
}

/**
 * Remembers a lookup for `ttlMs` (the slug → page key lookup every story request makes): a change
 * (a new version, a new comment, on any web node) shows up at most `ttlMs` later.
 */
export function memoize<T>(
  load: (key: string) => Promise<T>,
  { ttlMs = 1000, maxEntries = 5000, now = () => Date.now() } = {},
): Memoized<T> {
  const entries = new Map<string, { at: number; value: T }>();
  const fresh = (key: string) => {
    const hit = entries.get(key);
    return hit && now() - hit.at < ttlMs ? hit : undefined;
  };
  const memoized = async function memoized(key: string) {
    const hit = fresh(key);
    if (hit) return hit.value;
    const value = await load(key);
    if (entries.size >= maxEntries) entries.clear();
    entries.set(key, { at: now(), value });
    return value;
  } as Memoized<T>;
  memoized.peek = (key) => fresh(key)?.value;
  memoized.forget = (key) => void entries.delete(key);
  return memoized;
}
