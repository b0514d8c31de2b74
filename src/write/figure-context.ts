import { DEMONYMS } from '../analyze/place-lists.js';
import { STOPWORDS } from '../analyze/stopwords.js';

/**
 * Numbers that read as figures but are not: the day of a date ("the Sept. 11 attacks", "the
 * Oct. 19 election") and a number that belongs to a name or a title ("66 Perry Street", "10
 * Essential Tracks From the Mobb Deep MC"); and labels that extraction garbled. A key figure
 * box that says "11 — terror attacks" or "66 — Perry" misleads the reader more than no figure.
 */

const MONTH =
  '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?|January|February|March|April|June|July|August|September|October|November|December';
const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTH})\\s+$`, 'u');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH})(?![\\p{L}])`, 'u');

/** Whether the number at [start, end) of `text` is the day of a date ("Sept. 11", "11 September"). */
export function dayOfMonth(text: string, start: number, end: number): boolean {
  const number = text.slice(start, end);
  if (!/^\d{1,2}$/.test(number) || Number(number) > 31) return false;
  return (
    MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
    MONTH_AFTER.test(text.slice(end, end + 16))
  );
}

/**
 * Whether a count is the start of a name or a title: capitalised words follow it and end where
 * the phrase does ("66 Perry for…", "5012 Powell Drive.", "10 Essential Tracks From the…"), with no
 * lower-case noun after them that the count could be of ("13 Oscar nominations", "10,000 South
 * Korean military personnel"). A people counted ("2,000 Americans who…") is a count.
 */
export function startsName(text: string, end: number): boolean {
  const words =
    text
      .slice(end, end + 80)
      .match(/^\s+((?:[^\s]+\s*){1,8})/u)?.[1]
      ?.split(/\s+/) ?? [];
  let capitals = 0;
  for (const raw of words) {
    const word = raw.replace(/[.,;:!?"”’)]+$/u, '');
    if (!/^\p{Lu}/u.test(word)) {
      // The capitalised run ends: at a function word or the phrase's end it was the whole name.
      return capitals > 0 && (word === '' || STOPWORDS.has(word.toLowerCase()));
    }
    if (DEMONYMS.has(word.toLowerCase())) return false;
    capitals++;
    // "the 1,000 Genomes Project database", "the 100 Club's members": the run ends on a word that
    // names an undertaking or a body, whatever follows it.
    if (capitals > 1 && NAME_HEADS.has(word.replace(/['’]s$/u, '').toLowerCase())) return true;
    if (word !== raw) return true;
  }
  return false;
}

// Last words of names of projects, laws, bodies and places ("Genomes Project", "Powell Drive").
const NAME_HEADS = new Set(
  'project programme program initiative act club fund foundation institute index award awards prize challenge series cup games street avenue road drive lane square'.split(
    ' ',
  ),
);

/**
 * A label as extraction left it, cut at a citation mark or a semicolon ("members worldwide;[1]"),
 * or undefined when it is garbled: two sentences run together ("daysThe latest sightings") or a
 * bracket opened and not closed ("efficiency at modest potentials (–0.25 volts").
 */
export function tidyLabel(label: string): string | undefined {
  // "month—less than the interest": a dash glued to a word opens an aside.
  const cut = label.split(/\s*[;[—–]/u)[0]!.trim();
  if (/\p{Ll}(?:The|A|An|In|On|At|It|He|She|They|We|This|That|But|And)\b/u.test(cut)) return undefined;
  const opened = (cut.match(/[([]/g) ?? []).length;
  const closed = (cut.match(/[)\]]/g) ?? []).length;
  if (opened !== closed) return undefined;
  return /\p{L}{2}/u.test(cut) ? cut : undefined;
}
