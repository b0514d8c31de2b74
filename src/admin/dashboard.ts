import { articlesPerHour, type NewsroomCounters, newsroomCounters, queueDepth } from '../store/dashboard.js';
import type { Executor } from '../store/db.js';

/** What the console's dashboard shows. */
export interface Dashboard {
  /** One entry per hour of the window, oldest first, zero where nothing arrived. */
  hours: { hour: Date; count: number }[];
  counters: NewsroomCounters;
  /** Jobs per queue; null when no job queue ever ran on this database. */
  queue: { name: string; waiting: number; active: number }[] | null;
}

const HOUR = 3_600_000;

/** Gathers the dashboard: articles per hour over `hours`, what changed and what waits. */
export async function dashboard(db: Executor, { now = new Date(), hours = 48 } = {}): Promise<Dashboard> {
  const end = Math.floor(now.getTime() / HOUR) * HOUR;
  const since = new Date(end - (hours - 1) * HOUR);
  const [perHour, counters, queue] = await Promise.all([
    articlesPerHour(db, since),
    newsroomCounters(db, new Date(now.getTime() - hours * HOUR)),
    queueDepth(db),
  ]);
  const byHour = new Map(perHour.map((h) => [h.hour.getTime(), h.count]));
  return {
    hours: Array.from({ length: hours }, (_, i) => {
      const hour = new Date(since.getTime() + i * HOUR);
      return { hour, count: byHour.get(hour.getTime()) ?? 0 };
    }),
    counters,
    queue,
  };
}
