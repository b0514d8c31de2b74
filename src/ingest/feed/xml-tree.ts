import { namespaceKey } from './namespaces.js';

/** One element of a feed document as the lenient reader builds it. */
export interface XmlNode {
  /** Local name, lower-cased (feeds in the wild capitalise freely: `<textInput>`, `<pubdate>`). */
  name: string;
  /** Namespace key (see namespaces.ts): '' for the feed formats' own elements. */
  ns: string;
  /** Attributes by lower-cased name (a known prefix in its canonical form: `rdf:about`), decoded. */
  attrs: Record<string, string>;
  children: XmlChild[];
  /** The absolute base URI in effect here: the document URL under every `xml:base` on the way. */
  base: string | null;
  /** Whether an `xml:base` on this element or an ancestor set `base`. */
  declaredBase: boolean;
  lang: string | null;
  /** False when the document ended before the element closed (a cut-off download). */
  complete: boolean;
}

export type XmlChild = XmlNode | string;

/** A lenient parse: the root element (if any) and what the prologue said. */
export interface XmlDocument {
  root: XmlNode | null;
  /** The document declares an external entity (XXE): refused, never resolved. */
  externalEntity: boolean;
  /** Whether the text began like an HTML page (`<!doctype html>`). */
  htmlDoctype: boolean;
  /** Prefixes used without a declaration (`dc:creator` with no `xmlns:dc`), read by their usual meaning. */
  undeclared: Set<string>;
}

// Schemes an xml:base may switch to; anything else (javascript:, data:) keeps the outer base.
const BASE_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'file:']);

/**
 * Resolves `ref` against `base` with the WHATWG URL parser. With no base to resolve against, a
 * relative reference is kept as written (as feedparser keeps it); null when it makes no URL.
 */
export function resolveUrl(ref: string, base: string | null): string | null {
  const value = ref.trim();
  if (value === '') return null;
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    return base === null && !/^[a-z][\w+.-]*:/i.test(value) ? value : null;
  }
}

/** An absolute URL with a scheme an xml:base may use, or null. */
function absoluteBase(ref: string, outer: string | null): string | null {
  try {
    const url = new URL(ref.trim(), outer ?? undefined);
    return BASE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A new element: its namespace key, canonical attributes, and the base and language in effect. */
export function makeNode(
  raw: string,
  rawAttrs: Record<string, string>,
  prefixes: Map<string, string>,
  parent: XmlNode | null,
  documentUrl: string | null,
  decode: (value: string) => string,
): XmlNode {
  const colon = raw.indexOf(':');
  const prefix = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
  const local = (colon > 0 ? raw.slice(colon + 1) : raw).toLowerCase();
  // An unprefixed element in an unknown default namespace is still read as a feed element
  // (`<rss xmlns="http://example.com/whatever">`), as every reader does.
  const ns = prefix === '' ? namespaceKey(prefixes.get(''), '') : namespaceKey(prefixes.get(prefix), prefix);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) {
    const key = k.toLowerCase();
    const at = key.indexOf(':');
    const attrPrefix = at > 0 ? key.slice(0, at) : '';
    const canonical =
      attrPrefix && attrPrefix !== 'xml' && attrPrefix !== 'xmlns'
        ? `${namespaceKey(prefixes.get(attrPrefix), attrPrefix) || attrPrefix}:${key.slice(at + 1)}`
        : key;
    attrs[canonical] = decode(v);
  }
  const outer = parent?.base ?? documentUrl;
  let base = outer;
  let declaredBase = parent?.declaredBase ?? false;
  const xmlBase = attrs['xml:base'];
  if (xmlBase !== undefined) {
    const resolved = absoluteBase(xmlBase, outer);
    if (resolved) {
      base = resolved;
      declaredBase = true;
    }
  }
  const lang = attrs['xml:lang'] !== undefined ? attrs['xml:lang'] || null : (parent?.lang ?? null);
  return { name: local, ns, attrs, children: [], base, declaredBase, lang, complete: true };
}

/** The element children of a node, optionally only those with this local name and namespace key. */
export function elements(node: XmlNode, name?: string, ns = ''): XmlNode[] {
  const out: XmlNode[] = [];
  for (const child of node.children) {
    if (typeof child !== 'string' && (name === undefined || (child.name === name && child.ns === ns))) {
      out.push(child);
    }
  }
  return out;
}

/** The first element child with this local name and namespace key. */
export function child(node: XmlNode, name: string, ns = ''): XmlNode | undefined {
  for (const c of node.children) if (typeof c !== 'string' && c.name === name && c.ns === ns) return c;
  return undefined;
}

/** All the text inside a node, markup removed. */
export function textOf(node: XmlNode): string {
  let out = '';
  for (const c of node.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** Whether a node holds element children (inline markup rather than escaped text). */
export function hasElements(node: XmlNode): boolean {
  return node.children.some((c) => typeof c !== 'string');
}

/** Every element below a node, depth first, in document order. */
export function* descendants(node: XmlNode): Generator<XmlNode> {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    yield c;
    yield* descendants(c);
  }
}
