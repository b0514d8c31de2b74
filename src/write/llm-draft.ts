import { z } from 'zod';
import type { Citation, StoryBody, StorySentence } from '../db/schema.js';
import type { Draft, Finding } from '../verify/types.js';
import type { Passage } from './passages.js';

const sentenceSchema = z.object({
  text: z.string().trim().min(1),
  // Empty and unknown citation ids are allowed here so the verifier reports them per sentence.
  citations: z.array(z.number().int()).default([]),
});

/** The JSON the model must answer with (see prompts/write-system.md). */
export const llmDraftSchema = z.object({
  headline: z.string().trim().min(1).max(300),
  dek: z.string().trim().min(1).max(1200),
  lede: z.array(sentenceSchema).min(1).max(4),
  sections: z
    .array(
      z.object({
        heading: z.string().trim().min(1).max(120),
        sentences: z.array(sentenceSchema).min(1).max(8),
      }),
    )
    .min(1)
    .max(6),
});

export type LlmDraft = z.infer<typeof llmDraftSchema>;

/**
 * Turns the model's answer into a draft whose citations are character spans: each passage number
 * becomes its sentence's span. Unknown numbers are dropped from the sentence and reported. Quotes,
 * key figures and the timeline are not the model's: the pipeline adds them from its own data.
 */
export function toDraft(
  answer: LlmDraft,
  passages: readonly Passage[],
): { draft: Draft; findings: Finding[] } {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const findings: Finding[] = [];
  const convert = (location: string, s: { text: string; citations: number[] }): StorySentence => {
    const citations: Citation[] = [];
    for (const id of s.citations) {
      const passage = byId.get(id);
      if (passage) citations.push(passage.citation);
      else
        findings.push({
          location,
          check: 'citation',
          severity: 'error',
          message: `cites passage ${id}, which does not exist (1–${passages.length})`,
          detail: { passage: id },
        });
    }
    return { text: s.text, citations };
  };
  const body: StoryBody = {
    lede: answer.lede.map((s, i) => convert(`lede.${i}`, s)),
    sections: answer.sections.map((section, si) => ({
      heading: section.heading,
      sentences: section.sentences.map((s, i) => convert(`sections.${si}.${i}`, s)),
    })),
    quotes: [],
    figures: [],
  };
  return { draft: { headline: answer.headline, dek: answer.dek, body }, findings };
}

/** The draft as JSON for the repair prompt, with passage numbers instead of spans. */
export function draftForRepair(draft: Draft, passages: readonly Passage[]): string {
  const idOf = (c: Citation) =>
    passages.find(
      (p) => p.citation.article_id === c.article_id && p.citation.start <= c.start && c.end <= p.citation.end,
    )?.id ?? 0;
  const sentence = (s: StorySentence) => ({ text: s.text, citations: s.citations.map(idOf) });
  return JSON.stringify({
    headline: draft.headline,
    dek: draft.dek,
    lede: draft.body.lede.map(sentence),
    sections: draft.body.sections.map((s) => ({ heading: s.heading, sentences: s.sentences.map(sentence) })),
  });
}
