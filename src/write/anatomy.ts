import type { StoryBody } from '../db/schema.js';
import { normalizeForMatch } from '../verify/text.js';
import { FUNCTION_HEADINGS } from './headings.js';
import { readingOrder } from './reading-order.js';

/**
 * The story article's rules of form, checked on a written story: what a reader would notice
 * first. Used by the tests of both writers and of the demo; an empty list means the story keeps
 * every rule.
 */

const WEEKDAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Everything wrong with the form of a story, one line per problem. */
export function anatomyProblems(story: { headline: string; dek: string; body: StoryBody }): string[] {
  const problems: string[] = [];
  const sentences = readingOrder(story.body).map((s) => normalizeForMatch(s.text));
  const seen = new Set<string>();
  for (const s of sentences) {
    if (seen.has(s)) problems.push(`sentence twice: ${s.slice(0, 60)}`);
    seen.add(s);
  }
  // A sentence also told inside a longer one (a pair of sentences cited as one span) is told twice.
  for (const s of new Set(sentences)) {
    if (sentences.some((other) => other !== s && other.includes(s)))
      problems.push(`sentence twice, inside another: ${s.slice(0, 60)}`);
  }
  for (const [part, text] of [
    ['headline', story.headline],
    ['dek', story.dek],
  ] as const) {
    const own = normalizeForMatch(text);
    if (seen.has(own)) problems.push(`${part} copies a body sentence: ${text.slice(0, 60)}`);
    else if (sentences.some((s) => s.includes(own)))
      problems.push(`${part} told again inside a body sentence: ${text.slice(0, 60)}`);
  }
  for (const { heading } of story.body.sections) {
    const problem = headingProblem(heading);
    if (problem) problems.push(`heading "${heading}": ${problem}`);
  }
  for (const f of story.body.figures) if (!f.label?.trim()) problems.push(`figure ${f.text} has no label`);
  const speakers = story.body.quotes.map((q) => q.speaker.toLowerCase());
  if (new Set(speakers).size !== speakers.length) problems.push('two quotes from one speaker');
  for (const q of story.body.quotes) {
    const words = normalizeForMatch(q.text);
    if (sentences.some((s) => s.includes(words)))
      problems.push(`pull quote repeated in the body: ${q.text.slice(0, 60)}`);
  }
  return problems;
}

/** Why a heading is not one a reader would write, or undefined when it is. */
export function headingProblem(heading: string): string | undefined {
  if ((FUNCTION_HEADINGS as readonly string[]).includes(heading)) return undefined;
  const words = heading.trim().split(/\s+/);
  if (words.length < 2) return 'a lone word';
  if (words.some((w) => WEEKDAYS.test(w.replace(/[^\p{L}]/gu, '')))) return 'names a weekday';
  // Acronyms ("SMTA") are fine; a longer word in capitals is a dateline ("BRENNICK").
  if (words.some((w) => /^\p{Lu}{5,}$/u.test(w))) return 'holds a dateline word in capitals';
  return undefined;
}
