import type { Citation, StoryBody, StoryVersion } from '../db/schema.js';
import { NOT_NAMES } from '../analyze/gazetteer.js';
import { escapeRegExp } from '../lib/regexp.js';
import type { SourceArticle, StoryEntity } from '../store/site.js';

/** A cited passage: the span of a source article, with some text either side for context. */
export interface Passage {
  /** Anchor id in the sources list, e.g. `p3`. */
  id: string;
  sourceNumber: number;
  before: string;
  cited: string;
  after: string;
}

/** A source article numbered as readers see it, with the passages the story cites from it. */
export interface NumberedSource extends SourceArticle {
  number: number;
  passages: Passage[];
}

/** A citation marker beside a sentence. */
export interface Marker {
  passageId: string;
  sourceNumber: number;
}

/** The story version with every citation resolved to a numbered source and passage. */
export interface StoryModel {
  version: StoryVersion;
  sources: NumberedSource[];
  markersOf(citations: Citation[]): Marker[];
}

const CONTEXT = 140;

/** Every article id the body cites. */
export function citedArticleIds(body: StoryBody): number[] {
  const ids = new Set<number>();
  for (const c of allCitations(body)) ids.add(c.article_id);
  return [...ids];
}

function allCitations(body: StoryBody): Citation[] {
  return [
    ...body.lede.flatMap((s) => s.citations),
    ...body.sections.flatMap((sec) => sec.sentences.flatMap((s) => s.citations)),
    ...body.quotes.map((q) => q.citation),
    ...body.figures.map((f) => f.citation),
    ...(body.timeline ?? []).flatMap((t) => t.citations),
  ];
}

/**
 * Numbers the sources in order of first citation (uncited ones after, oldest first) and gives each
 * distinct cited span an anchor; citations that point outside their article are dropped.
 */
export function buildStoryModel(version: StoryVersion, articles: SourceArticle[]): StoryModel {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const order: number[] = [];
  for (const c of allCitations(version.body)) {
    if (byId.has(c.article_id) && !order.includes(c.article_id)) order.push(c.article_id);
  }
  for (const a of articles) if (!order.includes(a.id)) order.push(a.id);
  const sources: NumberedSource[] = order.map((id, i) => ({ ...byId.get(id)!, number: i + 1, passages: [] }));
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  const passages = new Map<string, Passage>();
  let next = 1;

  const passageFor = (c: Citation): Passage | undefined => {
    const key = `${c.article_id}:${c.start}:${c.end}`;
    const known = passages.get(key);
    if (known) return known;
    const source = sourceOf.get(c.article_id);
    if (!source || c.start < 0 || c.end > source.text.length || c.start >= c.end) return undefined;
    const passage = {
      id: `p${next++}`,
      sourceNumber: source.number,
      ...context(source.text, c.start, c.end),
    };
    passages.set(key, passage);
    source.passages.push(passage);
    return passage;
  };
  for (const c of allCitations(version.body)) passageFor(c);

  return {
    version,
    sources,
    markersOf(citations) {
      const markers: Marker[] = [];
      for (const c of citations) {
        const p = passageFor(c);
        if (p && !markers.some((m) => m.passageId === p.id)) {
          markers.push({ passageId: p.id, sourceNumber: p.sourceNumber });
        }
      }
      return markers;
    },
  };
}

/** The cited span with up to CONTEXT characters either side, cut at word boundaries. */
function context(text: string, start: number, end: number): Pick<Passage, 'before' | 'cited' | 'after'> {
  let before = text.slice(Math.max(0, start - CONTEXT), start);
  if (start > CONTEXT) before = `…${before.replace(/^\S*\s/, '')}`;
  let after = text.slice(end, end + CONTEXT);
  if (end + CONTEXT < text.length) after = `${after.replace(/\s\S*$/, '')}…`;
  return { before, cited: text.slice(start, end), after };
}

/** The story's text as readers see it: headline, dek, every sentence, quote and figure. */
function storyText(version: StoryVersion): string {
  const body = version.body;
  return [
    version.headline,
    version.dek,
    ...body.lede.map((s) => s.text),
    ...body.sections.flatMap((sec) => sec.sentences.map((s) => s.text)),
    ...body.quotes.map((q) => `${q.speaker} ${q.text}`),
    ...body.figures.map((f) => f.text),
  ].join(' ');
}

/** The capitals of a name's words ("SMTA" of "Sable Metropolitan Transit Authority"); "of" and "and" add none. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

// Words that open a name without being its short form ("The Sentinel").
const ARTICLES = new Set(['The', 'A', 'An']);

/**
 * The entities the story is about: named by the most source articles and by the story itself (so
 * the entity page, which searches stories, lists this one), at most `limit`. A company the story
 * calls by its short name, as its reports do ("Vantor" of "Vantor Mobility"), is named by it when
 * no other entity of the story has that word for a name or begins with it ("Calvera" beside
 * "Calvera National Museum" is the country).
 */
export function mainEntities(version: StoryVersion, entities: StoryEntity[], limit = 12): StoryEntity[] {
  const written = storyText(version);
  const text = written.toLowerCase();
  const first = (name: string) => name.split(/\s+/)[0]!;
  // The word alone, capitalised and not opening a longer name ("Vantor said", not "National Museum").
  const alone = (word: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])(?!\\s+\\p{Lu})`, 'u').test(
      written,
    );
  const shortName = (e: StoryEntity) =>
    e.kind === 'organization' &&
    /\s/.test(e.name) &&
    /^\p{Lu}/u.test(first(e.name)) &&
    !ARTICLES.has(first(e.name)) &&
    !entities.some((o) => o !== e && first(o.name).toLowerCase() === first(e.name).toLowerCase()) &&
    alone(first(e.name));
  // A company's short name that some report took for a place ("Lumora" beside "Lumora Systems"),
  // when more reports name the company: the country of "Calvera National Museum" stays.
  const companyWord = (e: StoryEntity) =>
    e.kind !== 'organization' &&
    !/\s/.test(e.name.trim()) &&
    entities.some((o) => o.kind === 'organization' && first(o.name) === e.name && o.articles > e.articles);
  const named = entities.filter(
    (e) =>
      !datelineName(e.name) &&
      !NOT_NAMES.has(e.name.toLowerCase()) &&
      !companyWord(e) &&
      (text.includes(e.name.toLowerCase()) || shortName(e)),
  );
  // An organisation once: not again by the end of its name ("Federation of Industrial Workers" of
  // "Calveran Federation of Industrial Workers") or by its initials ("SMTA").
  const organizations = named.filter((e) => e.kind === 'organization');
  const again = (e: StoryEntity) =>
    e.kind === 'organization' &&
    organizations.some(
      (o) => o !== e && (o.name.endsWith(` ${e.name}`) || initials(o.name) === e.name.replace(/\./g, '')),
    );
  return named.filter((e) => !again(e)).slice(0, limit);
}

/**
 * A name written all in capitals that is no acronym ("SABLE CITY", "BRENNICK"): an article's
 * dateline, read as a place; the story's place shows under its own spelling ("Sable City").
 */
function datelineName(name: string): boolean {
  if (!/\p{L}/u.test(name) || name !== name.toUpperCase()) return false;
  const words = name.trim().split(/\s+/);
  return words.length > 1 || words.some((w) => /\p{Lu}{5,}/u.test(w));
}
