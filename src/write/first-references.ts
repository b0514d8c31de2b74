import type { StoryBody, StorySentence } from '../db/schema.js';
import { escapeRegExp } from '../lib/regexp.js';
import type { SourceArticle } from '../verify/types.js';
import { organisationsByKind, quotedRanges, rewritten } from './reference-text.js';

/**
 * The body with the first "the agency" of the story, told before it names any agency, named as its
 * report names it ("the agency's Dr. Kwame Ansah" → "the Environment Agency's Dr. Kwame Ansah"),
 * when that report named one organisation of the kind only, before the sentence: copied without
 * the sentence that introduced it, "the agency" points to nothing. Also the location of each
 * sentence it changed, with the sentence as it was.
 */
export function withFirstReferences(
  body: StoryBody,
  sources: readonly SourceArticle[],
  kept: ReadonlySet<string> = new Set(),
): { body: StoryBody; changed: Map<string, StorySentence> } {
  const organisations = organisationsByKind(sources);
  const heads = [...new Set(organisations.map((o) => o.head))];
  if (heads.length === 0) return { body, changed: new Map() };
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(the|The) (${heads.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])(?!\\s+\\p{Lu})`,
    'gu',
  );
  const known = new Set<string>();
  return rewritten(body, (s, location) => {
    const cited = kept.has(location) ? undefined : s.citations[0];
    const quoted = quotedRanges(s.text);
    const text = s.text.replace(pattern, (match: string, the: string, head: string, at: number) => {
      const first =
        !known.has(head) && !organisations.some((o) => o.head === head && s.text.includes(o.name));
      known.add(head);
      if (!first || !cited || quoted.some(([qs, qe]) => at > qs && at < qe)) return match;
      const named = new Set(
        organisations
          .filter(
            (o) =>
              o.article === cited.article_id &&
              o.head === head &&
              o.entity.mentions.some((m) => m.end <= cited.start),
          )
          .map((o) => o.name),
      );
      return named.size === 1 ? `${the} ${[...named][0]}` : match;
    });
    for (const o of organisations) if (s.text.includes(o.name)) known.add(o.head);
    return text;
  });
}
