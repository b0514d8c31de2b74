import { decodeHTMLStrict } from 'entities';
import { htmlToText, normalizeText } from '../html-text.js';
import { elements, hasElements, textOf, type XmlChild, type XmlNode } from './xml-tree.js';

/** A text-bearing element read as both HTML and plain text. */
export interface TextValue {
  /** HTML of the value, unsanitized; plain text is escaped into paragraphs. */
  html: string;
  /** Plain text: entities decoded, tags removed, one paragraph per line. */
  text: string;
  /** The `xml:base` relative links inside the HTML resolve against, when the feed declared one. */
  base: string | null;
}

type Kind = 'text' | 'html' | 'xhtml' | 'binary';

// A tag or an entity reference: plain text carrying either is read as HTML, so no markup reaches
// a text field (feeds put HTML in "text" titles; double-escaped titles are common).
const LOOKS_LIKE_MARKUP = /<\/?[a-z][\w:-]*(\s[^<>]*)?\/?>|&(#\d+|#x[\da-f]+|[a-z][\da-z]*);/i;
// Tags, raw or escaped, left in the text of HTML: the HTML was escaped twice (`&amp;lt;p&amp;gt;`)
// when every one of them is an HTML element; other names are code shown in the article (`<errors>`).
const TAG_IN_TEXT = /(?:<|&lt;)(\/?)([a-z][\w:-]*)(?=[\s/>&])|(?:<|&lt;)!--/gi;
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b bdi bdo big blockquote body br button canvas caption center ' +
    'cite code col colgroup dd del details dfn div dl dt em embed fieldset figcaption figure font footer form ' +
    'h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark meta ' +
    'nav noscript object ol optgroup option p param picture pre q s samp script section select small source ' +
    'span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title ' +
    'tr track tt u ul var video wbr'
  ).split(' '),
);

/** Whether text read from HTML still shows HTML tags (raw or escaped): its HTML was escaped twice. */
export function showsHtmlTags(text: string): boolean {
  let found = false;
  for (const match of text.matchAll(TAG_IN_TEXT)) {
    if (match[2] !== undefined && !HTML_ELEMENTS.has(match[2].toLowerCase())) return false;
    found = true;
  }
  return found;
}
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);

/** The kind a `type` attribute names (Atom 1.0 keywords or Atom 0.3 / RSS MIME types). */
function kindOf(type: string | undefined, fallback: Kind): Kind {
  if (!type) return fallback;
  const t = type.trim().toLowerCase().split(';')[0]!;
  if (t === 'text' || t === 'plain' || t === 'text/plain') return 'text';
  if (t === 'html' || t === 'text/html') return 'html';
  if (t === 'xhtml' || t === 'application/xhtml+xml') return 'xhtml';
  if (t.startsWith('text/')) return 'text';
  if (t.endsWith('+xml') || t.endsWith('/xml')) return 'xhtml';
  return 'binary';
}

/**
 * Reads a text construct (title, summary, content, description…). `fallback` is the format's
 * default type for the element: text for Atom titles, HTML for RSS descriptions. Handles Atom 0.3
 * `mode="escaped|base64|xml"`, inline XHTML (with or without its wrapping div), markup left
 * unescaped in RSS, and base64 bodies. Returns null when the element holds no text.
 */
export function readText(node: XmlNode, fallback: 'text' | 'html' | 'xhtml'): TextValue | null {
  // Atom 0.3 multipart/alternative: the same content in several types; the HTML one reads best.
  const parts = elements(node, 'content');
  if (parts.length > 0 && node.attrs.type?.trim().toLowerCase().startsWith('multipart/')) {
    const best = parts.find((p) => kindOf(p.attrs.type, 'text') === 'html') ?? parts[0]!;
    return readText(best, 'text');
  }
  let kind = kindOf(node.attrs.type, fallback);
  const mode = node.attrs.mode?.trim().toLowerCase();
  let html: string;
  if (mode === 'base64' || (kind === 'binary' && !hasElements(node))) {
    const decoded = decodeBase64(textOf(node));
    if (decoded === null) return null;
    if (kind === 'binary') kind = LOOKS_LIKE_MARKUP.test(decoded) ? 'html' : 'text';
    html = kind === 'text' ? textToHtml(decoded) : decoded;
  } else if (hasElements(node)) {
    // Markup inside the element: XHTML as Atom intends, or HTML a feed forgot to escape.
    html = serialize(unwrapDiv(node.children));
  } else {
    const raw = textOf(node);
    if (kind === 'text' && !LOOKS_LIKE_MARKUP.test(raw)) {
      // Plain text needs no HTML parse: most titles take this way.
      const text = normalizeText(raw);
      return text === '' ? null : { html: textToHtml(raw), text, base: node.declaredBase ? node.base : null };
    }
    html = raw;
  }
  let text = htmlToText(html);
  // Double-escaped HTML (`&amp;lt;p&amp;gt;`) reads as markup once decoded: decode it once more.
  for (let pass = 0; pass < 2 && showsHtmlTags(text); pass++) {
    html = decodeHTMLStrict(html);
    text = htmlToText(html);
  }
  if (text === '') return null;
  return { html: html.trim(), text, base: node.declaredBase ? node.base : null };
}

/** One line of plain text from a text construct (titles, names), or null. */
export function readLine(node: XmlNode | undefined, fallback: 'text' | 'html' = 'text'): string | null {
  if (!node) return null;
  const value = readText(node, fallback);
  return value ? oneLine(value.text) : null;
}

/** Plain text from a string that may carry markup or entities (JSON Feed fields, author names). */
export function plainText(value: string): string {
  return LOOKS_LIKE_MARKUP.test(value) ? htmlToText(value) : normalizeText(value);
}

/** Text folded onto one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Escapes plain text into HTML paragraphs (blank lines separate them). */
export function textToHtml(plain: string): string {
  return plain
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('');
}

function decodeBase64(value: string): string | null {
  if (!BASE64.test(value)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value.replace(/\s+/g, ''), 'base64'));
  } catch {
    return null;
  }
}

/** Drops the one `<div>` Atom XHTML content is wrapped in, when everything sits inside it. */
function unwrapDiv(children: XmlChild[]): XmlChild[] {
  const meaningful = children.filter((c) => typeof c !== 'string' || c.trim() !== '');
  const only = meaningful[0];
  if (meaningful.length === 1 && typeof only !== 'string' && only!.name === 'div') return only!.children;
  return children;
}

/** HTML of element children, prefixes dropped (`xhtml:p` → `p`). */
export function serialize(children: XmlChild[]): string {
  let out = '';
  for (const c of children) {
    if (typeof c === 'string') {
      out += escapeHtml(c);
      continue;
    }
    const attrs = Object.entries(c.attrs)
      .filter(([k]) => !k.startsWith('xmlns') && !k.startsWith('xml:'))
      .map(([k, v]) => ` ${k.slice(k.indexOf(':') + 1)}="${escapeHtml(v).replace(/"/g, '&quot;')}"`)
      .join('');
    // An unclosed <br> holds what followed it in the reader's tree: that text comes after it.
    out += VOID.has(c.name)
      ? `<${c.name}${attrs}>${serialize(c.children)}`
      : `<${c.name}${attrs}>${serialize(c.children)}</${c.name}>`;
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The element children with one of these (name, namespace) pairs, in document order. */
export function pick(node: XmlNode, names: readonly (readonly [string, string, ...unknown[]])[]): XmlNode[] {
  return elements(node).filter((e) => names.some(([n, ns]) => e.name === n && e.ns === ns));
}
