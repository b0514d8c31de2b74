import { oneLine, plainText } from './content.js';
import { child, elements, hasElements, textOf, type XmlNode } from './xml-tree.js';

/** Elements that name an author, feed or item alike, as readers map them. */
const AUTHOR_ELEMENTS = [
  ['author', ''],
  ['managingeditor', ''],
  ['creator', 'dc'],
  ['author', 'dc'],
  ['author', 'itunes'],
] as const;

/** A name, an email address or both, as one display string. */
export function personLabel(name: string | null, email: string | null): string | null {
  if (name && email) return `${name} (${email})`;
  return name ?? email;
}

function line(node: XmlNode | undefined): string | null {
  if (!node) return null;
  const text = oneLine(plainText(textOf(node)));
  return text === '' ? null : text;
}

/**
 * The author an element names. An Atom person (`<name>`, `<email>`) reads as "Name (email)", the
 * way feedparser maps it; RSS and Dublin Core give the string as written ("me@example.com (Me)").
 */
export function readPerson(node: XmlNode): string | null {
  if (!hasElements(node)) return line(node);
  const name = line(child(node, 'name')) ?? line(child(node, 'name', 'itunes'));
  const email = line(child(node, 'email')) ?? line(child(node, 'email', 'itunes'));
  return personLabel(name, email);
}

/**
 * The author of a feed or item from its own author elements (RSS, Atom, Dublin Core, iTunes): of
 * several, the last one read wins, as in feedparser, where each one overwrites the one before.
 */
export function readAuthor(node: XmlNode): string | null {
  let author: string | null = null;
  for (const e of elements(node)) {
    if (AUTHOR_ELEMENTS.some(([n, ns]) => e.name === n && e.ns === ns)) author = readPerson(e) ?? author;
  }
  return author;
}
