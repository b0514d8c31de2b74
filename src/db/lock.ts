import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';

interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  started_at: string;
}

/** A held lock on an embedded data directory; release() is idempotent. */
export interface DataDirLock {
  readonly file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' ? (parsed as LockHolder) : null;
  } catch {
    return null;
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AppError('io_error', `cannot create lock file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Takes the exclusive lock on an embedded data directory. PGlite has no cross-process locking, so
 * two processes on one directory would lose writes silently: a second process gets a clear error
 * naming the holder, and a lock left by a dead process is taken over with a warning.
 */
export function lockDataDir(dataDir: string, logger?: Logger): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'newsloom.lock');
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    started_at: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, me)) {
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    }
    const holder = readHolder(file);
    const sameHost = holder?.hostname === me.hostname;
    // Our own pid counts as alive too: two engines in one process lose writes just the same.
    if (holder && (!sameHost || isAlive(holder.pid))) {
      throw new AppError(
        'data_dir_locked',
        `data directory ${dataDir} is in use by process ${holder.pid} on ${holder.hostname} ` +
          `(${holder.command || 'newsloom'}, since ${holder.started_at}); stop it or use another --data-dir`,
      );
    }
    logger?.warn(
      { lock_file: file, stale_pid: holder?.pid ?? null },
      'taking over stale data directory lock',
    );
    rmSync(file, { force: true });
  }
  throw new AppError(
    'data_dir_locked',
    `could not take the lock on ${dataDir}: another process keeps taking it`,
  );
}
