import type { Figure } from '../analyze/types.js';
import type { StoryFigure } from '../db/schema.js';
import type { DetectedFact } from '../disagree/detect.js';
import { numericValues, partOfName } from '../disagree/quantities.js';
import { settledIndex, unsettledValues } from '../disagree/respect.js';
import { STOPWORDS } from '../analyze/stopwords.js';
import { findNumbers, sameValue } from '../verify/numbers.js';
import { stem } from '../verify/text.js';
import type { SourceArticle } from '../verify/types.js';
import type { Candidate } from './candidates.js';
import { dayOfMonth, startsName, tidyLabel } from './figure-context.js';
import { phraseLabel } from './figure-phrases.js';
import { overtakenPositions } from './figure-positions.js';
import { cleanLabel, figureLabel, numberLength } from './figures.js';
import {
  head,
  labelQuality,
  plainWhereAlone,
  TOLL,
  withNameNumber,
  withWinner,
} from './key-figure-labels.js';
import { escapeRegExp } from '../lib/regexp.js';
import { isPageFurniture } from './furniture.js';
import { type TextTagger, textTagger } from './nlp.js';

/**
 * The story's key figures: the few numbers that matter most to the event, drawn from every source
 * (not only the sentences the body quotes), each with what it counts and cited to where it is
 * written. What matters is what several outlets report, what a title or an opening sentence states
 * and what the body tells; a figure no phrase explains, whose label would only repeat its unit, or
 * whose value the sources dispute or have since revised is left out. A figure that changed as the
 * story went on ("acres burned") is given as the newest report states it.
 */

