import { type ClaimFeatures, FEATURE_NAMES } from './support-features.js';

/**
 * The support model: logistic weights over the claim features, trained by
 * `npm run train:support` (scripts/train-support.ts) on the training half of the documents of the
 * SummaC validation sets (see inTrainingHalf), and pasted here. `threshold` is the probability
 * at which a claim counts as supported, chosen with the fixed rules (vetoes and meaning edits) in
 * force; it maps onto SUPPORT_THRESHOLD (0.8) of the score.
 */
export const SUPPORT_MODEL = {
  weights: {
    global: -0.317,
    best: 3.046,
    bestPair: -2.805,
    bigrams: 1.983,
    trigrams: 1.11,
    fragments: 0.492,
    splices: -2.165,
    novelWords: 0.223,
    rareGlobal: 2.309,
    rareNovel: -0.592,
    paraphrase: 3.623,
    missingNumbers: -0.883,
    negation: -0.015,
    antonym: -0.477,
    length: 1.486,
  } satisfies Record<(typeof FEATURE_NAMES)[number], number>,
  bias: -7.649,
  threshold: 0.59,
};

/** The model's probability that a claim is supported, mapped so the decision line lands on 0.8. */
export function supportProbability(features: ClaimFeatures, model = SUPPORT_MODEL): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  const p = 1 / (1 + Math.exp(-z));
  const t = model.threshold;
  return p < t ? (0.8 * p) / t : 0.8 + (0.2 * (p - t)) / (1 - t);
}
