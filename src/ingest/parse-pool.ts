import { availableParallelism } from 'node:os';
import { AppError } from '../lib/errors.js';
import { createThreadPool, siblingModule, type ThreadPoolOptions } from '../lib/threads.js';
import type { FeedParseInput, FeedParser } from './feed-candidates.js';
import type { WorkerAnswer } from './parse-worker.js';

/** Worker threads that parse feeds while the main thread fetches and runs the database. */
export interface ParsePool {
  parse: FeedParser;
  /** Ends the threads once running parses finish. */
  close(): Promise<void>;
}

/**
 * A pool of feed-parsing threads; no thread starts before the first feed. Embedded PostgreSQL runs
 * on the main thread, so parsing there leaves every other core idle; one thread per remaining core
 * (at least one) takes it over.
 */
export function createParsePool({
  threads = Math.max(1, availableParallelism() - 1),
}: ThreadPoolOptions = {}): ParsePool {
  const pool = createThreadPool<FeedParseInput, WorkerAnswer>(
    siblingModule(import.meta.url, 'parse-worker'),
    {
      threads,
    },
  );
  return {
    async parse(input) {
      const answer = await pool.run(input);
      if ('ok' in answer) return answer.ok;
      const { code, message } = answer.error;
      throw code ? new AppError(code, message) : new Error(message);
    },
    close: () => pool.close(),
  };
}
