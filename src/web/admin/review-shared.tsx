import type { Child } from 'hono/jsx';
import type { ReviewDeps } from '../../admin/deps.js';
import { wireReviewDeps } from '../../admin/wiring.js';
import { AppError } from '../../lib/errors.js';
import { MAX_ID, parseId } from '../../lib/input-checks.js';
import type { AccountContext } from '../auth/context.js';
import { forgetStory } from '../context.js';
import { Message } from '../discuss/layout.js';
import { statusOf } from '../discuss/shared.js';
import type { AdminDeps } from './deps.js';
import { AdminLayout } from './layout.js';

const wired = new WeakMap<AdminDeps, ReviewDeps>();

/** The review operations' dependencies, wired once per app: configured writer, cache invalidation. */
export function reviewDeps(deps: AdminDeps): ReviewDeps {
  let review = wired.get(deps);
  if (!review) {
    review = wireReviewDeps(
      deps.config,
      deps.database,
      deps.logger,
      (stories) => {
        for (const s of stories) forgetStory(deps.site, s.slug);
      },
      deps.settings,
    );
    wired.set(deps, review);
  }
  return review;
}

/** The signed-in editor (the gate let them through). */
export function actorOf(c: AccountContext): { id: string; role: string } {
  const viewer = c.get('viewer');
  if (!viewer) throw new AppError('unauthorized', 'sign in first');
  return { id: viewer.id, role: viewer.role };
}

/**
 * A positive integer from a form or query field, or 0 (which validation then refuses); digits
 * beyond what an id column holds are invalid input.
 */
export function int(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) return 0;
  const id = parseId(value);
  if (id === null && value.replace(/^0+/, '') !== '')
    throw new AppError(
      'invalid_input',
      `${value.slice(0, 20)} is not a whole number between 1 and ${MAX_ID}`,
    );
  return id ?? 0;
}

/** A console page with an optional notice or error line on top. */
export function ConsolePage({
  c,
  deps,
  title,
  notice,
  error,
  children,
}: {
  c: AccountContext;
  deps: AdminDeps;
  title: string;
  notice?: string | null;
  error?: string | null;
  children?: Child;
}) {
  return (
    <AdminLayout c={c} siteName={deps.settings.current().config.siteName} title={title}>
      <Message text={error} kind="error" />
      <Message text={notice} />
      {children}
    </AdminLayout>
  );
}

/** What a failed action tells the editor, and its status; anything unexpected is rethrown (500). */
export function failure(error: unknown): { message: string; status: 400 | 401 | 403 | 404 | 409 | 429 } {
  const status = statusOf(error);
  if (status === 500) throw error;
  return { message: (error as AppError).message, status };
}

/** The hidden CSRF field of the viewer's session. */
export function csrfOf(c: AccountContext): string {
  return c.get('csrf')();
}
