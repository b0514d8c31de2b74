import type { Entity } from '../analyze/types.js';
import type { StoryBody, StorySentence } from '../db/schema.js';
import type { SourceArticle } from '../verify/types.js';

/** What the writer's references read in a sentence: quotation marks, names, kinds of organisation. */

// Words that continue a name ("Helena Marsh Jr."): the name is more than the one the story knows.
export const NAME_GOES_ON = /^\s*(?:,\s*)?(?:[JS]r|I{2,3}|IV)\b|^\s\p{Lu}/u;
// What an organisation's name may end on that the sources call it by after "the" ("the bank").
const KINDS_OF_ORGANISATION = new Set(
  (
    'bank ministry department agency commission committee council court parliament assembly party ' +
    'union association federation institute university college school hospital police army navy fund ' +
    'foundation authority board office service league club company exchange government administration ' +
    'cabinet museum trust network alliance coalition society charity organization organisation'
  ).split(' '),
);

/** Where the text is inside quotation marks, as [start, end) ranges. */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /"[^"]*"|“[^”]*”/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** What a name says its holder is, lower-cased ("bank" of "Reserve Bank of Calvera"), if a kind of organisation. */
export function headNoun(name: string): string | undefined {
  const words = name.split(/\s+/);
  const of = words.findIndex((w) => w.toLowerCase() === 'of');
  const head = (of > 0 ? words[of - 1] : words.at(-1))!.toLowerCase();
  return KINDS_OF_ORGANISATION.has(head) ? head : undefined;
}

/**
 * The organisations each source names in full by what they are ("Reserve Bank of Calvera": a bank),
 * with that word, lower-cased, and the name that says it: the entity's own, or the entity's with
 * the word its report writes after it ("the opposition National Renewal party"); not a name that
 * opens on "the".
 */
export function organisationsByKind(
  sources: readonly SourceArticle[],
): { article: number; entity: Entity; name: string; head: string }[] {
  return sources.flatMap((a) =>
    a.analysis.entities.flatMap((e) => {
      if (e.kind !== 'organization' || !/\s/.test(e.name) || /^the\s/i.test(e.name)) return [];
      const head = headNoun(e.name);
      if (head) return [{ article: a.id, entity: e, name: e.name, head }];
      // Only where the report writes the whole name: a mention may be a word of it ("Libyan").
      const after = e.mentions
        .filter((m) => a.text.slice(m.start, m.end) === e.name)
        .map((m) => KIND_AFTER.exec(a.text.slice(m.end, m.end + 20))?.[1])
        .find((w) => w !== undefined && KINDS_OF_ORGANISATION.has(w));
      return after ? [{ article: a.id, entity: e, name: `${e.name} ${after}`, head: after }] : [];
    }),
  );
}

// A kind of organisation in lower case right after a name: " party" of "National Renewal party".
const KIND_AFTER = /^ (\p{Ll}+)(?![\p{L}\p{N}-])/u;

/**
 * The body with each sentence's text as `rewrite` gives it (told the sentence's location, "lede.0"),
 * in reading order (the lede, then each section), and the location of each sentence it changed
 * with the sentence as it was.
 */
export function rewritten(
  body: StoryBody,
  rewrite: (s: StorySentence, location: string) => string,
): { body: StoryBody; changed: Map<string, StorySentence> } {
  const changed = new Map<string, StorySentence>();
  const refer = (prefix: string) => (s: StorySentence, i: number) => {
    const text = rewrite(s, `${prefix}.${i}`);
    if (text === s.text) return s;
    changed.set(`${prefix}.${i}`, s);
    return { ...s, text };
  };
  const lede = body.lede.map(refer('lede'));
  const sections = body.sections.map((section, si) => ({
    ...section,
    sentences: section.sentences.map(refer(`sections.${si}`)),
  }));
  return { body: { ...body, lede, sections }, changed };
}
