import type { Candidate } from './candidates.js';
import {
  ASPECTS,
  FUNCTION_HEADINGS,
  type FunctionHeading,
  nounPhraseHeading,
  sentenceFunction,
  setsBeside,
} from './headings.js';
import type { TaggedWord } from './nlp.js';
import { stem } from '../verify/text.js';
import { type Similarity, topicSimilarity } from './topic-similarity.js';

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
  /** Stems held by most body sentences: set by `planSections`. */
  everywhere?: ReadonlySet<string>;
}

const MAX_SECTIONS = 5;
const SENTENCES_PER_SECTION = 3;
// A section longer than this mixes sub-topics: it is split while there is room for more sections.
const LONG_SECTION = 4;
// A section longer than this is split even when its sentences share words throughout: a reader
// needs a heading every half-dozen sentences.
const VERY_LONG_SECTION = 6;
// Sentences less alike than this (`topicSimilarity`) start separate sub-topics.
const SAME_TOPIC = 0.15;
// A background or what-comes-next sentence at least this like a sub-topic's sentence goes back
// over or carries on that sub-topic and joins it; less alike, it keeps its function heading.
const JOINS_SUB_TOPIC = 0.3;
// Fewest sentences a section under a function heading holds (an aspect, reactions, background).
const MIN_FUNCTION = 2;

/**
 * Groups the body sentences (most important first) into two to five sections: two or more sentences
 * that tell one side of the story (markets, the investigation, the court case), report reactions,
 * or look ahead or back at nothing a sub-topic holds, under those function headings; the rest by
 * sub-topic under a noun phrase of their own, quotes with the sub-topic they speak to, a sentence
 * no phrase names with the section most like it; sections run in the order of their best sentence.
 * Within a section, sentences run in time order (then
 * article order), so each follows from the one before, and a side note on another event comes last.
 */
export function planSections(picks: readonly Candidate[], given: SectionContext): SectionPlan[] {
  if (picks.length === 0) return [];
  const ctx = { ...given, everywhere: heldByMost(picks) };
  const functions = new Map<FunctionHeading, Candidate[]>();
  const topical: Candidate[] = [];
  for (const c of picks) {
    const role = sentenceFunction(c.text, c.speaker !== null);
    if (role) functions.set(role, [...(functions.get(role) ?? []), c]);
    else topical.push(c);
  }
  // An aspect that holds most of the body, or leaves it no sub-topic of its own, is what the story
  // is about (a court's ruling, a police hunt), not one side of it; one sentence of it is a detail
  // of a sub-topic: either way its sentences are sub-topics'.
  const told = (heading: FunctionHeading) => functions.get(heading)?.length ?? 0;
  const rest = topical.length + ASPECTS.reduce((n, a) => n + (told(a) < MIN_FUNCTION ? told(a) : 0), 0);
  for (const heading of ASPECTS) {
    const sentences = functions.get(heading);
    const side = sentences && sentences.length >= MIN_FUNCTION && sentences.length * 2 <= picks.length;
    if (!sentences || (side && rest >= MIN_FUNCTION)) continue;
    functions.delete(heading);
    topical.push(...sentences);
  }
  topical.sort((a, b) => picks.indexOf(a) - picks.indexOf(b));
  // What someone said about a sub-topic belongs with it ("What they said" gathers the quotes), and
  // a section of one sentence is a heading for a paragraph: both join the sub-topic they are about.
  const folded = [...functions].filter(
    ([heading, sentences]) =>
      topical.length > 0 && (heading === 'What was said' || sentences.length < MIN_FUNCTION),
  );
  for (const [heading] of folded) functions.delete(heading);
  const target = Math.max(2, Math.min(MAX_SECTIONS, Math.ceil(picks.length / SENTENCES_PER_SECTION)));
  const similarity = topicSimilarity(picks, ctx.told);
  // What came before or comes next of one sub-topic ("The museum reduced its overnight guard team
  // earlier this year") is part of that sub-topic: only what fits none stays under the function
  // heading. Decided before grouping, so a heading that goes leaves its place to a sub-topic.
  const joining: Candidate[] = [];
  for (const heading of ['Background', 'What comes next'] as const) {
    const sentences = functions.get(heading);
    if (!sentences || topical.length === 0) continue;
    const likeness = (c: Candidate) => Math.max(...topical.map((other) => similarity(c, other)));
    const staying = sentences.filter((c) => likeness(c) < JOINS_SUB_TOPIC);
    const left = staying.length >= MIN_FUNCTION ? [] : staying;
    if (left.length > 0 || staying.length === 0) functions.delete(heading);
    else functions.set(heading, staying);
    joining.push(...sentences.filter((c) => !staying.includes(c)), ...left);
  }
  const groups = groupTopics(topical, Math.max(1, target - functions.size), similarity, [
    ...joining,
    ...folded.flatMap(([, sentences]) => sentences),
  ]);
  const topics = splitLong(groups, MAX_SECTIONS - functions.size, similarity);
  const named: SectionPlan[] = [];
  // An aspect's heading ("In court") already names what its words would: no sub-topic repeats them.
  const used = new Set(ASPECTS.filter((a) => functions.has(a)).flatMap(headingStems));
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
  // Sentences no phrase names join the sub-topic they are most like, never a reaction, background
  // or what-comes-next section, which they would belie; or make one named from all of them. A
  // sub-topic they made long is split in two where each half has a name of its own.
  const subTopics = named.filter((s) => !isFunction(s.heading));
  if (unnamed.length > 0 && subTopics.length === 0)
    named.push({ heading: nameOf(unnamed, used, ctx) ?? 'More on the story', sentences: unnamed });
  else if (unnamed.length > 0) {
    const sections = subTopics.map((s) => s.sentences);
    for (const c of unnamed) {
      const room = sections.filter((s) => s.length < LONG_SECTION);
      closestGroup(room.length > 0 ? room : sections, c, similarity).push(c);
    }
    for (const section of subTopics) {
      if (section.sentences.length <= LONG_SECTION || named.length >= MAX_SECTIONS) continue;
      const parts = halves(section, used, ctx);
      if (!parts) continue;
      named.splice(named.indexOf(section), 1, ...parts);
      for (const s of parts.flatMap((p) => headingStems(p.heading))) used.add(s);
    }
  }
  // The section holding the story's most important sentence comes first, so a reader who stops
  // early has read what matters most, whatever kind of heading it has.
  const rank = (s: SectionPlan) => Math.min(...s.sentences.map((c) => picks.indexOf(c)));
  named.sort((a, b) => rank(a) - rank(b));
  return ensureTwo(named, ctx).map((s) => ({ ...s, sentences: sideNotesLast(timeOrder(s.sentences)) }));
}

