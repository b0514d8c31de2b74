import { SUPPORT_THRESHOLD } from '../verify/policy.js';
import { scoreSupport } from '../verify/support.js';
import { buildSupportIndex } from '../verify/support-index.js';
import type { FactualityRecord } from './factuality-records.js';
import { type FactualityMetrics, factualityMetrics } from './factuality-metrics.js';
import { inTrainingHalf } from './support-training.js';

/** One prediction line: 1 = supported. */
export interface FactualityPrediction {
  id: string;
  label: 0 | 1;
  score: number;
}

/**
 * Runs the verifier's support decision on each record and scores it against the labels. `held_out`
 * scores only the records whose document is outside the half the support model was fitted on: on
 * the SummaC files that is the figure to quote; on other data both agree up to sampling.
 */
export function evaluateFactuality(
  records: readonly FactualityRecord[],
  threshold = SUPPORT_THRESHOLD,
): { metrics: FactualityMetrics; held_out: FactualityMetrics; predictions: FactualityPrediction[] } {
  const predictions = records.map((r) => {
    const result = scoreSupport(buildSupportIndex([{ id: 0, text: r.document }]), r.claim);
    const score = Math.round(result.score * 1e4) / 1e4;
    return { id: r.id, label: (score >= threshold ? 1 : 0) as 0 | 1, score };
  });
  const pairs = records.map((r, i) => ({ label: r.label, predicted: predictions[i]!.label }));
  const metrics = factualityMetrics(pairs);
  const held_out = factualityMetrics(pairs.filter((_, i) => !inTrainingHalf(records[i]!.document)));
  return { metrics, held_out, predictions };
}
