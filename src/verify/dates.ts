/**
 * Calendar words a sentence may only use where its evidence does: a weekday or a month changed
 * ("on Friday" for "on Thursday") copies every other word and slips past word overlap. Years and
 * day numbers are figures and go through the figure check.
 */
const CALENDAR =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|tomorrow)\b/giu;

const SHORT = new Set(
  'mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Words that name the same day or month ("sept" for "september", "tues" for "tuesday"). */
function canonical(word: string): string {
  return word.toLowerCase().slice(0, 3);
}

function isCalendarWord(word: string): boolean {
  CALENDAR.lastIndex = 0;
  return SHORT.has(word) || CALENDAR.test(word);
}

/** The calendar words of a claim that no evidence text holds. */
export function missingDates(claim: string, evidenceWords: ReadonlySet<string>): string[] {
  const held = new Set<string>();
  for (const w of evidenceWords) if (isCalendarWord(w)) held.add(canonical(w));
  const out: string[] = [];
  for (const m of claim.matchAll(CALENDAR)) {
    const word = m[1]!;
    // "may" is a month only when it is written as one.
    if (word.toLowerCase() === 'may' && word !== 'May') continue;
    if (!held.has(canonical(word)) && !out.includes(word)) out.push(word);
  }
  return out;
}
