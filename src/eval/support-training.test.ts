import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaldataPath } from '../../test/evaldata.js';
import { FEATURE_NAMES } from '../verify/support-features.js';
import {
  crossFile,
  documentHash,
  evaluate,
  fitLogistic,
  bestThresholdAccuracy,
  inTrainingHalf,
  ruleCeiling,
  type TrainingRow,
  trainingRows,
} from './support-training.js';
import { loadFactualityFile } from './factuality-records.js';

// Two synthetic "files" where only the first feature (coverage) separates the classes, at different
// rates of support: the balanced fit must still find the boundary in both.
function rows(file: string, supported: number, unsupported: number): TrainingRow[] {
  const make = (label: 0 | 1, i: number): TrainingRow => {
    const x = FEATURE_NAMES.map(() => 0);
    x[0] = label === 1 ? 0.8 + (i % 5) * 0.04 : 0.2 + (i % 5) * 0.08;
    return { file, label, x, trainingHalf: i % 2 === 0 };
  };
  return [
    ...Array.from({ length: supported }, (_, i) => make(1, i)),
    ...Array.from({ length: unsupported }, (_, i) => make(0, i)),
  ];
}

describe('support model training', () => {
  const data = [...rows('a.json', 90, 10), ...rows('b.json', 10, 90)];
  it('fits a class-balanced model that separates both files', () => {
    const model = fitLogistic(data);
    expect(model.weights.global).toBeGreaterThan(0);
    for (const file of ['a.json', 'b.json'])
      expect(
        evaluate(
          data.filter((r) => r.file === file),
          model,
        ).balanced_accuracy,
      ).toBe(1);
  });
  it('fits on the support label where a file has one, and scores on the overall label', () => {
    // The overall label says nothing the features can see; the support label follows coverage.
    const labelled = rows('c.json', 50, 50).map((r, i) => ({
      ...r,
      target: r.label,
      label: (i % 2) as 0 | 1,
    }));
    const model = fitLogistic(labelled);
    expect(model.weights.global).toBeGreaterThan(0);
    expect(
      evaluate(
        labelled.map((r) => ({ ...r, label: r.target })),
        model,
      ).balanced_accuracy,
    ).toBe(1);
    expect(evaluate(labelled, model).balanced_accuracy).toBeCloseTo(0.5, 1);
  });
  it('scores each file with a model fitted on the others only', () => {
    expect(crossFile(data).map((r) => r.file)).toEqual(['a.json', 'b.json']);
  });
  it('puts the ceiling where the fixed rules overrule the labels', () => {
    // Two verbatim copies labelled unsupported (rule 1) and one supported claim vetoed (rule 0):
    // whatever the model does, 2 of 4 unsupported and 1 of 2 supported are lost.
    const rules: (0 | 1 | undefined)[] = [0, undefined, 1, 1, undefined, undefined];
    const ruled = rows('d.json', 2, 4).map((r, i) => {
      const rule = rules[i];
      return rule === undefined ? r : { ...r, rule };
    });
    expect(ruleCeiling(ruled)).toBeCloseTo((1 / 2 + 2 / 4) / 2, 6);
    expect(ruleCeiling(rows('e.json', 5, 5))).toBe(1);
  });
  it('finds the threshold a file would need, at least as good as the fitted one', () => {
    const model = fitLogistic(rows('a.json', 90, 10));
    // A file whose supported claims cover less: the fitted threshold misses some, the best one none.
    const shifted = rows('f.json', 20, 20).map((r) => ({
      ...r,
      x: r.x.map((v, j) => (j === 0 ? v - 0.15 : v)),
    }));
    const fitted = evaluate(shifted, model).balanced_accuracy;
    expect(bestThresholdAccuracy(shifted, model)).toBeGreaterThanOrEqual(fitted);
    expect(bestThresholdAccuracy(shifted, model)).toBe(1);
  });
  it('splits documents into stable halves', () => {
    expect(documentHash('abc')).toBe(documentHash('abc'));
    const halves = Array.from({ length: 200 }, (_, i) => inTrainingHalf(`document ${i}`));
    expect(halves.filter(Boolean).length).toBeGreaterThan(70);
    expect(halves.filter((h) => !h).length).toBeGreaterThan(70);
  });
});

// The honest figures: each SummaC validation set scored by a model fitted on the other three only.
// Floors a little under today's figures (docs/verification.md), so a change that loses ground on
// a kind of data it was not fitted on fails here.
describe('the support model, leaving one set out', () => {
  const floors: Record<string, number> = {
    'factcc.json': 0.76,
    'polytope.json': 0.57,
    'summeval.json': 0.79,
    'xsumfaith.json': 0.5,
  };
  it('keeps each set above its floor', { timeout: 60_000 }, async () => {
    const dir = evaldataPath('factuality/summac-val');
    const rows: TrainingRow[] = [];
    for (const file of Object.keys(floors))
      rows.push(...trainingRows(file, await loadFactualityFile(path.join(dir, file))));
    const figures = Object.fromEntries(crossFile(rows).map((r) => [r.file, r.metrics.balanced_accuracy]));
    for (const [file, floor] of Object.entries(floors)) expect(figures[file]).toBeGreaterThanOrEqual(floor);
  });
});
