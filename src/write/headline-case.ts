import type { SourceArticle } from '../verify/types.js';

/**
 * A headline that opens in capitals ("THE DÁIL IS to sit late tonight …", a print lead-in or a
 * title set in capitals) written in sentence case, each word as the sources write it elsewhere.
 */

// Two or more words in capitals at the opening (a lone one is an acronym: "NASA said …").
const CAPITALS_RUN = /^(?:[\p{Lu}\d][\p{Lu}\d'’.&-]*\s+)+[\p{Lu}\d][\p{Lu}\d'’.&-]*(?=\s|$)/u;
const WORD = /[\p{L}\d'’.&-]+/gu;

/**
 * The headline with its opening words in capitals written as the sources write them where they are
 * not in capitals (a name keeps its capital: "Dáil"), else in lower case; a word the sources write
 * only in capitals, out of a run of them, is an acronym and stays so ("FBI"). The first word opens
 * with a capital.
 */
export function inSentenceCase(text: string, sources: readonly SourceArticle[]): string {
  const run = CAPITALS_RUN.exec(text)?.[0];
  if (!run || !/\p{Lu}{2}/u.test(run) || run.split(/\s+/).filter((w) => /\p{Lu}{2}/u.test(w)).length < 2)
    return text;
  const bodies = sources.map((s) => `${s.title ?? ''}\n${s.text}`);
  const words = run.replace(WORD, (word, at: number) => {
    if (!/\p{L}/u.test(word)) return word;
    const cased = sourceForm(word, bodies) ?? word.toLowerCase();
    return at === 0 ? cased.charAt(0).toUpperCase() + cased.slice(1) : cased;
  });
  return words + text.slice(run.length);
}

/** How the sources write a word in mid-sentence: its most common form not in capitals, else in capitals when an acronym. */
function sourceForm(word: string, bodies: readonly string[]): string | undefined {
  const key = word.toLowerCase();
  const forms = new Map<string, number>();
  let acronym = false;
  for (const body of bodies) {
    const tokens = body.split(/\s+/);
    tokens.forEach((token, i) => {
      const form = token.replace(/^[^\p{L}\d]+|[^\p{L}\d.]+$|\.$/gu, '');
      if (form.toLowerCase() !== key) return;
      const before = tokens[i - 1];
      if (form !== form.toUpperCase()) {
        // A word after a sentence's end takes a capital for its place, not as a name.
        if (before && !ENDS_SENTENCE.test(before)) forms.set(form, (forms.get(form) ?? 0) + 1);
        return;
      }
      // In capitals within a sentence ("the US FDA said") it is an acronym; a run in capitals
      // that opens a sentence is a lead-in.
      let j = i - 1;
      while (j >= 0 && isCapitals(tokens[j]!)) j--;
      if (j >= 0 && /\p{Ll}/u.test(tokens[j]!) && !ENDS_SENTENCE.test(tokens[j]!)) acronym = true;
    });
  }
  const common = [...forms].sort((a, b) => b[1] - a[1])[0]?.[0];
  return common ?? (acronym ? word : undefined);
}

const ENDS_SENTENCE = /[.!?:"“”]$/u;

function isCapitals(token: string): boolean {
  return /\p{Lu}{2}/u.test(token) && !/\p{Ll}/u.test(token);
}
