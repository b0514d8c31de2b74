import { oneLine, plainText } from './content.js';
import {
  type Field,
  firstDate,
  firstLine,
  firstText,
  firstValue,
  linksOfRel,
  PUBLISHED,
  pageLink,
  TITLE,
  UPDATED,
} from './fields.js';
import { readAuthor } from './people.js';
import type { FeedItem } from './types.js';
import { child, elements, resolveUrl, textOf, type XmlNode } from './xml-tree.js';

// Summaries in the order a reader finds them; RSS descriptions are HTML unless they say otherwise,
// Atom summaries and the podcast and media modules' texts are plain text unless they say otherwise.
const SUMMARY: readonly Field[] = [
  ['description', '', 'html'],
  ['summary', '', 'text'],
  ['description', 'dc', 'html'],
  ['summary', 'itunes', 'text'],
  ['description', 'media', 'text'],
  ['abstract', '', 'text'],
];
const CONTENT: readonly Field[] = [
  ['encoded', 'content', 'html'],
  ['content', '', 'text'],
  ['body', 'xhtml', 'xhtml'],
  ['body', '', 'xhtml'],
  ['fullitem', '', 'html'],
];
const ID: readonly Field[] = [
  ['guid', ''],
  ['id', ''],
];

/**
 * Reads one RSS `<item>` or Atom `<entry>`. The formats' elements are read alike wherever they
 * appear (an Atom link in an RSS item, a Dublin Core title in Atom), with feedparser's precedence:
 * the first title, the first HTML page link, the last author element, published before updated.
 * The body is the first content element (content:encoded, Atom content, xhtml:body), else the summary.
 */
export function readEntry(node: XmlNode): FeedItem {
  const group = child(node, 'group', 'media');
  const published = firstDate(node, PUBLISHED);
  const date = published.date ? published : firstDate(node, UPDATED);
  const summary =
    firstText(node, SUMMARY) ?? (group ? firstText(group, [['description', 'media', 'text']]) : null);
  const content = firstText(node, CONTENT);
  const body = content ?? summary;
  const author = readAuthor(node);
  const idNode = firstValue(node, ID);
  const id = idNode ? oneLine(textOf(idNode)) : (node.attrs['rdf:about']?.trim() ?? null);
  return {
    id: id || null,
    url: pageLink(node) ?? permalink(idNode),
    title:
      firstLine(node, TITLE) ??
      firstLine(node, [['title', 'media']]) ??
      (group ? firstLine(group, [['title', 'media']]) : null),
    author: author?.label ?? null,
    author_name: author?.name ?? null,
    published_at: date.date,
    published_raw: date.raw ?? published.raw,
    // With no summary element, readers show the start of the content as the summary.
    summary: (summary ?? content)?.text ?? null,
    content_html: body?.html ?? null,
    content_base: body?.base ?? null,
    categories: categories(node),
    enclosure: enclosure(node, group),
  };
}

/** A guid or id that is an absolute web address stands in for a missing link (RSS isPermaLink). */
function permalink(idNode: XmlNode | null): string | null {
  if (!idNode || idNode.attrs.ispermalink?.trim().toLowerCase() === 'false') return null;
  const value = textOf(idNode).trim();
  if (!/^https?:\/\//i.test(value)) return null;
  return resolveUrl(value, idNode.base);
}

function categories(node: XmlNode): string[] {
  const out: string[] = [];
  for (const e of elements(node)) {
    if (!((e.name === 'category' && e.ns === '') || (e.name === 'subject' && e.ns === 'dc'))) continue;
    const value = oneLine(plainText(e.attrs.label ?? e.attrs.term ?? textOf(e)));
    if (value && !out.includes(value)) out.push(value);
  }
  return out;
}

function enclosure(node: XmlNode, group: XmlNode | undefined): FeedItem['enclosure'] {
  const rss = elements(node, 'enclosure').find((e) => (e.attrs.url ?? e.attrs.href)?.trim());
  const media = [
    ...elements(node, 'content', 'media'),
    ...(group ? elements(group, 'content', 'media') : []),
  ].find((e) => e.attrs.url?.trim());
  const atom = linksOfRel(node, 'enclosure')[0];
  const chosen = rss ?? media ?? atom?.node;
  if (!chosen) return null;
  const href =
    atom && chosen === atom.node
      ? atom.href
      : resolveUrl(chosen.attrs.url ?? chosen.attrs.href ?? '', chosen.base);
  if (!href) return null;
  return {
    url: href,
    type: chosen.attrs.type?.trim() || null,
    length: Number(chosen.attrs.length ?? chosen.attrs.filesize) || null,
  };
}
