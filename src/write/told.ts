import { findNumbers } from '../verify/numbers.js';
import { contentStems } from '../verify/text.js';
import { type Candidate, closingClauseCandidate } from './candidates.js';
import { makesStatement, pointsBack } from './headline-clause.js';
import { is, tagWords } from './nlp.js';

/** What one sentence on the page tells: its words, its names, and its figures and dates. */
interface Told {
  text: string;
  stems: Set<string>;
  names: Set<string>;
  marks: Set<string>;
}

// Words that carry no fact of their own beside the same words without them: "will remain closed
// until further notice" tells what "still closed" tells.
// So do words that set a fact in time without dating it ("earlier this year" beside "in March"),
// and the verbs of how long a thing takes or when it starts ("will take about two weeks to reach its
// final orbit and will begin sending data" beside "over about two weeks to geostationary orbit" and
// "data … from the spring"), and the verb of getting there ("reached a deal", "reached 163").
const LIGHT = new Set([
  'remain',
  'stay',
  'still',
  'continu',
  'notic',
  'currently',
  'earlier',
  'recently',
  'take',
  'took',
  'tak',
  'begin',
  'began',
  'start',
  'reach',
]);
// Words outlets use for one another's ("reduced its overnight guard team" beside "cut its overnight
// security staff", "sales climbed" beside "sales rose"): each counts as the first of its group.
const SAME_SENSE = new Map(
  [
    ['cut', 'cutt', 'reduc', 'reduction', 'slash', 'trimm'],
    ['staff', 'team', 'personnel', 'workforc'],
    ['rise', 'ris', 'rose', 'risen', 'increas', 'climb'],
    ['buy', 'bought', 'purchas', 'acquir'],
  ].flatMap((group) => group.map((stem) => [stem, group[0]!] as const)),
);
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
// A sentence without one (but a report's opening, see withoutToldOnPage) is told again only by one
// sentence holding all its names, at least this many of its words and all of them but one ("The Age
// of Navigation gallery will remain closed" beside "with the Age of Navigation gallery still closed"):
// "defended the museum's staff" beside the director's words is news, and so is "Two residents remain
// in hospital with burns" beside "forcing about 9,500 residents to leave their homes and burning an
// estimated 18,400 acres".
const WORDS_HELD = 4;
const WORDS_LEFT = 1;

// A report's opening sentence tells its news to a reader who knows none of it. Beside a page that has
// told the event, its opening clause tells it again ("Calvera's new weather satellite, Halcyon-2, is
// on its way to orbit after a successful launch on Wednesday"), and the clause it joins with ", but"
// or ", and" is its news ("critics say the mission ran years late and far over budget"): the body
// takes that clause alone, when it stands as a statement of its own. An opening clause tells the
// event again when the page holds each of its figures and dates beside its words and this share of
// its words ("One of the finest surviving works of Henrik Aasen was among the objects stolen" names
// what the page does not, and stays).
const JOINED = /,\s+(?:but|and|while)\s+(?=\p{Ll})/gu;
const EVENT_TOLD = 2 / 3;
// A clause opening on a word that stands for the opening's subject ("and he faces …") needs it.
const LEANS = /^(?:he|she|they|it|his|her|their|its|this|that|these|those|there|who|which)\b/i;

