import type { Article, StoryBody, StoryVersion } from '../../db/schema.js';

/**
 * The story article's parts as the API gives them, field by field: key figures with what they
 * measure, quotes with the speaker's role, the timeline, each outlet's coverage and background
 * from earlier stories. Shared by `/api/v1/stories/<id>` and the versions API.
 */

const citation = (c: { article_id: number; start: number; end: number }) => ({
  article_id: c.article_id,
  start: c.start,
  end: c.end,
});

/** Quotes and figures of a body. */
export function presentBlocks(body: StoryBody) {
  return {
    quotes: body.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      role: q.role ?? null,
      citation: citation(q.citation),
    })),
    figures: body.figures.map((f) => ({
      text: f.text,
      value: f.value,
      unit: f.unit,
      label: f.label ?? null,
      citation: citation(f.citation),
    })),
  };
}

/** Dated developments, oldest first (empty when the sources span one day). */
export function presentTimeline(body: StoryBody) {
  return (body.timeline ?? []).map((t) => ({
    date: t.date,
    text: t.text,
    citations: t.citations.map(citation),
  }));
}

/** Sentences of earlier stories that explain what led here, cited to those stories' sources. */
export function presentBackground(body: StoryBody, storyUrl: (slug: string) => string) {
  return (body.background ?? []).map((b) => ({
    text: b.text,
    citations: b.citations.map(citation),
    story: { id: b.story_id, slug: b.slug, headline: b.headline, url: storyUrl(b.slug) },
  }));
}

/** Each outlet's headline and time, oldest first: how each framed the story. */
export function presentCoverage(sources: readonly (Article & { source_name: string })[]) {
  return [...sources]
    .sort((a, b) => (a.published_at?.getTime() ?? 0) - (b.published_at?.getTime() ?? 0) || a.id - b.id)
    .map((a) => ({
      outlet: a.source_name,
      article_id: a.id,
      title: a.title,
      published_at: a.published_at?.toISOString() ?? null,
      url: a.url,
    }));
}

/** The body of a version: lede, sections, quotes and figures. */
export function presentBody(version: StoryVersion) {
  return {
    lede: version.body.lede,
    sections: version.body.sections,
    ...presentBlocks(version.body),
  };
}
