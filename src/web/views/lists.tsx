import type { ArticleHit, SearchHit } from '../../store/search.js';
import { MARK_END, MARK_START } from '../../store/search.js';
import type { StorySummary } from '../../store/site.js';
import { formatDate, isoDate, markedRuns, safeUrl, sourceCount } from './format.js';

function Meta({ story }: { story: StorySummary }) {
  const outlets = story.outlets.slice(0, 4).join(', ') + (story.outlets.length > 4 ? ' and others' : '');
  return (
    <p class="meta">
      <time datetime={isoDate(story.last_seen_at)}>{formatDate(story.last_seen_at)}</time> ·{' '}
      {sourceCount(story.source_count, story.publisher_count)}
      {outlets ? `: ${outlets}` : ''}
      {story.comments > 0 ? (
        <>
          {' · '}
          <a href={`/stories/${story.slug}#thoughts`}>
            {story.comments} {story.comments === 1 ? 'thought' : 'thoughts'}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** A story in a list: headline, dek (or a search snippet), time, source count and outlets. */
export function StoryCard({
  story,
  level = 2,
  snippet,
}: {
  story: StorySummary;
  level?: 2 | 3;
  snippet?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li>
      <Heading>
        <a href={`/stories/${story.slug}`}>{story.headline}</a>
      </Heading>
      <p>{snippet === undefined ? story.dek : <Highlighted text={snippet} />}</p>
      <Meta story={story} />
    </li>
  );
}

/** Text with search matches shown as <mark>, everything else escaped as text. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {markedRuns(text, MARK_START, MARK_END).map((run) => (run.marked ? <mark>{run.text}</mark> : run.text))}
    </>
  );
}

/** "Older" and "Newer" links. */
export function Pager({ older, newer }: { older?: string; newer?: string }) {
  if (!older && !newer) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {newer ? (
        <a href={newer} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      {older ? (
        <a href={older} rel="next">
          Older →
        </a>
      ) : null}
    </nav>
  );
}

/** The home page: the lead story, then the latest. */
export function HomePage({
  stories,
  older,
  first,
}: {
  stories: StorySummary[];
  older?: string;
  first: boolean;
}) {
  if (stories.length === 0) {
    return (
      <div class="wrap">
        <h1>No stories yet</h1>
        <p>
          Stories appear here once sources are added and their articles are grouped and written up. See{' '}
          <a href="/how-it-works">how this works</a>.
        </p>
      </div>
    );
  }
  const [lead, ...rest] = first ? stories : [undefined, ...stories];
  return (
    <div class="wrap wide">
      <h1 class={first ? 'skip' : ''}>{first ? 'Latest stories' : 'Older stories'}</h1>
      {lead ? (
        <section class="lead" aria-label="Lead story">
          <h2>
            <a href={`/stories/${lead.slug}`}>{lead.headline}</a>
          </h2>
          <p class="dek">{lead.dek}</p>
          <Meta story={lead} />
        </section>
      ) : null}
      <ul class="cards grid">{rest.flatMap((s) => (s ? [<StoryCard story={s} />] : []))}</ul>
      <Pager older={older} />
    </div>
  );
}

/** A topic or entity page: its stories, newest first. */
export function StoryListPage(props: {
  title: string;
  description?: string | null;
  stories: StorySummary[];
  older?: string;
  feedBase?: string;
}) {
  return (
    <div class="wrap">
      <h1>{props.title}</h1>
      {props.description ? <p class="dek">{props.description}</p> : null}
      {props.stories.length === 0 ? <p>No stories yet.</p> : null}
      <ul class="cards">
        {props.stories.map((s) => (
          <StoryCard story={s} />
        ))}
      </ul>
      <Pager older={props.older} />
      {props.feedBase ? (
        <p class="meta">
          Follow: <a href={`${props.feedBase}.xml`}>RSS</a> · <a href={`${props.feedBase}.atom`}>Atom</a> ·{' '}
          <a href={`${props.feedBase}.json`}>JSON Feed</a>
        </p>
      ) : null}
    </div>
  );
}

/** Search form and results with highlighted snippets. */
export function SearchPage(props: {
  query: string;
  hits: SearchHit[];
  articles: ArticleHit[];
  older?: string;
  newer?: string;
  page: number;
}) {
  return (
    <div class="wrap">
      <h1>Search</h1>
      <search>
        <form class="search" action="/search" method="get">
          <label for="search-q" class="skip">
            Search words
          </label>
          <input id="search-q" name="q" type="search" value={props.query} />
          <button type="submit">Search</button>
        </form>
      </search>
      {props.query === '' ? (
        <p class="meta">Words, "exact phrases", or, and -excluded words all work.</p>
      ) : props.hits.length === 0 && props.page === 1 ? (
        <p>No stories match “{props.query}”.</p>
      ) : (
        <>
          <h2 class="skip">Stories</h2>
          <ul class="cards">
            {props.hits.map((h) => (
              <StoryCard story={h} snippet={h.snippet} level={3} />
            ))}
          </ul>
        </>
      )}
      {props.articles.length > 0 ? (
        <>
          <h2>Source articles</h2>
          <ul class="cards">
            {props.articles.map((a) => (
              <li>
                <h3>
                  <a href={safeUrl(a.url)} rel="noopener nofollow">
                    {a.title}
                  </a>
                </h3>
                <p>
                  <Highlighted text={a.snippet} />
                </p>
                <p class="meta">
                  {a.outlet} · <time datetime={isoDate(a.published_at)}>{formatDate(a.published_at)}</time>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Pager older={props.older} newer={props.newer} />
    </div>
  );
}
