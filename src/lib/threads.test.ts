import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createThreadPool, siblingModule, type ThreadPool } from './threads.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-threads-'));
const pools: ThreadPool<unknown, unknown>[] = [];

function poolFor<T, R>(file: string, source: string): ThreadPool<T, R> {
  writeFileSync(path.join(dir, file), source);
  const pool = createThreadPool<T, R>(pathToFileURL(path.join(dir, file)), { threads: 2 });
  pools.push(pool as ThreadPool<unknown, unknown>);
  return pool;
}

afterAll(async () => {
  for (const pool of pools) await pool.close();
});

describe('thread pool', () => {
  it('runs a TypeScript worker module, as under tsx or vitest', async () => {
    const pool = poolFor<number[], { sum: number; thread: number }>(
      'sum.ts',
      `import { threadId } from 'node:worker_threads';
       interface Sum { sum: number; thread: number }
       export default function sum(values: number[]): Sum {
         return { sum: values.reduce((a: number, b: number) => a + b, 0), thread: threadId };
       }`,
    );
    const results = await Promise.all([pool.run([1, 2, 3]), pool.run([10, 20])]);
    expect(results.map((r) => r.sum)).toEqual([6, 30]);
    // The work ran off the calling thread.
    expect(results.every((r) => r.thread > 0)).toBe(true);
  });

  it('runs a compiled JavaScript worker module, as from dist/', async () => {
    const pool = poolFor<string, string>('upper.js', 'export default (text) => text.toUpperCase();');
    expect(await pool.run('news')).toBe('NEWS');
  });

  it('passes a failing task on to the caller and keeps serving', async () => {
    const pool = poolFor<number, number>(
      'half.js',
      `export default (n) => { if (n % 2) throw new Error('odd: ' + n); return n / 2; };`,
    );
    await expect(pool.run(3)).rejects.toThrow(/odd: 3/);
    expect(await pool.run(8)).toBe(4);
  });

  it('refuses tasks once closed', async () => {
    const pool = poolFor<string, string>('same.js', 'export default (x) => x;');
    expect(await pool.run('a')).toBe('a');
    await pool.close();
    await expect(pool.run('b')).rejects.toThrow(/closed/);
    await pool.close();
  });

  it('closes quietly while threads are still answering', async () => {
    // Each round closes a pool with tasks running and queued: a thread that answers during the
    // close must not surface as an error of the process.
    writeFileSync(
      path.join(dir, 'spin.js'),
      'export default (ms) => { const end = Date.now() + ms; while (Date.now() < end); return ms; };',
    );
    let rejected = 0;
    for (let round = 0; round < 30; round++) {
      const pool = createThreadPool<number, number>(pathToFileURL(path.join(dir, 'spin.js')), { threads: 2 });
      const tasks = Array.from({ length: 40 }, (_, i) => pool.run(i % 3).catch(() => rejected++));
      await tasks[0];
      await pool.close();
      await Promise.all(tasks);
    }
    // Tasks still queued at a close are refused, not lost silently.
    expect(rejected).toBeGreaterThan(0);
    // An answer a thread sent during the last close arrives after it: give it time to.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });

  it('finds a worker module beside its caller in the caller’s own form', () => {
    expect(siblingModule('file:///app/src/analyze/pool.ts', 'worker').href).toBe(
      'file:///app/src/analyze/worker.ts',
    );
    expect(siblingModule('file:///app/dist/analyze/pool.js', 'worker').href).toBe(
      'file:///app/dist/analyze/worker.js',
    );
  });
});
