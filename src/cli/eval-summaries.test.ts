import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeLlm, startFakeLlm } from '../write/testing/fake-llm.js';
import { runInProcess } from './testing.js';

const CLUSTERS = path.resolve(import.meta.dirname, '../eval/testdata/summaries.jsonl');

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'newsloom-eval-summaries-'));
}

describe('newsloom eval summaries', () => {
  it('writes every cluster, verifies it and prints ROUGE beside lead and LexRank', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.jsonl');
    const result = await runInProcess(
      dir,
      'eval',
      'summaries',
      CLUSTERS,
      '--out',
      out,
      '--json',
      '--words',
      '60',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ clusters: 2, words: 60, writer: 'extractive', verified: 1 });
    for (const key of ['writer_rouge', 'lead_rouge', 'lexrank_rouge'])
      expect(report[key].rouge2).toBeGreaterThan(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.instance_id)).toEqual(['ferry', 'library']);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['dek', 'headline', 'instance_id', 'ms', 'text', 'verified']);
      expect(line.verified).toBe(true);
      expect(line.text.startsWith(line.dek)).toBe(true);
      expect(line.text).not.toContain(line.headline);
    }
  });

  it('prints a table for people', async () => {
    const result = await runInProcess(tempDir(), 'eval', 'summaries', CLUSTERS);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^clusters: 2, outputs cut to 250 words, writer extractive/);
    expect(result.out).toMatch(/\nlead\s+[\d.]+\s+[\d.]+\s+[\d.]+\n/);
    expect(result.out).toMatch(/verified: 100\.0% of drafts/);
  });

  it.each([
    ['a missing file', ['/nonexistent/clusters.jsonl'], /cannot read \/nonexistent\/clusters\.jsonl/],
    ['a line that is not JSON', ['BAD_JSON'], /line 2: invalid JSON/],
    ['a cluster without a summary', ['NO_SUMMARY'], /line 1: summary/],
    ['no clusters at all', ['EMPTY'], /holds no clusters/],
    ['a word count that is not a number', [CLUSTERS, '--words', 'many'], /--words must be a whole number/],
  ])('fails with one line on %s', async (_name, args, message) => {
    const dir = tempDir();
    const files: Record<string, string> = {
      BAD_JSON: `${readFileSync(CLUSTERS, 'utf8').split('\n')[0]}\n{not json\n`,
      NO_SUMMARY: `${JSON.stringify({ instance_id: 'x', documents: [{ id: 'a', title: '', text: 'Text.' }] })}\n`,
      EMPTY: '\n',
    };
    const resolved = args.map((a) => {
      if (!(a in files)) return a;
      const file = path.join(dir, `${a}.jsonl`);
      writeFileSync(file, files[a]!);
      return file;
    });
    const result = await runInProcess(dir, 'eval', 'summaries', ...resolved);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  describe('with a model writer configured', () => {
    let llm: FakeLlm;
    beforeAll(async () => {
      llm = await startFakeLlm();
      vi.stubEnv('NEWSLOOM_LLM_BASE_URL', llm.baseUrl);
      vi.stubEnv('NEWSLOOM_LLM_MODEL', 'fake-7b');
      // A model on this machine is an internal address: the operator allows it by name.
      vi.stubEnv('NEWSLOOM_FETCH_ALLOW', '127.0.0.1');
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      await llm?.close();
    });

    it('writes with the model, as the pipeline does, and says so', async () => {
      const draft = {
        headline: 'Lantern Bay ferry crews strike',
        dek: 'Forty crossings were cancelled on the Lantern Bay route.',
        lede: [
          {
            text: 'Ferry crews on the Lantern Bay route walked out on Monday over new rosters, cancelling 40 crossings.',
            citations: [1],
          },
          { text: 'The union said the rosters would cut rest time between shifts.', citations: [2] },
        ],
        sections: [
          {
            heading: 'Talks at the mediation service',
            sentences: [
              {
                text: 'The operator said it had offered talks at the regional mediation service.',
                citations: [3],
              },
            ],
          },
        ],
      };
      llm.script([{ content: JSON.stringify(draft) }]);
      const dir = tempDir();
      const file = path.join(dir, 'one.jsonl');
      writeFileSync(file, `${readFileSync(CLUSTERS, 'utf8').split('\n')[0]}\n`);
      const out = path.join(dir, 'out.jsonl');
      const result = await runInProcess(dir, 'eval', 'summaries', file, '--json', '--out', out);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toMatchObject({
        clusters: 1,
        writer: 'fake-7b',
        writers: { 'fake-7b': 1 },
        verified: 1,
      });
      const [line] = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(line.headline).toBe('Lantern Bay ferry crews strike');
      expect(line.text).toContain('walked out on Monday over new rosters');
      expect(llm.requests[0]!.messages.at(-1)!.content).toContain('[1] Ferry crews on the Lantern Bay route');
    });
  });
});
