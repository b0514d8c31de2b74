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

type Term = { text: string; normal: string; post: string; tags: Set<string> };
const world = (
  nlp as unknown as {
    world: () => {
      methods: { one: { tokenize: { fromString: (text: string, world: unknown) => Term[][] } } };
    };
  }
).world();
const tagDocument = nlp as unknown as (json: { terms: Term[] }[]) => { docs: Term[][] };

/** Tags the words of one sentence. */
export function tagWords(text: string): TaggedWord[] {
  return tagTexts([text])[0]!;
}

/**
 * Tags the words of several texts in one pass of the tagger. A pass costs about as much to start as
 * to tag a sentence, so a story's sentences are tagged together; each text is split into sentences
 * on its own, and a sentence is tagged by its own words, so the tags are those of one by one.
 */
export function tagTexts(texts: readonly string[]): TaggedWord[][] {
  const split = texts.map((text) => world.methods.one.tokenize.fromString(text, world));
  const sentences = split.flat();
  const docs = sentences.length === 0 ? [] : tagDocument(sentences.map((terms) => ({ terms }))).docs;
  let next = 0;
  return texts.map((text, i) => {
    const out: TaggedWord[] = [];
    let cursor = 0;
    const from = next;
    next += split[i]!.length;
    for (const sentence of docs.slice(from, next)) {
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
  });
}

/** True for a word tagged with any of `tags`. */
export function is(word: TaggedWord | undefined, ...tags: string[]): boolean {
  return word !== undefined && tags.some((t) => word.tags.has(t));
}

/** A tagger that tags each text once, however often it is read, and can tag texts it will be asked for in one pass. */
export interface TextTagger {
  (text: string): TaggedWord[];
  /** Tags, in one pass, the texts not yet tagged (those the caller is about to read). */
  prime(texts: Iterable<string>): void;
}

/** Tags each text once, however often it is read (headings and figure labels read the same sentences). */
export function textTagger(): TextTagger {
  const tags = new Map<string, TaggedWord[]>();
  const tagger = (text: string) => {
    let words = tags.get(text);
    if (!words) {
      words = tagWords(text);
      tags.set(text, words);
    }
    return words;
  };
  tagger.prime = (texts: Iterable<string>) => {
    const fresh = [...new Set(texts)].filter((t) => !tags.has(t));
    const tagged = tagTexts(fresh);
    for (const [i, text] of fresh.entries()) tags.set(text, tagged[i]!);
  };
  return tagger;
}

const lexicon = (
  nlp as unknown as { world: () => { model: { one: { lexicon: Record<string, string> } } } }
).world().model.one.lexicon;

/** The tag compromise's lexicon gives a word on its own ("had": PastTense), or undefined for a word it does not list. */
export function lexiconTag(word: string): string | undefined {
  return Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
}
