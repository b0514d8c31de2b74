import { findNumbers } from '../verify/numbers.js';
import { contentStems } from '../verify/text.js';
import type { Candidate } from './candidates.js';

/** What one sentence on the page tells: its words, its names, and its figures and dates. */
interface Told {
  text: string;
  stems: Set<string>;
  names: Set<string>;
  marks: Set<string>;
}

// Words that carry no fact of their own beside the same words without them: "will remain closed
// until further notice" tells what "still closed" tells.
const LIGHT = new Set(['remain', 'stay', 'still', 'continu', 'notic', 'currently']);
// A day or month dates a fact as a figure does; "May" is left out, as often the verb.
const DAY_OR_MONTH =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)\b/gi;
const ORDINAL = /(?<![\p{L}\p{N}.,])(\d+)(?:st|nd|rd|th)(?![\p{L}\p{N}])/giu;
// "City leaders say Monday was a good day for Pleasant Hill, now that Lehmkuhl resigned": who says
// it, and what they make of it, is what the sentence adds to the resignation on Monday.
const REPORTED = /\b(?:say|says|said|told)\b/i;
const QUOTED = /["“”]/;

// A sentence with a figure or a date is told again when the page holds every one of its names, each
// of its figures and dates in a sentence sharing at least this many of its words (the figure of the
// same fact: not "June 11th" beside "On June 25"), …
const FIGURE_CONTEXT = 3;
// … and this share of its words, figures counted, leaving out no more than this many words
// ("lifted off from Cape Morrow Spaceport aboard an Aurelis Launch Skylark 5 rocket at 06:42 UTC"
// beside "Skylark 5 rocket launched the satellite from Cape Morrow at 06:42 UTC"). "was in critical
// condition Thursday night from three gunshot wounds" beside the shooting on Thursday tells more.
const TOLD_SHARE = 0.75;
const UNTOLD_WORDS = 3;
// A sentence without one is told again only by one sentence holding all its names, at least this
// many of its words and all of them but one ("The Age of Navigation gallery will remain closed"
// beside "with the Age of Navigation gallery still closed"): "defended the museum's staff" beside the
// director's words is news, and so is "Two residents remain in hospital with burns" beside "forcing
// about 9,500 residents to leave their homes and burning an estimated 18,400 acres".
const WORDS_HELD = 4;
const WORDS_LEFT = 1;

/** What a sentence tells, its light words left out. */
function toldBy(text: string): Told {
  const capitalised = text.split(/\s+/).filter((w) => /^["“‘(]?\p{Lu}/u.test(w));
  const figures = findNumbers(text).map((n) => `${n.percent ? '%' : ''}${n.value}`);
  return {
    text,
    stems: new Set(contentStems(text).filter((s) => !LIGHT.has(s))),
    names: new Set(contentStems(capitalised.join(' ')).filter((s) => !LIGHT.has(s))),
    marks: new Set([
      ...figures,
      ...[...text.matchAll(ORDINAL)].map((m) => `${m[1]}th`),
      ...[...text.matchAll(DAY_OR_MONTH)].map((m) => m[0].toLowerCase()),
    ]),
  };
}

function held(c: Told, by: Told): number {
  let n = 0;
  for (const s of c.stems) if (by.stems.has(s)) n++;
  return n;
}

/** Whether the sentences of a page together tell everything `text` does (see TOLD_SHARE). */
export function toldOnPage(page: readonly string[], text: string): boolean {
  return retold(page.map(toldBy), toldBy(text));
}

function retold(page: readonly Told[], c: Told): boolean {
  if (QUOTED.test(c.text) || REPORTED.test(c.text) || c.stems.size === 0) return false;
  if (c.marks.size === 0) {
    return page.some(
      (p) =>
        [...c.names].every((n) => p.stems.has(n)) &&
        held(c, p) >= WORDS_HELD &&
        c.stems.size - held(c, p) <= WORDS_LEFT,
    );
  }
  const words = new Set(page.flatMap((p) => [...p.stems]));
  if (![...c.names].every((n) => words.has(n))) return false;
  for (const m of c.marks)
    if (!page.some((p) => p.marks.has(m) && held(c, p) >= FIGURE_CONTEXT)) return false;
  const untold = [...c.stems].filter((s) => !words.has(s)).length;
  return untold <= UNTOLD_WORDS && 1 - untold / (c.stems.size + c.marks.size) >= TOLD_SHARE;
}

/**
 * The body's sentences without those the rest of the page (`above`: headline, dek, lede, timeline;
 * and the other body sentences) already tells in full. The sentence that tells least goes first, so
 * of two that tell one fact the fuller stays ("The recall covers batteries fitted to Glide V2 electric
 * bikes sold since March 2024" beside "covers 48-volt packs … made between March 2024 and June 2025").
 */
export function withoutToldOnPage(body: readonly Candidate[], above: readonly string[]): Candidate[] {
  const told = new Map(body.map((c) => [c, toldBy(c.text)]));
  const fixed = above.map(toldBy);
  const left = new Set(body);
  for (const c of [...body].sort((a, b) => told.get(a)!.stems.size - told.get(b)!.stems.size)) {
    const others = [...left].filter((o) => o !== c).map((o) => told.get(o)!);
    if (retold([...fixed, ...others], told.get(c)!)) left.delete(c);
  }
  return body.filter((c) => left.has(c));
}
