import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing.js';

const CORPUS = fileURLToPath(new URL('../demo/testdata/corpus.jsonl', import.meta.url));

describe('newsloom eval injection', { timeout: 120_000 }, () => {
  it('says how to configure a model when none is, and exits 1', async () => {
    const result = await runCli(['eval', 'injection']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no model endpoint configured: set NEWSLOOM_LLM_BASE_URL/);
  });

  it('rejects an unknown error kind', async () => {
    const result = await runCli(['eval', 'injection', '--stand-in', '--kinds', 'negation_flipped,typo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown error kind typo/);
  });

  it('runs the stand-in on a corpus and prints the table as JSON', async () => {
    const result = await runCli([
      'eval',
      'injection',
      '--stand-in',
      '--corpus',
      CORPUS,
      '--kinds',
      'negation_flipped',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.stories).toBe(1);
    expect(report.rows.map((r: { kind: string }) => r.kind)).toEqual(['clean', 'negation_flipped']);
    expect(report.rows[1]).toMatchObject({ drafts: 1, caught: 1 });
    expect(report.escaped).toEqual([]);
  });
});
