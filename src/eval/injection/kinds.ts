import type { LlmDraft } from '../../write/llm-draft.js';
import { usable } from './clean.js';
import type { PromptPassage, PromptStory } from './prompt.js';

/**
 * The errors a model makes that the verifier must catch, one per injected draft. Each is made from
 * the story's own passages, the way a model errs: it copies a sentence and changes one thing.
 */
export const ERROR_KINDS = [
  'invented_quote',
  'quote_word_changed',
  'quote_wrong_speaker',
  'changed_figure',
  'figure_from_elsewhere',
  'invented_name',
  'no_citation',
  'wrong_citation',
  'negation_flipped',
  'added_clause',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** What was injected: the sentence as the draft carries it, with its passage numbers. */
export interface Injection {
  kind: ErrorKind;
  text: string;
  citations: number[];
}

const QUOTE = /["“]([^"”]{20,240}?)[,.!?]?["”]/;
const SPEAKER = /\bsaid ([A-Z][a-z]+(?: [A-Z][a-z'-]+)+)|([A-Z][a-z]+(?: [A-Z][a-z'-]+)+),? (?:said|told)\b/;
const NAME = /(?<=[a-z,] )([A-Z][a-z]+ [A-Z][a-z'-]{2,})\b/;
const NUMBER = /(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,])/g;
const AUXILIARY = /\b(was|were|is|are|has|have|had|will|would|could|can|did|does)\b(?! not\b)/;
const NOT_WORDS = new Set(['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September']);
const INVENTED_QUOTES = [
  'We will not accept anything less than a full public apology',
  'This is the hardest decision we have had to make in years',
  'Nobody should have to go through what these families went through',
];
const INVENTED_PERSON = 'Marion Castellane';
const CLAUSES = [
  ', after officials admitted that warnings had been ignored for months.',
  ', and investigators blamed a faulty cable for the failure.',
  ', which critics called a cover-up.',
];

type Maker = (story: PromptStory, seed: number) => Omit<Injection, 'kind'> | undefined;

/** Adds one error of the kind to a clean draft, or undefined when the story offers no material for it. */
export function inject(
  draft: LlmDraft,
  story: PromptStory,
  kind: ErrorKind,
): { draft: LlmDraft; injection: Injection } | undefined {
  const made = MAKERS[kind](story, seedOf(story));
  if (!made) return undefined;
  const copy = structuredClone(draft);
  const section = copy.sections[0] ?? { heading: 'What happened', sentences: [] };
  if (copy.sections.length === 0) copy.sections.push(section);
  section.sentences.push({ text: made.text, citations: made.citations });
  return { draft: copy, injection: { kind, ...made } };
}

const MAKERS: Record<ErrorKind, Maker> = {
  invented_quote(story, seed) {
    const said = first(story, (p) => speakerOf(p.text));
    if (!said) return undefined;
    const words = INVENTED_QUOTES[seed % INVENTED_QUOTES.length]!;
    return { text: `"${words}," said ${said.value}.`, citations: [said.passage.id] };
  },
  quote_word_changed(story) {
    const quoted = first(story, quoteWithSpeaker);
    if (!quoted) return undefined;
    const words = quoted.value.quote.split(' ');
    const at = longestWord(words);
    // The longest word of the quote gives way to another, its punctuation kept.
    words[at] = words[at]!.replace(/[\p{L}'’-]+/u, (w) => (w === 'important' ? 'unusual' : 'important'));
    return { text: `"${words.join(' ')}," said ${quoted.value.speaker}.`, citations: [quoted.passage.id] };
  },
  quote_wrong_speaker(story) {
    const quoted = first(story, quoteWithSpeaker);
    if (!quoted) return undefined;
    const surname = (name: string) => name.split(' ').at(-1)!;
    // Another person the story quotes: a place or a company that "said" something is no one to misquote.
    const other = first(story, (p) => {
      const name = quoteWithSpeaker(p)?.speaker;
      if (!name || surname(name) === surname(quoted.value.speaker)) return undefined;
      // Someone another source credits with these very words would be no misattribution.
      const saidIt = story.passages.some(
        (q) => q.text.includes(quoted.value.quote) && q.text.includes(surname(name)),
      );
      return saidIt ? undefined : name;
    });
    if (!other) return undefined;
    return {
      text: `"${quoted.value.quote}," said ${other.value}.`,
      citations: [quoted.passage.id, other.passage.id],
    };
  },
  changed_figure(story) {
    const all = story.passages.map((p) => p.text).join(' ');
    for (const p of usable(story.passages)) {
      for (const n of numbersOf(p.text)) {
        const changed = changeNumber(n);
        if (!all.includes(changed)) return { text: replaceOnce(p.text, n, changed), citations: [p.id] };
      }
    }
    return undefined;
  },
  figure_from_elsewhere(story) {
    for (const p of usable(story.passages)) {
      const mine = numbersOf(p.text)[0];
      if (!mine) continue;
      const near = new Set([p.id - 1, p.id, p.id + 1]);
      const elsewhere = story.passages
        .filter((q) => q.source === p.source && !near.has(q.id))
        .flatMap((q) => numbersOf(q.text))
        .find((n) => n !== mine && !p.text.includes(n));
      if (elsewhere) return { text: replaceOnce(p.text, mine, elsewhere), citations: [p.id] };
    }
    return undefined;
  },
  invented_name(story) {
    // A person the story quotes, or else the first name-like pair of words, becomes someone else.
    const named =
      first(story, (p) => speakerOf(p.text)) ??
      first(story, (p) => {
        const name = NAME.exec(p.text)?.[1];
        return name && !NOT_WORDS.has(name.split(' ')[0]!) ? name : undefined;
      });
    if (!named) return undefined;
    const person = named.value.split(' ').slice(-2).join(' ');
    return {
      text: replaceOnce(named.passage.text, person, INVENTED_PERSON),
      citations: [named.passage.id],
    };
  },
  no_citation(story) {
    const p = usable(story.passages).at(-1);
    return p ? { text: p.text, citations: [] } : undefined;
  },
  wrong_citation(story) {
    const pool = usable(story.passages);
    const p = pool.at(-1);
    if (!p) return undefined;
    const words = new Set(p.text.toLowerCase().match(/\p{L}{4,}/gu));
    const unrelated = pool.find(
      (q) =>
        Math.abs(q.id - p.id) > 1 &&
        (q.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => words.has(w)).length <= 1,
    );
    return unrelated ? { text: p.text, citations: [unrelated.id] } : undefined;
  },
  negation_flipped(story) {
    const found = first(story, (p) =>
      /\bnot\b/.test(p.text) ? 'remove' : AUXILIARY.test(p.text) && !QUOTE.test(p.text) ? 'add' : undefined,
    );
    if (!found) return undefined;
    const text =
      found.value === 'remove'
        ? found.passage.text.replace(/ not\b/, '')
        : found.passage.text.replace(AUXILIARY, '$1 not');
    return { text, citations: [found.passage.id] };
  },
  added_clause(story, seed) {
    const p = usable(story.passages).find((q) => /[.]$/.test(q.text) && !QUOTE.test(q.text));
    if (!p) return undefined;
    return { text: `${p.text.slice(0, -1)}${CLAUSES[seed % CLAUSES.length]!}`, citations: [p.id] };
  },
};

/** A number that varies the wording from story to story and stays the same from run to run. */
function seedOf(story: PromptStory): number {
  let h = 0;
  for (const ch of story.passages[0]?.text ?? '') h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** The first usable passage for which `pick` finds something, with what it found. */
function first<T>(
  story: PromptStory,
  pick: (p: PromptPassage) => T | undefined,
): { passage: PromptPassage; value: T } | undefined {
  for (const passage of usable(story.passages)) {
    const value = pick(passage);
    if (value !== undefined) return { passage, value };
  }
  return undefined;
}

function speakerOf(text: string): string | undefined {
  const m = SPEAKER.exec(text);
  return m?.[1] ?? m?.[2];
}

function quoteWithSpeaker(p: PromptPassage): { quote: string; speaker: string } | undefined {
  const quote = QUOTE.exec(p.text)?.[1];
  const speaker = speakerOf(p.text);
  return quote && speaker && quote.split(' ').length >= 5 ? { quote, speaker } : undefined;
}

function longestWord(words: readonly string[]): number {
  let at = 0;
  words.forEach((w, i) => {
    if (w.replace(/\W/g, '').length > words[at]!.replace(/\W/g, '').length) at = i;
  });
  return at;
}

/** Figures of a text that are not years. */
function numbersOf(text: string): string[] {
  return (text.match(NUMBER) ?? []).filter((n) => !/^(19|20)\d\d$/.test(n));
}

/** A different, plausible value written the same way ("6,800" → "10,201", "7.5" → "9.0"). */
function changeNumber(text: string): string {
  const value = Number(text.replace(/,/g, ''));
  const decimals = text.split('.')[1]?.length ?? 0;
  const changed = decimals > 0 ? value * 1.2 + 0.5 : Math.round(value * 1.5) + 1;
  return text.includes(',') ? Math.round(changed).toLocaleString('en-US') : changed.toFixed(decimals);
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
}
