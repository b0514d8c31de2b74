import type { Citation, StoryBody, StorySentence } from '../db/schema.js';
import { headlineSources, withoutUnsettled } from '../disagree/respect.js';
import { type PreparedSources, prepareSources } from '../verify/prepare.js';
import { normalizeForMatch, stem } from '../verify/text.js';
import type { Draft, SourceArticle } from '../verify/types.js';
import { type Candidate, collectCandidates, overlap, scoreCandidates } from './candidates.js';
import { planSections } from './sections.js';
import { bodySize, selectSentences } from './select.js';

/** The outcome of a writer: a draft, or why there is none. */
export type WriteResult = { ok: true; draft: Draft } | { ok: false; reason: string };

/** Fewest usable source sentences for a lede and two short sections. */
export const MIN_SENTENCES = 3;

/**
 * The extractive writer: chooses and orders real source sentences (centrality, coverage, quotes,
 * recency, outlet diversity, no near-duplicates), groups them under sub-topic headings, takes the
 * headline from the most representative source title, and cites every sentence's exact span.
 */
export function writeExtractive(
  sources: readonly SourceArticle[],
  prepared: PreparedSources = prepareSources(sources),
): WriteResult {
  const candidates = withoutUnsettled(collectCandidates(sources, prepared), prepared.disagreements);
  if (candidates.length < MIN_SENTENCES) {
    return {
      ok: false,
      reason: `not enough material: ${candidates.length} usable sentences in ${sources.length} sources`,
    };
  }
  scoreCandidates(candidates, sources);
  // Headline, lede and dek tell the story's current state: the headline's article (recent and
  // representative) gives the lede, and the dek comes from no older an article.
  const headline = pickHeadline(headlineSources(sources, prepared.disagreements), candidates);
  const lede = pickLede(candidates, headline.article);
  const chosen = selectSentences(candidates, bodySize(candidates.length, sources.length), [lede]);
  const sections = planSections(chosen, lede, {
    surfaces: surfaceForms(chosen),
    names: entityNames(sources),
  });
  const body: StoryBody = {
    lede: [sentence(lede)],
    sections: sections.map((s) => ({ heading: s.heading, sentences: s.sentences.map(sentence) })),
    quotes: pickQuotes(sources),
    figures: pickFigures([lede, ...chosen]),
  };
  return {
    ok: true,
    draft: { headline: headline.title, dek: pickDek(candidates, lede), body },
  };
}

function sentence(c: Candidate): StorySentence {
  return { text: c.text, citations: [citation(c.article.id, c.start, c.end)] };
}

function citation(article_id: number, start: number, end: number): Citation {
  return { article_id, start, end };
}

/**
 * The lede: the opening sentence of the headline's article when it has a usable one, else the
 * best-scoring opening sentence of any article, else the best sentence.
 */
function pickLede(candidates: Candidate[], article: SourceArticle): Candidate {
  const openers = candidates.filter((c) => c.position <= 1 && !c.speaker && c.score > 0);
  const own = openers.filter((c) => c.article === article);
  const pool = own.length > 0 ? own : openers.length > 0 ? openers : candidates;
  return pool.reduce((best, c) => (c.score > best.score ? c : best));
}

/**
 * The dek: the best sentence that says something the lede does not, from an article no older than
 * the lede's (an older one may describe a state the story has left), preferably another outlet's.
 */
function pickDek(candidates: Candidate[], lede: Candidate): string {
  const since = lede.article.published_at?.getTime() ?? Number.NEGATIVE_INFINITY;
  const fresh = (c: Candidate) => (c.article.published_at?.getTime() ?? since) >= since;
  const others = candidates
    .filter((c) => c !== lede && !c.speaker && overlap(c, lede) < 0.5 && c.score > 0)
    .sort(
      (a, b) =>
        Number(fresh(b)) - Number(fresh(a)) ||
        Number(b.article.source_id !== lede.article.source_id) -
          Number(a.article.source_id !== lede.article.source_id) ||
        b.score - a.score,
    );
  return (others[0] ?? lede).text;
}

/**
 * The headline: the source title closest to all the others (the most representative wording),
 * weighed towards recent articles so that it tells where the story stands now.
 */
