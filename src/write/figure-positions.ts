import type { Figure } from '../analyze/types.js';
import { contentStems } from '../verify/text.js';
import { sameValue } from '../verify/numbers.js';
import type { SourceArticle } from '../verify/types.js';
import { dayOfDate } from './days.js';

/**
 * Figures that state a side's position once the story reports the thing settled. During a dispute
 * each report gives what one side offered, demanded or forecast ("the authority has offered 7.5
 * percent", "refused to improve its pay offer of 7.5 percent"); once a report tells the deal ("a
 * tentative deal for an 11 percent pay rise"), the offer is history, and beside the deal's value
 * in a key-figure box it reads as a second current figure. The body judges its sentences by their
 * stance (`overtaken.ts`); a figure is judged by the words that hold it, since a past-tense account
 * ("walked out after the authority refused to improve its offer") or the deal report itself ("the
 * authority's earlier offer of 7.5 percent") states the old value too.
 */

// A figure someone offered, sought or foresaw: the word stands just before it ("has offered 7.5
// percent", "its pay offer of 7.5 percent", "demand for 14 percent", "is asking for 14 percent").
const POSITION_BEFORE =
  /\b(?:offer(?:s|ed|ing)?|counter-?offers?|bids?|propos(?:als?|es?|ed|ing)|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|(?:ask|call|push|press)(?:s|es|ed|ing)? for|wants?|wanted|request(?:s|ed|ing)?|forecast(?:s|ed|ing)?|predict(?:s|ed|ing|ions?)?|projections?|projected|expect(?:s|ed|ing)?)\b(?:\s+[^\s,;:]+){0,4}\s*$/iu;
// … or just after it ("the 7.5 percent offered by the authority", "the $400 billion Calvera had
// sought"); a noun after a sum or a share names it too ("a $200 million bid", "a 14 percent pay
// demand"), where after a count it is what is counted ("1,840 repair requests").
const POSITION_AFTER =
  /^\s+(?:[\p{L}'’-]+\s+){0,2}?(?:(?:had|has|have)\s+)?(?:offered|proposed|sought|demanded|requested|forecast|predicted|projected|expected)\b/iu;
const POSITION_NOUN_AFTER =
  /^\s+(?:[\p{L}'’-]+\s+){0,2}?(?:offer|counter-?offer|bid|proposal|demand|request|forecast|projection)s?\b/iu;
// Words that report the thing settled: a deal struck, a ruling given, a result declared.
const SETTLED =
  /\b(?:deal|agreement|agreed|agrees|settled|settlement|accepted|ratified|signed|approved|ruled|ruling|verdict|awarded|elected|final|certified)\b/i;
// Words of time say when, not what: "over two years" and "next year" are no common subject.
const TIME =
  /^(?:second|minute|hour|day|week|month|year|decad|centur(?:y|i)|today|yesterday|tomorrow|morning|afternoon|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)s?$/;
// A clause ends at a semicolon, a colon, a dash or a comma before a word ("6,800" is one number).
const CLAUSE_END = /[;:]|,\s|\s[–—-]\s/g;

/** A figure where it is written. */
export interface PlacedFigure {
  article: SourceArticle;
  /** Index of its sentence in the article. */
  position: number;
  start: number;
  end: number;
  value: number;
  kind: Figure['kind'];
  unit: string | null;
}

/**
 * Whether each figure states a position that a settled value of the same thing, reported on the
 * same day or a later one, has overtaken: a figure of the same kind and unit in a sentence that
 * reports a settlement, with a word of its clause in common. A position at the settled value is
 * what was settled and stays. Undated reports give no order, so only a report that tells both is
 * read.
 */
export function overtakenPositions<F extends PlacedFigure>(figures: readonly F[]): (f: F) => boolean {
  const read = new Map(figures.map((f) => [f, reading(f)]));
  const settled = figures.filter((f) => !read.get(f)!.position && read.get(f)!.settles);
  if (settled.length === 0) return () => false;
  // Positions told before the settlement's day are what it settled, and one told that day is its
  // background; one told on a later day may be new ("members rejected the deal and now seek …").
  const day = (f: F) => (f.article.published_at ? dayOfDate(f.article.published_at) : undefined);
  const after = (s: F, f: F) =>
    s.article === f.article || (day(f) !== undefined && day(s) !== undefined && day(f)! <= day(s)!);
  return (f) => {
    const own = read.get(f);
    if (!own?.position) return false;
    const settling = settled.filter(
      (s) =>
        s.kind === f.kind &&
        s.unit === f.unit &&
        after(s, f) &&
        ((s.article === f.article && s.position === f.position) ||
          read.get(s)!.stems.some((w) => own.stems.includes(w))),
    );
    return settling.length > 0 && !settling.some((s) => sameValue(s.value, f.value));
  };
}

interface Reading {
  /** Whether the figure is what someone offered, sought or foresaw. */
  position: boolean;
  /** Whether its sentence reports the thing settled. */
  settles: boolean;
  /** Content stems of the clause that holds it: what it is about. */
  stems: string[];
}

function reading(f: PlacedFigure): Reading {
  const { text, analysis } = f.article;
  const sentence = analysis.sentences[f.position];
  if (!sentence) return { position: false, settles: false, stems: [] };
  const said = text.slice(sentence.start, sentence.end);
  const at = f.start - sentence.start;
  const rest = said.slice(f.end - sentence.start);
  const ends = [...said.matchAll(CLAUSE_END)].map((m) => m.index);
  const from = Math.max(0, ...ends.filter((i) => i < at).map((i) => i + 1));
  const to = Math.min(said.length, ...ends.filter((i) => i >= said.length - rest.length));
  return {
    position:
      POSITION_BEFORE.test(said.slice(from, at)) ||
      POSITION_AFTER.test(rest) ||
      (f.kind !== 'count' && POSITION_NOUN_AFTER.test(rest)),
    settles: SETTLED.test(said),
    stems: contentStems(said.slice(from, to)).filter((w) => !TIME.test(w)),
  };
}
