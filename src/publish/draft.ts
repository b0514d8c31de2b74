import type { Draft, Finding, SourceArticle } from '../verify/types.js';
import { applyJudgement, claimsToJudge } from '../verify/judgement.js';
import type { PreparedSources } from '../verify/prepare.js';
import { type Verification, verifyDraft } from '../verify/verify.js';
import { withSourceBlocks } from '../write/blocks.js';
import { writeExtractive } from '../write/extractive.js';
import type { LlmWriter, TokenUsage } from '../write/types.js';

/**
 * Drafting and verifying a story's text, apart from storing it: what `writeStory` does before it
 * stores a version, and what `newsloom eval summaries` measures, so both run the same code.
 */

/** The writer a draft needs: the LLM writer when one is configured, the extractive writer otherwise. */
export interface DraftDeps {
  llm?: LlmWriter;
}

/** A draft, or why there is none, with the writer's name, tokens and findings. */
export interface Drafted {
  draft?: Draft;
  reason?: string;
  writer: string;
  usage?: TokenUsage;
  findings: Finding[];
}

/** Asks the LLM writer (repairing once) or falls back to the extractive writer. */
export async function draftStory(
  deps: DraftDeps,
  sources: SourceArticle[],
  prepared: PreparedSources,
): Promise<Drafted> {
  const findings: Finding[] = [];
  if (deps.llm) {
    const disagreements = (prepared.disagreements ?? []).map((f) => f.disagreement);
    const first = await deps.llm.draft(sources, undefined, disagreements);
    const usage = { ...first.usage };
    findings.push(...first.findings);
    if (first.draft) first.draft = withSourceBlocks(first.draft, sources, prepared);
    if (first.draft) {
      const check = verifyDraft(first.draft, sources, prepared);
      if (check.failing.size === 0) return { draft: first.draft, writer: deps.llm.model, usage, findings };
      findings.push(
        info(`draft failed verification in ${check.failing.size} places; asked the model to repair it once`, {
          failing: [...check.failing],
        }),
      );
      const repaired = await deps.llm.draft(
        sources,
        { draft: first.draft, findings: check.findings },
        disagreements,
      );
      usage.promptTokens += repaired.usage.promptTokens;
      usage.outputTokens += repaired.usage.outputTokens;
      findings.push(...repaired.findings);
      const draft = repaired.draft ? withSourceBlocks(repaired.draft, sources, prepared) : first.draft;
      return { draft, writer: deps.llm.model, usage, findings };
    }
    // No usable answer at all: say so, and write the version extractively rather than not at all.
    findings.push({
      location: 'draft',
      check: 'draft',
      severity: 'warning',
      message: `LLM writer ${deps.llm.model} gave no usable draft; extractive writer used`,
    });
    for (const f of findings) if (f.severity === 'error') f.severity = 'warning';
  }
  const result = writeExtractive(sources, prepared);
  if (!result.ok) return { reason: result.reason, writer: 'extractive', findings };
  return { draft: result.draft, writer: 'extractive', findings };
}

function info(message: string, detail?: Record<string, unknown>): Finding {
  return { location: 'draft', check: 'draft', severity: 'info', message, ...(detail ? { detail } : {}) };
}

/**
 * The verifier's checks, with the support judge's verdicts added when the model endpoint offers one
 * (a judge adds findings, it never clears one). The judge's tokens count toward the version's; its
 * failures become findings (`judged`) and leave the deterministic decision standing.
 */
export async function verifyVersion(
  deps: DraftDeps,
  draft: Draft,
  sources: SourceArticle[],
  prepared: PreparedSources,
  usage: TokenUsage | undefined,
): Promise<{ verification: Verification; judged: Finding[]; usage: TokenUsage | undefined }> {
  const verification = verifyDraft(draft, sources, prepared);
  const claims = claimsToJudge(verification, prepared);
  if (!deps.llm?.judge || claims.length === 0) return { verification, judged: [], usage };
  const judgement = await deps.llm.judge(claims);
  return {
    verification: applyJudgement(verification, judgement.verdicts, deps.llm.model),
    judged: judgement.findings,
    usage: {
      promptTokens: (usage?.promptTokens ?? 0) + judgement.usage.promptTokens,
      outputTokens: (usage?.outputTokens ?? 0) + judgement.usage.outputTokens,
    },
  };
}
