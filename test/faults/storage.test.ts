import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, runCli } from '../../src/cli/testing.js';
import { seeded } from './harness.js';

const LINES = 3000;

function articles(): string {
  const random = seeded(99);
  return Array.from({ length: LINES }, (_, n) => {
    const words = Array.from({ length: 200 }, () => Math.floor(random() * 36 ** 6).toString(36));
    return JSON.stringify({
      id: `n${n}`,
      url: `https://wire.example/story/${n}`,
      title: `Headline ${n}`,
      text: `${words.join(' ')}.`,
      published_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
      source: { name: `Outlet ${n % 7}`, url: `https://outlet${n % 7}.example` },
    });
  }).join('\n');
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size;
  }
  return total;
}

function chmodTree(dir: string, dirMode: number, fileMode: number): void {
  chmodSync(dir, dirMode);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(full, dirMode, fileMode);
    else chmodSync(full, fileMode);
  }
}

async function articleCount(dir: string): Promise<number> {
  const stats = await runCli(['--data-dir', dir, 'stats', '--json']);
  expect(stats.code, stats.stderr).toBe(0);
  return JSON.parse(stats.stdout).articles;
}

/** tmpfs can be mounted here (root in a container that allows it); the disk-full check needs it. */
function canMount(probe: string): boolean {
  mkdirSync(probe, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  return mounted;
}

/**
 * Storage faults of the embedded engine. Disk full is real: the data directory lives on a tmpfs
 * mounted a few megabytes larger than the newsroom, so PostgreSQL's own writes fail with ENOSPC
 * mid-import. Read-only is real too: the directory's write bits are removed and the command runs as
 * an unprivileged user (root ignores file modes). Both must end in a one-line error and exit 1, and
 * the newsroom must open afterwards with everything committed before the fault, and take the rest.
 */
describe('embedded storage faults', { timeout: 600_000 }, () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'newsloom-storage-'));
  const file = path.join(root, 'articles.jsonl');
  const seed = path.join(root, 'seed');
  const mountable = canMount(path.join(root, 'probe'));
  if (!mountable) console.warn('disk-full check skipped: tmpfs cannot be mounted here (needs root)');

  beforeAll(async () => {
    writeFileSync(file, articles());
    chmodSync(root, 0o755);
    chmodSync(file, 0o644);
    // A created, migrated newsroom, copied by each check.
    expect(await articleCount(seed)).toBe(0);
  }, 600_000);
  afterAll(() => {
    spawnSync('umount', [path.join(root, 'full')]);
    rmSync(root, { recursive: true, force: true });
  });

  it.runIf(mountable)(
    'disk full: a clear error, nothing committed lost, the rest imported once space is back',
    async () => {
      const mount = path.join(root, 'full');
      mkdirSync(mount);
      const size = Math.ceil(bytesUnder(seed) / 1024 / 1024) + 3;
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}m`, 'tmpfs', mount]);
      const dir = path.join(mount, 'data');
      cpSync(seed, dir, { recursive: true });

      const full = await runCli(['--data-dir', dir, 'import', file, '--json']);
      expect(full.code).toBe(1);
      expect(full.stderr.trim()).toMatch(/^newsloom: .*No space left on device$/);
      expect(full.stderr.trim().split('\n')).toHaveLength(1);
      const kept = await articleCount(dir).catch(() => -1);
      // stats may not even fit while the disk is full; once space is back it must open.
      execFileSync('mount', ['-o', `remount,size=${size + 512}m`, mount]);
      const before = kept >= 0 ? kept : await articleCount(dir);
      expect(before).toBeLessThan(LINES);

      const rerun = await runCli(['--data-dir', dir, 'import', file, '--json']);
      expect(rerun.code, rerun.stderr).toBe(0);
      const summary = JSON.parse(rerun.stdout);
      expect(summary.failed).toBe(0);
      expect(summary.duplicates).toBeGreaterThanOrEqual(before);
      expect(summary.imported + summary.duplicates).toBe(LINES);
      expect(await articleCount(dir)).toBe(LINES);
    },
  );

  it('read-only data directory: a clear error, and the newsroom is intact once writable again', async () => {
    const dir = path.join(root, 'readonly');
    cpSync(seed, dir, { recursive: true });
    const first = await runCli(['--data-dir', dir, 'import', file, '--json']);
    expect(first.code, first.stderr).toBe(0);

    chmodTree(dir, 0o555, 0o444);
    const asRoot = process.getuid?.() === 0;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('src/cli/bin.ts'), '--data-dir', dir, 'import', file],
      {
        env: { ...process.env, NEWSLOOM_LOG_LEVEL: 'warn' },
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      },
    );
    const refused = await collect(child);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^newsloom: .*(permission denied|read-only)/i);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    chmodTree(dir, 0o755, 0o644);
    expect(await articleCount(dir)).toBe(LINES);
  });
});