/** What a sentence tells, its light words left out. */
function toldBy(text: string): Told {
  const capitalised = text.split(/\s+/).filter((w) => /^["“‘(]?\p{Lu}/u.test(w));
  const figures = findNumbers(text).map((n) => `${n.percent ? '%' : ''}${n.value}`);
  return {
    text,
    stems: senses(text),
    names: senses(capitalised.join(' ')),
    marks: new Set([
      ...figures,
      ...[...text.matchAll(ORDINAL)].map((m) => `${m[1]}th`),
      ...[...text.matchAll(DAY_OR_MONTH)].map((m) => m[0].toLowerCase()),
    ]),
  };
}

/** A text's content stems, light words left out and words of one sense made one. */
function senses(text: string): Set<string> {
  return new Set(
    contentStems(text)
      .filter((s) => !LIGHT.has(s))
      .map((s) => SAME_SENSE.get(s) ?? s),
  );
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

function retold(page: readonly Told[], c: Told, opening = false): boolean {
  if (QUOTED.test(c.text) || REPORTED.test(c.text) || c.stems.size === 0) return false;
  if (c.marks.size === 0 && !opening) {
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

/** Whether the page tells again the event an opening clause tells (see EVENT_TOLD). */
function eventRetold(page: readonly Told[], head: Told): boolean {
  if (QUOTED.test(head.text) || REPORTED.test(head.text) || head.stems.size === 0) return false;
  for (const m of head.marks)
    if (!page.some((p) => p.marks.has(m) && held(head, p) >= FIGURE_CONTEXT)) return false;
  const words = new Set(page.flatMap((p) => [...p.stems]));
  const told = [...head.stems].filter((s) => words.has(s)).length;
  return told / head.stems.size >= EVENT_TOLD;
}

/** A report's opening sentence as its news alone, when the page tells the event it opens on. */
function newsOfOpening(c: Candidate, page: readonly Told[]): Candidate | undefined {
  if (c.position !== 0 || c.paired || QUOTED.test(c.text)) return undefined;
  for (const join of c.text.matchAll(JOINED)) {
    const from = join.index + join[0].length;
    const [head, rest] = [c.text.slice(0, join.index), c.text.slice(from)];
    if (LEANS.test(rest) || !eventRetold(page, toldBy(head))) continue;
    // Two clauses, each a statement: "Victims of bullying at school, and bullies themselves, are
    // more likely …" joins two subjects of one verb, as does "The launch …, and the landing of the
    // first stage, were watched by 4,000 people" (a comma before the verb closes the subjects).
    const words = tagWords(rest);
    const verb = words.findIndex((w) => is(w, 'PastTense', 'PresentTense', 'Modal', 'Copula', 'Auxiliary'));
    if (
      !makesStatement(words, rest) ||
      pointsBack(words, rest) ||
      words.slice(0, verb).some((w) => w.post.includes(',')) ||
      !makesStatement(tagWords(head), head)
    )
      continue;
    return closingClauseCandidate(c, from);
  }
  return undefined;
}

/**
 * The body's sentences without those the rest of the page (`above`: headline, dek, lede, timeline;
 * and the other body sentences) already tells in full. The sentence that tells least goes first, so
 * of two that tell one fact the fuller stays ("The recall covers batteries fitted to Glide V2 electric
 * bikes sold since March 2024" beside "covers 48-volt packs … made between March 2024 and June 2025").
 * A report's opening sentence tells the story's event, which the page has told: it is told again when
 * the page holds its words across its sentences, figures or not ("The judge threw out three of the
 * eight murder charges against abortion doctor Kermit Gosnell" beside "A judge has thrown out three
 * murder charges …" and "Gosnell was charged with eight counts of murder"), and one that joins news to
 * the event keeps the news alone (see JOINED).
 */
export function withoutToldOnPage(given: readonly Candidate[], above: readonly string[]): Candidate[] {
  const fixed = above.map(toldBy);
  const page = [...fixed, ...given.map((c) => toldBy(c.text))];
  const body = given.map((c, i) => newsOfOpening(c, page.toSpliced(fixed.length + i, 1)) ?? c);
  const told = new Map(body.map((c) => [c, toldBy(c.text)]));
  const left = new Set(body);
  for (const c of [...body].sort((a, b) => told.get(a)!.stems.size - told.get(b)!.stems.size)) {
    const others = [...left].filter((o) => o !== c).map((o) => told.get(o)!);
    if (retold([...fixed, ...others], told.get(c)!, c.position === 0 && !c.paired)) left.delete(c);
  }
  return body.filter((c) => left.has(c));
}
