import { valuePresent, findNumbers } from '../verify/numbers.js';
import type { PreparedSources } from '../verify/prepare.js';
import { normalizeForMatch, stem } from '../verify/text.js';
import type { SourceArticle } from '../verify/types.js';
import { type Candidate, overlap } from './candidates.js';
import { is, tagWords } from './nlp.js';

/** Headline, dek and lede: what happened, what is at stake, and the story's current state. */

/** The headline and the article whose state it tells; `sentence` when it was cut from one. */
export interface Headline {
  text: string;
  article: SourceArticle;
  sentence?: Candidate;
}

const MIN_TITLE = 10;
// A title that asks a question, or runs to a second sentence, frames an analysis, not the news.
const ASKS = /\?|[.!]\s+\p{Lu}/u;
const LONG_TITLE = 110;

/**
 * The headline: the source title closest to all the others (the most representative wording),
 * weighed towards recent articles and away from titles that ask a question, among titles whose
 * figures the sources hold. Without a usable
 * title, the main clause of the best sentence.
 */
export function pickHeadline(
  sources: readonly SourceArticle[],
  candidates: readonly Candidate[],
  prepared: PreparedSources,
  best: Candidate | undefined,
): Headline | undefined {
  const times = sources.map((s) => s.published_at?.getTime() ?? 0);
  const newest = Math.max(...times);
  const oldest = Math.min(...times);
  const values = [...prepared.byId.values()];
  const titles = sources
    .map((s, i) => ({
      article: s,
      recency: newest > oldest ? (times[i]! - oldest) / (newest - oldest) : 1,
      title: s.title.trim(),
      stems: new Set(
        normalizeForMatch(s.title)
          .split(/\W+/)
          .filter((w) => w.length > 2)
          .map(stem),
      ),
    }))
    .filter(
      (t) =>
        t.title.length >= MIN_TITLE &&
        t.stems.size >= 3 &&
        findNumbers(t.title).every((n) => values.some((v) => valuePresent(n.value, v.values))),
    );
  const story = new Map<string, number>();
  for (const c of candidates) for (const s of c.stems) story.set(s, (story.get(s) ?? 0) + 1);
  let chosen: (typeof titles)[number] | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const t of titles) {
    let value = 0;
    for (const other of titles) if (other !== t) for (const s of t.stems) if (other.stems.has(s)) value += 1;
    for (const s of t.stems) value += Math.min(1, (story.get(s) ?? 0) / 5) * 0.5;
    value /= Math.sqrt(Math.max(3, t.stems.size));
    if (t.title.length > LONG_TITLE) value *= 0.7;
    // "Why did the recall take four months?" asks; a headline tells what happened.
    if (ASKS.test(t.title)) value *= 0.5;
    value *= 0.4 + 0.6 * t.recency;
    if (value > bestValue) {
      bestValue = value;
      chosen = t;
    }
  }
  if (chosen) return { text: chosen.title, article: chosen.article };
  if (!best) return undefined;
  return { text: mainClause(best.text), article: best.article, sentence: best };
}

// Words that open a subordinate clause: what precedes them is a sentence of its own.
const SUBORDINATE =
  /^(.{40,120}?)\s+(?:after|because|while|when|whereas|although|though|since|amid|who|which|according)\s/u;
// Tags of a verb that makes a clause a statement (not "facing", "published in").
const FINITE = ['PastTense', 'PresentTense', 'Modal', 'Copula', 'Auxiliary'];
// A headline longer than this reads as a paragraph.
const LONG_HEADLINE = 100;

/**
 * A sentence's opening clause, up to its first comma, semicolon or dash, when that says enough; a
 * long sentence without one is cut before its first subordinate clause ("… after …", "… who …").
 */
export function mainClause(text: string): string {
  // A comma inside a number ("$50,000") does not end a clause.
  const clause = /^(.{30,140}?)\s*(?:[,;:](?=\s)|[—–]|\s-\s)/u.exec(text)?.[1];
  // A clause without a verb of its own ("Jane Doe, the mayor of …") names someone, it tells nothing.
  const enough = (c: string | undefined): c is string =>
    c !== undefined && c.split(/\s+/).length >= 6 && tagWords(c).some((w) => is(w, ...FINITE));
  const subordinate = text.length > LONG_HEADLINE ? SUBORDINATE.exec(text)?.[1] : undefined;
  const head = enough(clause) ? clause : enough(subordinate) ? subordinate : text;
  return head.replace(/[.!]+$/, '').trim();
}

