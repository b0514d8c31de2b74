import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { logFormatFor } from './log.js';

/** What a process logging one line in `format` writes to stderr. */
async function logLine(format: string): Promise<string> {
  const script = `import('./src/lib/log.ts').then(({ createLogger }) => createLogger('info', '${format}').info({ story_id: 7 }, 'story written'))`;
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: path.join(import.meta.dirname, '../..'),
  });
  return stderr;
}

describe('logging', () => {
  it.each([
    ['auto', true, 'pretty'],
    ['auto', false, 'json'],
    ['auto', undefined, 'json'],
    ['json', true, 'json'],
    ['pretty', false, 'pretty'],
  ] as const)('%s with a terminal %s writes %s', (setting, isTTY, format) => {
    expect(logFormatFor(setting, { isTTY })).toBe(format);
  });

  it('writes one JSON object per line for machines', async () => {
    const line = JSON.parse(await logLine('json'));
    expect(line).toMatchObject({ level: 30, app: 'newsloom', story_id: 7, msg: 'story written' });
  });

  it('writes a readable line for people: time, level, message, then the fields', async () => {
    expect(await logLine('pretty')).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: story written \{"story_id":7\}\n$/);
  });
});
