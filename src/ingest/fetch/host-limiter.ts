/** Per-host politeness: at most `concurrency` requests at once and a pause between requests. */
export interface HostLimiter {
  /** Runs `work` when the host has a free slot and its politeness delay (or back-off) has passed. */
  run<T>(host: string, work: () => Promise<T>): Promise<T>;
  /** Holds every request to `host` until `untilMs` (a server asked us to wait: 429/503). */
  backOff(host: string, untilMs: number): void;
}

interface HostState {
  active: number;
  notBefore: number;
  waiting: (() => void)[];
}

/** Creates a limiter; `now` and `sleep` are injected so tests need no real waiting. */
export function createHostLimiter({
  concurrency = 2,
  delayMs = 1000,
  now = () => Date.now(),
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: {
  concurrency?: number;
  delayMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
} = {}): HostLimiter {
  const hosts = new Map<string, HostState>();
  const state = (host: string): HostState => {
    let s = hosts.get(host);
    if (!s) {
      s = { active: 0, notBefore: 0, waiting: [] };
      hosts.set(host, s);
    }
    return s;
  };

  async function acquire(s: HostState): Promise<void> {
    while (s.active >= concurrency) await new Promise<void>((resolve) => s.waiting.push(resolve));
    s.active++;
    // Requests to one host are spaced out by the delay, measured from the previous start.
    const wait = s.notBefore - now();
    s.notBefore = Math.max(now(), s.notBefore) + delayMs;
    if (wait > 0) await sleep(wait);
  }

  return {
    async run(host, work) {
      const s = state(host);
      await acquire(s);
      try {
        return await work();
      } finally {
        s.active--;
        s.waiting.shift()?.();
        if (s.active === 0 && s.waiting.length === 0 && s.notBefore < now()) hosts.delete(host);
      }
    },
    backOff(host, untilMs) {
      const s = state(host);
      s.notBefore = Math.max(s.notBefore, untilMs);
    },
  };
}

/** Reads a Retry-After header (seconds or an HTTP date) as milliseconds from now, capped. */
export function retryAfterMs(header: string | undefined, nowMs: number, capMs = 6 * 3600_000): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return null;
    ms = date - nowMs;
  }
  return Math.min(Math.max(ms, 0), capMs);
}
