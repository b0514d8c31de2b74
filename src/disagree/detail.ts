import { STOPWORDS } from '../analyze/stopwords.js';
import { tokenize } from '../analyze/text.js';
import { contextStem } from './context.js';
import { moneyPhrase, valuedThing, VALUE_WORDS } from './money-words.js';
import type { DetectionSource, Mention } from './types.js';
import { escapeRegExp } from '../lib/regexp.js';

/**
 * Words for a fact and its values: "Homes destroyed", "Tomas Reinholt's title", "Date of the
 * funeral"; each value as the sources write it.
 */

const EVENT_NAMES: Record<string, string> = { start: 'start', held: 'event', launch: 'launch', vote: 'vote' };

/** The fact in words: what the figure measures, then what it is attached to, as the reports write them. */
export function describeFact(mentions: Mention[], sources: ReadonlyMap<number, DetectionSource>): string {
  const first = mentions[0]!;
  const event = first.unit.replace(/[:~].*$/, '');
  if (first.kind === 'title') return `${personName(first, sources)}'s title`;
  if (first.kind === 'date') return `Date of the ${EVENT_NAMES[event] ?? event}`;
  if (first.kind === 'time') return `Time of the ${EVENT_NAMES[event] ?? event}`;
  if (first.kind === 'place') return `Place of the ${EVENT_NAMES[event] ?? event}`;
  const per = first.per && !['still', 'change', 'limit'].includes(first.per) ? first.per : '';
  const rate = per === 'before' || per === 'after' ? '' : per ? ` per ${per}` : '';
  if (first.kind === 'count') {
    const noun = first.unit === '' ? '' : countedWord(mentions, sources);
    const done = noun ? participle(mentions, sources, noun) : null;
    // "Homes destroyed": what is counted and what happened to it, as a reader says it.
    if (done) return capital(`${noun} ${done}${rate}`);
    const what = attachedTo(mentions, sources, noun ? [noun] : []);
    if (per === 'before' || per === 'after') return capital(`${noun} ${per}${what ? ` ${what}` : ''}`);
    // "ten years": the fact is how long something lasts.
    if (DURATIONS.test(noun)) return capital(`Length${what ? ` of ${what}` : ''} in ${noun}`);
    if (!noun) return capital(`Number${what ? ` of ${what.replace(/^the /, '')}` : ''}${rate}`);
    const of = ofPhrase(mentions, sources);
    // A crowd or an audience has a size; homes and workers have a number.
    if (!/s$/.test(noun)) return capital(`Size of the ${noun}${of ? ` ${of}` : ''}${rate}`);
    return capital(`Number of ${noun}${of ? ` ${of}` : what ? ` (${what})` : ''}${rate}`);
  }
  return capital(`${otherFact(mentions, sources)}${rate}`);
}

const DURATIONS = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// Words that say a percentage is a change and which way it went.
const CHANGE: Record<string, string> = {
  rose: 'Rise',
  risen: 'Rise',
  rise: 'Rise',
  up: 'Rise',
  gained: 'Rise',
  increased: 'Increase',
  increase: 'Increase',
  grew: 'Growth',
  fell: 'Fall',
  fall: 'Fall',
  down: 'Fall',
  dropped: 'Fall',
  lost: 'Fall',
  declined: 'Fall',
  cut: 'Reduction',
  reduced: 'Reduction',
  reduction: 'Reduction',
  lowered: 'Reduction',
};
const DIMENSIONS: Record<string, string> = {
  mass: 'Mass',
  length: 'Length',
  area: 'Area',
  volume: 'Volume',
  speed: 'Speed',
};

