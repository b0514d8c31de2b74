import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing.js';

describe('newsloom users and mail', () => {
  it('creates an admin with the password from stdin, and reads the outbox (the rest of `users` calls the functions tested in src/store/discuss.case.ts)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-users-'));
    const created = await runCli(
      ['--data-dir', dir, 'users', 'create', '--email', 'Root@Example.com', '--role', 'admin', '--json'],
      { stdin: 'a long admin password\n' },
    );
    expect(created.stderr).not.toMatch(/newsloom: /);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'root@example.com', role: 'admin' });

    const mail = await runCli(['--data-dir', dir, 'mail', 'list']);
    expect(mail.stdout).toContain('(outbox is empty)');
  }, 180_000);
});
