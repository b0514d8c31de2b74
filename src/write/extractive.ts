import type { Citation, StoryBody, StorySentence, TimelineEntry } from '../db/schema.js';
import { headlineSources, withoutUnsettled } from '../disagree/respect.js';
import { checkDisputed } from '../verify/disputed.js';
import { citedEvidence } from '../verify/evidence.js';
import { type PreparedSources, prepareSources } from '../verify/prepare.js';
import { checkSentence, sentenceContext } from '../verify/verify.js';
import { contentStems, normalizeForMatch } from '../verify/text.js';
import type { Draft, SourceArticle } from '../verify/types.js';
import {
  type Candidate,
  clauseCandidate,
  collectCandidates,
  introduceSpeakers,
  pairedCandidates,
  sharesSpan,
} from './candidates.js';
import { conceptWeights } from './concepts.js';
import { retellsFact, sameFact, selectByCoverage } from './coverage.js';
import { BODY_FILTERS, type CandidateFilter, eligibleCandidates } from './eligible.js';
import { pickDek } from './dek.js';
import { headlineSentence, NEWS_CYCLE, pickHeadline, pickLede, QUOTED } from './headline.js';
import { pickFigures } from './key-figures.js';
import { textTagger } from './nlp.js';
import { statementOpenings } from './headline-clause.js';
import { pickQuotes } from './quotes.js';
import { overtakenBy } from './overtaken.js';
import { referredTo } from './later-references.js';
import { planSections } from './sections.js';
import { settleDraft } from './settle.js';
import { buildTimeline, settledOn } from './timeline.js';
import { withoutToldOnPage } from './told.js';

/** The outcome of a writer: a draft, or why there is none. */
export type WriteResult = { ok: true; draft: Draft } | { ok: false; reason: string };

/** Fewest usable source sentences for a lede and two short sections. */
export const MIN_SENTENCES = 3;

// Words of the best sentences a headline may be cut from, when no source title serves.
const HEADLINE_CHOICE = 60;
// Words of the sentences a headline may be cut from when none of the best reads as one.
const HEADLINE_WIDER_CHOICE = 200;
// How far into a report whose opening sentence cannot stand the lede may open: its lead paragraphs.
const LEAD_DEPTH = 2;

/** Options of the extractive writer. */
export interface ExtractiveOptions {
  /** The rules body sentences must pass (default `BODY_FILTERS`); add one to keep more out. */
  filters?: readonly CandidateFilter[];
}

/**
 * The extractive writer: chooses real source sentences by how much of the story's shared content
 * they cover (see coverage.ts), and lays them out as the story article: a headline from the most
 * representative title, a dek on what is at stake, a lede of the best sentences (newest first),
 * two to five named sections, key figures with what they measure, quotes with speakers and roles,
 * and a timeline when the coverage spans days. Every sentence cites its exact span, and any part
 * the verifier would reject is dropped before the draft is returned.
 */
