import type { Child } from 'hono/jsx';
import type { StorySentence, StoryVersion } from '../../db/schema.js';
import type { Disagreement } from '../../disagree/types.js';
import type { StoryEntity } from '../../store/site.js';
import type { NumberedSource, StoryModel } from '../story-model.js';
import { Disagreements } from './disagreements.js';
import { asSentence, firstSentence, formatDate, isoDate, safeUrl, sourceCount } from './format.js';
import { Markers } from './markers.js';
import { Background, Coverage, KeyFigures, Timeline, WhatTheySaid } from './story-parts.js';

/** Everything the story page shows. */
export interface StoryPageProps {
  slug: string;
  model: StoryModel;
  /** Every version of the story, newest first (for updates and corrections). */
  versions: StoryVersion[];
  related: RelatedLink[];
  /** The people, organisations and places the story is about, linking to their pages. */
  entities: StoryEntity[];
  /** The Thoughts section (the thread, or where it goes when the page is cached). */
  thoughts: Child;
  /** Set when showing an older version than the current one. */
  currentVersion?: number;
  /** What this version's sources disagree on. */
  disagreements?: readonly Disagreement[];
}

function Sentences({ model, sentences }: { model: StoryModel; sentences: StorySentence[] }) {
  return (
    <p>
      {sentences.map((s, i) => (
        <>
          {i > 0 ? ' ' : ''}
          <span class="sentence">{asSentence(s.text)}</span>
          <Markers markers={model.markersOf(s.citations)} />
        </>
      ))}
    </p>
  );
}

function Body({ model }: { model: StoryModel }) {
  const body = model.version.body;
  return (
    <div class="body">
      <section class="lede" aria-labelledby="lede-heading">
        <h2 id="lede-heading">What happened</h2>
        <Sentences model={model} sentences={body.lede} />
      </section>
      {body.sections.map((section) => (
        <section>
          <h2>{section.heading}</h2>
          <Sentences model={model} sentences={section.sentences} />
        </section>
      ))}
      <KeyFigures model={model} />
      <WhatTheySaid model={model} />
      <Timeline model={model} />
      <Coverage sources={model.sources} />
      <Background body={body} />
    </div>
  );
}

function Provenance({ version, slug }: { version: StoryVersion; slug: string }) {
  const writer = version.model ? `${version.writer} writer (${version.model})` : `${version.writer} writer`;
  return (
    <div class="notice" role="note">
      <p>
        <strong>Written by software.</strong> This article was written by software from the sources listed
        below. It can contain errors: check the original reporting before relying on it.
      </p>
      <p class="provenance">
        {writer} · {sourceCount(version.source_count, version.publisher_count)} · generated{' '}
        <time datetime={isoDate(version.generated_at)}>{formatDate(version.generated_at)}</time>
        {version.support_score !== null ? ` · support score ${Math.round(version.support_score * 100)}%` : ''}{' '}
        · <a href={`/stories/${slug}/versions`}>version {version.version}</a>
      </p>
    </div>
  );
}

function Sources({ sources }: { sources: NumberedSource[] }) {
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ol>
        {sources.map((s) => (
          <li class="source" id={`src-${s.number}`}>
            <span class="outlet">{s.outlet}</span>:{' '}
            <a class="title" href={safeUrl(s.url)} rel="noopener nofollow">
              {s.title}
            </a>{' '}
            <span class="meta">
              <time datetime={isoDate(s.published_at)}>{formatDate(s.published_at)}</time>
            </span>
            {s.passages.length > 0 ? (
              <ul class="passages" aria-label="Cited passages">
                {s.passages.map((p) => (
                  <li class="passage" id={p.id}>
                    <blockquote cite={safeUrl(s.url)}>
                      {p.before}
                      <mark>{p.cited}</mark>
                      {p.after}
                    </blockquote>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Updates({ versions, slug }: { versions: StoryVersion[]; slug: string }) {
  const changes = versions.filter((v) => v.change_note || v.correction_reason);
  return (
    <section aria-labelledby="updates-heading">
      <h2 id="updates-heading">Updates and corrections</h2>
      {changes.length === 0 ? (
        <p class="meta">No updates or corrections since this story was first published.</p>
      ) : (
        <ul class="updates">
          {changes.map((v) => (
            <li>
              <a href={`/stories/${slug}/versions/${v.version}`}>Version {v.version}</a>,{' '}
              <time datetime={isoDate(v.generated_at)}>{formatDate(v.generated_at)}</time>:{' '}
              {v.correction_reason ? (
                <>
                  <strong>Correction.</strong> {v.correction_reason}
                </>
              ) : null}
              {v.change_note ? ` ${v.change_note}` : null}
            </li>
          ))}
        </ul>
      )}
      <p class="meta">
        <a href={`/stories/${slug}/versions`}>Every version of this story</a>
      </p>
    </section>
  );
}

/** A related story as the page shows it: headline and a one-sentence teaser. */
export interface RelatedLink {
  slug: string;
  headline: string;
  teaser: string;
}

function Related({ stories }: { stories: RelatedLink[] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">Related</h2>
      <ul class="related">
        {stories.map((s) => (
          <li>
            <a href={`/stories/${s.slug}`}>{s.headline}</a>
            <p>{firstSentence(s.teaser)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

const ENTITY_GROUPS: [StoryEntity['kind'], string][] = [
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
];

function Entities({ entities }: { entities: StoryEntity[] }) {
  if (entities.length === 0) return null;
  return (
    <nav class="entities" aria-labelledby="entities-heading">
      <h2 id="entities-heading">In this story</h2>
      <dl>
        {ENTITY_GROUPS.map(([kind, label]) => {
          const group = entities.filter((e) => e.kind === kind);
          return group.length === 0 ? null : (
            <>
              <dt>{label}</dt>
              <dd>
                {group.map((e, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={`/entities/${encodeURIComponent(e.name)}`}>{e.name}</a>
                  </>
                ))}
              </dd>
            </>
          );
        })}
      </dl>
    </nav>
  );
}

/** Where readers report a sentence they believe is wrong (signed in; the form says so). */
function ReportInaccuracy({ slug }: { slug: string }) {
  return (
    <p class="sans">
      <a href={`/discuss/${slug}/inaccuracy?return=${encodeURIComponent(`/stories/${slug}`)}`}>
        Report a sentence you believe is wrong
      </a>
    </p>
  );
}

/** The story page: headline, dek, body with citations, provenance, sources, updates, related, thoughts. */
export function StoryPage({
  slug,
  model,
  versions,
  related,
  entities,
  thoughts,
  currentVersion,
  disagreements = [],
}: StoryPageProps) {
  const v = model.version;
  return (
    <div class="wrap">
      <article class="story">
        {currentVersion !== undefined ? (
          <p class="notice">
            You are reading version {v.version}. <a href={`/stories/${slug}`}>Read the current version</a> (
            {currentVersion}).
          </p>
        ) : null}
        <h1>{v.headline}</h1>
        <p class="dek">{v.dek}</p>
        <p class="byline">
          Updated <time datetime={isoDate(v.generated_at)}>{formatDate(v.generated_at)}</time> ·{' '}
          {sourceCount(v.source_count, v.publisher_count)}
        </p>
        <Body model={model} />
        <Disagreements model={model} items={disagreements} />
        <Provenance version={v} slug={slug} />
        <ReportInaccuracy slug={slug} />
      </article>
      <Entities entities={entities} />
      <Sources sources={model.sources} />
      <Updates versions={versions} slug={slug} />
      <Related stories={related} />
      {thoughts}
    </div>
  );
}
