import { describeFact, displayValue, factKey, valueKey } from './detail.js';
import { articleMentions } from './mentions.js';
import { agreeing, conflicts, contextIdf, sameValue, similarity } from './match.js';
import { orderValues } from './order.js';
import type { DetectionSource, Disagreement, Mention } from './types.js';

/** What detection found, with the mentions behind it (for the writer and the verifier). */
export interface DetectedFact {
  disagreement: Disagreement;
  /** The mentions of each value, in the order of `disagreement.values`. */
  mentions: Mention[][];
}

/**
 * The facts a story's sources disagree on: conflicting values of one count, amount, percentage,
 * measure, tally, title, time, date or place across its articles, each value with the articles that
 * report it, revised facts (a later report says the value was raised, revised or corrected) with
 * the current value first.
 */
export function detectDisagreements(sources: readonly DetectionSource[]): DetectedFact[] {
  const byArticle = new Map<number, Mention[]>();
  for (const s of sources) byArticle.set(s.id, articleMentions(s));
  const all = [...byArticle.values()].flat();
  const idf = contextIdf(all);
  const outlets = new Map(sources.map((s) => [s.id, s.outlet]));
  const edges = conflicts(byArticle, idf, (id) => outlets.get(id) ?? '').map(([a, b]) => ({
    a,
    b,
    score: similarity(a, b, idf),
  }));
  const facts: DetectedFact[] = [];
  for (const members of factGroups(edges, all, idf)) {
    const values = valueGroups(members, all, idf);
    if (values.length < 2 || statesTwo(values)) continue;
    const bySource = new Map(sources.map((s) => [s.id, s]));
    const ordered = orderValues(values, bySource);
    const first = ordered.values[0]![0]!;
    facts.push({
      mentions: ordered.values,
      disagreement: {
        key: factKey(ordered.values.flat()),
        kind: first.kind,
        detail: describeFact(ordered.values.flat(), bySource),
        status: ordered.status,
        settlement: null,
        values: ordered.values.map((ms, i) => ({
          value: displayValue(ms),
          key: valueKey(ms[0]!),
          current: ordered.status === 'revised' ? i === 0 : false,
          ...(i >= ordered.values.length - (ordered.earlier ?? 0) ? { earlier: true } : {}),
          sources: sourcesOf(ms, bySource),
        })),
      },
    });
  }
  return dedupeKeys(facts);
}

interface Edge {
  a: Mention;
  b: Mention;
  score: number;
}

/**
 * The mentions of each fact: conflicting pairs joined. Where an article gives two values of a
 * joined group, two facts were joined ("voted 6-3 to close one school" and "5-4 to delay closing
 * another"): the weakest link is cut until each group is one fact or cannot be split.
 */
function factGroups(edges: Edge[], all: readonly Mention[], idf: ReturnType<typeof contextIdf>): Mention[][] {
  const groups = new UnionFind<Mention>();
  for (const { a, b } of edges) groups.union(a, b);
  const out: Mention[][] = [];
  for (const members of groups.sets()) {
    const inside = new Set(members);
    const own = edges.filter((e) => inside.has(e.a));
    const weakest = Math.min(...own.map((e) => e.score));
    const stronger = own.filter((e) => e.score > weakest);
    if (stronger.length > 0 && statesTwo(valueGroups(members, all, idf)))
      out.push(...factGroups(stronger, all, idf));
    else out.push(members);
  }
  return out;
}

/** The values of a fact: its conflicting mentions grouped by value, with agreeing mentions of other articles. */
function valueGroups(
  members: Mention[],
  all: readonly Mention[],
  idf: ReturnType<typeof contextIdf>,
): Mention[][] {
  const groups: Mention[][] = [];
  const seen = new Set<Mention>();
  for (const m of members) {
    if (seen.has(m)) continue;
    const same = [m, ...members.filter((o) => o !== m && !seen.has(o) && sameValue(o, m))];
    for (const o of agreeing(m, all, idf)) if (!same.includes(o) && !members.includes(o)) same.push(o);
    for (const o of same) seen.add(o);
    groups.push(same);
  }
  return groups;
}

/** An article giving two values of the group (neither as the earlier one) means two facts were joined: no dispute. */
function statesTwo(values: Mention[][]): boolean {
  const seen = new Map<number, number>();
  values.forEach((ms, i) => {
    for (const m of ms) {
      if (m.earlier) continue;
      const before = seen.get(m.articleId);
      if (before !== undefined && before !== i) seen.set(m.articleId, -1);
      else seen.set(m.articleId, i);
    }
  });
  return [...seen.values()].includes(-1);
}

function sourcesOf(mentions: Mention[], bySource: Map<number, DetectionSource>) {
  const out = new Map<number, Disagreement['values'][number]['sources'][number]>();
  // An article that names a value only as the one it replaces does not report it.
  const reports = mentions.some((m) => !m.earlier) ? mentions.filter((m) => !m.earlier) : mentions;
  for (const m of reports) {
    if (out.has(m.articleId)) continue;
    const s = bySource.get(m.articleId)!;
    out.set(m.articleId, {
      article_id: s.id,
      outlet: s.outlet,
      published_at: s.published_at?.toISOString() ?? null,
      citation: { article_id: s.id, start: m.sentence.start, end: m.sentence.end },
    });
  }
  return [...out.values()].sort((a, b) => (a.published_at ?? '').localeCompare(b.published_at ?? ''));
}

/** Two facts with one key (the same measure said twice) keep distinct keys for settlements. */
function dedupeKeys(facts: DetectedFact[]): DetectedFact[] {
  const seen = new Map<string, number>();
  for (const f of facts) {
    const n = seen.get(f.disagreement.key) ?? 0;
    seen.set(f.disagreement.key, n + 1);
    if (n > 0) f.disagreement.key = `${f.disagreement.key}#${n + 1}`;
  }
  return facts;
}

class UnionFind<T> {
  private parent = new Map<T, T>();
  private find(x: T): T {
    let root = this.parent.get(x) ?? x;
    while (root !== (this.parent.get(root) ?? root)) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: T, b: T): void {
    if (!this.parent.has(a)) this.parent.set(a, a);
    if (!this.parent.has(b)) this.parent.set(b, b);
    this.parent.set(this.find(a), this.find(b));
  }
  sets(): T[][] {
    const out = new Map<T, T[]>();
    for (const x of this.parent.keys()) {
      const root = this.find(x);
      out.set(root, [...(out.get(root) ?? []), x]);
    }
    return [...out.values()];
  }
}
