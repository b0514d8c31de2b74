import type { StoryBody, StorySentence } from '../db/schema.js';

/** The body's sentences in the order a reader meets them: the lede, then each section's. */
export function readingOrder(body: StoryBody): StorySentence[] {
  return [...body.lede, ...body.sections.flatMap((s) => s.sentences)];
}
