import type { Context, MiddlewareHandler } from 'hono';
import { jsonProblem, textProblem } from '../../lib/input-checks.js';

/** Why the address itself is unusable (a control character, broken percent-encoding), or null. */
export function urlProblem(rawUrl: string): string | null {
  const url = new URL(rawUrl);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'the address has a malformed percent-encoding';
  }
  // Line breaks and tabs have no place in an address either: only a form body may carry them.
  const inPath = textProblem(path, { lineBreaks: false });
  if (inPath) return `the address ${inPath}`;
  for (const [name, value] of url.searchParams) {
    const problem = textProblem(name, { lineBreaks: false }) ?? textProblem(value, { lineBreaks: false });
    if (problem) return `the query parameter "${name.slice(0, 40)}" ${problem}`;
  }
  return null;
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Why a form body is unusable: a field (name or text) with a control character, or null. */
async function formProblem(c: Context): Promise<string | null> {
  let fields: Record<string, unknown>;
  try {
    fields = await c.req.parseBody({ all: true });
  } catch {
    return 'the form body cannot be read';
  }
  for (const [name, value] of Object.entries(fields)) {
    const problem = textProblem(name, { lineBreaks: false });
    if (problem) return `a form field name ${problem}`;
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = typeof item === 'string' ? textProblem(item) : null;
      if (text) return `the field "${name.slice(0, 40)}" ${text}`;
    }
  }
  return null;
}

function refuse(c: Context, message: string): Response {
  const sentence = `Bad request: ${message}.`;
  const headers = { 'Cache-Control': 'no-store' };
  if (c.req.path.startsWith('/api/'))
    return c.json({ error: { code: 'invalid_input', message: sentence } }, 400, headers);
  return c.text(sentence, 400, headers);
}

/**
 * Checks what every route reads before any route reads it: the path and query, form fields and
 * JSON bodies carry no NUL or other control character (line breaks and tabs are fine in bodies),
 * and JSON nests no deeper than parsers and validators can take. Answers 400 with the reason.
 * Runs after the body limit, so what it reads is small.
 */
export const guardInput = (): MiddlewareHandler =>
  async function guardInput(c, next) {
    const inUrl = urlProblem(c.req.url);
    if (inUrl) return refuse(c, inUrl);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = mediaType(c);
    if (type === 'application/json' || type.endsWith('+json')) {
      const text = await c.req.text();
      // Later readers (better-auth's handler) take the raw request: give it the body back.
      c.req.raw = new Request(c.req.raw, { body: text });
      const problem = jsonProblem(text);
      if (problem) return refuse(c, problem);
    } else if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
      const problem = await formProblem(c);
      if (problem) return refuse(c, problem);
    }
    return next();
  };
