import type { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { searchArticles, searchStories } from '../../store/search.js';
import { listCorrections, listPublishedStories, sourceCoverage } from '../../store/site.js';
import { storiesMatchingPhrases, topicBySlug } from '../../store/topics.js';
import { decodeCursor, nextCursor } from '../api/cursor.js';
import { page, type SiteDeps } from '../context.js';
import { CorrectionsPage, HowPage, SourcesPage } from '../views/info.js';
import { HomePage, SearchPage, StoryListPage } from '../views/lists.js';

const PAGE_SIZE = 20;
const SEARCH_PAGE_SIZE = 10;
const searchQuery = z.object({
  // As the API: a longer query is refused, not cut (searching its first half would mislead).
  q: z.string().max(200).default(''),
  page: z.coerce.number().int().min(1).max(50).catch(1).default(1),
});

/** Home, topics, entities, search, sources, corrections and the explainer. */
export function registerPages(app: Hono, deps: SiteDeps): void {
  const { db } = deps;

  app.get('/', async (c) => {
    const before = decodeCursor(c.req.query('before'));
    const rows = await listPublishedStories(db, { limit: PAGE_SIZE + 1, before });
    const cursor = nextCursor(rows, PAGE_SIZE);
    const site = await deps.site();
    return page(
      c,
      deps,
      {
        title: site.name,
        description:
          site.description || `The latest stories on ${site.name}, each written from many sources.`,
        path: before ? `/?before=${c.req.query('before')}` : '/',
      },
      <HomePage
        stories={rows.slice(0, PAGE_SIZE)}
        first={!before}
        older={cursor ? `/?before=${cursor}` : undefined}
      />,
    );
  });

  app.get('/topics/:slug', async (c) => {
    const topic = await topicBySlug(db, c.req.param('slug'));
    if (!topic) throw new AppError('not_found', 'no such topic');
    const before = decodeCursor(c.req.query('before'));
    const rows = await storiesMatchingPhrases(db, [...topic.keywords, ...topic.entities], {
      limit: PAGE_SIZE + 1,
      before,
    });
    const cursor = nextCursor(rows, PAGE_SIZE);
    const base = `/topics/${topic.slug}`;
    return page(
      c,
      deps,
      {
        title: topic.name,
        description: topic.description ?? undefined,
        path: base,
        feeds: [{ title: topic.name, base: `${base}/feed` }],
      },
      <StoryListPage
        title={topic.name}
        description={topic.description}
        stories={rows.slice(0, PAGE_SIZE)}
        older={cursor ? `${base}?before=${cursor}` : undefined}
        feedBase={`${base}/feed`}
      />,
    );
  });

  app.get('/entities/:name', async (c) => {
    const name = c.req.param('name').trim();
    if (name === '' || name.length > 120) throw new AppError('not_found', 'no such entity');
    const before = decodeCursor(c.req.query('before'));
    const rows = await storiesMatchingPhrases(db, [name], { limit: PAGE_SIZE + 1, before });
    if (rows.length === 0 && !before) throw new AppError('not_found', 'no stories mention this name');
    const cursor = nextCursor(rows, PAGE_SIZE);
    const base = `/entities/${encodeURIComponent(name)}`;
    return page(
      c,
      deps,
      { title: name, path: base },
      <StoryListPage
        title={name}
        description={`Stories that mention ${name}.`}
        stories={rows.slice(0, PAGE_SIZE)}
        older={cursor ? `${base}?before=${cursor}` : undefined}
      />,
    );
  });

  app.get('/search', async (c) => {
    const parsed = searchQuery.safeParse({ q: c.req.query('q') ?? '', page: c.req.query('page') });
    if (!parsed.success)
      throw new AppError('invalid_input', 'the search query is longer than 200 characters');
    const { q, page: n } = parsed.data;
    const query = q.trim();
    const offset = (n - 1) * SEARCH_PAGE_SIZE;
    const [hits, articles] =
      query === ''
        ? [[], []]
        : await Promise.all([
            searchStories(db, query, { limit: SEARCH_PAGE_SIZE, offset }),
            n === 1 ? searchArticles(db, query, { limit: 5 }) : Promise.resolve([]),
          ]);
    const link = (p: number) => `/search?q=${encodeURIComponent(query)}&page=${p}`;
    return page(
      c,
      deps,
      { title: query ? `Search: ${query}` : 'Search', path: query ? link(n) : '/search', noindex: true },
      <SearchPage
        query={query}
        hits={hits.slice(0, SEARCH_PAGE_SIZE)}
        articles={articles.slice(0, 5)}
        page={n}
        older={hits.length > SEARCH_PAGE_SIZE ? link(n + 1) : undefined}
        newer={n > 1 ? link(n - 1) : undefined}
      />,
    );
  });

  app.get('/sources', async (c) =>
    page(c, deps, { title: 'Sources', path: '/sources' }, <SourcesPage sources={await sourceCoverage(db)} />),
  );

  app.get('/corrections', async (c) => {
    const n = Math.max(1, Math.min(1000, Number(c.req.query('page') ?? 1) || 1));
    const rows = await listCorrections(db, { limit: PAGE_SIZE + 1, offset: (n - 1) * PAGE_SIZE });
    return page(
      c,
      deps,
      { title: 'Corrections', path: '/corrections' },
      <CorrectionsPage
        corrections={rows.slice(0, PAGE_SIZE)}
        older={rows.length > PAGE_SIZE ? `/corrections?page=${n + 1}` : undefined}
      />,
    );
  });

  app.get('/how-it-works', async (c) => {
    const site = await deps.site();
    return page(
      c,
      deps,
      { title: 'How this works', path: '/how-it-works' },
      <HowPage siteName={site.name} />,
      {
        cacheControl: 'public, max-age=3600',
      },
    );
  });
}