const MAX_FIGURES = 6;
const MIN_FIGURES = 3;
// Beyond the first three, a figure must be more than one outlet's aside (see `score`).
const MIN_SCORE = 4;
// Sentences longer than this are lists or run-ons the tagger reads slowly and badly.
const MAX_SENTENCE = 600;
// Opening sentences whose words are tagged to read a label (phrases are read everywhere): a story's
// budget, shared by its articles, since tagging is most of the cost of a story of many reports; each
// article has at least its first three read.
const READ_BUDGET = 40;
const READ_SENTENCES = 8;
const READ_AT_LEAST = 3;
const DURATION = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))$/i;
const AGE = /^\S+[\s-]+years?[\s-]+old\b/i;
const BLOCK = /^\s+block\s+of\s+\p{Lu}/u;
// "90 kilometres per hour": a rate written after the figure belongs to it.
const RATE_AFTER = /^\s+(?:per|an|a|each)\s+(?:hour|day|week|month|year)\b/;
const RANGE_AFTER = /^\s*(?:to|and|-|–)\s*[$€£¥]?\d/;
const RANGE_BEFORE = /\d\s?[-–]\s?$/;
const LIST_INTRO = /^\W*here(?:'s|’s| are| is)\s+(?:the\s+|our\s+)?\S+\s/i;
// "11 percent less in real terms", "$71 million more": a difference, not the figure itself.
const DIFFERENCE = /^\s+(?:more|less|fewer|extra|higher|lower|above|below)\b/;

/** Options of `pickFigures`. */
export interface FigureOptions {
  /** Sentences the story's body tells: their figures count for more. */
  chosen?: readonly Candidate[];
  /** What the sources disagree on: a disputed or superseded value is never a key figure. */
  facts?: readonly DetectedFact[];
  /** The writer's tagger, so a sentence the body's headings already read is not tagged again. */
  tag?: TextTagger;
  /**
   * Whether later coverage moved past what the sentence holding a figure states ("the union is
   * seeking 14 percent" once a deal is reported): such a figure is history, not a key figure.
   */
  overtaken?: (article: SourceArticle, start: number, end: number) => boolean;
}

interface Found {
  article: SourceArticle;
  /** Index of the sentence in its article. */
  position: number;
  start: number;
  end: number;
  text: string;
  value: number;
  kind: Figure['kind'];
  unit: string | null;
  label?: string;
  /** How well the label names what is counted: 3 a phrase that says it, 1 a bare noun. */
  quality: number;
}

/** Up to six key figures of a story's sources, most important first, one per value and per label. */
export function pickFigures(sources: readonly SourceArticle[], options: FigureOptions = {}): StoryFigure[] {
  const tag = options.tag ?? textTagger();
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  const chosen = options.chosen ?? [];
  const told = (article: SourceArticle, start: number, end: number) =>
    chosen.some((c) => c.article.id === article.id && c.start < end && start < c.end);
  const reading = Math.max(
    READ_AT_LEAST,
    Math.min(READ_SENTENCES, Math.floor(READ_BUDGET / Math.max(1, sources.length))),
  );
  const spots = sources.flatMap((a) => figureSpots(a, told, reading));
  // Tagging is most of the cost: the sentences whose figures need their words read are tagged in one pass.
  tag.prime(spots.flatMap((s) => (s.phrase === undefined && s.read ? [s.said] : [])));
  const all = spots.flatMap((spot) => labelled(spot, tag) ?? []);
  // A settled value overtakes the positions before it even where the sources dispute it.
  const settledPast = overtakenPositions(all);
  const found = all.filter(
    (f) =>
      !settledPast(f) &&
      !options.overtaken?.(f.article, f.start, f.end) &&
      (!options.facts?.length ||
        (!unsettled(f, options.facts) &&
          unsettledValues(f.text, options.facts, {
            citations: [{ article_id: f.article.id, start: f.start, end: f.end }],
            sourceText: (id) => texts.get(id),
          }).length === 0)),
  );
  const titles = sources.flatMap((s) => findNumbers(s.title, { words: true }).map((n) => n.value));
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const key = valueKey(f);
    if (key) groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const ranked: { figure: Found; score: number }[] = [];
  for (const group of groups.values()) {
    const outlets = new Set(group.map((f) => f.article.id)).size;
    const inTitle = titles.some((v) => sameValue(v, group[0]!.value));
    let best: { figure: Found; own: number } | undefined;
    let top = 0;
    for (const f of group) {
      if (!f.label) continue;
      const inBody = told(f.article, f.start, f.end);
      const score =
        2 * (outlets - 1) +
        (inTitle ? 2 : 0) +
        (f.position <= 1 ? 1.5 : f.position <= 3 ? 0.5 : 0) +
        (inBody ? 1 : 0) +
        // A toll (killed, injured, homes destroyed) is what an event is measured by.
        (TOLL.test(f.label) ? 2 : 0) +
        f.quality;
      top = Math.max(top, score);
      // The best label names the figure; among equals the better placed, then the fuller one.
      const better =
        !best ||
        f.quality > best.figure.quality ||
        (f.quality === best.figure.quality &&
          (score > best.own || (score === best.own && f.label.length > best.figure.label!.length)));
      if (better) best = { figure: f, own: score };
    }
    if (best) ranked.push({ figure: best.figure, score: top });
  }
  const shown = oneCountPerValue(distinctLabels(ranked).sort((a, b) => b.score - a.score))
    .filter((r, i) => (i < MIN_FIGURES && r.figure.quality >= 2) || r.score >= MIN_SCORE)
    .slice(0, MAX_FIGURES);
  const labels = shown.map(({ figure }) => figure.label!);
  return shown.map(({ figure: f }) => ({
    text: f.text,
    value: f.value,
    unit: f.unit,
    label: plainWhereAlone(f.label!, labels),
    citation: { article_id: f.article.id, start: f.start, end: f.end },
  }));
}

/**
 * One figure per label: where two values carry one label ("acres burned" by Friday, by Sunday),
 * the newest report's value stands, with the better score of the two.
 */
function distinctLabels(ranked: { figure: Found; score: number }[]): { figure: Found; score: number }[] {
  const byLabel = new Map<string, { figure: Found; score: number }>();
  const time = (f: Found) => f.article.published_at?.getTime() ?? 0;
  for (const r of ranked) {
    const key = labelKey(r.figure.label!);
    const other = byLabel.get(key);
    if (!other) byLabel.set(key, r);
    else if (updates(r.figure.value, other.figure.value)) {
      const newer = time(r.figure) > time(other.figure) ? r : other;
      byLabel.set(key, { figure: newer.figure, score: Math.max(r.score, other.score) });
    } else if (r.score > other.score) byLabel.set(key, r);
  }
  return [...byLabel.values()];
}

/**
 * One figure per small count that only says who or what is counted: "15 British sailors" and "the
 * fifteen navy crew" are one group told twice, while "52 people killed" and "52 steel columns" say
 * different things (what was done to one of them). `ranked` is sorted best first; the first stays.
 */
function oneCountPerValue(ranked: { figure: Found; score: number }[]): { figure: Found; score: number }[] {
  const plain = (f: Found) => f.kind === 'count' && !TOLL.test(f.label!) && !DONE.test(f.label!);
  return ranked.filter(
    (r, i) =>
      !plain(r.figure) ||
      !ranked.slice(0, i).some((o) => plain(o.figure) && o.figure.value === r.figure.value),
  );
}

// A participle in a label says what was done to the count ("ships participated", "votes cast").
const DONE =
  /\p{L}{2}(?:ed|wn)\b|\b(?:cut|shut|put|set|hit|hurt|cast|held|sold|built|lost|kept|won|led|fed|paid|sent|spent|left|made|found|taken|given|stolen|broken|seen)\b/u;

/**
 * A label as one key for its spellings and forms: "flights cancelled" and "flights canceled",
 * "homes destroyed" and "home destroyed".
 */
function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/^the /, '')
    .split(/\s+/)
    .map((w) => stem(w).replace(/([^aeiou\W\d])\1$/u, '$1'))
    .join(' ');
}

