import type { Disagreement } from '../disagree/types.js';

/**
 * The facts a story's sources disagree on, as the writer's prompt lists them: a model that is not
 * told which values are in dispute states one as settled, and the verifier then holds the draft.
 * Each line names the fact, the value the article may state as its own (an editor's settlement or
 * the current value of a revised fact) and the values it may only attribute to their outlets.
 */
export function formatDisagreements(disagreements: readonly Disagreement[]): string {
  if (disagreements.length === 0) return '';
  const lines = disagreements.map((d) => {
    const settled =
      d.settlement?.value ?? (d.status === 'revised' ? d.values.find((v) => v.current)?.value : undefined);
    const others = d.values.filter((v) => v.value !== settled).map(withOutlets);
    return settled
      ? `- ${d.detail}: write ${settled}; not ${others.join('; ')}`
      : `- ${d.detail}: disputed: ${others.join('; ')}`;
  });
  return [
    'The sources disagree on these facts. State a value after "write" as it is; a disputed value only with',
    'the outlet that reports it ("142 homes, according to the county; The Sentinel put it at 163"), or',
    'leave the fact out. Never state a value after "not" or "disputed" as settled, not even in the headline.',
    ...lines,
  ].join('\n');
}

function withOutlets(value: Disagreement['values'][number]): string {
  const outlets = [...new Set(value.sources.map((s) => s.outlet))];
  // The first count's margin beside the recount's two: history, which the model may tell as such.
  return `${value.value} (${value.earlier ? 'earlier figure, ' : ''}${outlets.join(', ')})`;
}
