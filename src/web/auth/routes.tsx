import { Hono } from 'hono';
import { displayNameSchema } from '../../auth/account-fields.js';
import type { Accounts } from '../../auth/accounts.js';
import { setDisplayName } from '../../store/users.js';
import type { AccountContext, AccountEnv } from './context.js';
import { CLIENT_IP_HEADER, callAuth, redirectWithCookies, safeNext } from './forward.js';
import { EmailFormPage, NOTICES, ProfilePage, ResetPasswordPage, SignInPage, SignUpPage } from './pages.js';

/** Page chrome for the current request. */
export function chromeOf(c: AccountContext, siteName: string) {
  return { siteName, viewer: c.get('viewer'), csrf: c.get('csrf')(), frame: c.get('frame') };
}

async function form(c: AccountContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

function tooMany(retryAfter: number | null): string {
  return `Too many attempts. Try again in ${retryAfter ?? 60} seconds.`;
}

/**
 * Account pages (sign in and up, magic link, password reset, profile, sign out) and better-auth's own
 * endpoints under /api/auth. Needs `withAccounts` mounted before it.
 */
export function authRoutes(accounts: Accounts): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  // Read per request: an editor may rename the site in the console without a restart.
  const site = () => accounts.live().siteName;

  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    // better-auth keys its rate limits on this header; only we may set it.
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, c.get('ip'));
    return accounts.auth.handler(new Request(c.req.raw, { headers }));
  });

  app.get('/sign-in', (c) => {
    const notice = NOTICES[c.req.query('notice') ?? ''] ?? null;
    return c.html(
      <SignInPage chrome={chromeOf(c, site())} notice={notice} next={safeNext(c.req.query('next'))} />,
    );
  });

  app.post('/sign-in', async (c) => {
    const fields = await form(c);
    const next = safeNext(fields.next);
    const answer = await callAuth(accounts, c, '/sign-in/email', {
      email: fields.email ?? '',
      password: fields.password ?? '',
    });
    if (answer.status === 200) return redirectWithCookies(c, next, answer.cookies);
    // One message for an unknown address and a wrong password: no account enumeration.
    let error = 'Wrong email or password.';
    if (answer.status === 429) error = tooMany(answer.retryAfter);
    else if (answer.body.code === 'EMAIL_NOT_VERIFIED')
      error = 'Confirm your address first: we emailed you a link.';
    const status = answer.status === 429 ? 429 : 401;
    if (answer.retryAfter) c.header('Retry-After', String(answer.retryAfter));
    return c.html(
      <SignInPage chrome={chromeOf(c, site())} error={error} next={next} email={fields.email} />,
      status,
    );
  });

  app.get('/sign-up', (c) =>
    c.html(<SignUpPage chrome={chromeOf(c, site())} next={safeNext(c.req.query('next'))} />),
  );

  app.post('/sign-up', async (c) => {
    const fields = await form(c);
    const next = safeNext(fields.next);
    const name = (fields.name ?? '').trim().slice(0, 60);
    const answer = await callAuth(accounts, c, '/sign-up/email', {
      name,
      email: fields.email ?? '',
      password: fields.password ?? '',
    });
    if (answer.status === 200)
      return c.redirect(`/sign-in?notice=signed-up&next=${encodeURIComponent(next)}`, 303);
    let error = 'Check the form: a display name, a valid email and a password of 8 to 128 characters.';
    if (answer.status === 429) error = tooMany(answer.retryAfter);
    const page = (
      <SignUpPage chrome={chromeOf(c, site())} error={error} next={next} email={fields.email} name={name} />
    );
    return c.html(page, answer.status === 429 ? 429 : 400);
  });

  app.post('/sign-out', async (c) => {
    const answer = await callAuth(accounts, c, '/sign-out', null);
    return redirectWithCookies(c, '/sign-in?notice=signed-out', answer.cookies);
  });

  app.post('/sign-out-everywhere', async (c) => {
    if (!c.get('viewer')) return c.redirect('/sign-in', 303);
    await callAuth(accounts, c, '/revoke-sessions', null);
    const answer = await callAuth(accounts, c, '/sign-out', null);
    return redirectWithCookies(c, '/sign-in?notice=signed-out-everywhere', answer.cookies);
  });

  const magicTitle = { title: 'Email me a sign-in link', action: '/magic-link', button: 'Send link' };
  app.get('/magic-link', (c) =>
    c.html(
      <EmailFormPage chrome={chromeOf(c, site())} next={safeNext(c.req.query('next'))} {...magicTitle} />,
    ),
  );
  app.post('/magic-link', async (c) => {
    const fields = await form(c);
    const next = safeNext(fields.next);
    const answer = await callAuth(accounts, c, '/sign-in/magic-link', {
      email: fields.email ?? '',
      callbackURL: next,
    });
    const notice =
      answer.status === 200
        ? 'If the address is valid, a sign-in link is on its way. It works for 5 minutes.'
        : null;
    const error =
      answer.status === 429
        ? tooMany(answer.retryAfter)
        : answer.status === 200
          ? null
          : 'Enter a valid email address.';
    return c.html(
      <EmailFormPage
        chrome={chromeOf(c, site())}
        next={next}
        notice={notice}
        error={error}
        {...magicTitle}
      />,
    );
  });

  const forgotTitle = {
    title: 'Reset your password',
    action: '/forgot-password',
    button: 'Email me a reset link',
  };
  app.get('/forgot-password', (c) => c.html(<EmailFormPage chrome={chromeOf(c, site())} {...forgotTitle} />));
  app.post('/forgot-password', async (c) => {
    const fields = await form(c);
    const answer = await callAuth(accounts, c, '/request-password-reset', {
      email: fields.email ?? '',
      redirectTo: '/reset-password',
    });
    // The same answer whether or not the address has an account.
    const notice =
      answer.status === 200 ? 'If that address has an account, a reset link is on its way.' : null;
    const error =
      answer.status === 429
        ? tooMany(answer.retryAfter)
        : answer.status === 200
          ? null
          : 'Enter a valid email address.';
    return c.html(
      <EmailFormPage chrome={chromeOf(c, site())} notice={notice} error={error} {...forgotTitle} />,
    );
  });

  app.get('/reset-password', (c) => {
    const token = c.req.query('token') ?? '';
    const error = token ? null : 'This reset link is invalid or expired. Ask for a new one.';
    return c.html(<ResetPasswordPage chrome={chromeOf(c, site())} token={token} error={error} />);
  });
  app.post('/reset-password', async (c) => {
    const fields = await form(c);
    const answer = await callAuth(accounts, c, '/reset-password', {
      token: fields.token ?? '',
      newPassword: fields.password ?? '',
    });
    if (answer.status === 200) return c.redirect('/sign-in?notice=password-reset', 303);
    const error =
      'This reset link is invalid or expired, or the password is too short (8 characters at least).';
    return c.html(
      <ResetPasswordPage chrome={chromeOf(c, site())} token={fields.token ?? ''} error={error} />,
      400,
    );
  });

  // The profile shows the reader's own name and address: no cache may keep or share it.
  app.use('/profile', async (c, next) => {
    await next();
    c.header('Cache-Control', 'private, no-store');
  });
  app.get('/profile', (c) => {
    if (!c.get('viewer')) return c.redirect('/sign-in?next=/profile', 303);
    const notice = NOTICES[c.req.query('notice') ?? ''] ?? null;
    return c.html(<ProfilePage chrome={chromeOf(c, site())} notice={notice} />);
  });
  app.post('/profile', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect('/sign-in?next=/profile', 303);
    const name = ((await form(c)).name ?? '').trim();
    // The same limits as better-auth's update-user: 1 to 60 characters, no line breaks or controls.
    if (!displayNameSchema.safeParse(name).success) {
      return c.html(
        <ProfilePage
          chrome={chromeOf(c, site())}
          error="A display name has 1 to 60 characters on one line."
        />,
        400,
      );
    }
    await setDisplayName(accounts.db, viewer.id, name);
    return c.redirect('/profile?notice=profile-saved', 303);
  });

  return app;
}
