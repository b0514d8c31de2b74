import type { Child } from 'hono/jsx';
import type { Viewer } from '../auth/context.js';
import { CSRF_FIELD } from '../auth/csrf.js';

/** What every account and discussion page hands to the layout. */
export interface PageChrome {
  siteName: string;
  viewer: Viewer | null;
  csrf: string;
}

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/**
 * A minimal page shell for account and discussion pages; swap it for the reader site's layout once
 * that is merged (only this file renders <html>).
 */
export function Layout({ chrome, title, children }: { chrome: PageChrome; title: string; children?: Child }) {
  const { viewer } = chrome;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${chrome.siteName}`}</title>
      </head>
      <body>
        <header>
          <a href="/">{chrome.siteName}</a>{' '}
          <nav aria-label="Account">
            {viewer ? (
              <>
                <a href="/profile">{viewer.name}</a>
                {viewer.role !== 'reader' ? <a href="/moderation"> Moderation</a> : null}
                <form method="post" action="/sign-out" style="display:inline">
                  <CsrfField token={chrome.csrf} />
                  <button type="submit">Sign out</button>
                </form>
              </>
            ) : (
              <a href="/sign-in">Sign in</a>
            )}
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
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
