import { tokenize } from '../analyze/text.js';
import { contextStem } from './context.js';
import type { DetectionSource, Mention } from './types.js';

/**
 * Words for a fact and its values: "Homes destroyed", "Tomas Reinholt's title", "Date of the
 * funeral"; each value as the sources write it.
 */

const EVENT_NAMES: Record<string, string> = { start: 'start', held: 'event', launch: 'launch', vote: 'vote' };

/** The fact in words, from the words its mentions share around the value. */
export function describeFact(mentions: Mention[], sources: ReadonlyMap<number, DetectionSource>): string {
  const first = mentions[0]!;
  const event = first.unit.replace(/[:~].*$/, '');
  if (first.kind === 'title') return `${personName(first, sources)}'s title`;
  if (first.kind === 'date') return `Date of the ${EVENT_NAMES[event] ?? event}`;
  if (first.kind === 'time') return `Time of the ${EVENT_NAMES[event] ?? event}`;
  if (first.kind === 'place') return `Place of the ${EVENT_NAMES[event] ?? event}`;
  const shared = sharedWords(mentions, sources);
  if (first.kind === 'count' && first.unit !== '') {
    // "Number of homes (destroyed)": what is counted first, then what the reports say of it.
    const noun = countedWord(mentions, sources);
    const rest = shared.filter((w) => contextStem(w) !== contextStem(noun));
    return `Number of ${noun}${rest.length > 0 ? ` (${rest.join(' ')})` : ''}${first.per ? ` per ${first.per}` : ''}`;
  }
  const fallback =
    first.kind === 'tally' ? (first.unit === 'vote' ? 'vote' : 'score') : first.unit || first.kind;
  const words = shared.length > 0 ? shared : [fallback];
  if (first.kind === 'tally' && !words.some((w) => /vot|scor/.test(w))) words.push(first.unit);
  const text = words.join(' ') + (first.per ? ` per ${first.per}` : '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Surface words near the value (in the first mention's order) that most of the mentions share. */
function sharedWords(mentions: Mention[], sources: ReadonlyMap<number, DetectionSource>): string[] {
  const counts = new Map<string, number>();
  for (const m of mentions) for (const w of new Set(m.near)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(mentions.length / 2));
  const first = mentions.find((m) => m.near.some((w) => (counts.get(w) ?? 0) >= need)) ?? mentions[0]!;
  const text = sources.get(first.articleId)?.text ?? '';
  const out: string[] = [];
  for (const t of tokenize(text.slice(first.sentence.start, first.sentence.end))) {
    const abs = first.sentence.start + t.start;
    if (Math.abs(abs - first.span.start) > 60 || (abs >= first.span.start && abs < first.span.end)) continue;
    const stem = contextStem(t.text);
    if (
      stem &&
      (counts.get(stem) ?? 0) >= need &&
      first.near.includes(stem) &&
      !out.includes(t.text.toLowerCase())
    )
      out.push(t.text.toLowerCase());
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
  if (m.kind === 'count') return /^[\d.,]+|^\w+/.exec(m.text)?.[0] ?? m.text;
  if (m.kind === 'measure') return m.text.replace(/(\d)-(?=\p{L})/u, '$1 ');
  return m.text;
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
