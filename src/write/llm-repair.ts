import type { Citation } from '../db/schema.js';
import type { Finding } from '../verify/types.js';
import type { Passage } from './passages.js';

/**
 * The repair request's list of problems: one line per error, and for a sentence whose cited passage
 * does not hold it, the passage numbers that do, so the model can cite them instead of rewording.
 */
export function describeFindings(findings: readonly Finding[], passages: readonly Passage[]): string {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => {
      const holds = holdingPassages(f, passages);
      const hint =
        holds.length > 0
          ? `the cited passages do not hold this sentence; passage ${holds.map((id) => `[${id}]`).join(' and ')} does: cite it and keep the words`
          : f.message;
      return `- ${f.location}: ${hint}`;
    })
    .join('\n');
}

/** The passage numbers of a finding's `holds_it` citations (each in the passage it lies in). */
function holdingPassages(finding: Finding, passages: readonly Passage[]): number[] {
  const holds = finding.detail?.holds_it as Citation[] | undefined;
  if (!Array.isArray(holds)) return [];
  const ids = holds.flatMap((c) => {
    const passage = passages.find(
      (p) => p.citation.article_id === c.article_id && p.citation.start < c.end && c.start < p.citation.end,
    );
    return passage ? [passage.id] : [];
  });
  return [...new Set(ids)];
}
