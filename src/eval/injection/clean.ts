import type { LlmDraft } from '../../write/llm-draft.js';
import type { PromptPassage, PromptStory } from './prompt.js';
import { escapeRegExp } from '../../lib/regexp.js';

/**
 * The stand-in model's faithful draft: passages taken in turns from every source, as a careful
 * model writes them. One in three is copied, one reworded the way models reword (a synonym, a
 * dropped "also"), one joined with the next passage of the same source; every sentence cites the
 * passages it came from.
 */

/** Rewordings that keep the meaning; the first that applies is used. */
const REWORDINGS: [RegExp, string][] = [
  [/\bmore than (?=\d)/, 'over '],
  [/\babout (?=\d)/, 'around '],
  [/ also /, ' '],
  [/\bbegan\b/, 'started'],
  [/\btold reporters\b/, 'said'],
  [/^However, (\p{Ll})/u, '$1'],
  [/\bsaid on\b/, 'announced on'],
  // "12,000 people" counts people, not residents: only an uncounted "people" is reworded.
  [
    /(?<!\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions) )\bpeople\b/,
    'residents',
  ],
];

/** Words that may start a joined clause in lower case (a name keeps its capital). */
const LOWER_OK = /^(The|A|An|It|Its|This|That|These|Those|He|She|They|His|Her|Their|There)\b/;

/** Passages fit to be a sentence of their own: not too short, not too long, a whole sentence. */
export function usable(passages: readonly PromptPassage[]): PromptPassage[] {
  return passages.filter((p) => p.text.length >= 40 && p.text.length <= 360 && /[.!?]["”’]?$/.test(p.text));
}

/** A faithful draft of the story in the writer's JSON shape. */
export function cleanDraft(story: PromptStory): LlmDraft {
  // A careful model leaves out what the prompt says is in dispute rather than state it as settled.
  const settled = (text: string) => !story.unsettled.some((value) => states(text, value));
  const pool = usable(story.passages).filter((p) => settled(p.text));
  const bySource = story.sources.map((_, i) => pool.filter((p) => p.source === i));
  const order: PromptPassage[] = [];
  for (let round = 0; order.length < 9 && bySource.some((q) => q.length > round); round++)
    for (const queue of bySource) if (queue[round] && order.length < 9) order.push(queue[round]!);
  const used = new Set<number>();
  const sentences: LlmDraft['lede'] = [];
  order.forEach((p, i) => {
    if (used.has(p.id)) return;
    used.add(p.id);
    const next = story.passages.find((q) => q.id === p.id + 1 && q.source === p.source);
    if (i % 3 === 2 && next && !used.has(next.id) && usable([next]).length === 1 && settled(next.text)) {
      used.add(next.id);
      sentences.push({ text: join(p.text, next.text), citations: [p.id, next.id] });
    } else if (i % 3 === 1) {
      sentences.push({ text: reword(p.text), citations: [p.id] });
    } else {
      sentences.push({ text: p.text, citations: [p.id] });
    }
  });
  const [lede, ...rest] = sentences;
  const half = Math.ceil(rest.length / 2);
  const sections = [
    { heading: 'What happened', sentences: rest.slice(0, half) },
    { heading: 'What comes next', sentences: rest.slice(half) },
  ].filter((s) => s.sentences.length > 0);
  return {
    headline: story.sources.map((s) => s.title).find(settled) ?? order[0]?.text ?? 'Untitled',
    dek: order[0]?.text ?? 'No passages.',
    lede: lede ? [lede] : [],
    sections,
  };
}

/** True when `text` states `value` as a whole word or figure ("14" is not stated by "140"). */
function states(text: string, value: string): boolean {
  const escaped = escapeRegExp(value);
  return new RegExp(`(?<![\\w.,])${escaped}(?![\\w]|[.,]\\d)`, 'i').test(text);
}

/** The passage with the first rewording that applies, or as it is. */
export function reword(text: string): string {
  for (const [pattern, replacement] of REWORDINGS)
    if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}

/** Two consecutive sentences of one source as one: "…; the…" or "…, and the…". */
function join(first: string, second: string): string {
  const head = first.replace(/[.!?]$/, '');
  if (/["”]$/.test(first)) return `${first} ${second}`;
  return LOWER_OK.test(second)
    ? `${head}, and ${second[0]!.toLowerCase()}${second.slice(1)}`
    : `${head}; ${second}`;
}
