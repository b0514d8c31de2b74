import type { StoryVersion, Topic } from '../../db/schema.js';
import type { ArticleHit, SearchHit } from '../../store/search.js';
import { MARK_END, MARK_START } from '../../store/search.js';
import type { SourceCoverage, StorySummary } from '../../store/site.js';
import { presentBlocks, presentTimeline } from './present-body.js';

// Presenters: each lists exactly the fields the API exposes, so a new column never leaks out.

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Search snippets mark matches with `<mark>`…`</mark>` around otherwise HTML-escaped text. */
export function snippetHtml(snippet: string): string {
  return snippet
    .replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}

/** A story in a list. */
export function presentStorySummary(s: StorySummary, siteUrl: string) {
  return {
    id: s.id,
    slug: s.slug,
    url: `${siteUrl}/stories/${s.slug}`,
    headline: s.headline,
    dek: s.dek,
    version: s.version,
    source_count: s.source_count,
    publisher_count: s.publisher_count,
    outlets: s.outlets,
    comment_count: s.comments,
    published_at: iso(s.published_at),
    updated_at: iso(s.updated_at),
  };
}

/** A story search hit. */
export function presentSearchHit(h: SearchHit, siteUrl: string) {
  return { ...presentStorySummary(h, siteUrl), rank: h.rank, snippet_html: snippetHtml(h.snippet) };
}

/** An article search hit. */
export function presentArticleHit(a: ArticleHit) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    outlet: a.outlet,
    story_id: a.story_id,
    published_at: iso(a.published_at),
    snippet_html: snippetHtml(a.snippet),
  };
}

/** A source with its coverage. */
export function presentSource(s: SourceCoverage) {
  return {
    id: s.id,
    name: s.name,
    homepage: s.homepage,
    article_count: s.articles,
    story_count: s.stories,
    last_published_at: iso(s.last_published_at),
  };
}

/** A topic and its rules. */
export function presentTopic(t: Topic, siteUrl: string) {
  return {
    slug: t.slug,
    name: t.name,
    description: t.description,
    keywords: t.keywords,
    entities: t.entities,
    url: `${siteUrl}/topics/${t.slug}`,
    feeds: {
      rss: `${siteUrl}/topics/${t.slug}/feed.xml`,
      atom: `${siteUrl}/topics/${t.slug}/feed.atom`,
      json: `${siteUrl}/topics/${t.slug}/feed.json`,
    },
  };
}

/** A version without its body (for lists). */
export function presentVersionSummary(v: StoryVersion) {
  return {
    version: v.version,
    status: v.status,
    headline: v.headline,
    dek: v.dek,
    writer: v.writer,
    model: v.model,
    support_score: v.support_score,
    source_count: v.source_count,
    publisher_count: v.publisher_count,
    change_note: v.change_note,
    correction_reason: v.correction_reason,
    generated_at: iso(v.generated_at),
  };
}

/** A version with its body: sections, sentences and citations. */
export function presentVersion(v: StoryVersion) {
  const sentence = (s: StoryVersion['body']['lede'][number]) => ({
    text: s.text,
    citations: s.citations.map((c) => ({ article_id: c.article_id, start: c.start, end: c.end })),
    support: s.support ?? null,
  });
  return {
    ...presentVersionSummary(v),
    body: {
      lede: v.body.lede.map(sentence),
      sections: v.body.sections.map((sec) => ({
        heading: sec.heading,
        sentences: sec.sentences.map(sentence),
      })),
      ...presentBlocks(v.body),
    },
    timeline: presentTimeline(v.body),
  };
}