/**
 * The sentence a headline is cut from when no title serves: the first of the best sentences that
 * quotes no one and whose main clause is short enough to read as a headline, else the best.
 */
export function headlineSentence(best: readonly Candidate[]): Candidate | undefined {
  return (
    best.find((c) => !c.speaker && !QUOTED.test(c.text) && mainClause(c.text).length <= LONG_TITLE) ?? best[0]
  );
}

// Quotation marks: quoted words belong under "What they said", not in the dek or the lede.
const QUOTED = /["“”]/;

// Words that say what follows from the news: consequences, risks, costs, decisions pending.
const STAKES =
  /\b(?:could|would|may|might|risk|threat|threaten|face|faces|facing|cost|costs|million|billion|percent|affect|affects|thousands|hundreds|expected|warn|warned|crisis|future|first|largest|biggest|record)\b/i;

/**
 * The dek: among the first picks after the opening one, from the newest coverage when it offers
 * one, the first that says what is at stake (a consequence, a cost, a risk), else the best; never
 * a quote. It leaves the body.
 */
export function pickDek(picks: readonly Candidate[], opener?: Candidate): Candidate | undefined {
  // The dek does not retell the lede's opening sentence (the lede would then drop it).
  const options = picks
    .slice(1, 5)
    .filter(
      (c) =>
        !c.speaker && !QUOTED.test(c.text) && (!opener || (c !== opener && overlap(c, opener) < LEDE_REPEAT)),
    );
  // An older article may describe a state the story has left: the newest coverage speaks first.
  const time = (c: Candidate) => c.article.published_at?.getTime() ?? 0;
  const newest = Math.max(...picks.map(time));
  const fresh = options.filter((c) => time(c) === newest);
  return (
    fresh.find((c) => STAKES.test(c.text)) ??
    fresh[0] ??
    options.find((c) => STAKES.test(c.text)) ??
    options[0]
  );
}

const LEDE_WORDS = 90;
// Lede sentences sharing this much of their words tell one fact twice ("lifted rates to 4.5 percent").
const LEDE_REPEAT = 0.25;

/**
 * The lede: two to four of the best picks that are not quotes, up to about ninety words: the
 * `opener` (the newest report's own first sentence) when given, then the newest coverage first (each
 * article in its order): where the story stands now, then how it got there. None repeats the dek or
 * another lede sentence.
 */
export function pickLede(picks: readonly Candidate[], dek?: Candidate, opener?: Candidate): Candidate[] {
  const first = opener && picks.includes(opener) && opener !== dek ? opener : undefined;
  const out: Candidate[] = first ? [first] : [];
  const told = dek ? [dek] : [];
  // Two sentences, or up to four when enough are left for two sections of two.
  const most = Math.max(2, Math.min(4, picks.length - 4));
  let words = first?.words ?? 0;
  // The story's current state: the newest coverage first, older picks only to make up the rest.
  const time = (c: Candidate) => c.article.published_at?.getTime() ?? 0;
  const newest = Math.max(...picks.map(time));
  const recent = (c: Candidate) => time(c) === newest;
  const ordered = [...picks.filter(recent), ...picks.filter((c) => !recent(c))];
  for (const c of ordered) {
    if (c === first) continue;
    if (c.speaker || QUOTED.test(c.text) || [...told, ...out].some((o) => overlap(o, c) >= LEDE_REPEAT))
      continue;
    if (out.length >= 2 && words + c.words > LEDE_WORDS) break;
    out.push(c);
    words += c.words;
    if (out.length === most) break;
  }
  // The opener (the newest report's own first sentence) leads; the rest newest first.
  return out.sort(
    (a, b) =>
      Number(b === first) - Number(a === first) ||
      (b.article.published_at?.getTime() ?? 0) - (a.article.published_at?.getTime() ?? 0) ||
      (a.article === b.article ? a.position - b.position : a.article.id - b.article.id),
  );
}
