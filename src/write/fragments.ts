/**
 * Lines of a page that are not sentences of its article: what a scrape leaves of headings, link
 * lists, transcripts and broken paragraphs. A reader of the story takes them for garbled news.
 */

// How a sentence closes: a full stop, a question or exclamation mark, then perhaps quotes or brackets.
const CLOSED = /[.!?…]["”’)\]]*$/u;
// A line shorter than this without a closing mark is a heading or a link, not a sentence whose
// paragraph lost its full stop.
const SHORT_LINE = 15;

/** Whether a line is a fragment rather than a sentence (see above). */
export function isFragment(text: string): boolean {
  const line = text.trim();
  // "Here's the statement in full:": it introduces what the story does not show.
  if (/:$/.test(line)) return true;
  // "► Update: Man charged …", "- - - -": a list's bullet or a rule.
  if (/^(?:[►▶•▪■→»]|\*\s)/u.test(line)) return true;
  // "(Any ailments won't be known for weeks.)", "(Update: the office responds …": an aside or an
  // editor's note beside the article, not a sentence of its report.
  if (/^[([]/u.test(line)) return true;
  // "GEORGE STEPHANOPOULOS: It's five, actually.", "A: Invested properly, …": a transcript's or an
  // interview's line, its speaker a label.
  if (/^(?:\p{Lu}[\p{Lu}.'’ -]{2,}|[QA]):\s/u.test(line)) return true;
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 0.5 * line.replace(/\s/g, '').length) return true;
  // "high school and in some cases …": the sentence was cut from its start ("iPhone" is a name).
  if (/^\p{Ll}+(?![\p{L}\p{N}])/u.test(line) && !/^\p{Ll}+\p{Lu}/u.test(line)) return true;
  // A transcript or a banner in capitals: "WE MUST DO MORE TO PROTECT OUR CHILDREN."
  const capitals = line.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters >= 20 && capitals >= 0.7 * letters) return true;
  return !CLOSED.test(line) && line.split(/\s+/).length < SHORT_LINE;
}

// A list's number or letter before a sentence ("2) Qua economics, …", "16. Pally was seated …"):
// the sentence is the item's text, told without it.
const LIST_MARKER = /^(?:\(?(?:\d{1,2}|[a-z])\)|\d{1,2}\.)\s+(?=["“]?\p{Lu})/u;

/** A sentence's span without the list marker it opens on, if any. */
export function withoutListMarker(
  source: string,
  start: number,
  end: number,
): { start: number; end: number; text: string } {
  const cut = LIST_MARKER.exec(source.slice(start, end))?.[0].length ?? 0;
  return { start: start + cut, end, text: source.slice(start + cut, end) };
}
