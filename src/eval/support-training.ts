import { fixedDecision, scoreSupportFeatures } from '../verify/support.js';
import { type ClaimFeatures, FEATURE_NAMES } from '../verify/support-features.js';
import { buildSupportIndex } from '../verify/support-index.js';
import type { FactualityRecord } from './factuality-records.js';
import { type FactualityMetrics, factualityMetrics } from './factuality-metrics.js';

/**
 * Training the support model: features per labelled claim, a class-balanced logistic regression and
 * the decision threshold. Every figure it reports is measured on records the model was not fitted on.
 */

/** A labelled claim's features, with the file it came from (the unit of cross-file evaluation). */
export interface TrainingRow {
  file: string;
  label: 0 | 1;
  /** The label the model is fitted on when it differs from `label` (see FactualityRecord.supportLabel). */
  target?: 0 | 1;
  x: number[];
  /** True when the record belongs to the half of documents the shipped model is fitted on. */
  trainingHalf: boolean;
  /** The decision's fixed rules: a verbatim copy is supported, a vetoed edit is not (see scoreSupport). */
  rule?: 0 | 1;
}

/** A fitted model in the shape of SUPPORT_MODEL. */
export interface FittedModel {
  weights: Record<(typeof FEATURE_NAMES)[number], number>;
  bias: number;
  threshold: number;
}

/** FNV-1a of a text: a split of documents into halves that is stable across runs and machines. */
export function documentHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** True for the documents the shipped model is fitted on; the eval command reports the others apart. */
export function inTrainingHalf(document: string): boolean {
  return documentHash(document) % 2 === 0;
}

/** The feature vector of every record. */
export function trainingRows(file: string, records: readonly FactualityRecord[]): TrainingRow[] {
  return records.map((r) => {
    const scored = scoreSupportFeatures(buildSupportIndex([{ id: 0, text: r.document }]), r.claim);
    const rule = scored ? fixedDecision(scored) : 1;
    return {
      file,
      label: r.label,
      ...(r.supportLabel === undefined ? {} : { target: r.supportLabel }),
      x: vector(scored?.features),
      trainingHalf: inTrainingHalf(r.document),
      ...(rule === undefined ? {} : { rule }),
    };
  });
}

function vector(features: ClaimFeatures | undefined): number[] {
  return FEATURE_NAMES.map((name) => features?.[name] ?? 0);
}

/**
 * Fits a logistic regression by Newton's method with an L2 penalty. Each (file, class) cell weighs
 * the same in total, so no file and no class dominates by its size (the SummaC files range from 7% to
 * 88% supported). Rows are fitted, and the threshold chosen, on their `target` where they have one.
 */
export function fitLogistic(labelled: readonly TrainingRow[], { l2 = 0.001, steps = 25 } = {}): FittedModel {
  const rows = labelled.map((r) => (r.target === undefined ? r : { ...r, label: r.target }));
  const cells = new Map<string, number>();
  for (const r of rows) cells.set(`${r.file}:${r.label}`, (cells.get(`${r.file}:${r.label}`) ?? 0) + 1);
  // Scaled so the weights sum to the row count: the penalty keeps one meaning whatever the data size.
  const sampleWeight = rows.map((r) => rows.length / (cells.size * cells.get(`${r.file}:${r.label}`)!));
  const d = FEATURE_NAMES.length + 1; // the last coefficient is the bias
  const beta = new Array<number>(d).fill(0);
  const xs = rows.map((r) => [...r.x, 1]);
  for (let step = 0; step < steps; step++) {
    const gradient = beta.map((b, j) => (j < d - 1 ? l2 * rows.length * b : 0));
    const hessian = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j && i < d - 1 ? l2 * rows.length : 0)),
    );
    xs.forEach((x, i) => {
      const p = sigmoid(dot(beta, x));
      const g = (p - rows[i]!.label) * sampleWeight[i]!;
      const h = p * (1 - p) * sampleWeight[i]!;
      for (let a = 0; a < d; a++) {
        gradient[a]! += g * x[a]!;
        for (let b = 0; b < d; b++) hessian[a]![b]! += h * x[a]! * x[b]!;
      }
    });
    const delta = solve(hessian, gradient);
    for (let j = 0; j < d; j++) beta[j]! -= delta[j]!;
  }
  const weights = Object.fromEntries(
    FEATURE_NAMES.map((name, j) => [name, round(beta[j]!)]),
  ) as FittedModel['weights'];
  const model: FittedModel = { weights, bias: round(beta[d - 1]!), threshold: 0.5 };
  model.threshold = chooseThreshold(rows, model);
  return model;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const lead = m[col]![col]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / lead;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/** The threshold with the best mean per-file balanced accuracy on the rows given (training rows). */
