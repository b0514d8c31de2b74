import { AppError } from '../../lib/errors.js';
import { readChannel } from './channel.js';
import { readEntry } from './entry.js';
import { FORMAT_URIS } from './namespaces.js';
import type { NormalizedFeed } from './types.js';
import { readXml } from './xml-reader.js';
import { child, descendants, elements, type XmlNode } from './xml-tree.js';

const HTML_ROOTS = new Set(['html', 'head', 'body']);
const RSS_VERSIONS: Record<string, string> = {
  '0.90': 'rss090',
  '0.91': 'rss091',
  '0.92': 'rss092',
  '0.93': 'rss093',
  '0.94': 'rss094',
};

/** Where a document keeps its feed: the element with the feed's fields and the items' parents. */
interface Located {
  format: NormalizedFeed['format'];
  version: string;
  channel: XmlNode;
  items: XmlNode[];
  warnings: string[];
}

const invalid = (message: string) => new AppError('feed_invalid', message);

/**
 * Parses an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document as leniently as feed readers do: what can be
 * read is read, and what was wrong is returned as warnings. Refused: HTML pages, documents that
 * declare external entities, documents with no feed element, and documents cut off before any
 * complete item.
 */
export function parseXmlFeed(text: string, baseUrl: string | null): NormalizedFeed {
  const doc = readXml(text, baseUrl);
  if (doc.externalEntity)
    throw invalid('not a feed: the document declares an external entity, which is refused');
  const root = doc.root;
  if (doc.htmlDoctype || (root && HTML_ROOTS.has(root.name))) {
    throw invalid('expected a feed but got an HTML page');
  }
  if (!root) throw invalid('not a feed: no XML element in the document');
  const located = locate(root) ?? locateInside(root);
  if (!located) throw invalid(`not a feed: the root element <${root.name}> is not RSS, Atom or RDF`);
  const complete = located.items.filter((i) => i.complete);
  const truncated = located.items.length - complete.length;
  const warnings = [...located.warnings];
  if (!root.complete) {
    if (complete.length === 0) throw invalid('not a feed: the document is cut off before any complete item');
    warnings.push(`the document is cut off${truncated ? `; ${truncated} unfinished item left out` : ''}`);
  }
  if (doc.undeclared.size > 0)
    warnings.push(
      `undeclared namespace prefixes read by their usual meaning: ${[...doc.undeclared].join(', ')}`,
    );
  const channel = readChannel(located.channel, root);
  if (!channel.title) warnings.push('the feed has no title');
  return {
    format: located.format,
    version: located.version,
    ...channel,
    items: complete.map(readEntry),
    warnings,
    truncated,
  };
}

function locate(root: XmlNode): Located | null {
  if (root.ns === '' && root.name === 'rss') {
    const channel = child(root, 'channel');
    const version = root.attrs.version?.trim() ?? '';
    return {
      format: 'rss',
      version: RSS_VERSIONS[version] ?? (version.startsWith('2.') ? 'rss20' : 'rss'),
      channel: channel ?? root,
      items: [...elements(root, 'item'), ...(channel ? elements(channel, 'item') : [])],
      warnings: channel ? [] : ['no <channel>: items read from the document root'],
    };
  }
  if (root.ns === 'rdf' && root.name === 'rdf') {
    const channel = child(root, 'channel');
    return {
      format: 'rdf',
      version: FORMAT_URIS[root.attrs.xmlns?.trim().toLowerCase() ?? ''] ?? 'rss10',
      channel: channel ?? root,
      items: [...elements(root, 'item'), ...(channel ? elements(channel, 'item') : [])],
      warnings: channel ? [] : ['no <channel>: items read from the document root'],
    };
  }
  if (root.ns === '' && root.name === 'feed') {
    const declared = FORMAT_URIS[root.attrs.xmlns?.trim().toLowerCase() ?? ''];
    return {
      format: 'atom',
      version: root.attrs.version?.trim() === '0.3' ? 'atom03' : (declared ?? 'atom'),
      channel: root,
      items: elements(root, 'entry'),
      warnings: [],
    };
  }
  if (root.ns === '' && root.name === 'channel') {
    // RSS 0.9x documents without the <rss> wrapper.
    return { format: 'rss', version: 'rss', channel: root, items: elements(root, 'item'), warnings: [] };
  }
  return null;
}

/** A feed wrapped in another element (a SOAP envelope, an HTML-less `<xml>` wrapper). */
function locateInside(root: XmlNode): Located | null {
  for (const node of descendants(root)) {
    const found = locate(node);
    if (found) return { ...found, warnings: [...found.warnings, `the feed is wrapped in <${root.name}>`] };
  }
  return null;
}
