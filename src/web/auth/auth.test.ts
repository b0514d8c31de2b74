import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.js';
import { openTestDatabase } from '../../db/testing.js';
import { listOutboxMail } from '../../store/mail.js';
import { userByEmail } from '../../store/users.js';
import { TestClient, testApp } from '../discuss/testing.js';

let database: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  app = testApp(database);
});
afterAll(async () => database?.close());

describe('accounts through the forms', () => {
  it('signs up, signs in with a new session id, shows the profile, signs out', async () => {
    const client = new TestClient(app, '198.51.100.1');
    const up = await client.post('/sign-up', {
      email: 'Ada@Example.com',
      name: 'Ada',
      password: 'analytical engine',
    });
    expect(up.status).toBe(303);
    expect(up.headers.get('location')).toContain('/sign-in?notice=signed-up');
    expect(client.cookies.has('newsloom.session_token')).toBe(false);

    const signIn = await client.post('/sign-in', {
      email: 'ada@example.com',
      password: 'analytical engine',
      next: '/profile',
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/profile');
    const cookie = signIn.headers.getSetCookie().find((line) => line.startsWith('newsloom.session_token='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const first = client.cookies.get('newsloom.session_token');

    const profile = await client.get('/profile');
    expect(await profile.text()).toContain('Signed in as ada@example.com (reader)');

    // Signing in again (same browser) mints a new session token: a planted one is never reused.
    await client.post('/sign-in', { email: 'ada@example.com', password: 'analytical engine' });
    expect(client.cookies.get('newsloom.session_token')).not.toBe(first);

    const out = await client.post('/sign-out', {});
    expect(out.status).toBe(303);
    expect(client.cookies.has('newsloom.session_token')).toBe(false);
    expect((await client.get('/profile')).status).toBe(303);
  });

  it('signs out every session of an account', async () => {
    const laptop = new TestClient(app, '198.51.100.9');
    const phone = new TestClient(app, '198.51.100.10');
    await laptop.post('/sign-up', { email: 'two@example.com', name: 'Two', password: 'two devices' });
    await laptop.post('/sign-in', { email: 'two@example.com', password: 'two devices' });
    await phone.post('/sign-in', { email: 'two@example.com', password: 'two devices' });
    expect((await phone.get('/profile')).status).toBe(200);
    expect((await laptop.post('/sign-out-everywhere', {})).status).toBe(303);
    expect((await phone.get('/profile')).status).toBe(303);
    expect((await laptop.get('/profile')).status).toBe(303);
  });

  it('answers a taken address exactly like a new one, and mails the owner', async () => {
    const client = new TestClient(app, '198.51.100.2');
    const fields = { email: 'taken@example.com', name: 'T', password: 'first password' };
    const fresh = await client.post('/sign-up', fields);
    const again = await client.post('/sign-up', { ...fields, password: 'other password' });
    expect(again.status).toBe(fresh.status);
    expect(again.headers.get('location')).toBe(fresh.headers.get('location'));
    const mail = await listOutboxMail(database.db, { to: 'taken@example.com' });
    expect(mail.map((m) => m.subject)).toContainEqual(expect.stringContaining('tried to sign up'));
  });

  it('says the same for an unknown address and a wrong password', async () => {
    const client = new TestClient(app, '198.51.100.3');
    await client.post('/sign-up', { email: 'known@example.com', name: 'K', password: 'right password' });
    const unknown = await client.post('/sign-in', { email: 'nobody@example.com', password: 'whatever1' });
    const wrong = await client.post('/sign-in', { email: 'known@example.com', password: 'wrong password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const text = (response: string) => response.replace(/value="[^"]*"/g, '');
    expect(text(await unknown.text())).toBe(text(await wrong.text()));
  });

  it('rate-limits sign-in per client address with Retry-After', async () => {
    const client = new TestClient(app, '198.51.100.4');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await client.post('/sign-in', { email: `x${i}@example.com`, password: `guess-${i}-xx` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another client address is not affected.
    const other = new TestClient(app, '198.51.100.5');
    expect((await other.post('/sign-in', { email: 'x0@example.com', password: 'guess-x-xx' })).status).toBe(
      401,
    );
  });

  it('backs off a client that keeps failing on one account, never the account for everyone, then resets', async () => {
    // Room in the per-address rate limit, so what holds the guesser back here is the back-off.
    const roomy = testApp(database, { signInPerMinute: 100 });
    const owner = new TestClient(roomy, '198.51.100.40');
    await owner.post('/sign-up', { email: 'target@example.com', name: 'T', password: 'the real one' });
    const guesser = new TestClient(roomy, '198.51.100.50');
    for (let i = 0; i < 5; i++) {
      expect(
        (await guesser.post('/sign-in', { email: 'target@example.com', password: `guess ${i}` })).status,
      ).toBe(401);
    }
    // The guesser is held back on this account, the right password included, with Retry-After...
    const held = await guesser.post('/sign-in', { email: 'Target@example.com', password: 'the real one' });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await held.text()).toContain('Too many attempts');
    // ...while the owner, elsewhere, signs in: failing on purpose locks nobody else out.
    expect(
      (await owner.post('/sign-in', { email: 'target@example.com', password: 'the real one' })).status,
    ).toBe(303);
    // An unknown address backs off the same way: the back-off reveals no accounts.
    const prober = new TestClient(roomy, '198.51.100.70');
    for (let i = 0; i < 5; i++)
      await prober.post('/sign-in', { email: 'ghost@example.com', password: `g ${i}` });
    expect((await prober.post('/sign-in', { email: 'ghost@example.com', password: 'x' })).status).toBe(429);
    const guesserKey = () =>
      database.db
        .selectFrom('sign_in_failures')
        .select('failures')
        .where('key', '=', 'target@example.com 198.51.100.50')
        .executeTakeFirst();
    expect(await guesserKey()).toEqual({ failures: 5 });
    // After the hold, the right password works and clears the count.
    await database.db
      .updateTable('sign_in_failures')
      .set({ locked_until: new Date(0) })
      .execute();
    expect(
      (await guesser.post('/sign-in', { email: 'target@example.com', password: 'the real one' })).status,
    ).toBe(303);
    expect(await guesserKey()).toBeUndefined();
  });

  it('refuses a form without the CSRF token, and a cross-site Origin', async () => {
    const client = new TestClient(app, '198.51.100.6');
    await client.get('/sign-in');
    const noToken = await client.post(
      '/sign-up',
      { email: 'c@example.com', name: 'C', password: 'password123' },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    const forged = await client.post('/sign-up', {
      email: 'c@example.com',
      name: 'C',
      password: 'password123',
      _csrf: 'x'.repeat(32),
    });
    expect(forged.status).toBe(403);
    const crossSite = await client.post(
      '/sign-up',
      { email: 'c@example.com', name: 'C', password: 'password123' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(crossSite.status).toBe(403);
    expect(await userByEmail(database.db, 'c@example.com')).toBeUndefined();
  });

  it('sends magic links and reset links to the outbox, and resets the password', async () => {
    const client = new TestClient(app, '198.51.100.7');
    await client.post('/sign-up', { email: 'reset@example.com', name: 'R', password: 'old password' });
    const known = await client.post('/forgot-password', { email: 'reset@example.com' });
    const unknown = await client.post('/forgot-password', { email: 'ghost@example.com' });
    expect(await known.text()).toContain('If that address has an account');
    expect(await unknown.text()).toContain('If that address has an account');
    const [mail] = await listOutboxMail(database.db, { to: 'reset@example.com' });
    const link = /http\S+/.exec(mail!.body)![0];
    const reset = await client.get(new URL(link).pathname + new URL(link).search);
    expect(reset.status).toBe(302);
    const token = new URL(reset.headers.get('location')!, 'http://localhost:3000').searchParams.get('token')!;
    expect((await client.post('/reset-password', { token, password: 'new password' })).status).toBe(303);
    expect(
      (await client.post('/sign-in', { email: 'reset@example.com', password: 'new password' })).status,
    ).toBe(303);

    await client.post('/magic-link', { email: 'reset@example.com' });
    const [magic] = await listOutboxMail(database.db, { to: 'reset@example.com' });
    expect(magic!.subject).toContain('Sign in');
  });

  it('marks the session cookie Secure when the site is served over https', async () => {
    const secureApp = testApp(database, { siteUrl: 'https://news.example' });
    const client = new TestClient(secureApp, '198.51.100.8');
    await client.post('/sign-up', { email: 's@example.com', name: 'S', password: 'password123' });
    const response = await client.post('/sign-in', { email: 's@example.com', password: 'password123' });
    const cookie = response.headers.getSetCookie().find((line) => line.includes('session_token='))!;
    expect(cookie).toMatch(/^__Secure-newsloom\.session_token=.*HttpOnly.*Secure.*SameSite=Lax|Secure/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
  });
});
