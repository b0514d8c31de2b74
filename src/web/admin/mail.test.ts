import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../auth/accounts.js';
import { createUser } from '../../auth/users.js';
import type { Database } from '../../db/connect.js';
import { openTestDatabase } from '../../db/testing.js';
import { silentLogger } from '../../lib/log.js';
import { insertOutboxMail } from '../../store/mail.js';
import { TestClient, testApp, testConfig } from '../discuss/testing.js';

let database: Database;
let app: ReturnType<typeof testApp>;

async function as(role: 'admin' | 'editor' | 'moderator' | 'reader', ip: string): Promise<TestClient> {
  const client = new TestClient(app, ip);
  const signedIn = await client.post('/sign-in', {
    email: `${role}@example.com`,
    password: `${role}-password`,
  });
  expect(signedIn.status).toBe(303);
  return client;
}

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  app = testApp(database);
  const accounts = createAccounts({ config: testConfig(), database, logger: silentLogger() });
  for (const role of ['admin', 'editor', 'moderator', 'reader'] as const)
    await createUser(accounts, { email: `${role}@example.com`, password: `${role}-password`, role });
  await insertOutboxMail(database.db, {
    to: 'new.reader@example.com',
    subject: 'Confirm your address',
    body: 'Open http://localhost:3000/verify?token=abc123 to confirm <b>it</b>.',
    status: 'outbox',
  });
  await insertOutboxMail(database.db, {
    to: 'other@example.com',
    subject: 'Reset',
    body: 'x',
    status: 'failed',
    error: 'refused',
  });
});
afterAll(async () => database?.close());

describe('the outbox in the console', () => {
  it('shows an admin every message, newest first, links and all, and filters by address', async () => {
    const admin = await as('admin', '198.51.100.40');
    const response = await admin.get('/admin/mail');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toContain('<a href="/admin/mail"');
    expect(page).toContain('No SMTP server is set');
    expect(page).toContain('http://localhost:3000/verify?token=abc123');
    // Mail bodies are text: markup in them is shown, never rendered.
    expect(page).toContain('&lt;b&gt;it&lt;/b&gt;');
    expect(page.indexOf('Reset')).toBeLessThan(page.indexOf('Confirm your address'));
    expect(page).toContain('refused');
    const one = await (await admin.get('/admin/mail?to=NEW.reader%40example.com')).text();
    expect(one).toContain('Confirm your address');
    expect(one).not.toContain('<h2>Reset</h2>');
    const bad = await admin.get('/admin/mail?to=not-an-address');
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain('That is not an email address');
  });

  it.each([
    ['an editor', 'editor', 403, 'Only an admin can open this page.'],
    ['a moderator', 'moderator', 403, 'Only an editor can open this page.'],
    ['a reader', 'reader', 403, 'Only an editor can open this page.'],
  ] as const)('refuses %s, whose navigation does not offer it', async (_, role, status, text) => {
    const client = await as(role, `198.51.100.${41 + ['editor', 'moderator', 'reader'].indexOf(role)}`);
    const response = await client.get('/admin/mail');
    expect(response.status).toBe(status);
    const page = await response.text();
    expect(page).toBe(text);
    expect(page).not.toContain('abc123');
    if (role === 'editor')
      expect(await (await client.get('/admin')).text()).not.toContain('href="/admin/mail"');
  });

  it('sends a signed-out visitor to sign in first', async () => {
    const response = await new TestClient(app, '198.51.100.45').get('/admin/mail');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Fmail');
  });
});
