import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';

/** A pool of worker threads that each run one module's default export on the tasks given to it. */
export interface ThreadPool<Task, Result> {
  run(task: Task): Promise<Result>;
  /** Threads the pool runs at most. */
  readonly size: number;
  /** Ends the threads once running tasks finish; idempotent. */
  close(): Promise<void>;
}

/** Options of a pool; all optional. */
export interface ThreadPoolOptions {
  /** Threads at most (default: one per core). */
  threads?: number;
}

/**
 * The URL of the module `name` beside the caller, in the caller's own form: `.ts` when the caller
 * runs from TypeScript sources (tsx, vitest), `.js` when it runs from the compiled `dist/`.
 */
export function siblingModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/**
 * Creates a pool for the worker module at `moduleUrl` (whose default export takes a task and
 * returns its result). No thread starts before the first task, so a process that never needs the
 * pool pays nothing for it.
 */
export function createThreadPool<Task, Result>(
  moduleUrl: URL,
  { threads = availableParallelism() }: ThreadPoolOptions = {},
): ThreadPool<Task, Result> {
  let piscina: Piscina | undefined;
  let closed = false;
  const size = Math.max(1, threads);
  return {
    size,
    run(task) {
      if (closed) return Promise.reject(new Error('the thread pool is closed'));
      if (!piscina) {
        piscina = new Piscina({
          filename: moduleUrl.href,
          minThreads: size,
          maxThreads: size,
          // Threads stay for the life of the pool: starting one costs more than an idle one.
          idleTimeout: Number.POSITIVE_INFINITY,
          execArgv: workerExecArgv(moduleUrl),
        });
        // An answer that reaches a closing pool after its task has gone is reported as an error with
        // no task to fail; once the pool is closed it is none of the process's, which it would end.
        piscina.on('error', (err: unknown) => {
          if (!closed) throw err;
        });
      }
      return piscina.run(task) as Promise<Result>;
    },
    async close() {
      closed = true;
      // Tasks not yet on a thread are refused; those running finish first. Ending a thread in the
      // middle of a task (or of its start) races with its answer, and under load that race has
      // ended the whole process.
      await piscina?.close({ force: true });
      piscina = undefined;
    },
  };
}

/**
 * A worker inherits the process's flags; a TypeScript worker module also needs tsx's loader, which
 * a process started by vitest (or by anything but `node --import tsx`) does not have.
 */
function workerExecArgv(moduleUrl: URL): string[] {
  const inherited = process.execArgv;
  if (!moduleUrl.pathname.endsWith('.ts') || inherited.some((a) => a.includes('tsx'))) return inherited;
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [...inherited, '--import', loader];
}
