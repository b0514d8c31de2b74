/**
 * The support score at or above which a sentence counts as supported by its sources. Chosen on the
 * SummaC validation files (`newsloom eval factuality`); see docs/verification.md.
 */
export const SUPPORT_THRESHOLD = 0.8;