function pickHeadline(
  sources: readonly SourceArticle[],
  candidates: Candidate[],
): { title: string; article: SourceArticle } {
  const times = sources.map((s) => s.published_at?.getTime() ?? 0);
  const newest = Math.max(...times);
  const oldest = Math.min(...times);
  const titles = sources.map((s, i) => ({
    article: s,
    recency: newest > oldest ? (times[i]! - oldest) / (newest - oldest) : 1,
    title: s.title.trim(),
    stems: new Set(
      normalizeForMatch(s.title)
        .split(/\W+/)
        .filter((w) => w.length > 2)
        .map(stem),
    ),
  }));
  const story = new Map<string, number>();
  for (const c of candidates) for (const s of c.stems) story.set(s, (story.get(s) ?? 0) + 1);
  let best = titles[0]!;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const t of titles) {
    if (t.title.length < 10) continue;
    let value = 0;
    for (const other of titles) if (other !== t) for (const s of t.stems) if (other.stems.has(s)) value += 1;
    for (const s of t.stems) value += Math.min(1, (story.get(s) ?? 0) / 5) * 0.5;
    value /= Math.sqrt(Math.max(3, t.stems.size));
    if (t.title.length > 110) value *= 0.7;
    value *= 0.4 + 0.6 * t.recency;
    if (value > bestValue) {
      bestValue = value;
      best = t;
    }
  }
  return { title: best.title, article: best.article };
}

/** Up to four attributed quotes, one per speaker, long enough to say something. */
function pickQuotes(sources: readonly SourceArticle[]): StoryBody['quotes'] {
  const out: StoryBody['quotes'] = [];
  const speakers = new Set<string>();
  const seen = new Set<string>();
  for (const article of sources) {
    for (const q of article.analysis.quotes) {
      if (!q.speaker || q.text.split(/\s+/).length < 5) continue;
      const key = q.speaker_key ?? q.speaker.toLowerCase();
      const words = normalizeForMatch(q.text);
      if (speakers.has(key) || seen.has(words)) continue;
      speakers.add(key);
      seen.add(words);
      out.push({ text: q.text, speaker: q.speaker, citation: citation(article.id, q.start, q.end) });
      if (out.length === 4) return out;
    }
  }
  return out;
}

/** Key figures (amounts, percentages, counts) found in the chosen sentences, one per value. */
function pickFigures(chosen: Candidate[]): StoryBody['figures'] {
  const out: StoryBody['figures'] = [];
  const values = new Set<number>();
  for (const c of chosen) {
    for (const f of c.article.analysis.figures) {
      if (f.start < c.start || f.end > c.end || f.value === null || values.has(f.value) || !isKeyFigure(f))
        continue;
      values.add(f.value);
      out.push({
        text: f.text,
        value: f.value,
        unit: f.unit,
        citation: citation(c.article.id, f.start, f.end),
      });
      if (out.length === 6) return out;
    }
  }
  return out;
}

/** Amounts, percentages and sizeable counts; not dates, years or small numbers that are usually incidental. */
function isKeyFigure(f: { kind: string; value: number | null; text: string }): boolean {
  if (f.kind === 'date' || f.value === null) return false;
  if (f.kind === 'amount' || f.kind === 'percent') return true;
  const year = Number.isInteger(f.value) && f.value >= 1900 && f.value <= 2100 && /^\d{4}$/.test(f.text);
  return !year && f.value >= 10;
}

/** The display name of every entity key (the longest form any source uses). */
function entityNames(sources: readonly SourceArticle[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of sources) {
    for (const e of a.analysis.entities)
      if ((out.get(e.key)?.length ?? 0) < e.name.length) out.set(e.key, e.name);
  }
  return out;
}

/** The commonest written form of each stem, for headings. */
function surfaceForms(candidates: Candidate[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const c of candidates) {
    for (const m of c.text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
      const s = stem(m[0].toLowerCase());
      const forms = counts.get(s) ?? new Map<string, number>();
      forms.set(m[0], (forms.get(m[0]) ?? 0) + 1);
      counts.set(s, forms);
    }
  }
  const out = new Map<string, string>();
  for (const [s, forms] of counts) {
    const lower = [...forms.entries()].sort((a, b) => b[1] - a[1]);
    const plain = lower.find(([f]) => f === f.toLowerCase());
    out.set(s, (plain ?? lower[0]!)[0]);
  }
  return out;
}
