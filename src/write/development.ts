import { is, type TaggedWord } from './nlp.js';

/**
 * Whether a sentence reads as a development: its main clause says something happened, was
 * announced or decided ("The bank cut its rate", "the launch was called off", "Vantor said it would
 * replace the packs"), rather than how things stand ("The authority has 640 vacant posts", "the
 * building held 40,000 litres"), what someone thinks or expects ("investigators believed…", "is
 * expected to go…"), or what is still to come. And whether it leans on a sentence it does not
 * carry: a main or reported subject "it" or "that" with nothing in the sentence to point to, "the
 * result" as its subject, "a share of that money".
 *
 * Read from part-of-speech tags, which misread some words ("cut" as a noun): a coarse reading that
 * ranks a day's sentences, not a parse.
 */
export interface Development {
  /** The main clause (or the clause a past "said" reports) states an action or an announcement. */
  event: boolean;
  /** The sentence's subject points to something only another sentence names. */
  leans: boolean;
}

// A verb group's helpers, between the subject and the verb it carries.
const AUXILIARY = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'will',
  'would',
  'could',
  'may',
  'might',
  'should',
  'can',
  'must',
  'does',
  'do',
  'did',
  'so',
  'far',
  'also',
  'now',
  'already',
  'not',
  'still',
  'just',
]);
// Helpers that give the verb a tense ("has declined", "is recalling"), unlike "also", "so far".
const TENSE = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'been', 'will', 'would']);
// "will be capped", "is due to": the clause tells what is still to come.
const MODAL = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'can', 'must']);
// A past "said" reporting "would"/"will" is an announcement; "could", "may" a possibility.
const ANNOUNCED = new Set(['will', 'would']);
// How things stand or what someone holds true: no development.
const STATE = new Set([
  ...wordsOf('be is are was were been has have had'),
  ...wordsOf('hold holds held cover covers covered include includes included contain contains contained'),
  ...wordsOf('employ employs remain remains remained mean means meant represent represents own owns'),
  ...wordsOf('total totals totalled totaled account accounts lack lacks belong belongs comprise comprises'),
  ...wordsOf('average averages averaged'),
  ...wordsOf('believe believes believed think thinks thought want wants wanted hope hopes hoped'),
  ...wordsOf('expect expects expected fear fears feared feel feels felt seem seems seemed appear appears'),
  ...wordsOf('know knows knew doubt doubts suspect suspects depend depends due estimate estimates estimated'),
]);
// "The trial was funded by Orrin", "the plant is owned by Castlerock": who stands behind a thing is
// how things stand, not a step taken ("the launch was called off" is).
const STANDS_BEHIND = new Set(
  wordsOf('funded financed owned run operated controlled backed founded developed designed built'),
);
const BE = new Set(wordsOf('is are was were been being be'));
// "Unemployment stood at 7.9 percent in October": the level a measure is at, not a step taken
// ("drivers stood around a burning drum" is).
const LEVEL = new Set(wordsOf('stand stands stood standing'));
// A position held, in the progressive: "the union is seeking 14 percent".
const STANCES = new Set(
  wordsOf(
    'seeking demanding asking calling pushing pressing insisting refusing holding urging weighing considering hoping expecting offering resisting opposing',
  ),
);
// Verbs that report another clause: the development is in what they report.
const REPORTING_PAST = new Set(['said', 'told', 'reported', 'added', 'stated', 'noted', 'explained']);
// Verbs that take a clause: only a past "said" reports a development; "groups say", "investigators
// believed" hold a view. Either way the clause's subject may point back.
const REPORTS = new Set([
  ...REPORTING_PAST,
  ...wordsOf(
    'say says tell tells report reports argue argues believe believes believed think thinks thought',
  ),
  ...wordsOf(
    'show shows hope hopes hoped fear fears feared expect expects know knows knew suspect suspects suspected',
  ),
]);
// "the result meant…", "the move drew…": a subject that names nothing by itself.
const VAGUE = new Set([
  'result',
  'move',
  'outcome',
  'news',
  'decision',
  'announcement',
  'development',
  'step',
  'change',
  'episode',
  'situation',
]);
const POINTING = new Set(['it', 'this', 'that', 'these', 'those']);
// "a share of that money": a demonstrative after a preposition points back ("in that time" does not).
const THAT_THING =
  /\b(?:of|for|from|with|to|on|in|by|about|into|over|under|at)\s+(?:that|this|these|those)\s+(?!week|month|year|morning|afternoon|evening|night|weekend|day|season|time|summer|winter|spring|autumn|period)\p{L}/iu;
