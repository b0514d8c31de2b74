import type { StoryBody } from '../db/schema.js';
import { withoutUnsettled } from '../disagree/respect.js';
import type { PreparedSources } from '../verify/prepare.js';
import { normalizeForMatch } from '../verify/text.js';
import type { Draft, SourceArticle } from '../verify/types.js';
import { type Candidate, collectCandidates } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { pickFigures } from './key-figures.js';
import { pickQuotes } from './quotes.js';
import { readingOrder } from './reading-order.js';
import { buildTimeline, settledOn } from './timeline.js';

/**
 * The parts of a model-written story that come from the pipeline's own data, not from the model:
 * key figures (from every source, those the draft cites counting most), quotes with speakers and roles (none the
 * draft's sentences already carry) and the timeline (from sentences the draft does not cite).
 */
export function withSourceBlocks(
  draft: Draft,
  sources: readonly SourceArticle[],
  prepared: PreparedSources,
): Draft {
  const candidates = collectCandidates(sources, prepared);
  const citations = readingOrder(draft.body).flatMap((s) => s.citations);
  const cited = candidates.filter((c) =>
    citations.some((x) => x.article_id === c.article.id && x.start < c.end && x.end > c.start),
  );
  const written = readingOrder(draft.body).map((s) => normalizeForMatch(s.text));
  const weights = conceptWeights(candidates);
  const rank = new Map(cited.map((c) => [`${c.article.id}:${c.position}`, 1]));
  const quotes = pickQuotes(
    sources,
    prepared,
    (article, q) => rank.get(`${article.id}:${q.sentence}`) ?? 0,
    cited,
  ).filter((q) => !written.some((w) => w.includes(normalizeForMatch(q.text))));
  // Figures and dated lines stand without attribution: none may carry a value the sources dispute.
  const settled = (pool: Candidate[]) => withoutUnsettled(pool, prepared.disagreements);
  const body: StoryBody = {
    ...draft.body,
    quotes,
    figures: pickFigures(sources, { chosen: cited, facts: prepared.disagreements }),
  };
  const { entries: timeline } = buildTimeline(
    candidates.filter((c) => !c.dangling),
    cited,
    weights,
    {
      headline: draft.headline,
      states: settledOn(settled(candidates), prepared),
    },
  );
  if (timeline.length > 0) body.timeline = timeline;
  else delete body.timeline;
  return { ...draft, body };
}
