import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { collect, runCli, spawnCli } from './testing.js';

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'newsloom-cli-'));
}

function articleLine(n: number): string {
  return JSON.stringify({
    id: `n${n}`,
    url: `https://wire.example/story/${n}`,
    title: `Headline number ${n}`,
    text: `Paragraph for article ${n}. `.repeat(20),
    published_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    source: { name: `Outlet ${n % 7}`, url: `https://outlet${n % 7}.example` },
  });
}

// Each test starts real processes, most of them opening an embedded engine: slow on a busy machine.
describe('newsloom CLI', { timeout: 240_000 }, () => {
  it.concurrent.each([[[]], [['serve']], [['migrate']], [['stats']], [['import']], [['export']]])(
    'prints help for %j and exits 0',
    async (args) => {
      const result = await runCli([...args, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: newsloom/);
    },
  );

  it('rejects an unknown command with a non-zero exit', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/unknown command/);
  });

  it('imports a file, reports bad lines with their numbers, exits 1, and reimports nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [articleLine(1), 'oops', articleLine(2), JSON.stringify({ title: 'no text' })].join('\n'),
    );
    const first = await runCli(['--data-dir', dir, 'import', file, '--json']);
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ lines: 4, imported: 2, failed: 2 });
    expect(summary.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^invalid JSON/) },
      { line: 4, reason: expect.stringMatching(/missing text/) },
    ]);
    const stats = await runCli(['--data-dir', dir, 'stats', '--json']);
    expect(JSON.parse(stats.stdout)).toEqual({ sources: 2, articles: 2, stories: 0, published_stories: 0 });
    const again = await runCli(['--data-dir', dir, 'import', '-'], {
      stdin: `${articleLine(1)}\n${articleLine(3)}\n`,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('imported: 1\nduplicates: 1\nfailed: 0');
  });

  it('fails with one line when the file cannot be read', async () => {
    const result = await runCli(['--data-dir', tempDir(), 'import', '/nonexistent/file.jsonl']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^newsloom: cannot read \/nonexistent\/file\.jsonl: /);
  });

  it('fails fast with a clear error when DATABASE_URL points at a server that is down', async () => {
    const result = await runCli(['stats'], {
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', NEWSLOOM_DATABASE_CONNECT_TIMEOUT: '2' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /newsloom: cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/none/,
    );
  });

  it('stops on an invalid setting and names it', async () => {
    const result = await runCli(['stats'], { env: { PORT: 'abc' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid setting port');
  });

  it('serves /healthz, lends its database to other commands, refuses a second server, and stops on SIGTERM', async () => {
    const dir = tempDir();
    const server = spawnCli(['serve', '--data-dir', dir, '--port', '0'], {
      env: { NEWSLOOM_LOG_LEVEL: 'info' },
    });
    const done = collect(server);
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      server.stderr!.on('data', (d: Buffer) => {
        buffer += d.toString();
        const match = buffer.match(/"url":"(http:\/\/[^"]+)"/);
        if (match) resolve(match[1]!);
      });
      server.once('exit', () => reject(new Error(`server exited: ${buffer}`)));
    });
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const second = await runCli(['serve', '--data-dir', dir, '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`is in use by process ${server.pid}`);

    // While it runs, commands on its directory work through its control socket.
    const admin = await runCli(
      ['--data-dir', dir, 'users', 'create', '--email', 'first@example.com', '--role', 'admin', '--json'],
      { stdin: 'a long admin password\n' },
    );
    expect(admin.stderr).not.toMatch(/newsloom: /);
    expect(JSON.parse(admin.stdout)).toMatchObject({ email: 'first@example.com', role: 'admin' });
    const stats = await runCli(['stats', '--data-dir', dir]);
    expect(stats.code).toBe(0);
    expect((await runCli(['--data-dir', dir, 'mail', 'list'])).stdout).toContain('(outbox is empty)');

    server.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'control', '.s.PGSQL.5432'))).toBe(false);
  });

  it('survives kill -9 during a large import: the rerun completes with no duplicates', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.jsonl');
    const total = 6000;
    writeFileSync(file, Array.from({ length: total }, (_, i) => articleLine(i)).join('\n'));
    const child = spawnCli(['--data-dir', dir, 'import', file], { env: { NEWSLOOM_LOG_LEVEL: 'debug' } });
    const ended = collect(child);
    // Kill as soon as the first batch has been committed, so the import is surely half done.
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (d: Buffer) => {
        if (d.toString().includes('import batch stored')) resolve();
      });
      child.once('exit', () => resolve());
    });
    child.kill('SIGKILL');
    const killed = await ended;
    expect(killed.signal).toBe('SIGKILL');

    const rerun = await runCli(['--data-dir', dir, 'import', file, '--json']);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary.failed).toBe(0);
    expect(summary.duplicates).toBeGreaterThan(0);
    expect(summary.imported + summary.duplicates).toBe(total);
    const stats = await runCli(['--data-dir', dir, 'stats', '--json']);
    expect(JSON.parse(stats.stdout).articles).toBe(total);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'moves an embedded newsroom to PostgreSQL with export --all and import',
    async () => {
      const dir = tempDir();
      const file = path.join(dir, 'in.jsonl');
      writeFileSync(file, Array.from({ length: 30 }, (_, i) => articleLine(i)).join('\n'));
      expect((await runCli(['--data-dir', dir, 'import', file])).code).toBe(0);
      const dump = path.join(dir, 'newsroom.jsonl');
      const exported = await runCli(['--data-dir', dir, 'export', '--all', '--out', dump]);
      expect(exported.code).toBe(0);

      const schema = `cli_move_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      try {
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        const env = { DATABASE_URL: url.toString() };
        const loaded = await runCli(['import', dump, '--json'], { env });
        expect(loaded.code).toBe(0);
        expect(JSON.parse(loaded.stdout).tables).toMatchObject({ sources: 7, articles: 30 });
        const before = JSON.parse((await runCli(['--data-dir', dir, 'stats', '--json'])).stdout);
        const after = JSON.parse((await runCli(['stats', '--json'], { env })).stdout);
        expect(after).toEqual(before);
      } finally {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    },
  );
});