/** An amount, percentage, measure, place in a ranking or tally in words: what it measures, then what it is of. */
function otherFact(mentions: Mention[], sources: ReadonlyMap<number, DetectionSource>): string {
  const first = mentions[0]!;
  const around = mentions.flatMap((m) => beside(m, sources, 4));
  if (first.kind === 'amount') {
    const found = mentions.map((m) => moneyPhrase(m, sources)).find((x) => x !== null);
    if (!found) {
      const what = attachedTo(mentions, sources, []);
      return `Amount${what ? ` of ${what}` : ''}`;
    }
    // "The objects, valued at $4.2 million": a value is named for the thing valued, when reports say it.
    const valued = VALUE_WORDS.test(found.words[0]!) ? valuedThing(mentions, sources) : null;
    if (valued) return `Value of the ${valued}`;
    const what = attachedTo(mentions, sources, found.words);
    if (!what) return found.phrase;
    // "Estmark's pledge", "cost to businesses", "cost of the bridge".
    if (/'s /.test(what)) return `Size of ${what.replace(/'s .*$/, "'s")} ${found.phrase.toLowerCase()}`;
    if (/^\p{Lu}/u.test(what)) return `Size of ${what.split(' ')[0]}'s ${found.phrase.toLowerCase()}`;
    return found.object ? `${found.phrase} to ${found.object}` : `${found.phrase} of ${what}`;
  }
  if (first.kind === 'percent') {
    const change = around.find((w) => CHANGE[w.toLowerCase()]);
    if (change) {
      const between = mentions.map((m) => changed(m, sources, change)).find((x) => x) ?? '';
      const what = between || attachedTo(mentions, sources, [change]);
      return `${CHANGE[change.toLowerCase()]!}${what ? ` in ${what}` : ''}`;
    }
    const what = attachedTo(mentions, sources, []);
    return `Percentage${what ? ` of ${what}` : ''}`;
  }
  if (first.kind === 'measure') {
    const thing = mentions.map((m) => nextNoun(m, sources)).find((x) => x);
    const lead = DIMENSIONS[first.unit] ?? first.unit;
    const what = thing ? `the ${thing}` : attachedTo(mentions, sources, []);
    return what ? `${lead} of ${what}` : lead;
  }
  if (first.kind === 'ordinal') {
    const unit = mentions.map((m) => nextWord(m, sources)).find((x) => x) ?? first.unit;
    const what = attachedTo(mentions, sources, [unit]);
    return `${unit}${what ? ` of ${what}` : ''}`;
  }
  if (first.kind === 'tally') {
    const lead = first.unit === 'vote' ? 'Vote' : 'Score';
    const what = attachedTo(mentions, sources, ['vote', 'voted', 'votes', 'score'], 'on');
    return `${lead}${what ? ` of ${what}` : ''}`;
  }
  return first.unit || 'Figure';
}

/** The words between a change and its percentage ("reduced migraine days by 38 percent" → "migraine days"). */
function changed(m: Mention, sources: ReadonlyMap<number, DetectionSource>, verb: string): string {
  const text = sources.get(m.articleId)?.text ?? '';
  const before = text.slice(m.sentence.start, m.span.start);
  const found = new RegExp(`\\b${verb}\\s+((?:[\\p{Ll}-]+\\s+){1,3})by\\s+$`, 'u').exec(before);
  const words = found?.[1]?.trim().split(/\s+/) ?? [];
  return words.length > 0 && !/^(?:the|a|an|its|their|his|her)$/.test(words[0]!) ? words.join(' ') : '';
}

/** The word written right after a value ("113th minute", "113th-minute"). */
function nextWord(m: Mention, sources: ReadonlyMap<number, DetectionSource>): string | null {
  const text = sources.get(m.articleId)?.text ?? '';
  return /^[\s-]+([a-z]{3,})\b/.exec(text.slice(m.span.end, m.sentence.end))?.[1] ?? null;
}

/** The thing a measure is of when written before it ("the 3,100-kilogram satellite"). */
function nextNoun(m: Mention, sources: ReadonlyMap<number, DetectionSource>): string | null {
  const text = sources.get(m.articleId)?.text ?? '';
  const words = /^[\s-]+([a-z]{3,})(?:\s+([a-z]{3,}))?\b/.exec(text.slice(m.span.end, m.sentence.end));
  const noun = (w: string | undefined) => w && !STOPWORDS.has(w) && !/(?:ed|ing|ly)$/.test(w);
  if (!words || !noun(words[1])) return null;
  // "the 4,000-tonne main span": a second word that is no verb or preposition belongs to the thing.
  return noun(words[2]) && !/s$/.test(words[1]!) && !/s$/.test(words[2]!)
    ? `${words[1]} ${words[2]}`
    : words[1]!;
}

/** Words written right beside a mention's value, nearest first. */
function beside(m: Mention, sources: ReadonlyMap<number, DetectionSource>, n: number): string[] {
  const text = sources.get(m.articleId)?.text ?? '';
  const before = tokenize(text.slice(m.sentence.start, m.span.start)).slice(-n).reverse();
  const after = tokenize(text.slice(m.span.end, m.sentence.end)).slice(0, n);
  const out: string[] = [];
  for (let i = 0; i < n; i++) for (const t of [before[i], after[i]]) if (t) out.push(t.text);
  return out;
}

// Verbs whose past participle is not written with -ed.
const IRREGULAR = new Set([
  'cut',
  'lost',
  'shed',
  'hit',
  'hurt',
  'sold',
  'built',
  'held',
  'left',
  'killed',
  'laid off',
]);

