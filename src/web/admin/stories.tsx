import { Hono } from 'hono';
import { mergeStories, splitArticle } from '../../admin/clustering.js';
import { editHeadline, regenerateStory } from '../../admin/rewrite.js';
import { settleDisagreement } from '../../admin/settle.js';
import { storyReview } from '../../admin/story-review.js';
import { holdVersion, publishVersion, unpublishStory } from '../../admin/versions.js';
import { AppError } from '../../lib/errors.js';
import { REVIEW_STATES, type ReviewState, reviewStories } from '../../store/review.js';
import { versionDisagreements } from '../../store/disagreements.js';
import { storyById, storyBySlug } from '../../store/stories.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import { formFields } from '../discuss/shared.js';
import type { AdminDeps } from './deps.js';
import { actorOf, ConsolePage, failure, int, reviewDeps } from './review-shared.js';
import { DisagreementsReview } from './disagreements-view.js';
import { StoryList, StoryView } from './stories-view.js';

const PAGE_SIZE = 25;

const DONE: Record<string, string> = {
  publish: 'Published: readers see this version now.',
  hold: 'Held: the version stays off the site.',
  unpublish: 'Unpublished: the story is off the reader site.',
  regenerate: 'Written again: the new version is below.',
  headline: 'Headline and dek saved as a new version; publish it when ready.',
  split: 'Article split out into a story of its own; the two will not be merged again.',
  merge: 'Stories merged: the articles are in this story now, and later ones join it.',
  settle: 'Settled: the newsroom’s call is recorded and the story was written again with it.',
};

/** `/admin/stories`: the review list and each story's version view with its actions. */
export function storiesSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const review = () => reviewDeps(deps);

  app.get('/stories', async (c) => {
    const stateParam = c.req.query('state') ?? '';
    const state = (REVIEW_STATES as readonly string[]).includes(stateParam)
      ? (stateParam as ReviewState)
      : undefined;
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const page = Math.max(1, int(c.req.query('page')) || 1);
    const { total, stories } = await reviewStories(deps.database.db, {
      state,
      q: q || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const error = stateParam && !state ? `No state “${stateParam}”: showing every story.` : null;
    return c.html(
      <ConsolePage c={c} deps={deps} title="Stories" error={error}>
        <StoryList stories={stories} total={total} page={page} pageSize={PAGE_SIZE} state={state} q={q} />
      </ConsolePage>,
    );
  });

  /** The version view, with a notice after an action or the error an action ran into. */
  async function view(
    c: AccountContext,
    options: { error?: string; status?: 400 | 401 | 403 | 404 | 409 | 429 } = {},
  ) {
    const versionParam = c.req.query('v');
    let data: Awaited<ReturnType<typeof storyReview>>;
    try {
      data = await storyReview(
        review(),
        int(c.req.param('id')),
        versionParam ? int(versionParam) : undefined,
      );
    } catch (error) {
      const { message, status } = failure(error);
      return c.html(
        <ConsolePage c={c} deps={deps} title="Story" error={message}>
          <p>
            <a href="/admin/stories">All stories</a>
          </p>
        </ConsolePage>,
        status,
      );
    }
    return c.html(
      <ConsolePage
        c={c}
        deps={deps}
        title={data.version?.headline ?? data.story.title ?? data.story.slug}
        notice={DONE[c.req.query('done') ?? ''] ?? null}
        error={options.error}
      >
        <StoryView c={c} review={data} modelWriter={review().write.llm?.model ?? null} />
        {data.version ? (
          <DisagreementsReview
            storyId={data.story.id}
            items={await versionDisagreements(deps.database.db, data.version.id)}
            csrf={c.get('csrf')()}
          />
        ) : null}
      </ConsolePage>,
      options.status ?? 200,
    );
  }

  app.get('/stories/:id', (c) => view(c));

  /** Runs one action from a form: 303 back to the story on success, the page with the error otherwise. */
  const action = (
    name: keyof typeof DONE,
    run: (fields: Record<string, string>, storyId: number, c: AccountContext) => Promise<number | undefined>,
  ) =>
    app.post(`/stories/:id/${name}`, async (c) => {
      const fields = await formFields(c);
      const storyId = int(c.req.param('id'));
      try {
        const goTo = (await run(fields, storyId, c)) ?? storyId;
        return c.redirect(`/admin/stories/${goTo}?done=${name}`, 303);
      } catch (error) {
        const { message, status } = failure(error);
        return view(c, { error: message, status });
      }
    });

  action('publish', async (f, storyId, c) => {
    await publishVersion(review(), actorOf(c), { storyId, versionId: int(f.versionId) });
    return undefined;
  });
  action('hold', async (f, storyId, c) => {
    await holdVersion(review(), actorOf(c), { storyId, versionId: int(f.versionId), note: f.note ?? '' });
    return undefined;
  });
  action('unpublish', async (f, storyId, c) => {
    await unpublishStory(review(), actorOf(c), { storyId, reason: f.reason ?? '' });
    return undefined;
  });
  action('regenerate', async (f, storyId, c) => {
    const outcome = await regenerateStory(review(), actorOf(c), {
      storyId,
      writer: f.writer as 'extractive' | 'model',
    });
    if (outcome.status === 'not_enough_material')
      throw new AppError('conflict', `Not written: ${outcome.reason}.`);
    return undefined;
  });
  action('headline', async (f, storyId, c) => {
    await editHeadline(review(), actorOf(c), {
      storyId,
      versionId: int(f.versionId),
      headline: f.headline ?? '',
      dek: f.dek ?? '',
    });
    return undefined;
  });
  action('split', async (f, storyId, c) => {
    const { newStoryId } = await splitArticle(review(), actorOf(c), { storyId, articleId: int(f.articleId) });
    return newStoryId;
  });
  action('merge', async (f, storyId, c) => {
    const key = (f.other ?? '').trim().replace(/^\/?(admin\/)?stories\//, '');
    if (!key) throw new AppError('invalid_input', 'name the story to merge in: its number or slug');
    const other = /^\d+$/.test(key)
      ? await storyById(deps.database.db, Number(key))
      : await storyBySlug(deps.database.db, key);
    if (!other) throw new AppError('not_found', `no story “${key}”`);
    await mergeStories(review(), actorOf(c), { fromId: other.id, intoId: storyId });
    return undefined;
  });

  action('settle', async (f, storyId, c) => {
    await settleDisagreement(review(), actorOf(c), {
      storyId,
      fact: f.fact ?? '',
      value: f.value ?? '',
      note: f.note ?? '',
    });
    return undefined;
  });

  return app;
}
