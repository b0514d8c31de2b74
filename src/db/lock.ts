import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

function parseHolder(text: string | null): LockHolder | null {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<LockHolder>;
    return typeof parsed.pid === 'number' ? (parsed as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * Creates the lock file with its contents in one step: the holder is written to a private temporary
 * file that is then hard-linked to the lock's name. link(2) fails when the name exists, like
 * O_EXCL, but unlike open-then-write no other process can ever read the lock file empty (and take
 * it for a stale one).
 */
function tryCreate(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    writeFileSync(temp, JSON.stringify(holder), { flag: 'wx' });
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AppError('io_error', `cannot create lock file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Removes a lock judged stale, unless another process replaced it in the meantime. Only a process
 * holding the takeover guard (created as the lock is) may remove another's lock, so between its
 * second read and the removal nobody else can have replaced the file: a live holder's lock never
 * leaves its name, not even for an instant. A guard left by a process that died inside these few
 * lines is cleared once it is older than any takeover can take.
 */
function removeStale(file: string, judged: string | null, me: LockHolder): void {
  const guard = `${file}.takeover`;
  if (!tryCreate(guard, me)) {
    if (Date.now() - modifiedAt(guard) > STALE_GUARD_MS) rmSync(guard, { force: true });
    return;
  }
  try {
    if (readText(file) === judged) rmSync(file, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

const STALE_GUARD_MS = 10_000;

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
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
  // A few tries: each failure means another process created or cleared the lock in the meantime.
  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(file, me)) {
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (parseHolder(readText(file))?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    }
    const text = readText(file);
    // Released between our attempt and the read: try again.
    if (text === null) continue;
    const holder = parseHolder(text);
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
    removeStale(file, text, me);
  }
  throw new AppError(
    'data_dir_locked',
    `could not take the lock on ${dataDir}: another process keeps taking it`,
  );
}
