import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluateSummaries, type SummaryEvalReport } from '../eval/summaries.js';
import { readSummaryClusters } from '../eval/summaries-input.js';
import { guardedFetch } from '../ingest/fetch/guarded-fetch.js';
import { llmWriters } from '../jobs/pipeline-deps.js';
import { AppError } from '../lib/errors.js';
import { type GlobalOptions, loadBasics, print } from './context.js';
import { startProgress } from './progress.js';

interface EvalSummariesOptions {
  out?: string;
  words: number;
  json?: boolean;
}

/** Adds `summaries FILE [--out OUT.jsonl] [--words N] [--json]` to the `eval` command group. */
export function addSummariesCommand(group: Command): void {
  group
    .command('summaries')
    .description(
      'write each cluster of {"instance_id","documents":[{"id","title","text"}],"summary"} lines as one story with the configured writer, verify it, and print ROUGE-1/2/L F1 against the summary beside the lead and LexRank baselines',
    )
    .argument('<file>', 'clusters, one JSON object per line')
    .option(
      '--out <file>',
      'write one {"instance_id","headline","dek","text","verified","ms"} line per cluster',
    )
    .option('--words <n>', 'cut every output to this many words before scoring', parseWords, 250)
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: EvalSummariesOptions, command: Command): Promise<void> => {
      const { config, logger } = loadBasics(command.optsWithGlobals<GlobalOptions>());
      const clusters = readSummaryClusters(file);
      const progress = startProgress('write', clusters.length, 'clusters');
      let result: Awaited<ReturnType<typeof evaluateSummaries>>;
      try {
        result = await evaluateSummaries(clusters, {
          words: options.words,
          llm: llmWriters(logger, guardedFetch(config.fetchAllow))(config),
          onProgress: (done) => progress.update(done),
        });
      } finally {
        progress.stop();
      }
      if (options.out) {
        try {
          writeFileSync(options.out, result.outputs.map((o) => `${JSON.stringify(o)}\n`).join(''));
        } catch (cause) {
          throw new AppError('io_error', `cannot write ${options.out}`, { cause });
        }
      }
      print(result.report, options.json ?? false, () => human(result.report));
    });
}

function parseWords(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new AppError('invalid_input', `--words must be a whole number from 1, got ${value}`);
  return n;
}

function human(r: SummaryEvalReport): string {
  const row = (name: string, s: SummaryEvalReport['lead_rouge']) =>
    `${name.padEnd(12)} ${s.rouge1.toFixed(2).padStart(7)} ${s.rouge2.toFixed(2).padStart(7)} ${s.rougeL.toFixed(2).padStart(7)}`;
  return [
    `clusters: ${r.clusters}, outputs cut to ${r.words} words, writer ${Object.entries(r.writers)
      .map(([name, n]) => `${name} (${n})`)
      .join(', ')}`,
    `${''.padEnd(12)} ${'ROUGE-1'.padStart(7)} ${'ROUGE-2'.padStart(7)} ${'ROUGE-L'.padStart(7)}  (F1, stemmed)`,
    row('writer', r.writer_rouge),
    row('lead', r.lead_rouge),
    row('lexrank', r.lexrank_rouge),
    `verified: ${(r.verified * 100).toFixed(1)}% of drafts`,
    `median: ${r.median_ms.toFixed(1)} ms per cluster (write + verify)`,
  ].join('\n');
}
