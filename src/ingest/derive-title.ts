import { splitSentences } from '../analyze/text.js';

const MAX_TITLE = 120;

/**
 * A title for an item that has none (microblog posts, many podcast and press-release feeds): the
 * first sentence of its text, cut at a word boundary with an ellipsis when longer than a headline.
 */
export function deriveTitle(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const span = splitSentences(firstLine)[0];
  const sentence = (span ? firstLine.slice(span.start, span.end) : firstLine).replace(/\s+/g, ' ').trim();
  if (sentence.length <= MAX_TITLE) return sentence;
  const cut = sentence.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
