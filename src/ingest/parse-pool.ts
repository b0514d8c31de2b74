import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../lib/errors.js';
import type { FeedParser } from './feed-candidates.js';
import type { WorkerAnswer } from './parse-worker.js';

/** Worker threads that parse feeds while the main thread fetches and runs the database. */
export interface ParsePool {
  parse: FeedParser;
  /** Stops the threads; parses still running are abandoned. */
  close(): Promise<void>;
}

/**
 * Starts a pool of feed-parsing threads. Embedded PostgreSQL runs on the main thread, so parsing
 * there leaves every other core idle; one thread per remaining core (at least one) takes it over.
 */
export function createParsePool({
  threads = Math.max(1, availableParallelism() - 1),
}: {
  threads?: number;
} = {}): ParsePool {
  // Compiled, the worker is parse-worker.js beside this file. Run from the TypeScript sources
  // (tsx, vitest) it is the .ts file, which a worker thread loads only through tsx.
  const fromSources = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(`./parse-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: fromSources ? ['--import', 'tsx'] : [],
  });
  return {
    async parse(input) {
      const answer = (await pool.run(input)) as WorkerAnswer;
      if ('ok' in answer) return answer.ok;
      const { code, message } = answer.error;
      throw code ? new AppError(code, message) : new Error(message);
    },
    close: () => pool.close(),
  };
}