/**
 * Topic groups around seeds: the best sentence, then each next-best sentence unlike every seed so
 * far, until `count` seeds; every other sentence joins the seed it is most like, and
 * each of `joining` (quotes, background: no seed) the group it is most like. A group of one then
 * joins its closest group while more than one group is left.
 */
function groupTopics(
  sentences: readonly Candidate[],
  count: number,
  similarity: Similarity,
  joining: readonly Candidate[] = [],
): Candidate[][] {
  const seeds: Candidate[] = [];
  for (const c of sentences) {
    if (seeds.length < count && seeds.every((s) => similarity(s, c) < SAME_TOPIC)) seeds.push(c);
  }
  const groups = new Map(seeds.map((s) => [s, [s]]));
  const closest = (c: Candidate, among: readonly Candidate[]) =>
    among.reduce((best, s) => (similarity(s, c) > similarity(best, c) ? s : best));
  for (const c of sentences) if (!groups.has(c)) groups.get(closest(c, seeds))!.push(c);
  for (const c of joining) if (groups.size > 0) closestGroup([...groups.values()], c, similarity).push(c);
  for (const seed of [...seeds].reverse()) {
    const group = groups.get(seed)!;
    if (group.length > 1 || groups.size <= 1) continue;
    groups.delete(seed);
    groups.get(closest(seed, [...groups.keys()]))!.push(seed);
  }
  return [...groups.values()];
}

/** The group whose sentences `c` is most like, on average. */
function closestGroup(groups: Candidate[][], c: Candidate, similarity: Similarity): Candidate[] {
  const mean = (group: readonly Candidate[]) =>
    group.reduce((sum, other) => sum + similarity(c, other), 0) / Math.max(1, group.length);
  return groups.reduce((best, group) => (mean(group) > mean(best) ? group : best));
}

/** Splits the longest group in two (by the same seeding) while one is long and sections are left. */
function splitLong(groups: Candidate[][], most: number, similarity: Similarity): Candidate[][] {
  const out = [...groups];
  while (out.length < most) {
    const longest = out.reduce((a, b) => (b.length > a.length ? b : a), [] as Candidate[]);
    if (longest.length <= LONG_SECTION) break;
    const parts = groupTopics(longest, 2, similarity);
    if (parts.length === 2) out.splice(out.indexOf(longest), 1, ...parts);
    else if (longest.length > VERY_LONG_SECTION)
      out.splice(out.indexOf(longest), 1, ...bisect(longest, similarity));
    else break;
  }
  return out;
}

