import type { StorySentence } from '../db/schema.js';
import { SUPPORT_THRESHOLD } from './policy.js';
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

/** The score a sentence the judge rejects gets at most, and the least one it accepts gets. */
const REJECTED_CAP = 0.5;
const ACCEPTED_FLOOR = 0.9;

/**
 * The body sentences worth a judge's call: all but those copied verbatim from a cited source (support
 * 1), which need no opinion. Each goes with the exact text of the spans it cites.
 */
export function claimsToJudge(verification: Verification, prepared: PreparedSources): JudgeClaim[] {
  const claims: JudgeClaim[] = [];
  const add = (location: string, s: StorySentence) => {
    if ((s.support ?? 0) >= 1) return;
    const evidence = s.citations.flatMap((c) => {
      const source = prepared.byId.get(c.article_id);
      return source ? [source.article.text.slice(c.start, c.end)] : [];
    });
    claims.push({ location, text: s.text, evidence });
  };
  for (const [i, s] of verification.body.lede.entries()) add(`lede.${i}`, s);
  for (const [si, section] of verification.body.sections.entries())
    for (const [i, s] of section.sentences.entries()) add(`sections.${si}.${i}`, s);
  return claims;
}

/**
 * Puts the judge's verdicts in place of the lexical support decision: a sentence the judge accepts
 * scores at least 0.9 and loses its lexical support finding; one it rejects scores at most 0.5 with
 * the judge's reason as an error. Every verdict that changes the lexical decision is recorded, and
 * sentences the judge skipped keep their lexical score.
 */
export function applyJudgement(
  verification: Verification,
  verdicts: readonly JudgeVerdict[],
  judge: string,
): Verification {
  const byLocation = new Map(verdicts.map((v) => [v.location, v]));
  const findings = verification.findings.filter(
    (f) => !(f.check === 'support' && byLocation.has(f.location)),
  );
  const scores: number[] = [];
  const rescore = (location: string, s: StorySentence): StorySentence => {
    const verdict = byLocation.get(location);
    const lexical = s.support ?? 0;
    if (!verdict) {
      scores.push(lexical);
      return s;
    }
    const support = verdict.supported ? Math.max(lexical, ACCEPTED_FLOOR) : Math.min(lexical, REJECTED_CAP);
    scores.push(support);
    const detail = { judge, reason: verdict.reason, lexical_score: lexical, score: support };
    if (!verdict.supported) {
      findings.push({
        location,
        check: 'support',
        severity: 'error',
        message: `support judge ${judge}: not supported by the cited passages${verdict.reason ? ` (${verdict.reason})` : ''}`,
        detail,
      });
    } else if (lexical < SUPPORT_THRESHOLD) {
      findings.push({
        location,
        check: 'support',
        severity: 'info',
        message: `support judge ${judge} accepts a sentence scored ${lexical} lexically`,
        detail,
      });
    }
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
