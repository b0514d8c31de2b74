import type { PreparedSources } from '../verify/prepare.js';
import { contentStems } from '../verify/text.js';
import { conceptsOf } from './concepts.js';
import { withoutDateline } from './dateline.js';
import { isFragment, withoutListMarker } from './fragments.js';
import { isPageFurniture } from './furniture.js';
import type { SourceArticle } from '../verify/types.js';
import type { Entity } from '../analyze/types.js';
import { escapeRegExp } from '../lib/regexp.js';

/** A source sentence the extractive writer may use, with what it is scored on. */
export interface Candidate {
  article: SourceArticle;
  /** Index of the sentence in its article. */
  position: number;
  start: number;
  end: number;
  text: string;
  stems: Set<string>;
  /** Entity keys mentioned in the sentence. */
  entities: Set<string>;
  figures: number;
  /** Speaker of an attributed quote in the sentence, if any. */
  speaker: string | null;
  /** Whether the sentence opens on a word that leans on the one before ("But", "He", "This"). */
  dangling: boolean;
  /** Stemmed word pairs, what content selection covers (see concepts.ts). */
  concepts: string[];
  words: number;
  /** The full name of a speaker the sentence names by surname only ('"…," Haig said'). */
  surnameOnly?: string;
  /** Set on a sentence that leans on the one before, taken with it as one span (see `pairedCandidates`). */
  paired?: true;
}

const MIN_CHARS = 40;
const MAX_CHARS = 420;
// Sentences that lean on what came before read wrongly out of context ("The other two were treated
// for smoke inhalation").
const DANGLING =
  /^(?:but|and|so|also|however|yet|still|meanwhile|instead|this|that|these|those|it|he|she|they|his|her|their|its|there|him|them|such|both|another|others|the (?:other|remaining|rest|remainder)\b)\b/i;
// "Ellison was more guarded.": a comparison with what the sentence before said.
const COMPARED =
  /\b(?:is|are|was|were|been|seemed|sounded|looked|appeared|remained)\s+(?:(?:far|much|even|rather|somewhat|a little)\s+)?(?:more|less)\s+[\p{L}-]+[.!]?$/iu;
// "On Friday she said …", "Later that day, they …": a pronoun subject after an opening time.
const LATE_PRONOUN =
  /^(?:on|by|in|at|late|early|later|last|earlier|next)(?:\s+[\p{L}\d]+){0,3},?\s+(?:he|she|they|it)\s/iu;