/**
 * Whether a figure states a value of a disputed fact, or a revised fact's value other than its
 * current one: a value the detection read at that place, or the same value anywhere in the story
 * ("the recall of 410,000 heaters" after the count was raised to 480,000).
 */
function unsettled(f: Found, facts: readonly DetectedFact[]): boolean {
  return facts.some((fact) => {
    const allowed = settledIndex(fact);
    return fact.mentions.some(
      (ms, i) =>
        i !== allowed &&
        ms.some(
          (m) =>
            (m.articleId === f.article.id && m.span.start < f.end && f.start < m.span.end) ||
            (m.kind === f.kind && typeof m.value === 'number' && sameValue(m.value, f.value)),
        ),
    );
  });
}

/**
 * Whether two values under one label can be one figure at two times (19,700 acres by Friday,
 * 22,500 by Sunday), not two things that share a name (1,312 ballots rejected on election night,
 * 38 in one polling station): an update moves a figure, it does not multiply it.
 */
function updates(a: number, b: number): boolean {
  return Math.min(a, b) > 0 && Math.max(a, b) / Math.min(a, b) <= 2;
}

/** Which figures state one value: amounts and large counts by value, others by value and label. */
function valueKey(f: Found): string | undefined {
  if (f.kind === 'amount') return `amount:${f.unit}:${f.value}`;
  if (f.kind === 'count' && f.value >= 100) return `count:${f.value}`;
  // "10 percent" is many things in one story: only labels with one head ("main rate", "policy
  // rate") make two the same figure.
  return f.label ? `${f.kind}:${f.value}:${head(f.label)}` : undefined;
}

/** Where a figure that could be a key figure stands, and what of its sentence names it. */
interface Spot {
  article: SourceArticle;
  span: FigureSpan;
  position: number;
  sentence: { start: number; end: number };
  said: string;
  /** The figure's offset in its sentence. */
  at: number;
  /** The words after the number that the analysis read as what is counted. */
  counted: string;
  /** A phrase of the sentence that names what the figure counts ("homes destroyed"), if any. */
  phrase: string | undefined;
  /** Whether the sentence's words may be tagged to find a label (see `figureSpots`). */
  read: boolean;
}

interface FigureSpan {
  start: number;
  end: number;
  shown: number;
  value: number;
  kind: Exclude<Figure['kind'], 'date'>;
  unit: string | null;
}

