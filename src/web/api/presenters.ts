import type { Article, Story, StoryVersion } from '../../db/schema.js';
import type { Disagreement } from '../../disagree/types.js';
import type { RelatedStory } from '../../store/related.js';
import { presentDisagreement } from './disagreements.js';
import { presentBackground, presentBody, presentCoverage, presentTimeline } from './present-body.js';

/** Absolute URL of a story page. */
export function storyUrl(siteUrl: string, slug: string): string {
  return new URL(`/stories/${encodeURIComponent(slug)}`, siteUrl).toString();
}

/** A story in a list: the fields a client needs to show and link it. */
export function presentStorySummary(siteUrl: string, story: Story, version: StoryVersion) {
  return {
    id: story.id,
    slug: story.slug,
    url: storyUrl(siteUrl, story.slug),
    headline: version.headline,
    dek: version.dek,
    published_at: story.published_at?.toISOString() ?? null,
    updated_at: version.created_at.toISOString(),
    version: version.version,
    writer: version.writer,
    source_count: version.source_count,
    publisher_count: version.publisher_count,
    support_score: version.support_score,
  };
}

/** A source article as a story lists it, with the API link to its exact text. */
export function presentSource(siteUrl: string, article: Article & { source_name: string }) {
  return {
    article_id: article.id,
    title: article.title,
    outlet: article.source_name,
    url: article.url,
    published_at: article.published_at?.toISOString() ?? null,
    api_url: new URL(`/api/v1/articles/${article.id}`, siteUrl).toString(),
  };
}

/** One story with its current version in full: every sentence with its citations. */
export function presentStory(
  siteUrl: string,
  story: Story,
  version: StoryVersion,
  extra: {
    sources: (Article & { source_name: string })[];
    versions: StoryVersion[];
    related: RelatedStory[];
    disagreements?: Disagreement[];
  },
) {
  return {
    ...presentStorySummary(siteUrl, story, version),
    model: version.model,
    generated_at: version.generated_at.toISOString(),
    change_note: version.change_note,
    correction_reason: version.correction_reason,
    body: presentBody(version),
    timeline: presentTimeline(version.body),
    coverage: presentCoverage(extra.sources),
    background: presentBackground(version.body, (slug) => storyUrl(siteUrl, slug)),
    sources: extra.sources.map((a) => presentSource(siteUrl, a)),
    versions: extra.versions
      .filter((v) => v.status === 'published' || v.status === 'superseded')
      .map((v) => ({
        version: v.version,
        created_at: v.created_at.toISOString(),
        change_note: v.change_note,
        correction_reason: v.correction_reason,
      })),
    related: extra.related.map((r) => ({
      id: r.story_id,
      slug: r.slug,
      url: storyUrl(siteUrl, r.slug),
      headline: r.headline,
      teaser: r.teaser,
    })),
    // Where the sources disagree (this version's facts): a separate block, shape fixed by presentDisagreement.
    disagreements: (extra.disagreements ?? []).map(presentDisagreement),
  };
}

/** A source article with the exact text every citation offset points into. */
export function presentArticle(article: Article & { source_name: string }) {
  return {
    id: article.id,
    title: article.title,
    /** The feed gave no title: this one is the text's first sentence. */
    title_derived: article.title_derived,
    outlet: article.source_name,
    url: article.url,
    author: article.author,
    language: article.language,
    published_at: article.published_at?.toISOString() ?? null,
    text: article.text,
  };
}
