import type { Candidate } from './candidates.js';
import { FUNCTION_HEADINGS, type FunctionHeading, nounPhraseHeading, sentenceFunction } from './headings.js';
import type { TaggedWord } from './nlp.js';
import { stem } from '../verify/text.js';

/** A group of body sentences under a heading. */
export interface SectionPlan {
  heading: string;
  sentences: Candidate[];
}

/** What grouping and naming need besides the sentences. */
export interface SectionContext {
  tag: (c: Candidate) => TaggedWord[];
  /** Stems already on the page above the sections (headline, dek, lede): a heading names something new. */
  told: ReadonlySet<string>;
}

const MAX_SECTIONS = 5;
// Sentences sharing this share of their new words are on one sub-topic.
const SAME_TOPIC = 0.12;

/**
 * Groups the body sentences (most important first) into two to five sections: sentences that report
 * reactions, statements, what comes next or background under those function headings, the rest by
 * sub-topic under a noun phrase of their own. Within a section, sentences run in time order (then
 * article order), so each follows from the one before.
 */
export function planSections(picks: readonly Candidate[], ctx: SectionContext): SectionPlan[] {
  if (picks.length === 0) return [];
  const functions = new Map<FunctionHeading, Candidate[]>();
  const topical: Candidate[] = [];
  for (const c of picks) {
    const role = sentenceFunction(c.text, c.speaker !== null);
    if (role) functions.set(role, [...(functions.get(role) ?? []), c]);
    else topical.push(c);
  }
  const topics = groupTopics(topical, Math.max(1, MAX_SECTIONS - functions.size), ctx.told);
  const named: SectionPlan[] = [];
  const used = new Set(ctx.told);
  const unnamed: Candidate[] = [];
  for (const group of topics) {
    const heading = nameOf(group, used, ctx);
    if (!heading) {
      unnamed.push(...group);
      continue;
    }
    for (const s of headingStems(heading)) used.add(s);
    named.push({ heading, sentences: group });
  }
  for (const heading of FUNCTION_HEADINGS) {
    const sentences = functions.get(heading);
    if (sentences) named.push({ heading, sentences });
  }
  // Sentences no phrase names join the first section, or make one named from all of them.
  if (unnamed.length > 0) {
    if (named[0]) named[0].sentences.push(...unnamed);
    else named.push({ heading: nameOf(unnamed, new Set(), ctx) ?? 'More on the story', sentences: unnamed });
  }
  return ensureTwo(named, ctx).map((s) => ({ ...s, sentences: timeOrder(s.sentences) }));
}

/** Topic groups: each sentence joins the group it shares most new words with, or starts one. */
function groupTopics(sentences: readonly Candidate[], max: number, told: ReadonlySet<string>): Candidate[][] {
  const groups: { members: Candidate[]; stems: Set<string> }[] = [];
  for (const c of sentences) {
    const own = new Set([...c.stems].filter((s) => !told.has(s)));
    let best: (typeof groups)[number] | undefined;
    let bestShare = 0;
    for (const g of groups) {
      let shared = 0;
      for (const s of own) if (g.stems.has(s)) shared++;
      const share = shared / Math.max(1, Math.min(own.size, g.stems.size));
      if (share > bestShare) {
        bestShare = share;
        best = g;
      }
    }
    if (best && (bestShare >= SAME_TOPIC || groups.length >= max)) {
      best.members.push(c);
      for (const s of own) best.stems.add(s);
    } else if (groups.length < max || !best) {
      groups.push({ members: [c], stems: own });
    } else {
      groups[0]!.members.push(c);
    }
  }
  return groups.map((g) => g.members);
}

/** A body of one section with several sentences is split in two, each half named for itself. */
function ensureTwo(sections: SectionPlan[], ctx: SectionContext): SectionPlan[] {
  const only = sections[0];
  if (sections.length !== 1 || !only || only.sentences.length < 2) return sections;
  const ordered = timeOrder(only.sentences);
  const half = Math.ceil(ordered.length / 2);
  const second = ordered.slice(half);
  const heading = nameOf(second, new Set([...ctx.told, ...headingStems(only.heading)]), ctx);
  if (!heading || heading.toLowerCase() === only.heading.toLowerCase()) return sections;
  return [
    { heading: only.heading, sentences: ordered.slice(0, half) },
    { heading, sentences: second },
  ];
}

function nameOf(
  group: readonly Candidate[],
  avoid: ReadonlySet<string>,
  ctx: SectionContext,
): string | undefined {
  return nounPhraseHeading(
    group.map((c) => ({ text: c.text, words: ctx.tag(c) })),
    avoid,
  );
}

function headingStems(heading: string): string[] {
  return heading
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(stem);
}

/** Oldest report first, then the order of each article. */
export function timeOrder(sentences: readonly Candidate[]): Candidate[] {
  return [...sentences].sort(
    (a, b) =>
      (a.article.published_at?.getTime() ?? 0) - (b.article.published_at?.getTime() ?? 0) ||
      a.article.id - b.article.id ||
      a.position - b.position,
  );
}
