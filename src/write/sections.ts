import type { Candidate } from './candidates.js';

/** A group of body sentences under a heading. */
export interface SectionPlan {
  heading: string;
  sentences: Candidate[];
}

/** A sub-topic a section can be built around. */
interface Seed {
  id: string;
  heading: string;
  has: (c: Candidate) => boolean;
}

// Words that are frequent in news but say nothing as a heading.
const GENERIC = new Set(
  'accord nearly called report reported includ because people time week month today day end made make take took'.split(
    ' ',
  ),
);

/**
 * Groups the chosen sentences into 2–5 sections. Seeds are the sub-topics: the names, then the
 * words, most shared by the chosen sentences beyond the lede's own; each sentence joins the first
 * seed it mentions, quotes gather under "What was said", the rest under a closing section. Within a
 * section, sentences keep source order.
 */
export function planSections(
  chosen: readonly Candidate[],
  lede: Candidate,
  vocabulary: { surfaces: Map<string, string>; names: Map<string, string> },
): SectionPlan[] {
  if (chosen.length === 0) return [];
  const target = Math.max(2, Math.min(5, Math.ceil(chosen.length / 3)));
  const seeds = pickSeeds(chosen, lede, vocabulary);
  const groups = new Map<Seed, Candidate[]>();
  const rest: Candidate[] = [];
  const quotes = chosen.filter((c) => c.speaker);
  for (const c of chosen) {
    if (c.speaker && quotes.length >= 2) continue;
    const seed = seeds.find((s) => s.has(c) && (groups.has(s) || groups.size < target - 1));
    if (seed) groups.set(seed, [...(groups.get(seed) ?? []), c]);
    else rest.push(c);
  }
  const sections: SectionPlan[] = [...groups.entries()].map(([seed, sentences]) => ({
    heading: seed.heading,
    sentences,
  }));
  if (quotes.length >= 2) sections.push({ heading: 'What was said', sentences: quotes });
  if (rest.length > 0) {
    sections.push({ heading: sections.length === 0 ? 'What happened' : 'Other details', sentences: rest });
  }
  return balance(sections, target).map((s) => ({ ...s, sentences: sourceOrder(s.sentences) }));
}

function pickSeeds(
  chosen: readonly Candidate[],
  lede: Candidate,
  { surfaces, names }: { surfaces: Map<string, string>; names: Map<string, string> },
): Seed[] {
  const entityCount = new Map<string, number>();
  const stemCount = new Map<string, number>();
  for (const c of chosen) {
    for (const e of c.entities) if (!lede.entities.has(e)) entityCount.set(e, (entityCount.get(e) ?? 0) + 1);
    for (const s of c.stems)
      if (!lede.stems.has(s) && s !== 'not') stemCount.set(s, (stemCount.get(s) ?? 0) + 1);
  }
  const ranked = (counts: Map<string, number>) =>
    [...counts.entries()]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k]) => k);
  const entitySeeds = ranked(entityCount)
    .filter((k) => names.has(k))
    .map((k) => ({ id: `e:${k}`, heading: names.get(k)!, has: (c: Candidate) => c.entities.has(k) }));
  const wordSeeds = ranked(stemCount)
    .filter((s) => s.length >= 5 && !GENERIC.has(s) && /^\p{L}+$/u.test(s))
    .map((s) => ({
      id: `w:${s}`,
      heading: capitalize(surfaces.get(s) ?? s),
      has: (c: Candidate) => c.stems.has(s),
    }));
  // One seed per heading: "British" the name and "british" the word are one sub-topic.
  const seen = new Set<string>();
  return [...entitySeeds, ...wordSeeds].filter((seed) => {
    const key = seed.heading.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Merges single-sentence sections into their neighbour until there are at most five, and splits one to reach two. */
function balance(sections: SectionPlan[], target: number): SectionPlan[] {
  const out = [...sections];
  while (out.length > 5 || (out.length > target && out.some((s) => s.sentences.length === 1))) {
    const i = out.findIndex((s) => s.sentences.length === 1);
    const at = i >= 0 ? i : out.length - 1;
    const [small] = out.splice(at, 1);
    out[Math.max(0, at - 1)]!.sentences.push(...small!.sentences);
  }
  if (out.length === 1 && out[0]!.sentences.length >= 2) {
    const all = out[0]!.sentences;
    const half = Math.ceil(all.length / 2);
    return [
      { heading: out[0]!.heading, sentences: all.slice(0, half) },
      { heading: 'Other details', sentences: all.slice(half) },
    ];
  }
  return out;
}

function sourceOrder(sentences: Candidate[]): Candidate[] {
  return [...sentences].sort(
    (a, b) =>
      (a.article.published_at?.getTime() ?? 0) - (b.article.published_at?.getTime() ?? 0) ||
      a.article.id - b.article.id ||
      a.position - b.position,
  );
}
