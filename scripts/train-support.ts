/**
 * `npm run train:support [-- DIR]`: fits the support model on the SummaC validation sets (or the
 * factuality files in DIR) and prints, as JSON, the leave-one-set-out figures (each set scored by a
 * model fitted on the other sets only: the figures to quote), then the shipped model, fitted on the
 * training half of the documents of every set, with its figures on the other half (and, for a set
 * that labels support apart from its overall label, on that label too). Each leave-one-set-out entry
 * also carries two diagnostics: the figure at the threshold best for that set, and the ceiling that
 * the fixed rules put on any model (see ruleCeiling). Paste `model` into
 * src/verify/support-model.ts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadFactualityFile } from '../src/eval/factuality-records.js';
import {
  bestThresholdAccuracy,
  crossFile,
  evaluate,
  fitLogistic,
  groupByFile,
  ruleCeiling,
  type TrainingRow,
  trainingRows,
} from '../src/eval/support-training.js';

const dir = path.resolve(
  process.argv[2] ?? path.join(import.meta.dirname, '../../shared/evaldata/factuality/summac-val'),
);
const rows: TrainingRow[] = [];
for (const name of readdirSync(dir)
  .filter((f) => /\.jsonl?$/.test(f))
  .sort()) {
  rows.push(...trainingRows(name, await loadFactualityFile(path.join(dir, name))));
}
const round = (m: { balanced_accuracy: number; precision: number; recall: number; records: number }) => ({
  records: m.records,
  balanced_accuracy: Number(m.balanced_accuracy.toFixed(3)),
  unsupported_precision: Number(m.precision.toFixed(3)),
  unsupported_recall: Number(m.recall.toFixed(3)),
});
const model = fitLogistic(rows.filter((r) => r.trainingHalf));
const heldOut = [...groupByFile(rows.filter((r) => !r.trainingHalf))].map(([file, fileRows]) => ({
  file,
  ...round(evaluate(fileRows, model)),
  // Where a file labels support apart from its overall label (Polytope), the figure on that label too.
  ...(fileRows.some((r) => r.target !== undefined)
    ? {
        on_support_label: round(
          evaluate(
            fileRows.map((r) => ({ ...r, label: r.target ?? r.label })),
            model,
          ),
        ),
      }
    : {}),
}));
process.stdout.write(
  `${JSON.stringify(
    {
      leave_one_set_out: crossFile(rows).map(({ file, metrics, model: fitted }) => {
        const fileRows = rows.filter((r) => r.file === file);
        return {
          file,
          ...round(metrics),
          // Diagnostics, not results: the same model at the threshold best for this set (chosen on
          // its own labels), and the most any model could reach with the fixed rules as they are.
          at_best_threshold: Number(bestThresholdAccuracy(fileRows, fitted).toFixed(3)),
          ceiling_under_rules: Number(ruleCeiling(fileRows).toFixed(3)),
        };
      }),
      shipped_model_on_held_out_half: heldOut,
      model,
    },
    null,
    2,
  )}\n`,
);