// "For patients who had tried two treatments, it cut them by 29 percent", "According to the
// authority, it will cost …": a pronoun subject after an opening phrase that names no one (no
// capitalised word past its first) points to the sentence before. After an opening clause ("When
// the task force conducted raids, they …") the pronoun has its noun inside it.
const PHRASE_THEN_PRONOUN = /^([^,"“]{1,100}),\s+(?:he|she|they|it)\s+(?!turns out|seems|appears)/i;
const OPENS_CLAUSE =
  /^(?:when|whenever|if|as|although|though|while|because|once|unless|whether|where|before|after|until|since)\s+(?!\d)/i;

function pronounAfterPhrase(text: string): boolean {
  const m = PHRASE_THEN_PRONOUN.exec(text);
  return m !== null && !OPENS_CLAUSE.test(m[1]!) && !/\s\p{Lu}/u.test(m[1]!);
}

// A back-reference anywhere in the sentence leans on the one before: "after that date", "the same
// day", "set aside in this way", "the figure included…" ("the total of 37 reports" names its own);
// so does an opening "At 14 of them" (later in a sentence, "two of them" has its noun before), and
// an opening time counted from the sentence before ("Less than a week later, …", "The next day, …").
const BACK_REFERENCE =
  /^(?:(?:less|more|not|just|only) (?:than )?)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|\d+|moments|minutes|hours|days|weeks|months|years)(?: [a-z-]+){0,2} later\b|^(?:the )?(?:next|following) (?:day|morning|afternoon|evening|night|week|month|year)\b|\b(?:that|those) (?:date|day|days|time|week|month|year|point|figure|number|decision|move|announcement)\b|\bthe same (?:day|week|month|year|time)\b|\b(?:this|that|the same) way\b|^\W*(?:\w+\s+){0,2}(?:\d[\d,.]*|all|some|most|many|none|each|one|two|three|four|five|half) of (?:them|these|those)\b|\bthe (?:figure|figures|total|amount|sum)\b(?! of\b)/i;

// "Finance Minister Oliver Stroud said it showed …", "Detective Superintendent Ravi Dunstan said
// investigators believed it was still in Calvera": a person, or people, say something of "it", which
// none of them can be, so the sentence before says what it is. An "it" that points ahead ("said it
// was clear that …", "it would be hard to …", "a matter of time before …") names nothing before.
const REPORTS =
  '(?:said|says|added|believed|believes|thought|thinks|confirmed|insisted|claimed|warned|feared|suspected)';
const PEOPLE =
  'investigators|detectives|police|officials|experts|analysts|scientists|researchers|doctors|witnesses|prosecutors|officers';
const REPORTED_IT = new RegExp(
  String.raw`^((?:\p{Lu}[\p{L}.'’-]*\s+)+)${REPORTS}\s+(?:that\s+)?(?:(?:${PEOPLE})\s+${REPORTS}\s+(?:that\s+)?)?it\s+([^.;:]*)`,
  'u',
);
const POINTS_AHEAD = /\b(?:to|that|whether|if|before|when|how|why|what)\b/i;

function reportedIt(text: string, people: readonly { start: number; end: number }[]): boolean {
  const m = REPORTED_IT.exec(text);
  if (!m || POINTS_AHEAD.test(m[2]!)) return false;
  // The capitalised words before the verb are a person's name and titles, not a company's name:
  // a single word ("Vantor said it would …") may be either.
  const named = m[1]!.trimEnd().length;
  if (!/\s/.test(m[1]!.trimEnd())) return false;
  return people.some((p) => p.start < named && p.end === named);
}

// "…, she said": a speaker the sentence does not name is named in the one before.
const PRONOUN_SPEAKER = /\b(?:he|she) (?:said|says|added|told|noted|explained|argued|warned|insisted)\b/i;
// A capitalised word after a space: a name before the pronoun says who "she" is.
const NAME_BEFORE = /\s\p{Lu}\p{Ll}+/u;

// '"…," said its chair, Miriam Osei': a speaker named by what they are to someone the sentence
// does not name ("its", "their") is introduced by the sentence before, whoever "it" is.
const OWNED_ROLE = String.raw`\b(?:its|their|his|her)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+,\s+`;

function unnamedSpeaker(text: string, speaker: string | null): boolean {
  const pronoun = PRONOUN_SPEAKER.exec(text);
  const owned = speaker ? new RegExp(OWNED_ROLE + escapeRegExp(speaker), 'u').exec(text) : null;
  const at = pronoun ?? owned;
  return at !== null && !NAME_BEFORE.test(text.slice(0, at.index).replace(/["“][^"”]*["”]/g, ''));
}

/** Where the sentence starting at `start` names people, in its own offsets. */
function personMentions(entities: readonly Entity[], start: number): { start: number; end: number }[] {
  return entities
    .filter((e) => e.kind === 'person')
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start - start, end: m.end - start })));
}

/**
 * '"…," Haig said': the speaker's full name when the sentence names them by surname only, as one
 * the article introduced before ("Gordon Haig, the chief fire officer"); on a page that names them
 * nowhere in full, a reader does not know who spoke (see `introduceSpeakers`).
 */
function surnameOnly(text: string, speaker: string | null): string | undefined {
  if (!speaker) return undefined;
  const names = speaker.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return names.length > 1 && !fullyNamed(text, speaker) ? speaker : undefined;
}

/** Whether a text names a person with a given name as well as the surname ("Gordon Haig"). */
function fullyNamed(text: string, person: string): boolean {
  const names = person.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return names.slice(0, -1).some((w) => text.includes(w));
}

/**
 * The body's sentences with each that names its speaker by surname only, where nothing else on the
 * page (`page`, the other picks) names them in full, given way to the pair that introduces them
 * when the pool holds one ("Chief Fire Officer Gordon Haig has called for national rules. '…,' Haig
 * said."). Without such a pair the sentence stays: what the person said still tells the story.
 */
