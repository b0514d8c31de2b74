import { decodeHTMLStrict } from 'entities';
import { Tokenizer } from 'htmlparser2';
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

// Deeper nesting is no feed; past it, elements are read as text of the deepest one kept.
const MAX_DEPTH = 256;
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

/** An open element and the namespace prefixes in scope inside it. */
interface Frame {
  node: XmlNode;
  /** The qualified name as written, lower-cased, to match its end tag. */
  qname: string;
  prefixes: Map<string, string>;
}

const isEntry = (node: XmlNode) => node.ns === '' && (node.name === 'item' || node.name === 'entry');

/**
 * Reads XML the way feed readers do: never rejects for well-formedness, resolves namespaces,
 * `xml:base` and `xml:lang`, and expands no DTD entity beyond plain text (no billion laughs, no
 * XXE). htmlparser2's tokenizer reads the tags; which element an end tag closes is decided here,
 * for feeds: an item is never cut short by a stray `</channel>`, a new `<item>` ends an unclosed one,
 * an end tag for nothing open is ignored. Elements still open where a document stops mid-way (a
 * cut-off download) are marked incomplete.
 */
export function readXml(text: string, documentUrl: string | null): XmlDocument {
  const doc: XmlDocument = { root: null, externalEntity: false, htmlDoctype: false, undeclared: new Set() };
  const entities = new Map<string, string>();
  const stack: Frame[] = [];
  let tag = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  let rootClosed = false;
  // Whether the last token was an end tag for an element left open (so the document did end).
  let endedOnOpenElement = false;

  function decode(value: string): string {
    if (!value.includes('&')) return value;
    const expanded =
      entities.size === 0 ? value : value.replace(/&([\w.:-]+);/g, (m, n: string) => entities.get(n) ?? m);
    return decodeHTMLStrict(expanded);
  }
  function addText(value: string) {
    const top = stack[stack.length - 1];
    if (!top || value === '') return;
    top.node.children.push(value);
    if (value.trim() !== '') endedOnOpenElement = false;
  }
  function open(): Frame | null {
    endedOnOpenElement = false;
    if (rootClosed || stack.length >= MAX_DEPTH) return null;
    const qname = tag.toLowerCase();
    if (qname === 'item' || qname === 'entry') {
      const unclosed = stack.findLastIndex((f) => f.qname === qname);
      if (unclosed >= 0) closeTo(unclosed);
    }
    const parent = stack[stack.length - 1];
    const prefixes = new Map(parent?.prefixes);
    for (const [k, v] of Object.entries(attrs)) {
      const key = k.toLowerCase();
      if (key === 'xmlns') prefixes.set('', v);
      else if (key.startsWith('xmlns:')) prefixes.set(key.slice(6), v);
    }
    for (const name of [qname, ...Object.keys(attrs)]) {
      const prefix = name.slice(0, Math.max(0, name.indexOf(':'))).toLowerCase();
      if (prefix && prefix !== 'xml' && prefix !== 'xmlns' && !prefixes.has(prefix))
        doc.undeclared.add(prefix);
    }
    const node = makeNode(tag, attrs, prefixes, parent?.node ?? null, documentUrl, decode);
    if (parent) parent.node.children.push(node);
    else doc.root = node;
    const frame = { node, qname, prefixes };
    stack.push(frame);
    return frame;
  }
  function closeTo(index: number) {
    stack.length = index;
    if (index === 0) rootClosed = true;
  }
  function close(qname: string) {
    const index = stack.findLastIndex((f) => f.qname === qname);
    if (index < 0) return;
    // A container's end tag inside an open item is misplaced: closing there would cut the item.
    const cutsEntry = !isEntry(stack[index]!.node) && stack.slice(index + 1).some((f) => isEntry(f.node));
    if (cutsEntry) {
      endedOnOpenElement = true;
      return;
    }
    endedOnOpenElement = false;
    closeTo(index);
  }

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(start, end) {
        tag = text.slice(start, end);
        attrs = {};
      },
      onattribname(start, end) {
        attrName = text.slice(start, end);
        attrValue = '';
      },
      onattribdata(start, end) {
        attrValue += text.slice(start, end);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.hasOwn(attrs, attrName)) attrs[attrName] = attrValue;
        attrValue = '';
      },
      onopentagend() {
        open();
      },
      onselfclosingtag() {
        if (open()) stack.pop();
      },
      onclosetag(start, end) {
        close(text.slice(start, end).trim().toLowerCase());
      },
      ontext(start, end) {
        addText(decode(text.slice(start, end)));
      },
      ontextentity(codepoint) {
        addText(String.fromCodePoint(codepoint));
      },
      oncdata(start, end, offset) {
        addText(text.slice(start, end - offset));
      },
      ondeclaration(start, end) {
        if (doc.root !== null) return;
        const data = text.slice(start, end);
        if (/^doctype\s+html\b/i.test(data)) doc.htmlDoctype = true;
        // The internal subset arrives one declaration at a time.
        if (/ENTITY\s+(%\s*)?[^\s]+\s+(SYSTEM|PUBLIC)\b/i.test(data)) doc.externalEntity = true;
        const plain = /ENTITY\s+([\w.:-]+)\s+(["'])([^"'&%<]*)\2/i.exec(data);
        if (plain) entities.set(plain[1]!, plain[3]!);
      },
      onprocessinginstruction() {},
      oncomment() {},
      onend() {},
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  if (!endedOnOpenElement) for (const frame of stack) frame.node.complete = false;
  return doc;
}

function makeNode(
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
