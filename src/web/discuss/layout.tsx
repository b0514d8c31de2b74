import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Frame, Viewer } from '../auth/context.js';
import { CSRF_FIELD } from '../auth/csrf.js';

/** What every account and discussion page hands to the layout. */
export interface PageChrome {
  siteName: string;
  viewer: Viewer | null;
  csrf: string;
  /** The reader site's frame, when the site is mounted; otherwise the minimal shell below. */
  frame?: Frame | null;
}

/** Who is signed in, with profile, moderation and sign-out; the site's cached frame cannot carry this. */
export function AccountBar({ chrome }: { chrome: PageChrome }) {
  const { viewer } = chrome;
  return (
    <nav aria-label="Account" class="account-bar sans">
      {viewer ? (
        <>
          <a href="/profile">{viewer.name}</a>
          {viewer.role === 'moderator' ? (
            <>
              {' · '}
              <a href="/admin/moderation">Moderation</a>
            </>
          ) : viewer.role !== 'reader' ? (
            <>
              {' · '}
              <a href="/admin">Editor console</a>
            </>
          ) : null}{' '}
          <form method="post" action="/sign-out" class="inline">
            <CsrfField token={chrome.csrf} />
            <button type="submit">Sign out</button>
          </form>
        </>
      ) : (
        <a href="/sign-in">Sign in</a>
      )}
    </nav>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/**
 * The page around account and discussion content: the reader site's frame when mounted in the app,
 * else a minimal shell of our own. Always uncached: it shows who is signed in.
 */
export async function Layout({
  chrome,
  title,
  children,
}: {
  chrome: PageChrome;
  title: string;
  children?: Child;
}) {
  const content = (
    <div class="wrap">
      <AccountBar chrome={chrome} />
      {children}
    </div>
  );
  if (chrome.frame) return raw(await chrome.frame({ title, path: '/' }, content));
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · ${chrome.siteName}`}</title>
        </head>
        <body>
          <header>
            <a href="/">{chrome.siteName}</a>
          </header>
          <main>{content}</main>
        </body>
      </html>
    </>
  );
}

/** A notice or error line above a form. */
export function Message({ text, kind = 'notice' }: { text?: string | null; kind?: 'notice' | 'error' }) {
  if (!text) return null;
  return (
    <p role={kind === 'error' ? 'alert' : 'status'} class={kind}>
      {text}
    </p>
  );
}
