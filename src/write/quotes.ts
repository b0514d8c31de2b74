import { SPEECH_VERBS } from '../analyze/gazetteer.js';
import type { Quote } from '../analyze/types.js';
import type { StoryQuote } from '../db/schema.js';
import { findQuote, mentionsSpeaker } from '../verify/checks.js';
import { wholeSource } from '../verify/evidence.js';
import type { PreparedSources } from '../verify/prepare.js';
import { normalizeForMatch } from '../verify/text.js';
import type { SourceArticle } from '../verify/types.js';

const MAX_QUOTES = 4;
const MIN_WORDS = 6;
const MAX_WORDS = 60;

// Capitalised words that make a title before a name: "Chief Executive Rafa Dominguez".
const TITLE_WORDS =
  'Chief|Executive|President|District|Majority|Minority|Vice|Prime|Minister|Secretary|Mayor|Governor|Senator|Representative|Rep\\.|Sen\\.|Gov\\.|Director|General|Commissioner|Chairman|Chairwoman|Chair|Spokesman|Spokeswoman|Spokesperson|Officer|Judge|Justice|Professor|Coach|Manager|Captain|Superintendent|Inspector|Detective|Sergeant|Chancellor|Ambassador|Attorney|Sheriff|Commander|Head|Deputy|Leader|Founder|CEO|Police|Fire|State|Foreign|Defense|Defence|Finance|Health|Interior|Justice';
const TITLE_BEFORE = new RegExp(`(?:^|[\\s(])((?:(?:${TITLE_WORDS})\\s+){1,4})$`, 'u');
// Nouns of a job or a role that a news report writes before a name, in lower case ("club secretary
// Owen Pryce", "Harbourline analyst Marcus Tiller", "Opposition finance spokesman Harold Quayle").
const ROLE_NOUNS = (
  'spokesman spokeswoman spokesperson executive director leader minister secretary president chair ' +
  'chairman chairwoman chairperson analyst economist strategist professor lawyer attorney manager ' +
  'officer coach captain mayor governor senator councillor councilor founder co-founder head chief ' +
  'commissioner superintendent inspector detective researcher scientist specialist librarian teacher ' +
  'principal curator engineer official editor adviser advisor consultant negotiator organiser ' +
  'organizer campaigner activist treasurer ambassador envoy mediator judge prosecutor sergeant ' +
  'constable commander surgeon physician neurologist historian archaeologist publicist'
)
  .split(' ')
  .map((n) => `[${n[0]!.toUpperCase()}${n[0]}]${n.slice(1)}`)
  .join('|');
// Up to three words before the role noun that qualify it: a name ("Harbourline", "White House",
// "D.C."), an owner ("NBC’s"), or a word of a role's kind ("head", "finance", "defense"); never a
// verb or a word of the sentence around the name ("it took defense attorney …").
const ROLE_QUALIFIERS =
  'head chief deputy senior assistant vice prime former acting interim press finance foreign defense defence health legal political police fire club team department agency campaign party union committee office study public information communications state federal city county school hospital research technology security managing executive general trade education transport housing justice interior search marketing sales personal'
    .split(' ')
    .join('|');
const ROLE_MODIFIER = `(?!(?:The|A|An|Their|His|Her|Its|Our|My|Your)\\s)(?:\\p{Lu}[\\p{L}.&'’-]*|\\p{L}+['’]s|(?:${ROLE_QUALIFIERS}))`;
// … right before the name, or set off before it by a comma ("Tallyform's chief technology
// officer, Ewan Royce, said"); an owner in lower case keeps its article ("the trust's chief
// executive, Joanna Pike").
const ROLE_BEFORE = new RegExp(
  `(?:^|[\\s("“])((?:the\\s+(?=\\p{Ll}+['’]s\\s))?(?:${ROLE_MODIFIER}\\s+){0,3}(?:${ROLE_NOUNS})(?:\\s+(?:for|of)\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2})?),?\\s+$`,
  'u',
);
// A word of a role's own, which the sentence's capital alone gives a capital.
const ROLE_WORD = new RegExp(`^(?:${ROLE_QUALIFIERS}|${ROLE_NOUNS})$`, 'u');
// Where a sentence ends before a name: a word in lower case (or a figure, a closing quote) and its
// full stop, or a line break. "D.C. police" does not end one.
const SENTENCE_END = /(?:[\p{Ll}\d)"”’][.!?]["”’]?\s+|\n\s*)/gu;
// ", president of Local 212," or ", an engineer at Sable City University who…": an appositive in lower
// case; ", was not available to comment" is the sentence's verb.
const APPOSITIVE =
  /^,\s+((?!(?:and|but|or|who|whose|which|that|said|says|told|according|adding|saying|speaking|as|while|when|if|because|where|it|he|she|they|we|i|you|this|there|despite|after|before|during|without|since|until|like|unlike|including|although|though|however|meanwhile|instead|perhaps|also|too|even|still|was|were|is|are|has|had|have|will|would|could|can|did|does|do|should|may|might|must)\b)(?:the |a |an )?[\p{Ll}][^,.;:"“”()\n]{2,90}?)(?=\s*[,.;:"“”)]|\s+(?:who|which|said|says|told)\b)/u;

