/** Bounds of the adaptive check interval: no source is polled more than every 5 minutes, none less than every 6 hours. */
export const MIN_INTERVAL_MS = 5 * 60_000;
export const MAX_INTERVAL_MS = 6 * 3600_000;
const DEFAULT_INTERVAL_MS = 3600_000;

const clamp = (ms: number) => Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, ms));

/**
 * How long to wait before checking a feed again, from how often it publishes: half the mean gap
 * between its recent items (so a new item waits on average a quarter of a gap), bounded.
 */
export function nextInterval(publishedAt: Date[]): number {
  const times = publishedAt
    .map((d) => d.getTime())
    .sort((a, b) => b - a)
    .slice(0, 20);
  if (times.length < 2) return DEFAULT_INTERVAL_MS;
  const meanGap = (times[0]! - times.at(-1)!) / (times.length - 1);
  return clamp(meanGap / 2);
}

/** Wait after `errorCount` consecutive failures: doubling from 5 minutes, at most 6 hours. */
export function errorBackoff(errorCount: number): number {
  return clamp(MIN_INTERVAL_MS * 2 ** Math.max(0, errorCount - 1));
}
