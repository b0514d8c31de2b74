import { oneLine } from './content.js';
import {
  type Field,
  firstDate,
  firstLine,
  firstValue,
  PUBLISHED,
  pageLink,
  TITLE,
  UPDATED,
} from './fields.js';
import { readAuthor } from './people.js';
import type { NormalizedFeed } from './types.js';
import { textOf, type XmlNode } from './xml-tree.js';

const DESCRIPTION: readonly Field[] = [
  ['description', '', 'html'],
  ['subtitle', '', 'text'],
  ['tagline', '', 'text'],
  ['description', 'dc', 'html'],
  ['subtitle', 'itunes', 'text'],
  ['summary', 'itunes', 'text'],
];
const LANGUAGE: readonly Field[] = [
  ['language', ''],
  ['language', 'dc'],
];
const ID: readonly Field[] = [
  ['id', ''],
  ['guid', ''],
];

type ChannelFields = Pick<
  NormalizedFeed,
  'title' | 'homepage' | 'description' | 'language' | 'author' | 'id' | 'published_at' | 'updated_at'
>;

/**
 * Reads a channel or Atom feed's own fields from its direct children, so the title and link of
 * `<image>`, `<textInput>`, `<source>` or an item never stand in for the feed's.
 */
export function readChannel(node: XmlNode, root: XmlNode): ChannelFields {
  const language = firstValue(node, LANGUAGE);
  const id = firstValue(node, ID);
  return {
    title: firstLine(node, TITLE),
    homepage: pageLink(node),
    description: firstLine(node, DESCRIPTION),
    language: language ? oneLine(textOf(language)) : (node.lang ?? root.lang),
    author: readAuthor(node)?.label ?? null,
    id: id ? oneLine(textOf(id)) : null,
    published_at: firstDate(node, PUBLISHED).date,
    updated_at: firstDate(node, UPDATED).date,
  };
}
