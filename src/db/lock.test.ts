import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(
      path.join(dir, 'newsloom.lock'),
      JSON.stringify({ pid: deadPid, hostname: os.hostname(), command: 'x', started_at: 'then' }),
    );
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
});
