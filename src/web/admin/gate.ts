import type { MiddlewareHandler } from 'hono';
import { hasRole } from '../../auth/roles.js';
import type { AccountEnv } from '../auth/context.js';

/** The one part of the console a moderator may open; everything else needs an editor. */
export const MODERATION_PATH = '/admin/moderation';

/**
 * Guards every `/admin` page and form: signed out → sign in and come back; a moderator reaches
 * moderation only; editors and admins reach everything; anyone else gets 403.
 */
export const adminGate = (): MiddlewareHandler<AccountEnv> =>
  async function adminGate(c, next) {
    const viewer = c.get('viewer');
    if (!viewer) {
      if (c.req.method !== 'GET') return c.text('Sign in first.', 401);
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    const moderation = c.req.path === MODERATION_PATH || c.req.path.startsWith(`${MODERATION_PATH}/`);
    const needed = moderation ? 'moderator' : 'editor';
    if (!hasRole(viewer.role, needed)) {
      c.header('Cache-Control', 'no-store');
      return c.text(`Only a${needed === 'editor' ? 'n' : ''} ${needed} can open this page.`, 403);
    }
    c.header('Cache-Control', 'no-store');
    await next();
  };
