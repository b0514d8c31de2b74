import type { StoryVersion } from '../../db/schema.js';
import type { CorrectionEntry, SourceCoverage } from '../../store/site.js';
import { formatDate, isoDate, safeUrl, sourceCount } from './format.js';

/** Outlets and how much of the archive each covers. */
export function SourcesPage({ sources }: { sources: SourceCoverage[] }) {
  return (
    <div class="wrap">
      <h1>Sources</h1>
      <p class="dek">Every outlet this site reads, and how much of its coverage our stories use.</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col" class="n">
                Articles
              </th>
              <th scope="col" class="n">
                Stories
              </th>
              <th scope="col">Latest article</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr>
                <td>
                  {s.homepage ? (
                    <a href={safeUrl(s.homepage)} rel="noopener nofollow">
                      {s.name}
                    </a>
                  ) : (
                    s.name
                  )}
                </td>
                <td class="n">{s.articles}</td>
                <td class="n">{s.stories}</td>
                <td>{formatDate(s.last_published_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The corrections log: every version that corrected a story, newest first. */
export function CorrectionsPage({ corrections, older }: { corrections: CorrectionEntry[]; older?: string }) {
  return (
    <div class="wrap">
      <h1>Corrections</h1>
      <p class="dek">
        When a story gets something wrong we publish a new version and say what changed, here.
      </p>
      {corrections.length === 0 ? <p>No corrections yet.</p> : null}
      <ul class="cards">
        {corrections.map((c) => (
          <li>
            <h2>
              <a href={`/stories/${c.slug}/versions/${c.version}`}>{c.headline}</a>
            </h2>
            <p>{c.reason}</p>
            <p class="meta">
              Version {c.version} ·{' '}
              <time datetime={isoDate(c.generated_at)}>{formatDate(c.generated_at)}</time>
            </p>
          </li>
        ))}
      </ul>
      {older ? (
        <p>
          <a href={older}>Older corrections</a>
        </p>
      ) : null}
    </div>
  );
}

/** Every version of one story. */
export function VersionsPage({ slug, versions }: { slug: string; versions: StoryVersion[] }) {
  return (
    <div class="wrap">
      <h1>Versions of “{versions[0]?.headline}”</h1>
      <p>
        <a href={`/stories/${slug}`}>Back to the story</a>
      </p>
      <ol class="versions" reversed>
        {versions.map((v) => (
          <li>
            <a href={`/stories/${slug}/versions/${v.version}`}>Version {v.version}</a>:{' '}
            <time datetime={isoDate(v.generated_at)}>{formatDate(v.generated_at)}</time> · {v.writer} writer ·{' '}
            {sourceCount(v.source_count, v.publisher_count)}
            {v.correction_reason ? (
              <>
                {' '}
                · <strong>Correction:</strong> {v.correction_reason}
              </>
            ) : null}
            {v.change_note ? ` · ${v.change_note}` : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** How stories are written and verified. */
export function HowPage({ siteName }: { siteName: string }) {
  return (
    <div class="wrap">
      <article class="story">
        <h1>How this works</h1>
        <p class="dek">
          {siteName} reads many news outlets, groups their articles into stories, and writes one article per
          story in which every sentence points to the source passages that support it.
        </p>
        <h2>Reading</h2>
        <p>
          We read the feeds and pages of the outlets on the <a href="/sources">sources page</a>. Copies of the
          same wire article are recognised and counted as coverage rather than as new information.
        </p>
        <h2>Grouping</h2>
        <p>
          Articles about the same event are grouped into a story as they arrive. A story grows as outlets
          report more, and gets a new version when it gains sources.
        </p>
        <h2>Writing</h2>
        <p>
          By default the writer is extractive: it picks and orders real sentences from the sources, favouring
          those that many outlets agree on, and cites each one. When an operator configures a language model,
          the model drafts the article from numbered source passages instead.
        </p>
        <h2>Checking</h2>
        <p>
          Before a version is published, every quote is checked word for word against a cited source with the
          same speaker, and every number, date and name against the cited passages. Each sentence gets a
          support score; unsupported sentences are dropped or the story is held for a person to review.
        </p>
        <h2>Citations</h2>
        <p>
          The small numbers after each sentence name its sources. Select one to see the passage it rests on,
          with a link to the original article. Without JavaScript, the number takes you to that passage in the
          list of sources at the end of the story.
        </p>
        <h2>Corrections</h2>
        <p>
          Old versions stay readable. When a version fixes a mistake, the story says so, and the change is
          listed in the <a href="/corrections">corrections log</a>.
        </p>
        <h2>Software can be wrong</h2>
        <p>
          Even checked, software makes mistakes: it can miss context, pick a misleading sentence or combine
          reports badly. Read the sources before relying on a story.
        </p>
      </article>
    </div>
  );
}

/** The 404 and 500 pages. */
export function ErrorPage({ status, message }: { status: 400 | 404 | 500; message?: string }) {
  const title = {
    400: 'That request cannot be answered',
    404: 'Page not found',
    500: 'Something went wrong',
  };
  const text = {
    400: `The address or form had something we cannot take: ${message ?? 'bad input'}.`,
    404: 'There is no page at this address. It may have moved, or the story may have been merged into another.',
    500: 'The page could not be shown because of an error on our side. Please try again in a moment.',
  };
  return (
    <div class="wrap">
      <h1>{title[status]}</h1>
      <p>{text[status]}</p>
      <p>
        <a href="/">Go to the latest stories</a> or <a href="/search">search</a>.
      </p>
    </div>
  );
}
