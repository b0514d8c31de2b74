import type { Citation } from '../db/schema.js';
import { unsettledValues } from '../disagree/respect.js';
import type { PreparedSources } from './prepare.js';
import type { Draft, Finding } from './types.js';

/**
 * A draft never states a disputed value as settled: a headline, dek, sentence or key figure that
 * states a value the sources disagree on (or one a later report replaced) without attributing it
 * is an error. Reads the story's disagreements from `prepared.disagreements`; none, no findings.
 */
export function checkDisputed(draft: Draft, prepared: PreparedSources): Finding[] {
  const facts = prepared.disagreements ?? [];
  if (facts.length === 0) return [];
  const sourceText = (id: number) => prepared.byId.get(id)?.article.text;
  const newest = Math.max(
    0,
    ...[...prepared.byId.values()].map((s) => s.article.published_at?.getTime() ?? 0),
  );
  const at = newest > 0 ? new Date(newest) : null;
  const parts: { location: string; text: string; citations: Citation[]; figure?: boolean; on?: number }[] = [
    { location: 'headline', text: draft.headline, citations: [] },
    { location: 'dek', text: draft.dek, citations: [] },
    ...draft.body.lede.map((s, i) => ({ location: `lede.${i}`, text: s.text, citations: s.citations })),
    ...draft.body.sections.flatMap((section, si) =>
      section.sentences.map((s, i) => ({
        location: `sections.${si}.${i}`,
        text: s.text,
        citations: s.citations,
      })),
    ),
    // A timeline line tells its own day: a revised fact's value then current is true of it.
    ...(draft.body.timeline ?? []).map((t, i) => ({
      location: `timeline.${i}`,
      text: t.text,
      citations: t.citations,
      on: Math.floor(Date.parse(t.date) / 86_400_000),
    })),
    ...draft.body.figures.map((f, i) => ({
      location: `figures.${i}`,
      text: f.text,
      citations: [f.citation],
      figure: true,
    })),
  ];
  const out: Finding[] = [];
  for (const part of parts) {
    for (const found of unsettledValues(part.text, facts, {
      citations: part.citations,
      sourceText,
      at,
      on: part.on,
    })) {
      // A key figure stands alone: it cannot carry an attribution.
      if (found.attributed && !part.figure) continue;
      const { disagreement } = found.fact;
      const value = disagreement.values[found.value]!;
      const others = disagreement.values.filter((v) => v !== value).map((v) => v.value);
      out.push({
        location: part.location,
        check: 'disputed',
        severity: 'error',
        message:
          disagreement.status === 'revised' && found.value !== 0
            ? `states ${value.value} (${disagreement.detail}), which a later report revised to ${disagreement.values[0]!.value}`
            : `states ${value.value} (${disagreement.detail}) as settled; sources also give ${others.join(', ')}: attribute it or leave it to "Where sources disagree"`,
        detail: {
          fact: disagreement.key,
          value: value.value,
          values: disagreement.values.map((v) => v.value),
        },
      });
    }
  }
  return out;
}
