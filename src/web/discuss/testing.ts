import type { Hono } from 'hono';
import { testConfig } from '../../../test/config.js';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/connect.js';
import { silentLogger } from '../../lib/log.js';
import { createApp, type WebOptions } from '../app.js';

export { testConfig };

/** The whole web app over a test database. */
export function testApp(database: Database, overrides: Partial<Config> = {}, options: WebOptions = {}): Hono {
  return createApp({ config: testConfig(overrides), database, logger: silentLogger() }, options);
}

/** Where a test client sends requests: the app itself (`app.request()`) or a served one. */
export interface RequestTarget {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** A target that sends each request over a real socket to a served site, never following redirects. */
export function servedAt(base: string): RequestTarget {
  return { request: (path, init) => fetch(`${base}${path}`, { ...init, redirect: 'manual' }) };
}

/**
 * A cookie-keeping client over `app.request()` (or a served site), like one browser: `post` sends form
 * fields with the CSRF token it holds, and never follows redirects (tests look at them).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: RequestTarget,
    readonly ip = '203.0.113.7',
  ) {}

  get csrf(): string {
    return this.cookies.get('newsloom.csrf') ?? '';
  }

  /** GET a path; keeps the cookies it sets. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  /** POST form fields (plus the CSRF token unless `csrf: false`). */
  async post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    if (!this.csrf) await this.get('/sign-in');
    const body = new URLSearchParams(fields);
    if (options.csrf !== false && !('_csrf' in fields)) body.set('_csrf', this.csrf);
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      body: body.toString(),
    });
  }

  /** POST JSON (API clients). */
  async postJson(path: string, value: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(value),
    });
  }

  /** Signs up and signs in through the forms; returns the sign-in response. */
  async signUpAndIn(
    email: string,
    name = email.split('@')[0]!,
    password = 'correct horse battery',
  ): Promise<Response> {
    await this.post('/sign-up', { email, name, password });
    return this.post('/sign-in', { email, password });
  }

  /** Any request, with this client's address and cookies (and keeping the cookies it sets). */
  async send(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.ip);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(path, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
