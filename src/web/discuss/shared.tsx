import type { Accounts } from '../../auth/accounts.js';
import type { Story } from '../../db/schema.js';
import type { DiscussDeps } from '../../discuss/comments.js';
import { moderationSettings } from '../../discuss/settings.js';
import { AppError, type ErrorCode } from '../../lib/errors.js';
import { pathId } from '../../lib/input-checks.js';
import { storyById, storyBySlug } from '../../store/stories.js';
import type { AccountContext } from '../auth/context.js';
import { redirectTarget } from '../../lib/redirect-target.js';
import { Layout } from './layout.js';

/** The comment operations' dependencies; the rules are read on every use, so console saves apply. */
export function discussDeps(accounts: Accounts): DiscussDeps {
  return {
    db: accounts.db,
    get settings() {
      return moderationSettings(accounts.live());
    },
  };
}

/** The page of a story's comment thread. */
export function threadPath(story: Pick<Story, 'slug'>): string {
  return `/stories/${story.slug}/thoughts`;
}

/** A published story by numeric id or slug, or undefined. */
export async function findStory(accounts: Accounts, key: string): Promise<Story | undefined> {
  const story = /^\d+$/.test(key)
    ? await storyById(accounts.db, pathId(key, 'story id'))
    : await storyBySlug(accounts.db, key);
  return story?.state === 'published' ? story : undefined;
}

const STATUS: Partial<Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 429>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/** The HTTP status for an error (500 for anything that is not an AppError). */
export function statusOf(error: unknown): 400 | 401 | 403 | 404 | 409 | 429 | 500 {
  return error instanceof AppError ? (STATUS[error.code] ?? 500) : 500;
}

/** A small HTML error page for a failed form or page. */
export function errorPage(c: AccountContext, siteName: string, error: unknown) {
  const status = statusOf(error);
  if (status === 500) throw error;
  const message = (error as AppError).message;
  const chrome = { siteName, viewer: c.get('viewer'), csrf: c.get('csrf')(), frame: c.get('frame') };
  return c.html(
    <Layout chrome={chrome} title="Sorry">
      <h1>{status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Sorry'}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Home</a>
      </p>
    </Layout>,
    status,
  );
}

/** Where to go back after a form: the `return` field (same-site path only), with a notice and an anchor. */
export function backTo(returnTo: unknown, fallback: string, notice: string, anchor = 'thoughts'): string {
  const url = new URL(redirectTarget(returnTo, fallback), 'http://x');
  url.searchParams.set('thoughts', notice);
  return `${url.pathname}${url.search}#${anchor}`;
}

/** The string fields of a form body. */
export async function formFields(c: AccountContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}
