import { z } from 'zod';
import type { Citation, StoryBody, StorySentence } from '../db/schema.js';
import { findNumbers } from '../verify/numbers.js';
import { normalizeForMatch } from '../verify/text.js';
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
  lede: z.array(sentenceSchema).min(1).max(3),
  sections: z
    .array(
      z.object({
        heading: z.string().trim().min(1).max(120),
        sentences: z.array(sentenceSchema).min(1).max(8),
      }),
    )
    .min(1)
    .max(6),
  quotes: z
    .array(
      z.object({
        text: z.string().trim().min(1),
        speaker: z.string().trim().min(1),
        passage: z.number().int(),
      }),
    )
    .max(8)
    .default([]),
  // Key figures: the amounts, percentages, counts and dates that matter, as a passage gives them.
  figures: z
    .array(
      z.object({
        text: z.string().trim().min(1).max(80),
        passage: z.number().int(),
      }),
    )
    .max(8)
    .default([]),
});

export type LlmDraft = z.infer<typeof llmDraftSchema>;

/**
 * Turns the model's answer into a draft whose citations are character spans: each passage number
 * becomes its sentence's span. Unknown numbers are dropped from the sentence and reported.
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
  // A quote or figure block names one passage; an unknown number is reported and the block left out.
  const passageOf = (kind: 'quote' | 'figure', i: number, id: number, text: string) => {
    const passage = byId.get(id);
    if (!passage)
      findings.push({
        location: `${kind}s.${i}`,
        check: 'citation',
        severity: 'error',
        message: `${kind} cites passage ${id}, which does not exist`,
        detail: { [kind]: text },
      });
    return passage;
  };
  answer.quotes.forEach((q, i) => {
    const passage = passageOf('quote', i, q.passage, q.text);
    if (passage) body.quotes.push({ text: q.text, speaker: q.speaker, citation: quoteSpan(passage, q.text) });
  });
  answer.figures.forEach((f, i) => {
    const passage = passageOf('figure', i, f.passage, f.text);
    if (passage) body.figures.push(toFigure(passage, f.text));
  });
  return { draft: { headline: answer.headline, dek: answer.dek, body }, findings };
}

/**
 * A key figure with its value and its own span when the passage holds it as written; the verifier
 * then checks the value (or, for a figure without a number, the words) against the cited source.
 */
function toFigure(passage: Passage, text: string): StoryBody['figures'][number] {
  const value = findNumbers(text)[0]?.value ?? null;
  const { article, citation } = passage;
  const own = article.analysis.figures.find(
    (f) => f.start >= citation.start && f.end <= citation.end && f.value !== null && f.value === value,
  );
  if (own) {
    return {
      text,
      value,
      unit: own.unit,
      citation: { article_id: article.id, start: own.start, end: own.end },
    };
  }
  return { text, value, unit: null, citation: quoteSpan(passage, text) };
}

/** The words' own span in the article when the passage has them, else the passage's span. */
function quoteSpan(passage: Passage, words: string): Citation {
  const text = passage.article.text;
  const plain = text.slice(passage.citation.start, passage.citation.end);
  const at = plain.indexOf(words);
  if (at >= 0)
    return {
      article_id: passage.article.id,
      start: passage.citation.start + at,
      end: passage.citation.start + at + words.length,
    };
  if (normalizeForMatch(plain).includes(normalizeForMatch(words))) return passage.citation;
  return passage.citation;
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
    quotes: draft.body.quotes.map((q) => ({ text: q.text, speaker: q.speaker, passage: idOf(q.citation) })),
    figures: draft.body.figures.map((f) => ({ text: f.text, passage: idOf(f.citation) })),
  });
}
