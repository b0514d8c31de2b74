import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../lib/log.js';
import { lockDataDir } from './lock.js';

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'newsloom-lock-'));
}

describe('lockDataDir', () => {
  it('refuses a second holder and names the process that holds the lock', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'newsloom.lock'))}, JSON.stringify({pid: process.pid, hostname: require('os').hostname(), command: 'newsloom serve', started_at: 'now'})); console.log('ready'); setInterval(() => {}, 1000);`,
    ]);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    try {
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${child.pid} .*newsloom serve`));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock whose holder is dead, with a warning', async () => {
    const dir = tempDir();
    await writeDeadHolder(dir);
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const lock = lockDataDir(dir, logger);
    expect(warn).toHaveBeenCalledOnce();
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('takes over an unreadable lock file, refuses a second open in the same process, and can be taken again after release', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'newsloom.lock'), 'garbage');
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid}`));
    lock.release();
    lock.release();
    lockDataDir(dir).release();
  });

  // Open-then-write let a racer read the new lock empty, take it for stale and delete it: two holders.
  for (const start of ['no lock', 'a stale lock'] as const) {
    it(`lets one of several racing processes hold the lock at a time, starting from ${start}`, async () => {
      const dir = tempDir();
      if (start === 'a stale lock') await writeDeadHolder(dir);
      const racer = path.join(import.meta.dirname, 'testdata', 'lock-racer.ts');
      const startAt = String(Date.now() + 3000);
      const run = () =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', racer, dir, '300', startAt], {
          cwd: path.join(import.meta.dirname, '../..'),
        });
      const results = (await Promise.all([run(), run(), run(), run()])).map(
        ({ stdout }) => JSON.parse(stdout) as { held: number; overlaps: number; emptyReads: number },
      );
      expect(results.reduce((n, seen) => n + seen.held, 0)).toBeGreaterThan(0);
      expect(results.reduce((n, seen) => n + seen.overlaps, 0)).toBe(0);
      expect(results.reduce((n, seen) => n + seen.emptyReads, 0)).toBe(0);
      expect(readdirSync(dir).filter((f) => f.startsWith('newsloom.lock'))).toEqual([]);
    });
  }
});

/** Leaves a lock file naming a process that has exited. */
async function writeDeadHolder(dir: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  writeFileSync(
    path.join(dir, 'newsloom.lock'),
    JSON.stringify({ pid: child.pid, hostname: os.hostname(), command: 'x', started_at: 'then' }),
  );
}
