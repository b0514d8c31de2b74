import { oneLine, pick, readText, type TextValue } from './content.js';
import { parseFeedDate } from './dates.js';
import { elements, resolveUrl, textOf, type XmlNode } from './xml-tree.js';

/** An element name with its namespace key, and the type its text has when it does not say. */
export type Field = readonly [name: string, ns: string, fallback?: 'text' | 'html' | 'xhtml'];

export const TITLE: readonly Field[] = [
  ['title', ''],
  ['title', 'dc'],
];

// When an item or feed was first published, and when it last changed (RSS, Atom 0.3/1.0, Dublin Core).
export const PUBLISHED: readonly Field[] = [
  ['pubdate', ''],
  ['published', ''],
  ['issued', ''],
  ['issued', 'dcterms'],
];
export const UPDATED: readonly Field[] = [
  ['updated', ''],
  ['modified', ''],
  ['date', 'dc'],
  ['modified', 'dcterms'],
  ['lastbuilddate', ''],
  ['created', ''],
  ['created', 'dcterms'],
];

// Atom 1.0 content links (rel="alternate") point at HTML; a link to a PDF or a feed is not the page.
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', 'html', 'xhtml']);

/** The first of these elements that holds text, read as a text construct. */
export function firstText(node: XmlNode, fields: readonly Field[]): TextValue | null {
  for (const e of pick(node, fields)) {
    const field = fields.find(([n, ns]) => n === e.name && ns === e.ns)!;
    const value = readText(e, field[2] ?? 'text');
    if (value) return value;
  }
  return null;
}

/** The first of these elements that holds text, on one line of plain text. */
export function firstLine(node: XmlNode, fields: readonly Field[]): string | null {
  const value = firstText(node, fields);
  return value ? oneLine(value.text) : null;
}

/** The trimmed text of the first of these elements that has any. */
export function firstValue(node: XmlNode, fields: readonly Field[]): XmlNode | null {
  for (const e of pick(node, fields)) if (textOf(e).trim() !== '') return e;
  return null;
}

/**
 * The page a feed or entry links to: an RSS `<link>` text or an Atom `<link href>` whose rel is
 * alternate (the default) and whose type, if given, is HTML; resolved against its own `xml:base`.
 * Links inside `<image>`, `<textInput>` or `<source>` are never read: only direct children count.
 */
export function pageLink(node: XmlNode): string | null {
  for (const link of elements(node, 'link')) {
    const href = link.attrs.href;
    let value: string;
    if (href !== undefined) {
      const rel = (link.attrs.rel ?? 'alternate').trim().toLowerCase();
      const type = link.attrs.type?.trim().toLowerCase();
      if (rel !== 'alternate' || (type && !HTML_TYPES.has(type))) continue;
      value = href.trim();
    } else {
      value = textOf(link).trim();
    }
    if (value === '') continue;
    const resolved = resolveUrl(value, link.base);
    if (resolved) return resolved;
  }
  // Channel Definition Format (CDF) puts the page on the element itself: <ITEM HREF="…">.
  return node.attrs.href ? resolveUrl(node.attrs.href, node.base) : null;
}

/** Links of one rel (enclosures), resolved. */
export function linksOfRel(node: XmlNode, rel: string): { node: XmlNode; href: string }[] {
  return elements(node, 'link').flatMap((link) => {
    const href = link.attrs.href;
    if (href === undefined || (link.attrs.rel ?? '').trim().toLowerCase() !== rel) return [];
    const resolved = resolveUrl(href, link.base);
    return resolved ? [{ node: link, href: resolved }] : [];
  });
}

/** The first parseable date among these elements, with the text it was read from. */
export function firstDate(
  node: XmlNode,
  fields: readonly Field[],
): { date: Date | null; raw: string | null } {
  let raw: string | null = null;
  for (const e of pick(node, fields)) {
    const text = oneLine(textOf(e));
    if (text === '') continue;
    const date = parseFeedDate(text);
    if (date) return { date, raw: text };
    raw ??= text;
  }
  return { date: null, raw };
}
