import { type ClaimFeatures, FEATURE_NAMES } from './support-features.js';

/**
 * The support model: logistic weights over the claim features, trained by
 * `npm run train:support` (scripts/train-support.ts) on the training half of the documents of the
 * SummaC validation files (see inTrainingHalf), and pasted here. `threshold` is the probability
 * at which a claim counts as supported; it maps onto SUPPORT_THRESHOLD (0.8) of the score.
 */
export const SUPPORT_MODEL = {
  weights: {
    global: 2.471,
    best: 1.982,
    bestPair: -2.091,
    bigrams: 1.022,
    trigrams: -0.268,
    fragments: -0.292,
    splices: -2.134,
    novelWords: 0.171,
    missingNumbers: -0.677,
    negation: -0.275,
    antonym: -0.442,
    length: 0.227,
  } satisfies Record<(typeof FEATURE_NAMES)[number], number>,
  bias: -2.471,
  threshold: 0.44,
};

/** The model's probability that a claim is supported, mapped so the decision line lands on 0.8. */
export function supportProbability(features: ClaimFeatures, model = SUPPORT_MODEL): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  const p = 1 / (1 + Math.exp(-z));
  const t = model.threshold;
  return p < t ? (0.8 * p) / t : 0.8 + (0.2 * (p - t)) / (1 - t);
}
