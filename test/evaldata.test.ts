import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVALDATA_DIR, evaldataPath } from './evaldata.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('evaldataPath', () => {
  it('returns the absolute path of shared data that is there', () => {
    expect(evaldataPath('README.md')).toBe(path.join(EVALDATA_DIR, 'README.md'));
  });

  it('throws, naming the folder it expected, when the data is missing', () => {
    expect(() => evaldataPath('no/such/set.jsonl')).toThrow(
      `shared evaluation data missing: ${path.join(EVALDATA_DIR, 'no/such/set.jsonl')} (expected the folder ${EVALDATA_DIR}`,
    );
  });

  it('is how every test reaches the shared data, so none can skip without a word', () => {
    const direct = ['src', 'test'].flatMap((top) =>
      readdirSync(path.join(ROOT, top), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.test\.tsx?$/.test(file))
        .map((file) => `${top}/${file}`)
        .filter((file) => file !== 'test/evaldata.test.ts')
        .filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('shared/evaldata')),
    );
    expect(direct).toEqual([]);
  });
});
