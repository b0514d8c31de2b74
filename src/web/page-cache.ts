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
  readonly #making = new Map<string, Promise<unknown>>();
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

  /**
   * The value under `key`, or the one `make` returns (which stores it): however many requests miss
   * the same key at once, it is made once and they all wait for it, rather than every reader of a
   * busy story rendering the page its new comment keyed anew.
   */
  async fill<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.lookup<T>(key);
    if (hit !== undefined) return hit;
    let making = this.#making.get(key) as Promise<T> | undefined;
    if (!making) {
      making = make().finally(() => this.#making.delete(key));
      this.#making.set(key, making);
    }
    return making;
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
  // One load per key at a time: every request that finds the value stale waits for the same one.
  const loading = new Map<string, Promise<T>>();
  const fresh = (key: string) => {
    const hit = entries.get(key);
    return hit && now() - hit.at < ttlMs ? hit : undefined;
  };
  const memoized = async function memoized(key: string) {
    const hit = fresh(key);
    if (hit) return hit.value;
    let pending = loading.get(key);
    if (!pending) {
      const started: Promise<T> = load(key)
        .then((value) => {
          // A forget() while loading means the value changed meanwhile: answer it, remember nothing.
          if (loading.get(key) === started) {
            if (entries.size >= maxEntries) entries.clear();
            entries.set(key, { at: now(), value });
          }
          return value;
        })
        .finally(() => {
          if (loading.get(key) === started) loading.delete(key);
        });
      pending = started;
      loading.set(key, pending);
    }
    return pending;
  } as Memoized<T>;
  memoized.peek = (key) => fresh(key)?.value;
  memoized.forget = (key) => {
    entries.delete(key);
    loading.delete(key);
  };
  return memoized;
}
