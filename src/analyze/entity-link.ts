import { ORG_WORDS } from './gazetteer.js';
import type { Entity, EntityKind, Span } from './types.js';

/** A run of capitalized words found in the text, before linking. */
export interface Mention extends Span {
  words: string[];
  key: string;
  kind: EntityKind;
  /** The kind is certain (a title, an organisation word, a gazetteer hit), not a guess. */
  sure: boolean;
  /** The mention opens a sentence, where capitals say nothing. */
  initial: boolean;
  /** Something around or inside the words says they name a person (a first name, a role, an age). */
  person: boolean;
  /** A lone word used as a place ("in Estmark", "Estmark's Minister"). */
  placeUse: boolean;
  /** The words follow "the" ("the Reign's game"), as a person's name rarely does. */
  afterThe: boolean;
  /** A word in capitals alone that the article also writes in small letters ("OBAMA", "Obama"). */
  shouted: boolean;
}

interface Entry {
  entity: Entity;
  sure: boolean;
  initialOnly: boolean;
  person: boolean;
  placeUse: boolean;
  /** Mentions after "the", less those without. */
  afterThe: number;
  /** Also written in capitals alone. */
  shouted: boolean;
}

/** Groups mentions by key, and folds a lone surname ("Kim") into the full name it belongs to. */
export function link(mentions: Mention[]): Entity[] {
  const byKey = new Map<string, Entry>();
  const people: { key: string; parts: string[] }[] = [];
  for (const m of mentions) {
    const key = m.key;
    if (!key) continue;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        entity: { key, name: m.words.join(' '), kind: m.kind, mentions: [] },
        sure: m.sure,
        initialOnly: true,
        person: false,
        placeUse: false,
        afterThe: 0,
        shouted: false,
      };
      byKey.set(key, entry);
      if (m.kind === 'person' && m.words.length > 1) people.push({ key, parts: key.split(/[ ]/) });
    }
    upgrade(entry, m);
    if (!m.initial) entry.initialOnly = false;
    if (m.person) entry.person = true;
    if (m.placeUse) entry.placeUse = true;
    entry.afterThe += m.afterThe ? 1 : -1;
    if (m.shouted) entry.shouted = true;
    entry.entity.mentions.push({ start: m.start, end: m.end });
  }
  let orgs: { key: string; parts: string[] }[] | undefined;
  const organizations = () =>
    (orgs ??= [...byKey.values()]
      .filter((e) => e.entity.kind === 'organization' && e.entity.key.includes(' '))
      .map((e) => ({ key: e.entity.key, parts: e.entity.key.split(' ') })));
  for (const [key, entry] of byKey) {
    if (key.includes(' ') || (entry.entity.kind === 'place' && entry.sure)) continue;
    // A transcript's speaker label ("PRESIDENT OBAMA:") repeated over every answer: kept apart from
    // the full name, whose words it would otherwise make the article's main subject.
    if (entry.shouted) continue;
    if (entry.entity.kind === 'organization') {
      // A club or body by the one word it ends on ("Rovers" → "Sable City Rovers"), or a company
      // by the first of its two ("Vantor" → "Vantor Mobility", not "FBI" → "FBI Task Force"),
      // when only one organisation of the article does.
      const ends = organizations().filter((o) => o.parts[o.parts.length - 1] === key);
      const starts = organizations().filter((o) => o.parts.length === 2 && o.parts[0] === key);
      if (ends.length === 1) merge(byKey, key, ends[0]!.key);
      else if (ends.length === 0 && starts.length === 1 && !/^\p{Lu}+$/u.test(entry.entity.name))
        merge(byKey, key, starts[0]!.key);
      // "Government officials said", "Police are investigating": the kind of body, named by none.
      else if (entry.initialOnly && ORG_WORDS.has(key)) byKey.delete(key);
      continue;
    }
    // Surname last (Western) or first (Korean, Chinese): "Obama" → "Barack Obama", "Kim" → "Kim Jung-kwan".
    const person =
      people.find((p) => p.parts[p.parts.length - 1] === key) ?? people.find((p) => p.parts[0] === key);
    // A country that speaks ("Estmark said") is no company's short name either.
    if (!person && entry.placeUse) {
      entry.entity.kind = 'place';
      continue;
    }
    // A company's short name: "Crownline" → "Crownline Power".
    const owner = person ?? organizations().find((o) => o.parts[0] === key);
    if (!owner) {
      // A lone capitalized word seen only at sentence starts ("Despite") is most likely no name.
      if (entry.initialOnly && !entry.sure) byKey.delete(key);
      continue;
    }
    // A surname used alone ("Romney" after "Mitt Romney") is how an article names a person; "the
    // Reign" after "Seattle Reign" is how it names a team.
    const surname = owner === person && owner.parts[owner.parts.length - 1] === key && entry.afterThe < 0;
    if (entry.person || surname) byKey.get(owner.key)!.person = true;
    merge(byKey, key, owner.key);
  }
  // "Calveran" beside "Calvera": the people or things of a place, not a place; beside a "Calvera"
  // the article could not place ("Calvera launches…"), when it was only guessed a place itself
  // (a known place, "Sweden", stays one beside "Swede").
  const places = new Set(
    [...byKey.values()].filter((e) => e.entity.kind === 'place').map((e) => e.entity.key),
  );
  const names = new Set(byKey.keys());
  // Beside a name not known as a place, only the plainest form counts: "Calvera", "Calveran".
  const ofName = (key: string) => key.length > 4 && /[aeiou]n$/.test(key) && names.has(key.slice(0, -1));
  const out: Entity[] = [];
  for (const e of byKey.values()) {
    const key = e.entity.key;
    if (e.entity.kind === 'place' && (demonymOf(key, places) || (!e.sure && ofName(key))))
      e.entity.kind = 'other';
    // Capitalised words shaped like a name ("Long Story Short", "Tidewater Ales") are a person's
    // only when something says so: a first name, a title, a role, an age, a surname that speaks.
    if (e.entity.kind === 'person' && !e.sure && !e.person) e.entity.kind = 'other';
    out.push(e.entity);
  }
  return out;
}

/** Whether `key` is a word for the people of one of `places` ("calveran" of "calvera", "kenyan" of "kenya"). */
function demonymOf(key: string, places: ReadonlySet<string>): boolean {
  if (key.includes(' ')) return false;
  const stem = /(?:ian|an|n|ese)$/.exec(key);
  if (!stem) return false;
  for (const cut of [1, 2, 3]) if (cut <= key.length - 3 && places.has(key.slice(0, -cut))) return true;
  return false;
}

/** Moves the mentions of the entity under `key` to the one under `owner`, and drops it. */
function merge(byKey: Map<string, { entity: Entity }>, key: string, owner: string): void {
  const target = byKey.get(owner)!;
  target.entity.mentions.push(...byKey.get(key)!.entity.mentions);
  target.entity.mentions.sort((a, b) => a.start - b.start);
  byKey.delete(key);
}

function upgrade(entry: { entity: Entity; sure: boolean }, m: Mention): void {
  const name = m.words.join(' ');
  if (name.length > entry.entity.name.length) entry.entity.name = name;
  if (m.sure && (!entry.sure || entry.entity.kind === 'other')) {
    entry.entity.kind = m.kind;
    entry.sure = true;
  } else if (entry.entity.kind === 'other' && m.kind !== 'other') entry.entity.kind = m.kind;
}