export function writeExtractive(
  sources: readonly SourceArticle[],
  prepared: PreparedSources = prepareSources(sources),
  options: ExtractiveOptions = {},
): WriteResult {
  const all = collectCandidates(sources, prepared);
  const candidates = withoutUnsettled(all, prepared.disagreements);
  if (candidates.length < MIN_SENTENCES) {
    return {
      ok: false,
      reason: `not enough material: ${candidates.length} usable sentences in ${sources.length} sources`,
    };
  }
  const weights = conceptWeights(candidates);
  const words = bodyWords(sources.length);
  const standing = eligibleCandidates(candidates, { headline: '', quotes: [] }, BODY_FILTERS.slice(0, 1));
  // One tagger for the story: headline, lede, timeline, headings and labels read the same sentences.
  const tagText = textTagger();
  const headline = pickHeadline(
    headlineSources(sources, prepared.disagreements),
    candidates,
    prepared,
    headlineSentence(selectByCoverage(standing, weights, { words: HEADLINE_CHOICE }), tagText),
    () => headlineSentence(selectByCoverage(standing, weights, { words: HEADLINE_WIDER_CHOICE }), tagText),
    tagText,
  );
  if (!headline)
    return { ok: false, reason: `not enough material: no headline in ${sources.length} sources` };
  // A headline cut to a sentence's main clause leaves the rest of that sentence untold: the body
  // may carry it in full (it is the story's best sentence). A headline that is the whole sentence
  // keeps it out.
  const cutFrom = headline.sentence;
  const whole =
    cutFrom && normalizeForMatch(cutFrom.text) === normalizeForMatch(headline.text) ? cutFrom : undefined;
  // A sentence that leans on the one before may come in with it, as one span (never beside itself).
  const newest = newestReport(sources);
  const overtaken = overtakenBy(sources, candidates, tagText, prepared);
  const pool = eligibleCandidates(
    [...candidates, ...pairedCandidates(candidates)].filter((c) => !whole || !sharesSpan(c, whole)),
    { headline: headline.text, quotes: [], newest, overtaken },
    options.filters ?? BODY_FILTERS,
  );
  // The lede opens on the newest report's own opening sentence when the body may carry it; the
  // headline's report may open it on the longest opening of its first sentence that leaves out only
  // what keeps the rest out ("Talia Brennan conceded the mayoral election on Sunday, a day after a
  // hand recount confirmed Mayor Bernard Quill's victory", without the disputed count after it), so
  // that headline and lede tell one account.
  const openers = all
    .filter(
      (c) =>
        c.article === headline.article &&
        c.position === 0 &&
        !pool.includes(c) &&
        (!whole || !sharesSpan(c, whole)),
    )
    .flatMap((c) => {
      const cuts = statementOpenings(c.text, tagText).flatMap((clause) => clauseCandidate(c, clause) ?? []);
      const usable = eligibleCandidates(
        withoutUnsettled(cuts, prepared.disagreements),
        { headline: headline.text, quotes: [], newest, overtaken },
        options.filters ?? BODY_FILTERS,
      );
      return usable.slice(0, 1);
    });
  const lead = leadSentence(sources, [...pool, ...openers], headline.article);
  const current = howCurrent(newest);
  const chosen = lead
    ? [
        lead,
        ...selectByCoverage(pool, weights, { words: words - lead.words, already: [lead], standing: current }),
      ]
    : selectByCoverage(pool, weights, { words, standing: current });
  // "What they said" prefers quotes the body does not carry; a body sentence with a pulled quote leaves.
  const rank = sentenceRank(candidates, weights);
  const quotes = pickQuotes(
    sources,
    prepared,
    (article, q) => rank.get(`${article.id}:${q.sentence}`) ?? 0,
    chosen,
  );
  const picks = withoutRetelling(
    introduceSpeakers(
      eligibleCandidates(chosen, { headline: headline.text, quotes, newest, overtaken }),
      pool,
      headline.text,
    ),
  );
  // The dek is one sentence: a pair stays in the body.
  const opener = lead && picks.includes(lead) ? lead : undefined;
  // The opening report's sentences the quotes leave the body: one of them may be the dek.
  const carried = opener
    ? eligibleCandidates(
        pool.filter((c) => c.article === opener.article),
        { headline: headline.text, quotes, newest, overtaken },
      )
    : [];
  // A sentence that holds the headline's words (the one it was cut from, a copy of it, a title that
  // is its first sentence) says the headline again: it is no dek.
  const headlineWords = normalizeForMatch(headline.text);
  const retold = (c: Candidate) => normalizeForMatch(c.text).includes(headlineWords);
  const chosenDek = pickDek(
    picks.filter((c) => !retold(c)),
    opener,
    carried.filter((c) => !retold(c)),
    headline.text,
    weights,
  );
  const lede = pickLede(
    picks.filter((c) => c !== chosenDek),
    chosenDek,
    opener,
    carried.filter((c) => c !== chosenDek),
    headline.text,
    weights,
  );
  // Little material: the dek is a lede or body sentence moved up, else one the body left out.
  const spare = () =>
    pool.find(
      (c) =>
        !c.paired &&
        !picks.some((p) => sharesSpan(p, c)) &&
        !c.speaker &&
        !/["“”]/.test(c.text) &&
        !retold(c),
    );
  const movable = lede.length > 1 ? lede.findLast((c) => !c.paired && !retold(c)) : undefined;
  const dek =
    chosenDek ??
    (movable
      ? lede.splice(lede.indexOf(movable), 1)[0]
      : picks.find((c) => !lede.includes(c) && !c.speaker && !c.paired && !retold(c))) ??
    spare();
  // A story with nothing to say beyond its headline is no article yet.
  if (!dek) return { ok: false, reason: 'not enough material: nothing to tell beyond the headline' };
  const opening = [dek, ...lede, ...(headline.sentence ? [headline.sentence] : [])];
  // A day of coverage that the body would carry whole gives the timeline its line from the body.
  // The dek and the lede may come from the opening report beyond the picks: the body holds neither
  // (nor a pair holding one), nor retells a fact either tells.
  const told = [dek, ...lede];
  const forBody = picks.filter((c) => !told.some((o) => retellsFact(o, c)));
  const timeline = buildTimeline(
    all.filter((c) => !c.dangling),
    opening,
    weights,
    {
      headline: headline.text,
      movable: forBody,
      states: settledOn(candidates, prepared),
      tag: tagText,
      holds: (line) => holdsLine(line, prepared),
    },
  );
  // What the page tells in other words (a lede and a timeline line together) the body leaves out.
  const rest = withoutToldOnPage(
    forBody.filter((c) => !timeline.taken.includes(c)),
    [headline.text, dek.text, ...lede.map((c) => c.text), ...timeline.entries.map((e) => e.text)],
  );
  // Headings read every sentence left for the body: one pass of the tagger tags them all.
  tagText.prime(rest.map((c) => c.text));
  const tag = (c: Candidate) => tagText(c.text);
  const toldStems = new Set(contentStems([headline.text, dek.text, ...lede.map((c) => c.text)].join(' ')));
  const sections = planSections(rest, { tag, told: toldStems });
  const body: StoryBody = {
    lede: lede.map(sentence),
    sections: sections.map((s) => ({ heading: s.heading, sentences: s.sentences.map(sentence) })),
    quotes,
    figures: pickFigures(sources, {
      chosen: [...lede, ...sections.flatMap((s) => s.sentences)],
      facts: prepared.disagreements,
      tag: tagText,
      overtaken: (article, start, end) =>
        candidates.some((c) => c.article === article && c.start <= start && end <= c.end && overtaken(c)),
    }),
  };
  if (timeline.entries.length > 0) body.timeline = timeline.entries;
  const draft = settleDraft({ headline: headline.text, dek: dek.text, body }, sources, prepared);
  return { ok: true, draft: { ...draft, body: referredTo(draft.body, sources, prepared) } };
}

/**
 * The sentence the lede opens on: the opening sentence of the newest report that opens on news (an
 * analysis piece that opens on a reader's words gives way to the report before it), the headline's
 * report first when it is of the newest news cycle, so that headline and lede tell one account.
 * When no report of that cycle may open the lede (their opening sentences state figures the sources
 * dispute), the next sentence that stands alone in the first paragraphs of a report of the cycle the
 * headline comes from opens it, before any older report. Where the story stands now. Without
 * publication times no article is known to be the newest, and there is none.
 */
export function leadSentence(
  sources: readonly SourceArticle[],
  pool: readonly Candidate[],
  headline?: SourceArticle,
): Candidate | undefined {
  const dated = sources.filter((a) => a.published_at).sort((a, b) => time(b) - time(a) || a.id - b.id);
  if (dated.length === 0) return undefined;
  const near = (a: SourceArticle, b: SourceArticle) => Math.abs(time(a) - time(b)) <= NEWS_CYCLE;
  const current = dated.filter((a) => near(a, dated[0]!));
  const first = headline && current.includes(headline) ? [headline] : [];
  const stands = (c: Candidate) => !c.paired && !c.speaker && !c.dangling && !QUOTED.test(c.text);
  const opening = (article: SourceArticle) =>
    pool.find((c) => c.article === article && c.position === 0 && stands(c));
  const early = (article: SourceArticle) =>
    opensOnNews(article)
      ? pool
          .filter((c) => c.article === article && c.position <= LEAD_DEPTH && stands(c))
          .sort((a, b) => a.position - b.position)[0]
      : undefined;
  const withHeadline = current.filter((a) => !headline || near(a, headline));
  return (
    [...first, ...current].map(opening).find(Boolean) ??
    [...first, ...withHeadline].map(early).find(Boolean) ??
    dated.map(opening).find(Boolean)
  );
}

/** When an article was published (ms since the epoch; 0 when undated). */
function time(article: SourceArticle): number {
  return article.published_at?.getTime() ?? 0;
}

/** Whether an article's first sentence reports rather than quotes (a feature opens on someone's words). */
function opensOnNews(article: SourceArticle): boolean {
  const first = article.analysis.sentences[0];
  if (!first) return false;
  const quoted = article.analysis.quotes.some((q) => q.sentence === 0);
  return !quoted && !QUOTED.test(article.text.slice(first.start, first.end));
}

/** Whether the verifier would hold a timeline line against the passage it cites. */
function holdsLine(line: TimelineEntry, prepared: PreparedSources): boolean {
  const evidence = citedEvidence(prepared, line.citations);
  const ctx = sentenceContext('timeline', line.text, line.citations, evidence, prepared, true);
  if (checkSentence(ctx).findings.some((f) => f.severity === 'error')) return false;
  const alone: Draft = {
    headline: '',
    dek: '',
    body: { lede: [], sections: [], quotes: [], figures: [], timeline: [line] },
  };
  return !checkDisputed(alone, prepared).some((f) => f.severity === 'error');
}

// How much less a sentence counts for each news cycle its report is behind the newest one.
const BEHIND_WEIGHT = 0.5;

/**
 * What a sentence counts for in the body by how current its report is: fully in the newest news
 * cycle, 1 / (1 + 0.5 × cycles behind) before it. A story that ran for days is told as it stands
 * now, from the reports that tell it so (a deal's terms, not the talks' opening), while the older
 * reports still fill what the newer ones leave out; the timeline keeps the days in between. Every
 * sentence of an undated story counts fully.
 */
function howCurrent(newest: number | undefined): (c: Candidate) => number {
  return (c) => {
    if (newest === undefined || !c.article.published_at) return 1;
    const behind = Math.floor((newest - c.article.published_at.getTime()) / NEWS_CYCLE);
    return 1 / (1 + BEHIND_WEIGHT * behind);
  };
}

/** When the newest dated report was published, in ms since the epoch. */
function newestReport(sources: readonly SourceArticle[]): number | undefined {
  const times = sources.flatMap((a) => (a.published_at ? [a.published_at.getTime()] : []));
  return times.length > 0 ? Math.max(...times) : undefined;
}

/** Words of body a story gets: a short article from two sources, a longer one from ten. */
export function bodyWords(sources: number): number {
  return Math.min(420, 220 + 20 * sources);
}

/** Each sentence's value to the story (its concept weight per word), by `articleId:sentenceIndex`. */
function sentenceRank(
  candidates: readonly Candidate[],
  weights: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of candidates) {
    let gain = 0;
    for (const concept of new Set(c.concepts)) gain += weights.get(concept) ?? 0;
    out.set(`${c.article.id}:${c.position}`, gain / Math.max(1, c.words));
  }
  return out;
}

function sentence(c: Candidate): StorySentence {
  return { text: c.text, citations: [citation(c.article.id, c.start, c.end)] };
}

function citation(article_id: number, start: number, end: number): Citation {
  return { article_id, start, end };
}

/**
 * The picks without one that tells what an earlier pick tells: a quote that came in with its
 * speaker's sentence may be one another outlet's sentence already carries.
 */
function withoutRetelling(picks: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of picks) if (!kept.some((k) => sameFact(k, c))) kept.push(c);
  return kept;
}
