import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from './testing.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-topics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runInProcess(dir, ...args);

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
