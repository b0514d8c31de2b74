import type { StorySentence } from '../db/schema.js';
import { citedEvidence } from './evidence.js';
import type { PreparedSources } from './prepare.js';
import type { Finding } from './types.js';
import type { Verification } from './verify.js';

/** One body sentence for the support judge, with the text of the passages it cites. */
export interface JudgeClaim {
  location: string;
  text: string;
  evidence: string[];
}

/** The judge's verdict on one claim. */
export interface JudgeVerdict {
  location: string;
  supported: boolean;
  reason: string;
}

/** The score a sentence the judge rejects gets at most. */
const REJECTED_CAP = 0.5;

/**
 * The body sentences worth a judge's call: all but those copied verbatim from a cited source (support
 * 1), which need no opinion. Each goes with the passages it cites, widened as the verifier reads them.
 */
export function claimsToJudge(verification: Verification, prepared: PreparedSources): JudgeClaim[] {
  const claims: JudgeClaim[] = [];
  const add = (location: string, s: StorySentence) => {
    if ((s.support ?? 0) >= 1) return;
    const evidence = citedEvidence(prepared, s.citations).texts.map((t) => t.text);
    claims.push({ location, text: s.text, evidence });
  };
  for (const [i, s] of verification.body.lede.entries()) add(`lede.${i}`, s);
  for (const [si, section] of verification.body.sections.entries())
    for (const [i, s] of section.sentences.entries()) add(`sections.${si}.${i}`, s);
  return claims;
}

/**
 * Adds the judge's verdicts to a verification. The judge can only add: a sentence it rejects gets an
 * error with its reason and a score of at most 0.5; one it accepts keeps every finding and the score
 * the deterministic checks gave it. Every verdict is kept as a `judge` finding, with its reason.
 */
export function applyJudgement(
  verification: Verification,
  verdicts: readonly JudgeVerdict[],
  judge: string,
): Verification {
  const byLocation = new Map(verdicts.map((v) => [v.location, v]));
  const findings = [...verification.findings];
  const scores: number[] = [];
  const rescore = (location: string, s: StorySentence): StorySentence => {
    const verdict = byLocation.get(location);
    const lexical = s.support ?? 0;
    const support = verdict && !verdict.supported ? Math.min(lexical, REJECTED_CAP) : lexical;
    scores.push(support);
    if (!verdict) return s;
    const reason = verdict.reason ? ` (${verdict.reason})` : '';
    findings.push({
      location,
      check: 'judge',
      severity: verdict.supported ? 'info' : 'error',
      message: verdict.supported
        ? `support judge ${judge}: supported${reason}`
        : `support judge ${judge}: not supported by the cited passages${reason}`,
      detail: { judge, supported: verdict.supported, reason: verdict.reason, score: support },
    });
    return { ...s, support };
  };
  const body = {
    ...verification.body,
    lede: verification.body.lede.map((s, i) => rescore(`lede.${i}`, s)),
    sections: verification.body.sections.map((section, si) => ({
      heading: section.heading,
      sentences: section.sentences.map((s, i) => rescore(`sections.${si}.${i}`, s)),
    })),
  };
  const failing = new Set(findings.filter((f: Finding) => f.severity === 'error').map((f) => f.location));
  const support = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  return { body, findings, failing, support: Math.round(support * 1000) / 1000 };
}