/** The figures of one article that could be key figures, before they are labelled. */
function figureSpots(
  article: SourceArticle,
  told: (article: SourceArticle, start: number, end: number) => boolean,
  reading: number,
): Spot[] {
  const { text, analysis } = article;
  const spans: FigureSpan[] = [];
  for (const f of analysis.figures) {
    if (f.kind === 'date' || f.value === null) continue;
    if (f.kind === 'count' && (DURATION.test(f.unit ?? '') || /^\d{4}$/.test(f.text.split(' ')[0]!)))
      continue;
    spans.push({
      start: f.start,
      end: f.start + numberLength(f.text),
      shown: f.end,
      value: f.value,
      kind: f.kind,
      unit: f.unit,
    });
  }
  // "has risen to 163", "raised the number of units covered to 480,000": numbers the analysis keeps no count of.
  for (const raw of numericValues(text, analysis.figures)) {
    const { start, end } = raw.span;
    if (raw.kind !== 'count' || typeof raw.value !== 'number' || /\p{L}/u.test(raw.text)) continue;
    if (analysis.figures.some((f) => f.start < end && start < f.end)) continue;
    spans.push({ start, end, shown: end, value: raw.value, kind: 'count', unit: null });
  }
  const out: Spot[] = [];
  for (const s of spans) {
    const position = analysis.sentences.findIndex((x) => x.start <= s.start && s.shown <= x.end);
    const sentence = analysis.sentences[position];
    if (!sentence || sentence.end - sentence.start > MAX_SENTENCE || partOfName(text, s.start)) continue;
    if (dayOfMonth(text, s.start, s.end) || (s.kind === 'count' && startsName(text, s.end))) continue;
    const said = text.slice(sentence.start, sentence.end);
    if (isPageFurniture(said, position === 0)) continue;
    // "Here are 18 impressive facts about…": a count of the page's own list, not of the story.
    if (s.kind === 'count' && LIST_INTRO.test(said)) continue;
    const at = s.start - sentence.start;
    // A figure inside a quotation is the speaker's, and a key figure carries no attribution.
    if ((said.slice(0, at).match(/["“”]/g)?.length ?? 0) % 2 === 1) continue;
    // A difference ("$71 million more") or the end of a range ("$7,000 to $9,000") is no figure of its own.
    // "dozens more people killed" counts those added to a toll written elsewhere.
    if (DIFFERENCE.test(text.slice(s.shown)) || DIFFERENCE.test(text.slice(s.end, s.shown))) continue;
    if (RANGE_AFTER.test(text.slice(s.shown))) continue;
    // "the 100% edible cup", "a discharge to 0 percent": all or none is a degree, not a figure.
    if (s.kind === 'percent' && (s.value === 0 || s.value === 100)) continue;
    // "the 26-year-old sailor": an age says who someone is, not what the story counts.
    if (AGE.test(text.slice(s.start, s.shown + 12))) continue;
    // "the 400 block of Daly Street": an address, not a count.
    if (BLOCK.test(text.slice(s.end))) continue;
    if (/\b(?:between|from)\s+$/i.test(text.slice(Math.max(0, s.start - 10), s.start))) continue;
    // "∼50–75% serpentine", "15–60%": the end of a range is no figure of its own either.
    if (RANGE_BEFORE.test(text.slice(Math.max(0, s.start - 3), s.start))) continue;
    const counted = text.slice(s.end, s.shown).trim();
    out.push({
      article,
      span: s,
      position,
      sentence,
      said,
      at,
      counted,
      phrase: phraseLabel(said, s.kind, at, s.end - sentence.start, counted),
      // Tagging is most of the cost: past an article's opening, only the sentences the body tells are read.
      read: position < reading || told(article, sentence.start, sentence.end),
    });
  }
  return out;
}

/** A spot's figure with its label, or undefined for a small count that is no toll. */
function labelled(spot: Spot, tag: TextTagger): Found | undefined {
  const { article, span: s, sentence, said, at, counted, phrase } = spot;
  const { text } = article;
  const rate = RATE_AFTER.exec(text.slice(s.shown))?.[0] ?? '';
  const shownText = text.slice(s.start, s.shown) + rate;
  const described =
    phrase ??
    (spot.read
      ? cleanLabel(figureLabel(tag(said), at, s.end - sentence.start, said, s.shown - sentence.start))
      : undefined);
  // "103 male patients": a modifier the analysis took for the counted word belongs to the label.
  const modified =
    described && counted && text.slice(s.shown).trimStart().startsWith(described)
      ? `${counted} ${described}`
      : described;
  // "its $70,000-plus Model S hatchbacks", "the $40 billion energy products market": an amount
  // written before a plural is the price of each, or the plural is cut off its own noun.
  const pricePerItem =
    s.kind === 'amount' &&
    phrase === undefined &&
    modified !== undefined &&
    /[^s']s$/.test(modified.split(/\s+(?:of|in|for|over|on|at|from|to|by|per)\s+/)[0]!) &&
    new RegExp(`^(?:-plus)?\\s+${escapeRegExp(modified)}`).test(text.slice(s.shown));
  const tidy = modified && !pricePerItem ? tidyLabel(withNameNumber(said, modified)) : undefined;
  const label = tidy && withWinner(tidy, article, sentence.start, s.start);
  const quality = label ? labelQuality(label, counted, phrase !== undefined) : 0;
  if (s.kind === 'count' && s.value < 10 && !(label && TOLL.test(label))) return undefined;
  // "163 homes destroyed" reads better than "163 homes — homes destroyed": the label names the noun.
  // "870 this year": the analysis may take a word that is no noun for the counted one.
  const bareNumber =
    counted && (label?.toLowerCase().includes(counted.toLowerCase()) || STOPWORDS.has(counted));
  // "300 million — people sickened a year": a label that carries the rate takes it from the number too.
  const shown =
    bareNumber && (!rate || label!.endsWith(rate.trim())) ? text.slice(s.start, s.end) : shownText;
  return {
    article,
    position: spot.position,
    start: s.start,
    end: s.start + shown.length,
    text: shown,
    value: s.value,
    kind: s.kind,
    unit: s.unit,
    ...(quality > 0 ? { label } : {}),
    quality,
  };
}
