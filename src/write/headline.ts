import { valuePresent, findNumbers } from '../verify/numbers.js';
import type { PreparedSources } from '../verify/prepare.js';
import { normalizeForMatch, stem } from '../verify/text.js';
import type { SourceArticle } from '../verify/types.js';
import { type Candidate, overlap, sharedStems } from './candidates.js';
import { datelineLength } from './dateline.js';
import { inSentenceCase } from './headline-case.js';
import {
  headlineClause,
  headlineEnd,
  MAX_HEADLINE,
  mainClause,
  makesStatement,
  pointsBack,
  type Tagger,
} from './headline-clause.js';
import { tagWords } from './nlp.js';
import { conceptsOf } from './concepts.js';
import { STOPWORDS } from '../analyze/stopwords.js';
import { isPageTitle, withoutTitleLabel } from './furniture.js';
import { introducedFirst } from './introduced.js';

/** Headline and lede: what happened and the story's current state (the dek, what is at stake, is dek.ts). */

/** The headline and the article whose state it tells; `sentence` when it was cut from one. */
export interface Headline {
  text: string;
  article: SourceArticle;
  sentence?: Candidate;
}

const MIN_TITLE = 10;
// Words of a title that the reports' sentences use, at the least ("share tweet pin email" has none).
const GROUNDED = 2;
// A title that asks a question, or runs to a second sentence, frames an analysis, not the news.
const ASKS = /\?|[.!]\s+\p{Lu}/u;
const DAY = 86_400_000;
const SAYS = /(?:,|\bbut)\s+(?:[\p{L}'’-]+\s+){0,3}(?:says?|warns?|claims?|argues?)\b/iu;

/**
 * The headline: the source title closest to all the others (the most representative wording),
 * weighed towards recent articles (the newest day's alike) and away from titles that ask a question
 * or report what others say, among titles whose figures the sources hold; a title longer than
 * `MAX_HEADLINE` cut at a clause boundary (`headlineClause`). When that title has no such cut or
 * there is none, the best sentence cut the same way, else the best title that fits, else the main
 * clause of the best sentence.
 */
export function pickHeadline(
  sources: readonly SourceArticle[],
  candidates: readonly Candidate[],
  prepared: PreparedSources,
  best: Candidate | undefined,
  // Worked out only when needed: choosing it is a second pass over the story's sentences.
  further?: () => Candidate | undefined,
  tag: Tagger = tagWords,
): Headline | undefined {
  const times = sources.map((s) => s.published_at?.getTime() ?? 0);
  const newest = Math.max(...times);
  const oldest = Math.min(...times);
  const values = [...prepared.byId.values()];
  const story = new Map<string, number>();
  for (const c of candidates) for (const s of c.stems) story.set(s, (story.get(s) ?? 0) + 1);
  // A single short report may say each thing once: there, its opening sentence grounds its title.
  const lead =
    sources.length === 1
      ? candidates.reduce<Candidate | undefined>((a, c) => (a && a.position <= c.position ? a : c), undefined)
      : undefined;
  const cased = (text: string | undefined) => text && inSentenceCase(text, sources);
  const titles = sources
    .map((s, i) => {
      const title = titleText(s.title);
      return {
        article: s,
        recency: recency(times[i]!, oldest, newest),
        title,
        // A title too long for a headline serves cut at a clause boundary, or not at all.
        text: cased(title.length <= MAX_HEADLINE ? headlineEnd(title) : headlineClause(title, tag)),
        stems: new Set(
          normalizeForMatch(title)
            .split(/\W+/)
            .filter((w) => w.length > 2)
            .map(stem),
        ),
      };
    })
    .filter(
      (t) =>
        t.title.length >= MIN_TITLE &&
        t.stems.size >= 3 &&
        // "The San Diego Zoo Safari Park is absolutely": a title a site cut short leaves its statement open.
        !OPEN_ENDED.test(t.title) &&
        !isPageTitle(t.title) &&
        // A title tells of what the reports tell: words that several of their sentences use.
        [...t.stems].filter((s) => (story.get(s) ?? 0) >= 2 || lead?.stems.has(s)).length >= GROUNDED &&
        findNumbers(t.title).every((n) => values.some((v) => valuePresent(n.value, v.values))),
    );
  const value = (t: (typeof titles)[number]) => {
    let v = 0;
    for (const other of titles) if (other !== t) for (const s of t.stems) if (other.stems.has(s)) v += 1;
    for (const s of t.stems) v += Math.min(1, (story.get(s) ?? 0) / 5) * 0.5;
    v /= Math.sqrt(Math.max(3, t.stems.size));
    if (t.title.length > MAX_HEADLINE) v *= 0.7;
    // "Why did the recall take four months?" asks; a headline tells what happened.
    if (ASKS.test(t.title)) v *= 0.5;
    // "…, union says", "but unions say …": a title that reports what others say frames a reaction.
    if (SAYS.test(t.title)) v *= 0.6;
    return v * (0.4 + 0.6 * t.recency);
  };
  const ranked = titles.map((t) => ({ t, v: value(t) })).sort((a, b) => b.v - a.v);
  const chosen = ranked[0]?.t;
  // The title most reports agree on, cut to fit; when no cut fits, the best sentence tells the story,
  // then the best title that fits, then a sentence `further` down the choice.
  if (chosen?.text) return { text: chosen.text, article: chosen.article };
  const cutFrom = (c: Candidate | undefined, leaning = false): Headline | undefined => {
    const text = c && headlineClause(c.text, tag);
    if (!c || !text || (!leaning && pointsBack(tag(text), text))) return undefined;
    return { text: cased(text)!, article: c.article, sentence: c };
  };
  const fitting = ranked.find(({ t }) => t.text)?.t;
  const titled = fitting?.text ? { text: fitting.text, article: fitting.article } : undefined;
  const whole = best && { text: cased(mainClause(best.text, tag))!, article: best.article, sentence: best };
  const cut = cutFrom(best);
  if (cut) return cut;
  if (titled) return titled;
  const wider = further?.();
  return cutFrom(wider) ?? cutFrom(best, true) ?? cutFrom(wider, true) ?? whole;
}

// Last words no title ends on, in lower case (a title in title case capitalises a particle: "Vow To
// Fight On"): an article, "of", a conjunction, a verb of being, an adverb of degree. Nor does it end
// on a colon or a comma: "First reactions to the president’s big jobs speech:" introduces a list.
const OPEN_ENDED =
  /(?:^|\s)(?:the|a|an|of|and|or|but|is|are|was|were|be|absolutely|very|really|so|too|quite)\W*$|[:;,]\s*$/;

// The credit of the page's picture after its title: "… a bad idea (Image: Jane Orr/Getty)". After a
// full stop ("… for comfort shoes. (Photo: …)") the title is the picture's caption, and stays furniture.
const CREDIT_AFTER = /(?<![.!?]["”’]?\s*)\s*\((?:image|photo|picture|video)s?:[^()]*\)\s*$/iu;

/** A source title as a headline: without a site's label ("UPDATE:"), a wire dateline ("ALLENTOWN, Pa. (AP) —") or a picture's credit. */
function titleText(title: string): string {
  const unlabelled = withoutTitleLabel(title.trim()).replace(CREDIT_AFTER, '');
  return unlabelled.slice(datelineLength(unlabelled)).trim();
}

/**
 * How recent a title is, 0 (the oldest) to 1 (the newest). Titles of the newest day's coverage
 * tell the story's current state nearly alike (0.8 to 1), so that there the title most reports agree
 * on wins over the last reaction piece; older days fall off towards the oldest.
 */
function recency(time: number, oldest: number, newest: number): number {
  if (newest <= oldest) return 1;
  const dayStart = Math.max(oldest, newest - DAY);
  if (time >= dayStart) return 0.8 + (0.2 * (time - dayStart)) / Math.max(1, newest - dayStart);
  return (0.8 * (time - oldest)) / Math.max(1, dayStart - oldest);
}

/**
 * The sentence a headline is cut from when no title serves: the first of the best sentences that
 * quotes no one and whose main clause is short enough to read as a headline, else the first whose
 * main clause cut short at a clause boundary (see `headlineClause`) quotes no one, else the best.
 */
export function headlineSentence(best: readonly Candidate[], tag: Tagger = tagWords): Candidate | undefined {
  const usable = best.filter((c) => !c.speaker);
  const pick = (leaning: boolean) =>
    usable.find((c) => {
      const main = mainClause(c.text, tag);
      return (
        !QUOTED.test(c.text) &&
        main.length <= MAX_HEADLINE &&
        makesStatement(tag(main), main) &&
        (leaning || !pointsBack(tag(main), main))
      );
    }) ??
    usable.find((c) => {
      const cut = headlineClause(c.text, tag);
      return cut !== undefined && !QUOTED.test(cut) && (leaning || !pointsBack(tag(cut), cut));
    });
  // A sentence whose subject is "it" or "this" says not what read alone; it serves when none else does.
  return pick(false) ?? pick(true) ?? best[0];
}

// Quotation marks: quoted words belong under "What they said", not in the dek or the lede.
export const QUOTED = /["“”]/;

// A sentence of the lede gives way to one of the lead paragraphs that tells at least twice as much
// of what the reports share: "the most seriously injured worker … was in stable condition", which no
// other report tells, to "About 12,000 residents were told to stay indoors", which all three tell.
const PERIPHERAL = 0.5;

/**
 * The sentence of `lead` far more central than the report's `next` one, if any. With one report
 * every word pair counts alike, and centrality says nothing.
 */
function moreCentral(
  next: Candidate,
  lead: readonly Candidate[],
  picks: readonly Candidate[],
  weights: ReadonlyMap<string, number>,
  told: readonly string[],
): Candidate | undefined {
  if (new Set(picks.map((c) => c.article.id)).size < 2) return undefined;
  const known = new Set(told.flatMap(conceptsOf));
  const central = (c: Candidate) => centrality(c, weights, known);
  const most = lead.reduce((a, c) => (central(c) > central(a) ? c : a), next);
  return central(next) < PERIPHERAL * central(most) ? most : undefined;
}

/**
 * How central a sentence is to the story: the weight of the word pairs it shares with other reports
 * (each worth the reports that use it) beyond what is `known` above it, per square root of its
 * words, so that a long sentence does not win on length alone.
 */
export function centrality(
  c: Candidate,
  weights: ReadonlyMap<string, number>,
  known: ReadonlySet<string>,
): number {
  let gain = 0;
  for (const concept of new Set(c.concepts)) if (!known.has(concept)) gain += weights.get(concept) ?? 0;
  return gain / Math.sqrt(c.words);
}

const LEDE_WORDS = 90;
// Lede sentences sharing this much of their words tell one fact twice ("lifted rates to 4.5 percent").
export const LEDE_REPEAT = 0.25;
// Content words a lede sentence from another report shares with the opening one when it tells of the
// same: three, or two and a name.
const LEDE_LINK = 3;
/** Reports this close in time tell the same state of the story. */
export const NEWS_CYCLE = 24 * 3_600_000;
// How far into the opening report the lede reads on: its first paragraphs, not its background.
const LEDE_DEPTH = 4;

// How many of the best picks an undated story's lede may open on.
const OPENING_AMONG = 3;

/**
 * The lede: two to four of the best picks that are not quotes, up to about ninety words. Without an
 * `opener` it is the best picks, newest coverage first, opening on a report's own opening sentence
 * when one is among the best three. With one (see `leadSentence`) it opens on it
 * and reads on in that report's lead paragraphs, as its own lead does, among the picks and the
 * report's sentences the body may carry (`carried`); a sentence of another report comes in only from
 * the same news cycle and when it tells of what the opening sentence tells (three content words in
 * common, or two and a name). A lede is one account of where the story stands, not the newest stray
 * facts: a sentence of the opening report that tells little of what the reports share is left to
 * the body (see `peripheral`). None repeats the dek or another lede sentence. `headline` and
 * `weights` (the story's concept weights, concepts.ts) measure how central a sentence is.
 */
export function pickLede(
  picks: readonly Candidate[],
  dek?: Candidate,
  opener?: Candidate,
  carried: readonly Candidate[] = [],
  headline = '',
  weights: ReadonlyMap<string, number> = new Map(),
): Candidate[] {
  const told = dek ? [dek] : [];
  const usable = (c: Candidate) =>
    !c.speaker && !QUOTED.test(c.text) && !told.some((o) => overlap(o, c) >= LEDE_REPEAT);
  // The story's current state: the newest coverage first, older picks only to make up the rest.
  const newest = Math.max(...picks.map(time));
  const recent = (c: Candidate) => time(c) === newest;
  const ordered = [...picks.filter(recent), ...picks.filter((c) => !recent(c))];
  const opening = opener && picks.includes(opener) && opener !== dek ? opener : undefined;
  const standing = ordered.filter((c) => usable(c) && !c.paired);
  // Without a report known to be the newest, a report's own opening among the best picks leads: its
  // writer chose it to open on, where a sentence from deep in a report tells a detail.
  const first = opening ?? standing.slice(0, OPENING_AMONG).find((c) => c.position === 0) ?? standing[0];
  if (!first) return [];
  const out: Candidate[] = [first];
  // Two sentences, or up to three (four without an opening report) when enough are left for two
  // sections of two.
  const most = Math.max(2, Math.min(opening ? 3 : 4, picks.length - 4));
  let words = first.words;
  // The opening report's lead paragraphs, picked for the body or not: a sentence the body would
  // carry anyway is told once, in the lede.
  const own = [
    ...ordered,
    ...carried.filter((c) => !picks.includes(c) && !picks.some((p) => overlap(p, c) >= LEDE_REPEAT)),
  ];
  const home = own
    .filter((c) => c.article === first.article && c.position > first.position)
    .filter((c) => readsOn(first, c) <= LEDE_DEPTH)
    .sort((a, b) => a.position - b.position);
  // A report more than a day apart tells another state of the story.
  const cycle = (c: Candidate) => Math.abs(time(c) - time(first)) <= NEWS_CYCLE;
  const linked = ordered.filter((c) => c.article !== first.article && cycle(c) && tellsOf(c, first));
  // Without a report known to be the newest, the best picks tell where the story stands.
  const following = opening ? [...home, ...linked] : ordered.filter((c) => c !== first);
  const fits = (c: Candidate) =>
    usable(c) &&
    !out.some((o) => overlap(o, c) >= LEDE_REPEAT) &&
    !(opening && c.article === first.article && leansOnSkipped(c, first, out));
  for (const c of following) {
    if (!fits(c)) continue;
    if (opening && c.article === first.article) {
      const later = home.filter((h) => h.position > c.position && fits(h));
      const known = [headline, ...[...told, ...out].map((o) => o.text)];
      if (peripheral(c, later, out.length, picks, weights, known)) continue;
    }
    if (out.length >= 2 && words + c.words > LEDE_WORDS) break;
    out.push(c);
    words += c.words;
    if (out.length === most) break;
  }
  // The opening sentence leads; the rest newest first, each report in its order, and someone named
  // in part after the sentence that names them in full.
  const sorted = out.sort(
    (a, b) =>
      Number(b === first) - Number(a === first) ||
      time(b) - time(a) ||
      (a.article === b.article ? a.position - b.position : a.article.id - b.article.id),
  );
  return introducedFirst(sorted, [headline, ...told.map((c) => c.text)].join(' '));
}

/**
 * Whether the lede leaves `c`, a sentence of the opening report it reads on to, to the body: a
 * sentence of a `later` paragraph of that report tells at least twice as much of what the reports
 * share ("Residents of the Hillcrest estate said they saw no aircraft until the fire had already
 * reached the edge of town" over "Winds eased over the weekend"), or, with two
 * sentences told, it tells nothing another report tells beyond what is `known` ("Crews used foam to
 * protect two bulk storage tanks"). A sentence later in its own paragraph tells more of what it
 * opens ("Property owners want the power to ban indoor charging", then the premiums landlords pay),
 * and does not stand in for it.
 */
function peripheral(
  c: Candidate,
  later: readonly Candidate[],
  told: number,
  picks: readonly Candidate[],
  weights: ReadonlyMap<string, number>,
  known: readonly string[],
): boolean {
  const beyond = later.filter((h) => !sameParagraph(c, h));
  if (moreCentral(c, beyond, picks, weights, known)) return true;
  if (told < 2 || new Set(picks.map((p) => p.article.id)).size < 2) return false;
  return centrality(c, weights, new Set(known.flatMap(conceptsOf))) === 0;
}

/** Whether `b`, after `a` in its report, is in the same paragraph: no line break between them. */
function sameParagraph(a: Candidate, b: Candidate): boolean {
  return !a.article.text.slice(a.end, b.start).includes('\n');
}

/** How many sentences of its report `c` comes after `first`: quoted words do not count as reading on. */
function readsOn(first: Candidate, c: Candidate): number {
  const { text, analysis } = first.article;
  let n = 0;
  for (const s of analysis.sentences.slice(first.position + 1, c.position + 1)) {
    if (!QUOTED.test(text.slice(s.start, s.end))) n++;
  }
  return n;
}

/** When a candidate's article was published (ms since the epoch; 0 when undated). */
export function time(c: Candidate): number {
  return c.article.published_at?.getTime() ?? 0;
}

/**
 * Whether a sentence the lede would read on to in its opening report opens on a name that only a
 * sentence left out before it introduced ("Eastbank is one of Port Alder's poorest districts",
 * after "The largest correction came at a polling station in the Eastbank district" stayed out):
 * the reader would meet it as if already told.
 */
function leansOnSkipped(c: Candidate, first: Candidate, told: readonly Candidate[]): boolean {
  const name = /^\p{Lu}[\p{L}-]+/u.exec(c.text)?.[0];
  if (!name || STOPWORDS.has(name.toLowerCase()) || told.some((t) => t.text.includes(name))) return false;
  const { text, analysis } = c.article;
  return analysis.sentences
    .slice(first.position + 1, c.position)
    .some((s) => !told.some((t) => t.start === s.start) && text.slice(s.start, s.end).includes(name));
}

/** Whether `c` tells of what `first` tells: three content words in common, or two and a name. */
function tellsOf(c: Candidate, first: Candidate): boolean {
  const words = sharedStems(c, first);
  if (words >= LEDE_LINK) return true;
  return words === LEDE_LINK - 1 && [...c.entities].some((e) => first.entities.has(e));
}
