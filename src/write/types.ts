import type { Disagreement } from '../disagree/types.js';
import type { Draft, Finding, SourceArticle } from '../verify/types.js';
import type { JudgeClaim, JudgeVerdict } from '../verify/judgement.js';

/** Token counts of the LLM calls behind one version. */
export interface TokenUsage {
  promptTokens: number;
  outputTokens: number;
}

/** One LLM drafting attempt: a draft when the answer was usable, and what went wrong otherwise. */
export interface DraftAttempt {
  draft?: Draft;
  /** Draft-level findings (location `draft`): transport errors, invalid JSON, bad citation ids. */
  findings: Finding[];
  usage: TokenUsage;
}

/** The support judge's answer: verdicts for the claims it judged, and what went wrong otherwise. */
export interface Judgement {
  verdicts: JudgeVerdict[];
  findings: Finding[];
  usage: TokenUsage;
}

/**
 * A model-backed writer; `repair` asks it to fix a draft given the verifier's findings. `judge`, when
 * present, rates body sentences against their cited passages in place of the lexical support score.
 */
export interface LlmWriter {
  model: string;
  draft(
    sources: readonly SourceArticle[],
    repair?: { draft: Draft; findings: Finding[] },
    /** What the sources disagree on: the prompt says which values the article may not state as settled. */
    disagreements?: readonly Disagreement[],
  ): Promise<DraftAttempt>;
  judge?(claims: readonly JudgeClaim[]): Promise<Judgement>;
}
