import type { Citation, StoryBody, StorySentence, TimelineEntry } from '../db/schema.js';
import { headlineSources, withoutUnsettled } from '../disagree/respect.js';
import { checkDisputed } from '../verify/disputed.js';
import { citedEvidence } from '../verify/evidence.js';
import { type PreparedSources, prepareSources } from '../verify/prepare.js';
import { checkSentence, sentenceContext } from '../verify/verify.js';
import { contentStems, normalizeForMatch } from '../verify/text.js';
import type { Draft, SourceArticle } from '../verify/types.js';
import { type Candidate, collectCandidates, pairedCandidates, sharesSpan } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { selectByCoverage } from './coverage.js';
import { BODY_FILTERS, type CandidateFilter, eligibleCandidates } from './eligible.js';
import { headlineSentence, pickDek, pickHeadline, pickLede } from './headline.js';
import { pickFigures } from './key-figures.js';
import { textTagger } from './nlp.js';
import { pickQuotes } from './quotes.js';
import { planSections } from './sections.js';
import { settleDraft } from './settle.js';
import { buildTimeline, settledOn } from './timeline.js';

/** The outcome of a writer: a draft, or why there is none. */
export type WriteResult = { ok: true; draft: Draft } | { ok: false; reason: string };

/** Fewest usable source sentences for a lede and two short sections. */
export const MIN_SENTENCES = 3;

// Words of the best sentences a headline may be cut from, when no source title serves.
const HEADLINE_CHOICE = 60;

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
  const headline = pickHeadline(
    headlineSources(sources, prepared.disagreements),
    candidates,
    prepared,
    headlineSentence(selectByCoverage(standing, weights, { words: HEADLINE_CHOICE })),
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
  const pool = eligibleCandidates(
    [...candidates, ...pairedCandidates(candidates)].filter((c) => !whole || !sharesSpan(c, whole)),
    { headline: headline.text, quotes: [], newest },
    options.filters ?? BODY_FILTERS,
  );
  // The lede opens on the newest report's own opening sentence when the body may carry it.
  const lead = leadSentence(sources, pool);
  const chosen = lead
    ? [lead, ...selectByCoverage(pool, weights, { words: words - lead.words, already: [lead] })]
    : selectByCoverage(pool, weights, { words });
  // "What they said" prefers quotes the body does not carry; a body sentence with a pulled quote leaves.
  const rank = sentenceRank(candidates, weights);
  const quotes = pickQuotes(
    sources,
    prepared,
    (article, q) => rank.get(`${article.id}:${q.sentence}`) ?? 0,
    chosen,
  );
  const picks = eligibleCandidates(chosen, { headline: headline.text, quotes, newest });
  // The dek is one sentence: a pair stays in the body.
  const opener = lead && picks.includes(lead) ? lead : undefined;
  // The opening report's sentences the quotes leave the body: one of them may be the dek.
  const carried = opener
    ? eligibleCandidates(
        pool.filter((c) => c.article === opener.article),
        { headline: headline.text, quotes, newest },
      )
    : [];
  const chosenDek = pickDek(picks, opener, carried);
  const lede = pickLede(
    picks.filter((c) => c !== chosenDek),
    chosenDek,
    opener,
  );
  // Little material: the dek is a lede or body sentence moved up, else one the body left out.
  const spare = () =>
    pool.find(
      (c) => !c.paired && !picks.some((p) => sharesSpan(p, c)) && !c.speaker && !/["“”]/.test(c.text),
    );
  const dek =
    chosenDek ??
    (lede.length > 1 && !lede.at(-1)!.paired
      ? lede.pop()
      : picks.find((c) => !lede.includes(c) && !c.speaker && !c.paired)) ??
    spare();
  const opening = [...(dek ? [dek] : []), ...lede, ...(headline.sentence ? [headline.sentence] : [])];
  // A day of coverage that the body would carry whole gives the timeline its line from the body.
  const forBody = picks.filter((c) => c !== dek && !lede.includes(c));
  const tagText = textTagger();
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
  const rest = forBody.filter((c) => !timeline.taken.includes(c));
  const tag = (c: Candidate) => tagText(c.text);
  const told = new Set(contentStems([headline.text, dek?.text ?? '', ...lede.map((c) => c.text)].join(' ')));
  const sections = planSections(rest, { tag, told });
  const body: StoryBody = {
    lede: lede.map(sentence),
    sections: sections.map((s) => ({ heading: s.heading, sentences: s.sentences.map(sentence) })),
    quotes,
    figures: pickFigures(sources, {
      chosen: [...lede, ...sections.flatMap((s) => s.sentences)],
      facts: prepared.disagreements,
      tag: tagText,
    }),
  };
  if (timeline.entries.length > 0) body.timeline = timeline.entries;
  const draft = settleDraft(
    { headline: headline.text, dek: dek?.text ?? headline.text, body },
    sources,
    prepared,
  );
  return { ok: true, draft };
}

/**
 * The opening sentence of the newest report that opens on news: the newest article whose first
 * sentence may stand in the body and quotes no one (an analysis piece that opens on a reader's
 * words gives way to the report before it). Where the story stands now. Without publication times
 * no article is known to be the newest, and there is none.
 */
export function leadSentence(
  sources: readonly SourceArticle[],
  pool: readonly Candidate[],
): Candidate | undefined {
  const dated = sources
    .filter((a) => a.published_at)
    .sort((a, b) => b.published_at!.getTime() - a.published_at!.getTime() || a.id - b.id);
  for (const article of dated) {
    const opening = pool.find(
      (c) => c.article === article && c.position === 0 && !c.paired && !c.speaker && !/["“”]/.test(c.text),
    );
    if (opening) return opening;
  }
  return undefined;
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