export function introduceSpeakers(
  picks: readonly Candidate[],
  pool: readonly Candidate[],
  page: string,
): Candidate[] {
  const text = [page, ...picks.map((c) => c.text)].join(' ');
  return picks.map((c) => {
    if (!c.surnameOnly || fullyNamed(text, c.surnameOnly)) return c;
    const pair = pool.find(
      (p) => p.paired && p.article === c.article && p.end === c.end && p.surnameOnly === undefined,
    );
    return pair && !picks.some((o) => o !== c && sharesSpan(o, pair)) ? pair : c;
  });
}

// A quotation and nothing more ("Do not wait for the replacement."): who says it is in the sentence
// before, so it enters the body only with that sentence, and a reader always sees who spoke.
const BARE_QUOTE = /^["“][^"“”]*[”"][.!?]?$/;
// A quotation opening on a conjunction ("“But a cut…”") answers the sentence before as much as the
// same words unquoted; one opening on a pronoun ("“It is a fair deal”") points into the speaker's
// own words, which the sentence carries.
const QUOTE_OPENS_ON_CONJUNCTION = /^["“‘](?:but|and|so|also|however|yet|still|meanwhile|instead)\b/i;

/** Usable sentences of every source (not too short or long, no question, no dangling opener). */
export function collectCandidates(
  sources: readonly SourceArticle[],
  prepared?: PreparedSources,
): Candidate[] {
  const out: Candidate[] = [];
  for (const article of sources) {
    const { sentences } = article.analysis;
    // The verifier's index already holds each sentence's stems, in the same order as the analysis.
    const indexed = prepared?.byId.get(article.id)?.index.sentences;
    sentences.forEach((span, position) => {
      const dated = withoutDateline(article.text, span.start, span.end);
      const { start, text } = withoutListMarker(article.text, dated.start, span.end);
      if (text.length < MIN_CHARS || text.length > MAX_CHARS || text.trimEnd().endsWith('?')) return;
      if (unbalancedQuotes(text) || isPageFurniture(text, position === 0) || authorsVoice(text)) return;
      if (isFragment(text)) return;
      const stems = start === span.start ? indexed?.[position]?.stems : undefined;
      out.push(candidateAt(article, position, { start, end: span.end }, text, stems));
    });
  }
  return out;
}

/** The candidate of a span of an article's sentence `position`, written as `text`. */
function candidateAt(
  article: SourceArticle,
  position: number,
  span: { start: number; end: number },
  text: string,
  stems?: Set<string>,
): Candidate {
  const { entities, quotes, figures } = article.analysis;
  const sentence = article.analysis.sentences[position] ?? span;
  // Within the sentence (its dateline included) up to the span's end.
  const inside = (s: { start: number; end: number }) => s.start >= sentence.start && s.end <= span.end;
  const speakers = quotes
    .filter((q) => (q.sentence === position && q.start < span.end) || inside(q))
    .map((q) => q.speaker);
  return {
    article,
    position,
    start: span.start,
    end: span.end,
    text,
    stems: stems ?? new Set(contentStems(text)),
    entities: new Set(entities.filter((e) => e.mentions.some(inside)).map((e) => e.key)),
    figures: figures.filter(inside).length,
    speaker: speakers.find((s) => s !== null) ?? null,
    surnameOnly: surnameOnly(text, speakers.find((s) => s !== null) ?? null),
    dangling:
      DANGLING.test(text) ||
      LATE_PRONOUN.test(text) ||
      pronounAfterPhrase(text) ||
      QUOTE_OPENS_ON_CONJUNCTION.test(text) ||
      unnamedSpeaker(text, speakers.find((s) => s !== null) ?? null) ||
      reportedIt(text, personMentions(entities, span.start)) ||
      BACK_REFERENCE.test(text) ||
      (COMPARED.test(text.trim()) && !/\bthan\b/i.test(text)) ||
      (speakers.every((s) => s === null) && BARE_QUOTE.test(text.trim())),
    concepts: conceptsOf(text),
    words: text.split(/\s+/).filter(Boolean).length,
  };
}

/**
 * A sentence cut to its opening clause (`clause`, a prefix of its text), as a candidate of its own:
 * what the sentence states without the rest, its text the exact prefix it cites (the page closes
 * it with a full stop).
 */
export function clauseCandidate(c: Candidate, clause: string): Candidate | undefined {
  if (!c.text.startsWith(clause) || clause.length >= c.text.replace(/[.!]+$/, '').length) return undefined;
  return candidateAt(c.article, c.position, { start: c.start, end: c.start + clause.length }, clause);
}

/**
 * A sentence without its opening: its words from `from` (an index into its text) to its end, as a
 * candidate of its own citing those words, written with a capital ("critics say the mission ran
 * years late" as "Critics say the mission ran years late"). Undefined when too short to stand.
 */
export function closingClauseCandidate(c: Candidate, from: number): Candidate | undefined {
  const rest = c.text.slice(from);
  const start = c.start + from;
  if (rest.length < MIN_CHARS || !c.article.text.startsWith(rest, start)) return undefined;
  const text = rest.charAt(0).toUpperCase() + rest.slice(1);
  return candidateAt(c.article, c.position, { start, end: c.end }, text);
}

// A pair longer than this reads as a paragraph, not a sentence of the body.
const MAX_PAIR_CHARS = 560;

/**
 * A sentence that leans on the one before it ("But…", "He…", "after that date", a speaker named by
 * surname only) reads rightly when that sentence comes first: each such sentence with its (standing) predecessor, as one candidate
 * citing one span over both. A pair may enter the body where its lone sentence may not.
 */
export function pairedCandidates(candidates: readonly Candidate[]): Candidate[] {
  const byPlace = new Map(candidates.map((c) => [`${c.article.id}:${c.position}`, c]));
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (!c.dangling && !c.surnameOnly) continue;
    const before = byPlace.get(`${c.article.id}:${c.position - 1}`);
    if (!before || before.dangling) continue;
    // Nothing but space between the two: the pair's text is what it cites, a paragraph break
    // between them read as a space (a pronoun often leans on the paragraph before).
    const gap = c.article.text.slice(before.end, c.start);
    if (gap.trim() !== '') continue;
    const text = /^[ \t]+$/.test(gap)
      ? c.article.text.slice(before.start, c.end)
      : `${before.text} ${c.text}`;
    if (text.length > MAX_PAIR_CHARS) continue;
    out.push({
      article: c.article,
      position: before.position,
      start: before.start,
      end: c.end,
      text,
      stems: new Set([...before.stems, ...c.stems]),
      entities: new Set([...before.entities, ...c.entities]),
      figures: before.figures + c.figures,
      speaker: before.speaker ?? c.speaker,
      surnameOnly: c.surnameOnly && !fullyNamed(text, c.surnameOnly) ? c.surnameOnly : undefined,
      dangling: false,
      concepts: [...before.concepts, ...c.concepts],
      words: before.words + c.words,
      paired: true,
    });
  }
  return out;
}

/** Whether two candidates cite overlapping text of one article (a sentence and a pair holding it). */
export function sharesSpan(a: Candidate, b: Candidate): boolean {
  return a.article.id === b.article.id && a.start < b.end && b.start < a.end;
}

// "I", "my", "we", "our", "let's" outside quotation marks: the writer of a column or a blog speaking, whom
// a news story cannot speak for ("For seven days I lay in a deep coma"). Quoted, they are a
// speaker's own words, attributed.
const FIRST_PERSON =
  /(?:^|[^\p{L}'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|My|mine|myself|we|We|us|our|Our|ours|ourselves|Let's|Let’s|let's|let’s)(?![\p{L}'’])/u;

/** Whether a sentence speaks in its own writer's voice (see FIRST_PERSON). */
function authorsVoice(text: string): boolean {
  return FIRST_PERSON.test(text.replace(/["“][^"“”]*["”]|‘[^‘’]*’/g, ' '));
}

function unbalancedQuotes(text: string): boolean {
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  return open !== close || straight % 2 === 1;
}

/** How many content words (stems) two candidates share. */
export function sharedStems(a: Candidate, b: Candidate): number {
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared++;
  return shared;
}

/** Word overlap of two candidates (Jaccard on stems). */
export function overlap(a: Candidate, b: Candidate): number {
  const shared = sharedStems(a, b);
  const union = a.stems.size + b.stems.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Share of the shorter candidate's stems the other holds: near 1 when one retells the other. */
export function containment(a: Candidate, b: Candidate): number {
  return sharedStems(a, b) / Math.max(1, Math.min(a.stems.size, b.stems.size));
}
