import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-topics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  try {
    const code = await main(['node', 'newsloom', '--data-dir', dir, ...args]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('newsloom topics', () => {
  it('sets, lists and removes a topic, and refuses bad input with one line', async () => {
    process.env.NEWSLOOM_LOG_LEVEL = 'silent';
    expect(
      await run('topics', 'set', 'trade', 'Trade', '--keywords', 'tariff, trade deal', '--entities', 'WTO'),
    ).toMatchObject({ code: 0, out: 'topic trade saved\n' });
    const listed = await run('topics', 'list', '--json');
    expect(JSON.parse(listed.out)).toMatchObject([
      { slug: 'trade', name: 'Trade', keywords: ['tariff', 'trade deal'], entities: ['WTO'] },
    ]);
    expect(await run('topics', 'set', 'Bad Slug', 'X', '--keywords', 'x')).toMatchObject({
      code: 1,
      err: expect.stringContaining('slug must be lowercase'),
    });
    expect(await run('topics', 'set', 'empty', 'Empty')).toMatchObject({ code: 1 });
    expect(await run('topics', 'remove', 'trade')).toMatchObject({ code: 0 });
    expect(await run('topics', 'remove', 'trade')).toMatchObject({
      code: 1,
      err: 'newsloom: no topic trade\n',
    });
  });
});
