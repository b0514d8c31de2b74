/**
 * Wire-style datelines ("SEOUL, Nov 3 (Reuters) -", "DUNMORE -", "Marseille, France (CNN)") open a
 * story's first sentence in one outlet's voice; inside a written article, a dek or a heading they
 * read as noise. Writers cut them by moving the start of a citation past them, so the written text
 * stays an exact slice of the source.
 */

// An upper-case place, optionally ", Month day" or ", Country", optionally "(Agency)", then a dash
// (a long one may touch the first word: "WASHINGTON—The chairman", "HIROSHIMA--A stray dog").
const WIRE =
  /^[\p{Lu}][\p{Lu}.'’ -]{1,40}?(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+)?(?:\s+\d{1,2})?)?(?:\s*\([^()\n]{1,40}\))?(?:\s*[-–—]{1,2}\s+(?=["“‘]?[\p{Lu}\p{N}])|(?:—|--)(?=["“‘]?\p{Lu}[\p{Ll}\s]))/u;
// A place in any case followed by a known agency in parentheses: "Marseille, France (CNN)".
const AGENCY =
  /^[^\n()]{0,60}?\((?:CNN|Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg|EFE|ANSA|Yonhap|Kyodo|PTI|IANS)\)\s*(?:[-–—]{1,2}\s*)?(?=["“‘]?[\p{Lu}\p{N}])/u;

// What a scrape leaves of a dateline that lost its place: "— For years, …", "--The cost of …".
// A date line run into the first sentence: "Tuesday, January 18, 2005Through a telethon, …".
const DATE_LINE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\p{L}+\.?\s+\d{1,2},\s+\d{4}\s*(?=\p{Lu})/u;
// A minus sign before a number ("-5 degrees") is no dash.
const BARE = /^[-–—]{1,2}(?:\s+(?=["“‘]?[\p{Lu}\p{N}])|(?=["“‘]?\p{Lu}))/u;

/** How many characters of `text` a leading dateline takes (0 when there is none). */
export function datelineLength(text: string): number {
  const match = WIRE.exec(text) ?? AGENCY.exec(text) ?? BARE.exec(text) ?? DATE_LINE.exec(text);
  return match ? match[0].length : 0;
}

/** A source span with any leading dateline cut off; the text is the span's new slice. */
export function withoutDateline(
  source: string,
  start: number,
  end: number,
): { start: number; end: number; text: string } {
  const cut = datelineLength(source.slice(start, end));
  return { start: start + cut, end, text: source.slice(start + cut, end) };
}