// Past forms that read like nouns or presents: "The bank cut its rate", "Harrow beat Rovers".
const BARE_PAST = new Set([
  'cut',
  'set',
  'put',
  'hit',
  'shut',
  'quit',
  'split',
  'spread',
  'cast',
  'bid',
  'beat',
  'let',
]);
// A comma segment right after a subject that describes it: ", who chairs…,", ", founded in 2016,".
const DESCRIBES = new Set(['who', 'which', 'whose', 'where', 'founded', 'based', 'led', 'aged']);
// An opening adverbial clause ends at a comma within this many words.
const OPENER_WORDS = 30;

function wordsOf(list: string): string[] {
  return list.split(' ');
}

/** Reads a sentence's main clause. */
export function readDevelopment(words: readonly TaggedWord[], text: string): Development {
  const leansOnThat = THAT_THING.test(text);
  const main = readClause(words, clauseStart(words), undefined);
  return { event: main.event, leans: leansOnThat || main.leans };
}

interface Clause {
  event: boolean;
  leans: boolean;
}

/**
 * Where the main clause begins: after an opening adverbial ("For the 1.9 million households who
 * rent,"), at the first comma whose next segment holds a verb (a list's commas come before it).
 */
function clauseStart(words: readonly TaggedWord[]): number {
  if (!is(words[0], 'Preposition', 'Conjunction') || is(words[1], 'Value')) return 0;
  for (let i = 0; i < Math.min(words.length - 1, OPENER_WORDS); i++) {
    if (!words[i]!.post.includes(',')) continue;
    for (let j = i + 1; j < words.length; j++) {
      if (isVerb(words, j)) return i + 1;
      if (words[j]!.post.includes(',')) break;
    }
  }
  return 0;
}

