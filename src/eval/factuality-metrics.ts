/** Binary classification metrics where the positive class is "unsupported" (label 0). */
export interface FactualityMetrics {
  records: number;
  supported: number;
  unsupported: number;
  balanced_accuracy: number;
  /** Precision and recall for "unsupported". */
  precision: number;
  recall: number;
  /** Recall for "supported" (the other half of balanced accuracy). */
  specificity: number;
}

/** Metrics from gold labels and predictions (1 = supported, 0 = unsupported). */
export function factualityMetrics(pairs: readonly { label: 0 | 1; predicted: 0 | 1 }[]): FactualityMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { label, predicted } of pairs) {
    if (label === 0 && predicted === 0) tp++;
    else if (label === 1 && predicted === 0) fp++;
    else if (label === 0 && predicted === 1) fn++;
    else tn++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const recall = ratio(tp, tp + fn);
  const specificity = ratio(tn, tn + fp);
  const halves = (tp + fn > 0 ? 1 : 0) + (tn + fp > 0 ? 1 : 0);
  return {
    records: pairs.length,
    supported: tn + fp,
    unsupported: tp + fn,
    balanced_accuracy: halves === 0 ? 0 : (recall + specificity) / halves,
    precision: ratio(tp, tp + fp),
    recall,
    specificity,
  };
}