// "the judge, Sir Michael Astill, criticised the men": a verb and its object after the name say what
// they did, not who they are ("retired judge" is a role).
const DID =
  /^\p{Ll}+(?:ed|ew|ave|ook|ent|old|aid)\s+(?:the|a|an|his|her|their|its|our|that|this|to|on|in|at|for)\b/u;
// "immediately contacted the U", "sobbed audibly as …", "wrote in their paper", "sought to manage",
// "referring to African Americans": a clause after the name opening on what they did or were doing.
// Words in -ed that make a role ("retired judge", "elected official") are not verbs here.
const ACTED =
  /^(?:\p{Ll}+ly\s+)?(?:(?!(?:retired|elected|appointed|licensed|certified|registered|qualified|trained|renowned|noted|acclaimed|celebrated|respected|seasoned|unnamed|named|red|bed)\b)\p{Ll}+ed|wrote|sought|let|told|made|took|gave|went|came|saw|found|became|began|ran|won|lost|left|held|kept|brought|thought|met|paid|sold|sent|spent|stood|heard|knew|got|put)\b|^(?!(?:managing|acting|leading|founding|visiting|presiding|ruling|governing|reigning|outgoing|incoming|longstanding|long-serving)\b)\p{Ll}+ing\b/u;
// "in a statement on Tuesday", "on Monday", "at a news conference": where or when, not who.
const CIRCUMSTANCE = /^(?:in|on|at|by|via|through|during|over|into)\s/;
// "these three shows will mark the final Dead shows": a clause with its own verb.
const CLAUSE = /\b(?:will|would|can|could|should|may|might|must|is|are|was|were|has|have|had)\s+\p{Ll}/u;
// "commander of the U", "a Republican whom Mr": a role cut at the full stop of an abbreviation.
const CUT_SHORT = /(?:\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|St|Jr|Gen|Lt|Col|Sgt|Capt|Rev|Prof))$/u;

/** Whether an appositive after a name says what they did or where, or was cut short, rather than who they are. */
function notARole(role: string): boolean {
  return (
    DID.test(role) || ACTED.test(role) || CIRCUMSTANCE.test(role) || CLAUSE.test(role) || CUT_SHORT.test(role)
  );
}

// ", who studies embedded systems at Sable City University," or ", who lives on Weir Lane,": without
// a title, what a relative clause says someone does or has done tells a reader who they are.
const WHO_THEY_ARE =
  /^,\s+(who\s+(?:is|was|has|had|lives|lived|works|worked|studies|studied|represents|runs|ran|owns|owned|heads|leads|led|teaches|chairs|manages|serves|served|coaches|founded|co-founded)\s[^,.;:"“”()\n]{3,80}?)(?=\s*[,.;:"“”)])/u;
// "who was not involved", "who asked not to be named": what someone did not do, or said, is not who they are.
const NOT_WHO = /\b(?:not|never|declined|asked|said|says|told|spoke|speaking|requested)\b/;

/**
 * "What they said": up to four attributed quotes from distinct named speakers, the most central
 * first, each with the speaker's role as a source gives it. Quotes the body does not carry come
 * first; the caller drops body sentences that carry a quote shown here. A quote the verifier would not accept
 * (its words or its speaker not found in the cited article) is left out.
 */
