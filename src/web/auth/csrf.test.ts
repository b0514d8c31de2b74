import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../lib/log.js';
import type { AccountEnv } from './context.js';
import { csrfProtection } from './csrf.js';

function app(siteUrl: string) {
  const logger = silentLogger();
  const warn = vi.spyOn(logger, 'warn');
  const hono = new Hono<AccountEnv>();
  hono.use(csrfProtection({ siteUrl, logger }));
  hono.post('/comment', (c) => c.text('ok'));
  const post = (url: string, headers: Record<string, string>) =>
    hono.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
  return { post, warn };
}

describe('csrfProtection', () => {
  it.each([
    ['the site URL', 'http://localhost:3400/comment', 'http://localhost:3400'],
    ['the address the request came to', 'http://127.0.0.1:3400/comment', 'http://127.0.0.1:3400'],
  ])('accepts a request whose Origin is %s', async (_, url, origin) => {
    const { post, warn } = app('http://localhost:3400');
    expect((await post(url, { origin })).status).toBe(200);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses another origin, logs the origin it got and the one it expected, and says how to fix it', async () => {
    const { post, warn } = app('http://localhost:3000');
    const response = await post('http://internal:8080/comment', { origin: 'https://news.example' });
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toMatch(/^Forbidden: cross-site request/);
    expect(page).toContain(
      "sent from https://news.example, but this site's address is http://localhost:3000",
    );
    expect(page).toContain(
      'set NEWSLOOM_SITE_URL=https://news.example (or "siteUrl" in newsloom.config.json)',
    );
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        origin: 'https://news.example',
        expected: 'http://localhost:3000',
        path: '/comment',
      }),
      expect.stringContaining('request refused'),
    );
  });

  it('refuses what the browser calls cross-site even without an Origin, and logs it', async () => {
    const { post, warn } = app('http://localhost:3000');
    const response = await post('http://localhost:3000/comment', { 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('sent from another site');
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        origin: null,
        expected: 'http://localhost:3000',
        sec_fetch_site: 'cross-site',
      }),
      expect.any(String),
    );
  });
});