function isVerb(words: readonly TaggedWord[], i: number): boolean {
  const w = words[i]!;
  // A possessive "'s" comes out as a word of its own, tagged as a verb.
  if (!/\p{L}/u.test(w.normal)) return false;
  // "the planned increase", "Calvera's planned increase": a participle describing a noun.
  // "decision to cut": an infinitive is not the clause's verb either.
  const before = words[i - 1];
  if (
    before &&
    (is(before, 'Determiner', 'Possessive') ||
      /['’]s$/.test(before.text) ||
      !/\p{L}/u.test(before.normal) ||
      before.normal === 'to')
  )
    return false;
  if (BARE_PAST.has(w.normal) && is(words[i + 1], 'Determiner', 'Possessive', 'Value', 'ProperNoun'))
    return true;
  if (!is(w, 'Verb')) return false;
  // "housing groups", "according to": not the clause's verb.
  if (is(w, 'Gerund')) return false;
  // "Alliance figures say": a verb straight after another is the clause's; the first is a noun.
  const after = words[i + 1];
  return !(is(w, 'PresentTense') && after && is(after, 'Verb') && !AUXILIARY.has(after.normal));
}

/**
 * The clause from `start`: its subject (up to the first verb), its verb group, and what it says.
 * `reporter` is the subject of the "said" whose clause this is.
 */
function readClause(words: readonly TaggedWord[], start: number, reporter: TaggedWord[] | undefined): Clause {
  let i = start;
  const subject: TaggedWord[] = [];
  // A sentence does not open on its main verb: a first word tagged as one is a noun ("Buses, trams…").
  while (i < words.length && (i === start || !isVerb(words, i))) {
    const w = words[i]!;
    if (w.post.includes(',') && DESCRIBES.has(words[i + 1]?.normal ?? '')) {
      // Skip the describing segment up to its closing comma.
      let j = i + 1;
      while (j < words.length && !words[j]!.post.includes(',')) j++;
      subject.push(w);
      i = j + 1;
      continue;
    }
    if (w.normal !== 'that' || subject.length > 0 || reporter === undefined) subject.push(w);
    i++;
  }
  if (i >= words.length) return { event: false, leans: false };
  const leans = pointsBack(subject, reporter);
  // The verb group: helpers, then the verb they carry (none after a copula: "were unable").
  const helpers: string[] = [];
  while (i < words.length && AUXILIARY.has(words[i]!.normal) && !REPORTING_PAST.has(words[i]!.normal)) {
    helpers.push(words[i]!.normal);
    i++;
  }
  // "is recalling": after a helper, a gerund is the verb.
  const carried = helpers.length > 0 && is(words[i], 'Gerund');
  const head = i < words.length && (carried || isVerb(words, i)) ? words[i]! : undefined;
  const modal = helpers.find((h) => MODAL.has(h));
  if (!head) return { event: false, leans };
  if (REPORTS.has(head.normal) && !modal) {
    const next = words[i + 1]?.normal === 'that' ? i + 2 : i + 1;
    if (next >= words.length) return { event: false, leans };
    const reported = readClause(words, next, subject);
    // Only a past "said" reports a development; "groups say", "investigators believed" hold a view.
    return { event: REPORTING_PAST.has(head.normal) && reported.event, leans: leans || reported.leans };
  }
  // "would replace" reported by a past "said" is an announcement; alone, a forecast.
  if (modal && !(reporter && ANNOUNCED.has(modal))) return { event: false, leans };
  // "has not been determined": what did not happen is no development; "has so far declined",
  // "is still seeking", "is demanding 14 percent": a position held, not a step taken.
  if (helpers.includes('not') || STATE.has(head.normal)) return { event: false, leans };
  if (LEVEL.has(head.normal) && words[i + 1]?.normal === 'at') return { event: false, leans };
  if (helpers.some((h) => BE.has(h)) && STANDS_BEHIND.has(head.normal) && words[i + 1]?.normal === 'by')
    return { event: false, leans };
  if (helpers.includes('far') || helpers.includes('still') || (carried && STANCES.has(head.normal)))
    return { event: false, leans };
  // "Rovers had led through Ilic": a past before the past tells what came before the news, as
  // background; reported ("the company said it had received…"), it is what was announced.
  if (!reporter && helpers[0] === 'had') return { event: false, leans };
  // "Rovers play their next match…", "the deal commits…": a plain present tells how things are;
  // "Harrow beat Rovers" is a past that reads like a present.
  const tensed = helpers.some((h) => TENSE.has(h));
  return {
    event: tensed || !is(head, 'PresentTense') || is(head, 'PastTense') || BARE_PAST.has(head.normal),
    leans,
  };
}

/**
 * A subject that points to a thing the sentence does not name: "it", "that" (when whoever says
 * it is not that thing: "investigators believed it"), "the result".
 */
function pointsBack(subject: readonly TaggedWord[], reporter: TaggedWord[] | undefined): boolean {
  const first = subject[0];
  if (!first) return false;
  if (subject.length === 1 && POINTING.has(first.normal)) {
    // "Vantor said it would…": "it" may be whoever said so; "groups say it will…" is not.
    if (first.normal !== 'it' || !reporter) return true;
    return reporter.length === 0 || is(reporter.at(-1), 'Plural');
  }
  return subject.length === 2 && first.normal === 'the' && VAGUE.has(subject[1]!.normal);
}
