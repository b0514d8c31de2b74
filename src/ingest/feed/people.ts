import { oneLine, plainText } from './content.js';
import { child, elements, hasElements, textOf, type XmlNode } from './xml-tree.js';

/** An author as a feed names one. */
export interface Person {
  /** The display string readers show: "Name (email)" for an Atom person, RSS text as written. */
  label: string;
  /** The person's name alone, when the feed gives one (a byline, without the address). */
  name: string | null;
}

/** Elements that name an author, feed or item alike, as readers map them. */
const AUTHOR_ELEMENTS = [
  ['author', ''],
  ['managingeditor', ''],
  ['creator', 'dc'],
  ['author', 'dc'],
  ['author', 'itunes'],
] as const;

// An address inside an author string: "me@example.com (Me)", "Me <me@example.com>", "mailto:me@…".
const EMAIL = /(mailto:)?[\w.+-]+@(\[[\d.]+\]|([\w-]+\.)+[a-z]{2,}|[\d.]+)(\?subject=\S+)?/i;

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

/** The name in an RSS author string once its address and brackets are taken out, or null. */
export function nameInAuthor(author: string): string | null {
  if (!EMAIL.test(author)) return author;
  const name = author
    .replace(EMAIL, '')
    .replace(/\(\s*\)|<\s*>|\[\s*\]/g, '')
    .replace(/^[\s(<[]+|[\s)>\]]+$/g, '')
    .trim();
  return name === '' ? null : name;
}

/**
 * The author an element names. An Atom person (`<name>`, `<email>`) is labelled "Name (email)",
 * the way feedparser maps it; RSS and Dublin Core give the string as written ("me@example.com (Me)").
 */
export function readPerson(node: XmlNode): Person | null {
  if (!hasElements(node)) {
    const label = line(node);
    return label ? { label, name: nameInAuthor(label) } : null;
  }
  const name = line(child(node, 'name')) ?? line(child(node, 'name', 'itunes'));
  const email = line(child(node, 'email')) ?? line(child(node, 'email', 'itunes'));
  const label = personLabel(name, email);
  return label ? { label, name } : null;
}

/**
 * The author of a feed or item from its own author elements (RSS, Atom, Dublin Core, iTunes): of
 * several, the last one read wins, as in feedparser, where each one overwrites the one before.
 */
export function readAuthor(node: XmlNode): Person | null {
  let author: Person | null = null;
  for (const e of elements(node)) {
    if (AUTHOR_ELEMENTS.some(([n, ns]) => e.name === n && e.ns === ns)) author = readPerson(e) ?? author;
  }
  return author;
}
