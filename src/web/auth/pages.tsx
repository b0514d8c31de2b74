import type { Child } from 'hono/jsx';
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

/** A labelled field on its own line. */
function Field({ label, children }: { label: string; children: Child }) {
  return (
    <p>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: every caller passes its input as the child */}
      <label>
        {label} {children}
      </label>
    </p>
  );
}

function EmailField({ value }: { value?: string }) {
  return (
    <Field label="Email">
      <input type="email" name="email" required autocomplete="email" value={value} />
    </Field>
  );
}

/** A form that posts with the CSRF token and an optional hidden field (next, token). */
function TokenForm(props: {
  chrome: PageChrome;
  action: string;
  hidden?: [string, string];
  button: string;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.chrome.csrf} />
      {props.hidden ? <input type="hidden" name={props.hidden[0]} value={props.hidden[1]} /> : null}
      {props.children}
      <p>
        <button type="submit">{props.button}</button>
      </p>
    </form>
  );
}

/** The page frame with its heading, notice and error. */
function FormPage(props: {
  chrome: PageChrome;
  title: string;
  notice?: string | null;
  error?: string | null;
  children: Child;
}) {
  return (
    <Layout chrome={props.chrome} title={props.title}>
      <h1>{props.title}</h1>
      <Message text={props.notice} />
      <Message text={props.error} kind="error" />
      {props.children}
    </Layout>
  );
}

/** The sign-in form (email and password), with the magic-link and reset links. */
export function SignInPage({ chrome, error, notice, next = '/', email = '' }: FormProps) {
  return (
    <FormPage chrome={chrome} title="Sign in" notice={notice} error={error}>
      <TokenForm chrome={chrome} action="/sign-in" hidden={['next', next]} button="Sign in">
        <EmailField value={email} />
        <Field label="Password">
          <input type="password" name="password" required autocomplete="current-password" />
        </Field>
      </TokenForm>
      <p>
        <a href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</a> ·{' '}
        <a href={`/magic-link?next=${encodeURIComponent(next)}`}>Email me a sign-in link</a> ·{' '}
        <a href="/forgot-password">Forgot your password?</a>
      </p>
    </FormPage>
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
    <FormPage chrome={chrome} title="Create an account" error={error}>
      <TokenForm chrome={chrome} action="/sign-up" hidden={['next', next]} button="Create account">
        <Field label="Display name">
          <input name="name" required maxlength={60} value={name} autocomplete="nickname" />
        </Field>
        <EmailField value={email} />
        <Field label="Password (at least 8 characters)">
          <input type="password" name="password" required minlength={8} autocomplete="new-password" />
        </Field>
      </TokenForm>
      <p>
        <a href={`/sign-in?next=${encodeURIComponent(next)}`}>I have an account</a>
      </p>
    </FormPage>
  );
}

/** A one-field email form (magic link, password reset request) and its generic answer. */
export function EmailFormPage(props: FormProps & { title: string; action: string; button: string }) {
  const { chrome, error, notice, next = '/', title, action, button } = props;
  return (
    <FormPage chrome={chrome} title={title} notice={notice} error={error}>
      <TokenForm chrome={chrome} action={action} hidden={['next', next]} button={button}>
        <EmailField />
      </TokenForm>
    </FormPage>
  );
}

/** The new-password form reached from the reset mail. */
export function ResetPasswordPage({ chrome, error, token }: FormProps & { token: string }) {
  return (
    <FormPage chrome={chrome} title="Choose a new password" error={error}>
      <TokenForm chrome={chrome} action="/reset-password" hidden={['token', token]} button="Save password">
        <Field label="New password">
          <input type="password" name="password" required minlength={8} autocomplete="new-password" />
        </Field>
      </TokenForm>
    </FormPage>
  );
}

/** The profile page: display name, and sign-out everywhere. */
export function ProfilePage({ chrome, error, notice }: FormProps) {
  const viewer = chrome.viewer!;
  return (
    <FormPage chrome={chrome} title="Your profile" notice={notice} error={error}>
      <p>
        Signed in as {viewer.email} ({viewer.role}).
      </p>
      <TokenForm chrome={chrome} action="/profile" button="Save">
        <Field label="Display name">
          <input name="name" required maxlength={60} value={viewer.name} />
        </Field>
      </TokenForm>
      <TokenForm chrome={chrome} action="/sign-out-everywhere" button="Sign out everywhere" />
    </FormPage>
  );
}