/** What happened to what is counted, right after it or in the verb right before the value ("142 homes destroyed", "cut 450 jobs"). */
function participle(
  mentions: Mention[],
  sources: ReadonlyMap<number, DetectionSource>,
  noun: string,
): string | null {
  const votes = new Map<string, number>();
  const written = escapeRegExp(noun);
  for (const m of mentions) {
    const text = sources.get(m.articleId)?.text ?? '';
    const rest = text.slice(m.span.end, m.sentence.end);
    const named = new RegExp(`^(?:\\s+[\\p{L}-]+){0,2}?\\s+${written}\\b|^\\S*\\s*$`, 'iu').test(
      `${text.slice(m.span.start, m.span.end)}${/^\s+\S+/.exec(rest)?.[0] ?? ''}`.replace(/^[\d.,]+/, ''),
    );
    const after = /^(?:\s+[a-z-]+)?\s+([a-z]+ed|aboard|missing|dead|killed|injured|on board)\b/.exec(rest);
    const before =
      /\b([a-z]+ed|cut|lost|shed|sold|built|killed|laid off)\s+(?:about |around |some |nearly |at least )?$/.exec(
        text.slice(m.sentence.start, m.span.start),
      );
    const word =
      (named && after?.[1]) ||
      (before && !/^(?:need|used|based|reported|estimated|said|confirmed|announced)$/.test(before[1]!)
        ? before[1]!
        : null);
    if (word) votes.set(word, (votes.get(word) ?? 0) + 1);
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  return best[0].endsWith('ed') ||
    IRREGULAR.has(best[0]) ||
    !/^[a-z]+$/.test(best[0]) ||
    /^(?:aboard|missing|dead)$/.test(best[0])
    ? best[0]
    : null;
}

/** "members of Transit Workers Union Local 212": the of-phrase right after the counted noun. */
function ofPhrase(mentions: Mention[], sources: ReadonlyMap<number, DetectionSource>): string {
  for (const m of mentions) {
    const text = sources.get(m.articleId)?.text ?? '';
    const of = /^\s+of\s+((?:the\s+)?(?:[A-Z][\p{L}-]*|\d+)(?:\s+(?:[A-Z][\p{L}-]*|\d+)){0,4})/u.exec(
      text.slice(m.span.end, m.sentence.end),
    );
    if (of) return `of ${of[1]}`;
  }
  return '';
}

/**
 * What the figure is attached to, in the words most reports use beside it, as written and in the
 * order written: "Feld's winner", "the Estmark investment pledge". Names take a possessive before
 * a common noun; verbs and the figure's own words are left out.
 */
function attachedTo(
  mentions: Mention[],
  sources: ReadonlyMap<number, DetectionSource>,
  skip: string[],
  about = '',
): string {
  const skipped = new Set(skip.map((w) => contextStem(w)).filter(Boolean));
  const words = sharedWords(mentions, sources).filter((w) => {
    const stem = contextStem(w);
    return stem !== null && !skipped.has(stem) && !/(?:ing|ed)$/.test(w) && !VERBS.has(w.toLowerCase());
  });
  if (words.length === 0) return '';
  // "Quill's victory": in "Number of votes (Bernard Quill)" the name stands without its possessive.
  const names = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.replace(/['’]s$/u, ''));
  // A superlative goes before its noun ("the strongest gust").
  const common = words
    .filter((w) => !/^\p{Lu}/u.test(w))
    .map((w) => w.toLowerCase())
    .sort((a, b) => Number(/est$/.test(b)) - Number(/est$/.test(a)));
  // "Feld winner" reads "Feld's winner"; a name written after ("school board … Ashby") says what it is about.
  if (names.length > 0 && common.length > 0)
    return words.indexOf(names[0]!) < words.findIndex((w) => !/^\p{Lu}/u.test(w))
      ? `${names.join(' ')}'s ${common.join(' ')}`
      : `the ${common.join(' ')}${about ? ` ${about} ${names.join(' ')}` : ` (${names.join(' ')})`}`;
  if (common.length > 0) return `the ${common.join(' ')}`;
  return names.join(' ');
}

// Verbs that name no thing a figure is attached to.
const VERBS = new Set([
  'invest',
  'cut',
  'put',
  'set',
  'took',
  'gave',
  'made',
  'won',
  'lost',
  'rose',
  'fell',
  'led',
]);

/** Surface words near the value (in the first mention's order) that most of the mentions share. */
function sharedWords(mentions: Mention[], sources: ReadonlyMap<number, DetectionSource>): string[] {
  const counts = new Map<string, number>();
  for (const m of mentions) for (const w of new Set(m.near)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(mentions.length / 2));
  const first = mentions.find((m) => m.near.some((w) => (counts.get(w) ?? 0) >= need)) ?? mentions[0]!;
  const text = sources.get(first.articleId)?.text ?? '';
  const out: string[] = [];
  // A sentence's first word keeps its capital only when it is a name.
  const entities = sources.get(first.articleId)?.analysis.entities ?? [];
  const texts = [...sources.values()].map((src) => src.text);
  const named = (word: string) =>
    entities.some((e) => e.name.split(' ').includes(word)) ||
    texts.some((t) => new RegExp(`[\\p{Ll},] ${word}\\b`, 'u').test(t));
  for (const t of tokenize(text.slice(first.sentence.start, first.sentence.end))) {
    const abs = first.sentence.start + t.start;
    if (Math.abs(abs - first.span.start) > 60 || (abs >= first.span.start && abs < first.span.end)) continue;
    const stem = contextStem(t.text);
    // "to invest", "to approve": a verb names no thing the figure is of.
    const infinitive = /\bto\s+$/i.test(text.slice(first.sentence.start, abs));
    if (
      stem &&
      !infinitive &&
      (counts.get(stem) ?? 0) >= need &&
      first.near.includes(stem) &&
      !out.some((w) => w.toLowerCase() === t.text.toLowerCase())
    )
      out.push(/^\p{Lu}/u.test(t.text) && (t.start > 0 || named(t.text)) ? t.text : t.text.toLowerCase());
    if (out.length === 4) break;
  }
  return out;
}

/** The counted noun as a report writes it ("homes"), or its key. */
function countedWord(mentions: Mention[], sources: ReadonlyMap<number, DetectionSource>): string {
  for (const m of mentions) {
    const text = sources.get(m.articleId)?.text ?? '';
    const written = text.slice(m.span.start, m.span.end).match(/\s([a-z][a-z-]+)$/)?.[1];
    if (written) return written;
  }
  return mentions[0]!.unit;
}

function personName(m: Mention, sources: ReadonlyMap<number, DetectionSource>): string {
  const key = m.unit.replace(/^\w+:/, '');
  const entity = sources.get(m.articleId)?.analysis.entities.find((e) => e.key === key);
  return entity?.name ?? key;
}

/** The value as most of its reports write it. */
export function displayValue(mentions: Mention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (m.earlier) continue;
    const text = written(m);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] ?? written(mentions[0]!);
}

function written(m: Mention): string {
  if (m.kind === 'count') {
    const count = /^[\d.,]+|^\w+/.exec(m.text)?.[0] ?? m.text;
    // A count in words that opens its sentence ("Four workers were hurt") is the same word as "four".
    return /^\p{L}+$/u.test(count) ? count.toLowerCase() : count;
  }
  if (m.kind === 'measure') return standingMeasure(m.text);
  return m.text;
}

// Units a hyphen joins to their number in front of a noun ("the 2,850-kilogram spacecraft").
const PLURAL_UNITS: Record<string, string> = { foot: 'feet', inch: 'inches' };

/**
 * A measure as it reads on its own: "2,850-kilogram" (a modifier) is "2,850 kilograms", "148-foot"
 * is "148 feet"; an abbreviation ("5-km") and one of a unit ("1-metre") stay singular.
 */
function standingMeasure(text: string): string {
  const joined = /^([\d.,]+)-(\p{L}+)$/u.exec(text);
  if (!joined) return text;
  const [, number, unit] = joined as unknown as [string, string, string];
  const one = Number(number.replace(/,/g, '')) === 1;
  const word = unit.length < 4 && !PLURAL_UNITS[unit] && !/^(?:mile|ton|yard|acre)$/.test(unit);
  if (one || word) return `${number} ${unit}`;
  return `${number} ${PLURAL_UNITS[unit] ?? (unit.endsWith('s') ? unit : `${unit}s`)}`;
}

/** The normalized value: what a settlement names, stable across versions. */
export function valueKey(m: Mention): string {
  const v = typeof m.value === 'number' ? String(Number(m.value.toPrecision(6))) : m.value;
  return `${m.kind}:${v}`;
}

/** A stable key for the fact: kind, unit and the words its mentions share most. */
export function factKey(mentions: Mention[]): string {
  const first = mentions[0]!;
  if (first.kind === 'title') return `${first.unit}`;
  const counts = new Map<string, number>();
  for (const m of mentions) for (const w of new Set(m.near)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 2)
    .map(([w]) => w)
    .sort();
  return [first.kind, first.unit, first.per, ...top].filter(Boolean).join(':');
}
