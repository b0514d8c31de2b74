import nlp from 'compromise/two';

/**
 * Part-of-speech tags from compromise (its tagger only: the full build's phrase chunking and the
 * date plugin made tagging several times slower, and the writer tags a few dozen sentences per
 * story). Headings and figure labels are built from these tags.
 */

/** A word of a sentence with its offsets in that sentence and compromise's tags. */
export interface TaggedWord {
  text: string;
  /** Lower-case form without punctuation. */
  normal: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** Punctuation right after the word (",", ";", "."), which ends a phrase. */
  post: string;
}

/** Tags the words of one sentence. */
export function tagWords(text: string): TaggedWord[] {
  const out: TaggedWord[] = [];
  let cursor = 0;
  const doc = nlp(text) as unknown as {
    docs: { text: string; normal: string; post: string; tags: Set<string> }[][];
  };
  for (const sentence of doc.docs) {
    for (const term of sentence) {
      const at = text.indexOf(term.text, cursor);
      if (at < 0) continue;
      cursor = at + term.text.length;
      out.push({
        text: term.text,
        normal: term.normal,
        start: at,
        end: cursor,
        tags: term.tags,
        post: term.post.trim(),
      });
    }
  }
  return out;
}

/** True for a word tagged with any of `tags`. */
export function is(word: TaggedWord | undefined, ...tags: string[]): boolean {
  return word !== undefined && tags.some((t) => word.tags.has(t));
}

/** Tags each text once, however often it is read (headings and figure labels read the same sentences). */
export function textTagger(): (text: string) => TaggedWord[] {
  const tags = new Map<string, TaggedWord[]>();
  return (text) => {
    let words = tags.get(text);
    if (!words) {
      words = tagWords(text);
      tags.set(text, words);
    }
    return words;
  };
}

const lexicon = (
  nlp as unknown as { world: () => { model: { one: { lexicon: Record<string, string> } } } }
).world().model.one.lexicon;

/** The tag compromise's lexicon gives a word on its own ("had": PastTense), or undefined for a word it does not list. */
export function lexiconTag(word: string): string | undefined {
  return Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
}
