import { z } from 'zod';
import type { JudgeClaim, JudgeVerdict } from '../verify/judgement.js';
import { fillTemplate } from './prompts.js';

/** The JSON the judge must answer with (see prompts/judge-system.md). */
export const judgeAnswerSchema = z.object({
  verdicts: z.array(
    z.object({
      claim: z.number().int(),
      supported: z.boolean(),
      reason: z.string().trim().max(400).default(''),
    }),
  ),
});

/** Evidence characters per claim: enough for the few sentences a claim cites, bounded for the prompt. */
const EVIDENCE_CHARS = 1500;

/** The judge's user prompt: claims numbered from 1, each followed by its cited passages. */
export function judgePrompt(template: string, claims: readonly JudgeClaim[]): string {
  const blocks = claims.map((c, i) => {
    let evidence = c.evidence.join('\n');
    if (evidence.length > EVIDENCE_CHARS) evidence = `${evidence.slice(0, EVIDENCE_CHARS)}…`;
    return `Claim ${i + 1}: ${c.text}\nPassages:\n${evidence || '(none)'}`;
  });
  return fillTemplate(template, { claims: blocks.join('\n\n') });
}

/** Maps the judge's numbered answer back to locations; claims it skipped get no verdict. */
export function toVerdicts(
  answer: z.infer<typeof judgeAnswerSchema>,
  claims: readonly JudgeClaim[],
): JudgeVerdict[] {
  const out = new Map<string, JudgeVerdict>();
  for (const v of answer.verdicts) {
    const claim = claims[v.claim - 1];
    if (claim && !out.has(claim.location))
      out.set(claim.location, { location: claim.location, supported: v.supported, reason: v.reason });
  }
  return [...out.values()];
}
