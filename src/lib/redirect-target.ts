/** The longest redirect target we follow; real ones are a path and a short query. */
const MAX_TARGET = 2000;

// Any C0 control or DEL: URL parsers drop tabs and newlines, so `/\t/host` would become `//host`.
const CONTROL = /[\u0000-\u001f\u007f]/;
const BASE = 'http://redirect.invalid';

/**
 * The same-origin path a `return`, `next`, `backTo` or `callbackURL` value names, normalised the
 * way a browser resolves it, or null when it could lead anywhere else: `//host`, `/\host`,
 * `/.//host`, `/a/..//host`, `/\t/host`, a scheme, a control character or a backslash anywhere.
 */
export function localPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_TARGET) return null;
  if (!value.startsWith('/') || CONTROL.test(value) || value.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  // Dot segments collapse before the browser reads the authority: `/.//host` resolves to `//host`.
  if (url.origin !== BASE || url.pathname.startsWith('//')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A same-origin path to go to after a form, or `fallback` when the value is missing or unsafe. */
export function redirectTarget(value: unknown, fallback = '/'): string {
  return localPath(value) ?? fallback;
}
