import { decodeHTMLStrict } from 'entities';
import { Tokenizer } from 'htmlparser2';
import { makeNode, type XmlDocument, type XmlNode } from './xml-tree.js';

// Deeper nesting is no feed; past it, elements are read as text of the deepest one kept.
const MAX_DEPTH = 256;

/** An open element and the namespace prefixes in scope inside it. */
interface Frame {
  node: XmlNode;
  /** The qualified name as written, lower-cased, to match its end tag. */
  qname: string;
  prefixes: Map<string, string>;
}

const isEntry = (node: XmlNode) => node.ns === '' && (node.name === 'item' || node.name === 'entry');

/**
 * Builds the tree from the tokenizer's events, deciding which element an end tag closes the way
 * feeds need: an item is never cut short by a stray `</channel>`, a new `<item>` ends an unclosed
 * one, an end tag for nothing open is ignored.
 */
class TreeBuilder {
  readonly doc: XmlDocument = {
    root: null,
    externalEntity: false,
    htmlDoctype: false,
    undeclared: new Set(),
  };
  private readonly entities = new Map<string, string>();
  private readonly stack: Frame[] = [];
  private rootClosed = false;
  // Whether the last token was an end tag for an element left open (so the document did end).
  private endedOnOpenElement = false;

  constructor(private readonly documentUrl: string | null) {}

  /** Decodes entities: HTML's named ones, numeric ones, and plain ones the DTD declared. */
  decode(value: string): string {
    if (!value.includes('&')) return value;
    const expanded =
      this.entities.size === 0
        ? value
        : value.replace(/&([\w.:-]+);/g, (m, n: string) => this.entities.get(n) ?? m);
    return decodeHTMLStrict(expanded);
  }

  text(value: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || value === '') return;
    top.node.children.push(value);
    if (value.trim() !== '') this.endedOnOpenElement = false;
  }

  /** A declaration before the root: the doctype, or one entity of the internal subset. */
  declaration(data: string): void {
    if (this.doc.root !== null) return;
    if (/^doctype\s+html\b/i.test(data)) this.doc.htmlDoctype = true;
    if (/ENTITY\s+(%\s*)?[^\s]+\s+(SYSTEM|PUBLIC)\b/i.test(data)) this.doc.externalEntity = true;
    // Only entities that are plain text: none refers to another, so none can multiply (billion laughs).
    const plain = /ENTITY\s+([\w.:-]+)\s+(["'])([^"'&%<]*)\2/i.exec(data);
    if (plain) this.entities.set(plain[1]!, plain[3]!);
  }

  open(tag: string, rawAttrs: Record<string, string>): Frame | null {
    this.endedOnOpenElement = false;
    if (this.rootClosed || this.stack.length >= MAX_DEPTH) return null;
    const qname = tag.toLowerCase();
    if (qname === 'item' || qname === 'entry') {
      const unclosed = this.stack.findLastIndex((f) => f.qname === qname);
      if (unclosed >= 0) this.closeTo(unclosed);
    }
    const parent = this.stack[this.stack.length - 1];
    const prefixes = this.scope(parent?.prefixes, qname, rawAttrs);
    const node = makeNode(tag, rawAttrs, prefixes, parent?.node ?? null, this.documentUrl, (v) =>
      this.decode(v),
    );
    if (parent) parent.node.children.push(node);
    else this.doc.root = node;
    const frame = { node, qname, prefixes };
    this.stack.push(frame);
    return frame;
  }

  /** An end tag: closes the element it names, unless that would cut an open item short. */
  close(qname: string): void {
    const index = this.stack.findLastIndex((f) => f.qname === qname);
    if (index < 0) return;
    const cutsEntry =
      !isEntry(this.stack[index]!.node) && this.stack.slice(index + 1).some((f) => isEntry(f.node));
    this.endedOnOpenElement = cutsEntry;
    if (!cutsEntry) this.closeTo(index);
  }

  closeTop(): void {
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
  }

  /** At the end of the text: what is still open was cut off, unless the document ended on an end tag for it. */
  finish(): XmlDocument {
    if (!this.endedOnOpenElement) for (const frame of this.stack) frame.node.complete = false;
    return this.doc;
  }

  private closeTo(index: number): void {
    this.stack.length = index;
    if (index === 0) this.rootClosed = true;
  }

  /** The prefixes in scope inside an element, noting any it uses without a declaration. */
  private scope(outer: Map<string, string> | undefined, qname: string, attrs: Record<string, string>) {
    const prefixes = new Map(outer);
    for (const [k, v] of Object.entries(attrs)) {
      const key = k.toLowerCase();
      if (key === 'xmlns') prefixes.set('', v);
      else if (key.startsWith('xmlns:')) prefixes.set(key.slice(6), v);
    }
    for (const name of [qname, ...Object.keys(attrs)]) {
      const prefix = name.slice(0, Math.max(0, name.indexOf(':'))).toLowerCase();
      if (prefix && prefix !== 'xml' && prefix !== 'xmlns' && !prefixes.has(prefix))
        this.doc.undeclared.add(prefix);
    }
    return prefixes;
  }
}

/**
 * Reads XML the way feed readers do: never rejects for well-formedness, resolves namespaces,
 * `xml:base` and `xml:lang`, and expands no DTD entity beyond plain text (no billion laughs, no
 * XXE). htmlparser2's tokenizer reads the tags; `TreeBuilder` decides what they close. Elements
 * still open where a document stops mid-way (a cut-off download) are marked incomplete.
 */
export function readXml(text: string, documentUrl: string | null): XmlDocument {
  const builder = new TreeBuilder(documentUrl);
  let tag = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
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
      onopentagend: () => builder.open(tag, attrs),
      onselfclosingtag: () => {
        if (builder.open(tag, attrs)) builder.closeTop();
      },
      onclosetag: (start, end) => builder.close(text.slice(start, end).trim().toLowerCase()),
      ontext: (start, end) => builder.text(builder.decode(text.slice(start, end))),
      ontextentity: (codepoint) => builder.text(String.fromCodePoint(codepoint)),
      oncdata: (start, end, offset) => builder.text(text.slice(start, end - offset)),
      ondeclaration: (start, end) => builder.declaration(text.slice(start, end)),
      onprocessinginstruction() {},
      oncomment() {},
      onend() {},
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  return builder.finish();
}