export function pickQuotes(
  sources: readonly SourceArticle[],
  prepared: PreparedSources,
  rank: (article: SourceArticle, quote: Quote) => number,
  body: readonly { article: SourceArticle; start: number; end: number; text: string }[] = [],
): StoryQuote[] {
  const inBody = body.map((c) => normalizeForMatch(c.text));
  const carried = (article: SourceArticle, q: Quote) =>
    body.some((c) => c.article === article && q.start < c.end && q.end > c.start) ||
    inBody.some((text) => text.includes(normalizeForMatch(q.text)));
  const pool = sources.flatMap((article) =>
    article.analysis.quotes
      .filter((q) => usable(article, q, prepared))
      .map((q) => ({ article, quote: q, value: rank(article, q), carried: carried(article, q) })),
  );
  // Quotes from outside the body come first; the body's own only while none is found.
  pool.sort((a, b) => Number(a.carried) - Number(b.carried) || b.value - a.value);
  const out: StoryQuote[] = [];
  const speakers = new Set<string>();
  const seen = new Set<string>();
  for (const { article, quote, carried: inText } of pool) {
    if (inText && out.length >= 1) break;
    const key = quote.speaker_key ?? quote.speaker!.toLowerCase();
    const words = normalizeForMatch(quote.text);
    if (speakers.has(key) || [...seen].some((w) => w.includes(words) || words.includes(w))) continue;
    speakers.add(key);
    seen.add(words);
    const { name, title } = splitTitle(quote.speaker!);
    out.push({
      text: quote.text,
      speaker: name,
      role: title ?? roleOf(sources, article, quote.speaker!),
      citation: { article_id: article.id, start: quote.start, end: quote.end },
    });
    if (out.length === MAX_QUOTES) break;
  }
  return out;
}

/** A quote worth showing: a named person or organisation says six words or more, and it verifies. */
function usable(article: SourceArticle, quote: Quote, prepared: PreparedSources): boolean {
  if (!quote.speaker || !quote.speaker_key) return false;
  const words = quote.text.split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS || partial(quote.text) || split(article.text, quote))
    return false;
  const entity = article.analysis.entities.find((e) => e.key === quote.speaker_key);
  if (!entity || (entity.kind !== 'person' && entity.kind !== 'organization')) return false;
  // A speaker found through "he said" may be the wrong person: the name must be in the quote's sentence.
  const sentence = article.analysis.sentences[quote.sentence];
  const around = sentence ? article.text.slice(sentence.start, Math.max(sentence.end, quote.end + 80)) : '';
  if (!mentionsSpeaker(around, quote.speaker)) return false;
  const source = prepared.byId.get(article.id);
  const found = source ? findQuote([wholeSource(source)], quote.text) : undefined;
  return found !== undefined && (found.speaker === null || mentionsSpeaker(quote.speaker, found.speaker));
}