/**
 * Two parts of a group whose sentences all share some words: around its best sentence and the one
 * least like it, each with at least two sentences, each other sentence with the seed it is more like.
 */
function bisect(group: readonly Candidate[], similarity: Similarity): Candidate[][] {
  const [first, ...rest] = group as [Candidate, ...Candidate[]];
  const other = rest.reduce((a, b) => (similarity(first, b) < similarity(first, a) ? b : a));
  const leaning = (c: Candidate) => similarity(other, c) - similarity(first, c);
  const byLeaning = rest.filter((c) => c !== other).sort((a, b) => leaning(b) - leaning(a));
  const second = [other, ...byLeaning.filter((c, i) => i === 0 || leaning(c) > 0)];
  return [group.filter((c) => !second.includes(c)), group.filter((c) => second.includes(c))];
}

/** A body of one section with several sentences is split in two, each half named for itself. */
function ensureTwo(sections: SectionPlan[], ctx: SectionContext): SectionPlan[] {
  const only = sections[0];
  if (sections.length !== 1 || !only || only.sentences.length < 2) return sections;
  return halves(only, new Set(), ctx) ?? sections;
}

/**
 * A section split in two, earlier and later sentences, each half named for itself and not by a
 * heading already `used`; undefined when no split leaves both halves a name.
 */
function halves(
  only: SectionPlan,
  used: ReadonlySet<string>,
  ctx: SectionContext,
): [SectionPlan, SectionPlan] | undefined {
  const ordered = timeOrder(only.sentences);
  const half = Math.ceil(ordered.length / 2);
  // The even split first; when its second half holds no phrase to name it (a lone quote), the
  // nearest split whose second half does.
  const cuts = [half, ...ordered.map((_, i) => i).filter((i) => i > 0 && i !== half)].sort(
    (a, b) => Math.abs(a - half) - Math.abs(b - half),
  );
  for (const cut of cuts) {
    const second = ordered.slice(cut);
    const heading = nameOf(second, new Set([...used, ...headingStems(only.heading)]), ctx);
    if (!heading || heading.toLowerCase() === only.heading.toLowerCase()) continue;
    const first = ordered.slice(0, cut);
    // A heading named from the whole may name only what moved to the second half: the first half
    // keeps it where its words stand there, else is named for itself.
    const whole = only.heading.toLowerCase();
    const own = first.some((c) => c.text.toLowerCase().includes(whole))
      ? only.heading
      : nameOf(first, new Set([...used, ...headingStems(heading)]), ctx);
    if (!own) continue;
    return [
      { heading: own, sentences: first },
      { heading, sentences: second },
    ];
  }
  return undefined;
}

function nameOf(
  group: readonly Candidate[],
  avoid: ReadonlySet<string>,
  ctx: SectionContext,
): string | undefined {
  return nounPhraseHeading(
    group.map((c) => ({ text: c.text, words: ctx.tag(c) })),
    { used: avoid, told: ctx.told, everywhere: ctx.everywhere },
  );
}

/** Stems more than half the body's sentences hold (of four or more): words of the whole story. */
function heldByMost(picks: readonly Candidate[]): Set<string> {
  const held = new Map<string, number>();
  for (const c of picks) for (const s of c.stems) held.set(s, (held.get(s) ?? 0) + 1);
  return new Set(picks.length < 4 ? [] : [...held].filter(([, k]) => k * 2 > picks.length).map(([s]) => s));
}

function isFunction(heading: string): boolean {
  return (FUNCTION_HEADINGS as readonly string[]).includes(heading);
}

function headingStems(heading: string): string[] {
  return heading
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(stem);
}

/**
 * A sentence that sets the story beside another event ("The fire follows the Ridgeback wildfire")
 * goes last in its section: a side note, it would break the thread between the sentences about the
 * story itself.
 */
function sideNotesLast(sentences: readonly Candidate[]): Candidate[] {
  return [...sentences.filter((c) => !setsBeside(c.text)), ...sentences.filter((c) => setsBeside(c.text))];
}

/** Oldest report first, then the order of each article. */
export function timeOrder(sentences: readonly Candidate[]): Candidate[] {
  return [...sentences].sort(
    (a, b) =>
      (a.article.published_at?.getTime() ?? 0) - (b.article.published_at?.getTime() ?? 0) ||
      (a.article === b.article ? a.position - b.position : 0) ||
      a.position - b.position ||
      a.article.id - b.article.id,
  );
}
