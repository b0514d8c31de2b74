import { z } from 'zod';
import { AppError } from './errors.js';

/** The largest id the database's integer columns hold (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/** How deep a JSON body may nest; ours nest three levels, better-auth's two. */
export const MAX_JSON_DEPTH = 32;

// C0 controls and DEL, and the same without tab, line feed and carriage return.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Why a piece of text cannot be taken (it holds a NUL or another control character), or null.
 * PostgreSQL refuses NUL in text outright; the other controls only hide text from readers.
 */
export function textProblem(text: string, { lineBreaks = true } = {}): string | null {
  const pattern = lineBreaks ? CONTROL_BUT_BREAKS : CONTROL;
  const found = pattern.exec(text);
  if (!found) return null;
  const code = found[0].charCodeAt(0).toString(16).padStart(4, '0');
  return `contains a control character (U+${code.toUpperCase()})`;
}

/** The deepest nesting of arrays and objects in JSON text, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return deepest;
}

function stringProblem(value: unknown): string | null {
  if (typeof value === 'string') return textProblem(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = stringProblem(item);
      if (problem) return problem;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key, { lineBreaks: false }) ?? stringProblem(item);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * Why a JSON body cannot be taken, or null: nested deeper than MAX_JSON_DEPTH (checked before
 * parsing, so no parser or validator recurses that far), not JSON, or a string with a control
 * character. An empty body is fine: the route decides whether it needs one.
 */
export function jsonProblem(text: string): string | null {
  if (text.trim() === '') return null;
  if (jsonDepth(text) > MAX_JSON_DEPTH) return `the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'the body is not valid JSON';
  }
  const problem = stringProblem(value);
  return problem ? `a JSON string ${problem}` : null;
}

/** A database id: a whole number from 1 to MAX_ID, with a message that says so. */
export function idSchema(what = 'id') {
  return z
    .number({ error: `${what} must be a whole number between 1 and ${MAX_ID}` })
    .int(`${what} must be a whole number between 1 and ${MAX_ID}`)
    .min(1, `${what} must be a whole number between 1 and ${MAX_ID}`)
    .max(MAX_ID, `${what} must be a whole number between 1 and ${MAX_ID}`);
}

/** Reads an id from text (a path segment, a form field); null when it is not one. */
export function parseId(text: string | undefined): number | null {
  if (text === undefined || !/^[0-9]{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_ID ? id : null;
}

/**
 * The id a path segment names: not_found when the segment is no number at all (as for any unknown
 * address), invalid_input when it is a number no row can have (0, or beyond MAX_ID).
 */
export function pathId(text: string | undefined, what = 'id'): number {
  if (text === undefined || !/^[0-9]+$/.test(text)) throw new AppError('not_found', `no such ${what}`);
  const id = parseId(text);
  if (id === null)
    throw new AppError('invalid_input', `${what} must be a whole number between 1 and ${MAX_ID}`);
  return id;
}
