import { CsrfField, Layout, Message, type PageChrome } from '../discuss/layout.js';

/** Fixed notices selected by `?notice=`; a query string never puts its own text on the page. */
export const NOTICES: Record<string, string> = {
  'signed-up':
    'If that address was new, your account is ready: sign in below. If you already had an account, we emailed you.',
  'password-reset': 'Your password was changed. Sign in with the new one.',
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'Every session of your account was signed out.',
  'profile-saved': 'Your profile was saved.',
};

type FormProps = {
  chrome: PageChrome;
  error?: string | null;
  notice?: string | null;
  next?: string;
  email?: string;
};

/** The sign-in form (email and password), with the magic-link and reset links. */
export function SignInPage({ chrome, error, notice, next = '/', email = '' }: FormProps) {
  return (
    <Layout chrome={chrome} title="Sign in">
      <h1>Sign in</h1>
      <Message text={notice} />
      <Message text={error} kind="error" />
      <form method="post" action="/sign-in">
        <CsrfField token={chrome.csrf} />
        <input type="hidden" name="next" value={next} />
        <p>
          <label>
            Email <input type="email" name="email" required autocomplete="email" value={email} />
          </label>
        </p>
        <p>
          <label>
            Password <input type="password" name="password" required autocomplete="current-password" />
          </label>
        </p>
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
      <p>
        <a href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</a> ·{' '}
        <a href={`/magic-link?next=${encodeURIComponent(next)}`}>Email me a sign-in link</a> ·{' '}
        <a href="/forgot-password">Forgot your password?</a>
      </p>
    </Layout>
  );
}

/** The sign-up form. */
export function SignUpPage({
  chrome,
  error,
  next = '/',
  email = '',
  name = '',
}: FormProps & { name?: string }) {
  return (
    <Layout chrome={chrome} title="Create an account">
      <h1>Create an account</h1>
      <Message text={error} kind="error" />
      <form method="post" action="/sign-up">
        <CsrfField token={chrome.csrf} />
        <input type="hidden" name="next" value={next} />
        <p>
          <label>
            Display name <input name="name" required maxlength={60} value={name} autocomplete="nickname" />
          </label>
        </p>
        <p>
          <label>
            Email <input type="email" name="email" required autocomplete="email" value={email} />
          </label>
        </p>
        <p>
          <label>
            Password (at least 8 characters){' '}
            <input type="password" name="password" required minlength={8} autocomplete="new-password" />
          </label>
        </p>
        <p>
          <button type="submit">Create account</button>
        </p>
      </form>
      <p>
        <a href={`/sign-in?next=${encodeURIComponent(next)}`}>I have an account</a>
      </p>
    </Layout>
  );
}

/** A one-field email form (magic link, password reset request) and its generic answer. */
export function EmailFormPage(props: FormProps & { title: string; action: string; button: string }) {
  const { chrome, error, notice, next = '/', title, action, button } = props;
  return (
    <Layout chrome={chrome} title={title}>
      <h1>{title}</h1>
      <Message text={notice} />
      <Message text={error} kind="error" />
      <form method="post" action={action}>
        <CsrfField token={chrome.csrf} />
        <input type="hidden" name="next" value={next} />
        <p>
          <label>
            Email <input type="email" name="email" required autocomplete="email" />
          </label>
        </p>
        <p>
          <button type="submit">{button}</button>
        </p>
      </form>
    </Layout>
  );
}

/** The new-password form reached from the reset mail. */
export function ResetPasswordPage({ chrome, error, token }: FormProps & { token: string }) {
  return (
    <Layout chrome={chrome} title="Choose a new password">
      <h1>Choose a new password</h1>
      <Message text={error} kind="error" />
      <form method="post" action="/reset-password">
        <CsrfField token={chrome.csrf} />
        <input type="hidden" name="token" value={token} />
        <p>
          <label>
            New password{' '}
            <input type="password" name="password" required minlength={8} autocomplete="new-password" />
          </label>
        </p>
        <p>
          <button type="submit">Save password</button>
        </p>
      </form>
    </Layout>
  );
}

/** The profile page: display name, and sign-out everywhere. */
export function ProfilePage({ chrome, error, notice }: FormProps) {
  const viewer = chrome.viewer!;
  return (
    <Layout chrome={chrome} title="Your profile">
      <h1>Your profile</h1>
      <Message text={notice} />
      <Message text={error} kind="error" />
      <p>
        Signed in as {viewer.email} ({viewer.role}).
      </p>
      <form method="post" action="/profile">
        <CsrfField token={chrome.csrf} />
        <p>
          <label>
            Display name <input name="name" required maxlength={60} value={viewer.name} />
          </label>
        </p>
        <p>
          <button type="submit">Save</button>
        </p>
      </form>
      <form method="post" action="/sign-out-everywhere">
        <CsrfField token={chrome.csrf} />
        <p>
          <button type="submit">Sign out everywhere</button>
        </p>
      </form>
    </Layout>
  );
}
