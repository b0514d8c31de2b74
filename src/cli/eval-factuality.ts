import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { evaluateFactuality } from '../eval/factuality.js';
import { loadFactualityFile } from '../eval/factuality-records.js';
import { AppError } from '../lib/errors.js';
import { print } from './context.js';

/** Adds `factuality FILE [--json] [--predictions OUT.jsonl]` to the `eval` command group. */
export function addFactualityCommand(evalCommand: Command): void {
  evalCommand
    .command('factuality')
    .description("score the verifier's support decision on (document, claim, label) records")
    .argument('<file>', 'JSON lines {"id","document","claim","label"} or a SummaC JSON-object file')
    .option('--json', 'print the metrics as JSON')
    .option('--predictions <out>', 'write one {"id","label","score"} line per record (1 = supported)')
    .action(async (file: string, options: { json?: boolean; predictions?: string }) => {
      const records = await loadFactualityFile(file);
      const { metrics, held_out, predictions } = evaluateFactuality(records);
      if (options.predictions) {
        const lines = predictions.map((p) => JSON.stringify(p)).join('\n');
        try {
          await writeFile(options.predictions, `${lines}\n`);
        } catch (cause) {
          throw new AppError('io_error', `cannot write ${options.predictions}`, { cause });
        }
      }
      const f = (x: number) => x.toFixed(3);
      print({ file, ...metrics, held_out }, options.json ?? false, () =>
        [
          `records: ${metrics.records} (${metrics.supported} supported, ${metrics.unsupported} unsupported)`,
          `balanced accuracy: ${f(metrics.balanced_accuracy)}`,
          `unsupported precision: ${f(metrics.precision)}`,
          `unsupported recall: ${f(metrics.recall)}`,
          `held out (${held_out.records} records whose documents the support model was not fitted on): ` +
            `balanced accuracy ${f(held_out.balanced_accuracy)}, unsupported precision ${f(held_out.precision)}, ` +
            `recall ${f(held_out.recall)}`,
        ].join('\n'),
      );
    });
}
