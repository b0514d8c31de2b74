import type { Child } from 'hono/jsx';
import type { Actor } from '../../admin/people.js';
import { pathId } from '../../lib/input-checks.js';
import type { AppError } from '../../lib/errors.js';
import type { AccountContext } from '../auth/context.js';
import { CsrfField, Message } from '../discuss/layout.js';
import { statusOf } from '../discuss/shared.js';
import type { AdminDeps } from './deps.js';
import { AdminLayout } from './layout.js';

export { formFields } from '../discuss/shared.js';

/** What a console page shows above its content after an action. */
export interface Outcome {
  notice?: string | null;
  error?: string | null;
  status?: 200 | 400 | 403 | 404 | 409;
}

/** Renders a console page in the site's frame with the console navigation. */
export function consolePage(
  c: AccountContext,
  deps: AdminDeps,
  title: string,
  content: Child,
  outcome: Outcome = {},
) {
  return c.html(
    <AdminLayout c={c} siteName={deps.settings.current().config.siteName} title={title}>
      <Message text={outcome.notice} />
      <Message text={outcome.error} kind="error" />
      {content}
    </AdminLayout>,
    outcome.status ?? 200,
  );
}

/** The signed-in actor (the gate has let only staff through). */
export function actorOf(c: AccountContext): Exclude<Actor, null> {
  const viewer = c.get('viewer')!;
  return { id: viewer.id, role: viewer.role };
}

/**
 * Turns an operation's refusal into a page outcome (400/403/404/409 with its message); anything
 * else is a bug and goes to the app's error handler.
 */
export function outcomeOf(error: unknown): Outcome {
  const status = statusOf(error);
  if (status === 500 || status === 401 || status === 429) throw error;
  return { error: (error as AppError).message, status };
}

/** A positive integer path parameter: 404 when it is no number, 400 when no row can have it. */
export function idParam(c: AccountContext, name = 'id'): number {
  return pathId(c.req.param(name), name);
}

/** A POST form with the CSRF token; children are its fields and buttons. */
export function PostForm({
  c,
  action,
  children,
  class: className,
  enctype,
}: {
  c: AccountContext;
  action: string;
  children?: Child;
  class?: string;
  enctype?: 'multipart/form-data';
}) {
  return (
    <form method="post" action={action} class={className} enctype={enctype}>
      <CsrfField token={c.get('csrf')()} />
      {children}
    </form>
  );
}

/** The ids a field's control is described by: its error, then its hint. */
export function describedBy(name: string, error?: string, hint?: string): string | undefined {
  return (
    [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined
  );
}

/** A form field around its control (id `f-<name>`): the label, then the hint and error it is described by. */
export function FieldFrame({
  name,
  label,
  error,
  hint,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: Child;
}) {
  return (
    <p class="field">
      <label for={`f-${name}`}>{label}</label>
      {children}
      {hint ? (
        <small id={`${name}-hint`} class="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${name}-error`} class="field-error">
          {error}
        </small>
      ) : null}
    </p>
  );
}

/** A labelled input with its validation message tied to it for screen readers. */
export function Field({
  name,
  label,
  value,
  error,
  hint,
  type = 'text',
  attrs = {},
}: {
  name: string;
  label: string;
  value?: string | number | null;
  error?: string;
  hint?: string;
  type?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
}) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint}>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        value={value === null || value === undefined ? '' : String(value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, error, hint)}
        {...attrs}
      />
    </FieldFrame>
  );
}

/** A date and time as the console shows it (UTC, minutes). */
export function when(date: Date | null | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}
