import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../auth/roles.js';
import type { AccountEnv, Viewer } from '../auth/context.js';
import { adminGate } from './gate.js';
import { ADMIN_NAV } from './layout.js';

function appAs(role: Role | null): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  app.use('*', async (c, next) => {
    const viewer: Viewer | null = role
      ? { id: 'u1', name: 'U', email: 'u@example.test', role, created_at: new Date() }
      : null;
    c.set('viewer', viewer);
    await next();
  });
  app.use('/admin', adminGate());
  app.use('/admin/*', adminGate());
  app.all('/admin', (c) => c.text('ok'));
  app.all('/admin/*', (c) => c.text('ok'));
  return app;
}

const PAGES = ADMIN_NAV.map((entry) => entry.href);

describe('admin gate', () => {
  it('sends a signed-out visitor to sign in and back', async () => {
    const response = await appAs(null).request('/admin/stories');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Fstories');
    expect((await appAs(null).request('/admin/stories', { method: 'POST' })).status).toBe(401);
  });

  it('refuses a reader every console page and form', async () => {
    for (const path of PAGES) {
      for (const method of ['GET', 'POST']) {
        const response = await appAs('reader').request(path, { method });
        expect(response.status, `${method} ${path}`).toBe(403);
      }
    }
  });

  it('lets a moderator reach moderation only', async () => {
    for (const path of PAGES) {
      const status = (await appAs('moderator').request(path)).status;
      expect(status, path).toBe(path.startsWith('/admin/moderation') ? 200 : 403);
    }
    expect(
      (await appAs('moderator').request('/admin/moderation/comments/3', { method: 'POST' })).status,
    ).toBe(200);
    expect((await appAs('moderator').request('/admin/moderationx')).status).toBe(403);
  });

  it('lets editors and admins reach everything, never cached', async () => {
    for (const role of ['editor', 'admin'] as const) {
      for (const path of PAGES) {
        const response = await appAs(role).request(path);
        expect(response.status, `${role} ${path}`).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
    }
  });
});
