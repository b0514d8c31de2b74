import type { StoryBody } from '../../db/schema.js';
import type { NumberedSource, StoryModel } from '../story-model.js';
import { asSentence, formatDate, isoDate, safeUrl } from './format.js';
import { Markers } from './markers.js';

/**
 * The story article's parts beyond its text: key figures with what they measure, "What they said",
 * the timeline, each outlet's coverage and background from earlier stories.
 */

/** Each key figure large, with what it measures beneath it. */
export function KeyFigures({ model }: { model: StoryModel }) {
  // Versions written before figures carried labels show their figures bare.
  const figures = model.version.body.figures;
  if (figures.length === 0) return null;
  return (
    <aside class="figures" aria-labelledby="figures-heading">
      <h2 id="figures-heading">Key figures</h2>
      <dl>
        {figures.map((f) => (
          <div class="figure">
            <dt>
              {f.text}
              <Markers markers={model.markersOf([f.citation])} />
            </dt>
            {f.label ? <dd>{f.label}</dd> : null}
          </div>
        ))}
      </dl>
    </aside>
  );
}

/** Quotes from distinct speakers, each with the speaker's name and role. */
export function WhatTheySaid({ model }: { model: StoryModel }) {
  const quotes = model.version.body.quotes;
  if (quotes.length === 0) return null;
  return (
    <section class="said" aria-labelledby="said-heading">
      <h2 id="said-heading">What they said</h2>
      {quotes.map((q) => (
        <figure class="quote">
          <blockquote>
            <p>“{q.text.replace(/[,\s]+$/, '')}”</p>
          </blockquote>
          <figcaption>
            — <span class="speaker">{q.speaker}</span>
            {q.role ? <span class="role">, {q.role}</span> : null}
            <Markers markers={model.markersOf([q.citation])} />
          </figcaption>
        </figure>
      ))}
    </section>
  );
}

/** Dated developments, one line each, oldest first. */
export function Timeline({ model }: { model: StoryModel }) {
  const timeline = model.version.body.timeline ?? [];
  if (timeline.length === 0) return null;
  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol>
        {timeline.map((t) => (
          <li>
            <time datetime={t.date}>{formatDay(t.date)}</time>{' '}
            <span class="sentence">{asSentence(t.text)}</span>
            <Markers markers={model.markersOf(t.citations)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Each outlet's headline and time, oldest first, so readers see how each framed the story. */
export function Coverage({ sources }: { sources: NumberedSource[] }) {
  if (sources.length === 0) return null;
  const ordered = [...sources].sort(
    (a, b) =>
      new Date(a.published_at ?? 0).getTime() - new Date(b.published_at ?? 0).getTime() ||
      a.number - b.number,
  );
  return (
    <section class="coverage" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage</h2>
      <ul>
        {ordered.map((s) => (
          <li>
            <span class="outlet">{s.outlet}</span>{' '}
            <a href={safeUrl(s.url)} rel="noopener nofollow">
              {s.title}
            </a>{' '}
            <time class="meta" datetime={isoDate(s.published_at)}>
              {formatDate(s.published_at)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Sentences from earlier stories that explain what led here, each linking to its story. */
export function Background({ body }: { body: StoryBody }) {
  const background = body.background ?? [];
  if (background.length === 0) return null;
  return (
    <section class="background" aria-labelledby="background-heading">
      <h2 id="background-heading">From earlier stories</h2>
      <p>
        {background.map((b, i) => (
          <>
            {i > 0 ? ' ' : ''}
            <span class="sentence">{b.text}</span>{' '}
            <a class="earlier" href={`/stories/${encodeURIComponent(b.slug)}`} title={b.headline}>
              (earlier story)
            </a>
          </>
        ))}
      </p>
    </section>
  );
}

function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