export function chooseThreshold(rows: readonly TrainingRow[], model: FittedModel): number {
  let best = { threshold: 0.5, value: -1 };
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const files = groupByFile(rows);
    let sum = 0;
    for (const fileRows of files.values())
      sum += evaluate(fileRows, { ...model, threshold: t }).balanced_accuracy;
    const value = sum / files.size;
    if (value > best.value) best = { threshold: round(t), value };
  }
  return best.threshold;
}

/** The model's probability that a row is supported. */
export function probability(model: FittedModel, x: readonly number[]): number {
  return sigmoid(FEATURE_NAMES.reduce((z, name, j) => z + model.weights[name] * x[j]!, model.bias));
}

/** Metrics of the whole decision (the model and the fixed rules) on rows. */
export function evaluate(rows: readonly TrainingRow[], model: FittedModel): FactualityMetrics {
  return factualityMetrics(
    rows.map((r) => ({
      label: r.label,
      predicted: r.rule ?? (probability(model, r.x) >= model.threshold ? 1 : 0),
    })),
  );
}

/** Rows grouped by file, in first-seen order. */
export function groupByFile(rows: readonly TrainingRow[]): Map<string, TrainingRow[]> {
  const out = new Map<string, TrainingRow[]>();
  for (const r of rows) out.set(r.file, [...(out.get(r.file) ?? []), r]);
  return out;
}

/**
 * Leave-one-file-out: for each file, a model fitted on the other files alone, scored on that file.
 * This is the honest figure for data of a kind the model has never seen.
 */
export function crossFile(
  rows: readonly TrainingRow[],
): { file: string; metrics: FactualityMetrics; model: FittedModel }[] {
  return [...groupByFile(rows).keys()].map((file) => {
    const model = fitLogistic(rows.filter((r) => r.file !== file));
    return {
      file,
      metrics: evaluate(
        rows.filter((r) => r.file === file),
        model,
      ),
      model,
    };
  });
}

/**
 * The balanced accuracy no model can pass on rows while the fixed rules stand: the model right on
 * every row it decides, the rules as they are. Where this is under a target, the target is out of
 * reach of any weights or threshold; only a change to the rules (or the labels) could move it.
 */
export function ruleCeiling(rows: readonly TrainingRow[]): number {
  return factualityMetrics(rows.map((r) => ({ label: r.label, predicted: r.rule ?? r.label })))
    .balanced_accuracy;
}

/**
 * The balanced accuracy of a model on rows at the best threshold for those rows: a diagnostic, not
 * a figure to quote, since it picks the threshold on the labels it is scored on. Its gap to the
 * figure at the model's own threshold is what the threshold loses in moving to data of another kind;
 * its gap to ruleCeiling is what the features cannot tell apart.
 */
export function bestThresholdAccuracy(rows: readonly TrainingRow[], model: FittedModel): number {
  let best = 0;
  for (let t = 0.01; t < 1; t += 0.01)
    best = Math.max(best, evaluate(rows, { ...model, threshold: t }).balanced_accuracy);
  return best;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