// A quote that opens inside its sentence ("are not driven by evidence …", "to ensure that …",
// "signed a new executive order …") or stops before its end ("… and the") is a
// phrase the writer built a sentence around: pulled out, it is no statement of the speaker's.
// One that opens on who speaks ("we might want to …") still is.
const OPENS_INSIDE =
  /^["“‘]?(?!(?:i|we|you|he|she|they|it|this|that|there|our|my|no|yes|if|when|but|and|so)\b)\p{Ll}/u;
// Words no sentence ends on (a preposition or "that" may: "everything he asked for").
const STOPS_INSIDE = /\b(?:the|a|an|and|or|but|because|than|whose|its|their|my|our|your)\W*$/iu;

// '"When you actually see your house," Dull said, "and you know it's not just your basement …"': a
// quote the attribution interrupts goes on in lower case after it.
const ATTRIBUTION = String.raw`[^"“”\n]{0,40}?\b(?:${SPEECH_VERBS})\b[^"“”\n]{0,40}?,[ \t]*["“][ \t]*`;
const GOES_ON = new RegExp(String.raw`^,?[ \t]*["”][ \t]*${ATTRIBUTION}\p{Ll}`, 'u');
const GOES_ON_FROM = new RegExp(String.raw`["”][ \t]*${ATTRIBUTION}$`, 'u');

/**
 * Whether the quote is one part of a quotation its attribution splits: either part alone leaves
 * the speaker's sentence unfinished ("An icky experience" without "would hurt any brand").
 */
function split(text: string, quote: Quote): boolean {
  const ends = /[.!?]$/.test(quote.text);
  const after = text.slice(quote.end, quote.end + 120);
  if (!ends && GOES_ON.test(after)) return true;
  return (
    /^\p{Ll}/u.test(quote.text) && GOES_ON_FROM.test(text.slice(Math.max(0, quote.start - 120), quote.start))
  );
}

function partial(text: string): boolean {
  return OPENS_INSIDE.test(text) || STOPS_INSIDE.test(text);
}

/** The speaker's role as worded next to their name in the quoting article, else in any other source. */
export function roleOf(
  sources: readonly SourceArticle[],
  first: SourceArticle,
  speaker: string,
): string | null {
  // What a relative clause says of them, when no source gives a role.
  let described: string | undefined;
  for (const article of [first, ...sources.filter((s) => s !== first)]) {
    let at = article.text.indexOf(speaker);
    while (at >= 0) {
      const after = APPOSITIVE.exec(article.text.slice(at + speaker.length, at + speaker.length + 120));
      // ', a Florida-based "adult entertainer",': a role that runs on into quotation marks is cut short.
      // ', a Kirkland, Wash., resident': a place cut from its noun at the comma.
      const cut =
        after &&
        (/^\s*["“]/u.test(after.input.slice(after[0].length)) ||
          /^(?:a|an|the)\s+\p{Lu}[\p{L}.'’-]*$/u.test(after[1]!.trim()) ||
          notARole(after[1]!.trim()) ||
          closesOpening(article.text, at, after.input.slice(after[0].length)));
      if (after && !cut) return after[1]!.trim();
      described ??= whoTheyAre(article.text.slice(at + speaker.length, at + speaker.length + 120));
      const before = TITLE_BEFORE.exec(article.text.slice(Math.max(0, at - 60), at));
      if (before) return before[1]!.trim();
      const opening = sentenceBefore(article.text, at, 80);
      const role = ROLE_BEFORE.exec(opening)?.[1];
      if (role) return inCase(role, opening.trim() === role);
      at = article.text.indexOf(speaker, at + speaker.length);
    }
  }
  return described ?? null;
}

// "According to a statement from CEO Mark Zuckerberg, the company plans …": a phrase that opens
// the sentence and ends on the name.
const OPENING_PHRASE =
  /^(?:according to|in a statement (?:from|by)|in an? (?:interview|email|letter) with)\b/i;

/**
 * Whether the comma after a name closes the phrase the sentence opens on, so what follows is the
 * sentence's own clause ("the company plans to expand Oculus"), not who they are. An appositive
 * there is set off by a second comma before the clause ("According to Mark Zuckerberg, chief
 * executive of Facebook, the company …").
 */
function closesOpening(text: string, at: number, rest: string): boolean {
  const before = sentenceBefore(text, at, 120);
  return OPENING_PHRASE.test(before) && !before.includes(',') && !/^\s*,/.test(rest);
}

/** The words before `at` in its own sentence, looking back at most `reach` characters. */
function sentenceBefore(text: string, at: number, reach: number): string {
  const window = text.slice(Math.max(0, at - reach), at);
  const opens = Math.max(0, ...[...window.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length));
  return window.slice(opens);
}

/** ", who lives on Weir Lane," after a name: the clause, unless it says what they did not do or cuts an abbreviation. */
function whoTheyAre(after: string): string | undefined {
  const who = WHO_THEY_ARE.exec(after)?.[1]?.trim();
  // "who heads the U.S. Navy's …" cut at "U.": a full stop inside an abbreviation.
  if (!who || NOT_WHO.test(who) || /\b\p{Lu}$/u.test(who)) return undefined;
  return who;
}

/**
 * A role as it reads after a name: one that opens its sentence ("Chief executive Sarah Pellham
 * said") loses the capital the sentence gave its first word when that word is a role's own ("chief
 * executive"); a name ("Harbourline analyst") keeps its capital.
 */
function inCase(role: string, opensSentence: boolean): string {
  const [first = '', second = ''] = role.split(/\s+/);
  const common = ROLE_WORD.test(first.toLowerCase());
  // "President Barack Obama’s spokesman": a title before a name keeps its capital.
  const titled = /^\p{Lu}/u.test(second);
  return opensSentence && common && !titled ? role.charAt(0).toLowerCase() + role.slice(1) : role;
}

const LEADING_TITLE = new RegExp(`^((?:(?:${TITLE_WORDS})\\s+)+)(?=\\p{Lu})`, 'u');

/** "Executive Anders Kell" → name "Anders Kell", title "Executive" (a title the name picked up). */
function splitTitle(speaker: string): { name: string; title?: string } {
  const match = LEADING_TITLE.exec(speaker);
  if (!match || match[0].length >= speaker.length) return { name: speaker };
  return { name: speaker.slice(match[0].length), title: match[1]!.trim() };
}
