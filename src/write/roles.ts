import type { SourceArticle } from '../verify/types.js';
import { organisationsByKind } from './reference-text.js';

/** Who a speaker is, as the sources word it next to their name. */

// Capitalised words that make a title before a name: "Chief Executive Rafa Dominguez".
const TITLE_WORDS =
  'Chief|Executive|President|District|Majority|Minority|Vice|Prime|Minister|Secretary|Mayor|Governor|Senator|Representative|Rep\\.|Sen\\.|Gov\\.|Director|General|Commissioner|Chairman|Chairwoman|Chair|Spokesman|Spokeswoman|Spokesperson|Officer|Judge|Justice|Professor|Coach|Manager|Captain|Superintendent|Inspector|Detective|Sergeant|Chancellor|Ambassador|Attorney|Sheriff|Commander|Head|Deputy|Leader|Founder|CEO|Police|Fire|State|Foreign|Defense|Defence|Finance|Health|Interior|Justice';
const TITLE_BEFORE = new RegExp(`(?:^|[\\s(])((?:(?:${TITLE_WORDS})\\s+){1,4})$`, 'u');
// Nouns of a job or a role that a news report writes before a name, in lower case ("club secretary
// Owen Pryce", "Harbourline analyst Marcus Tiller", "Opposition finance spokesman Harold Quayle");
// "co-?ordinator" is either spelling.
const ROLE_NOUNS = (
  'spokesman spokeswoman spokesperson executive director leader minister secretary president chair ' +
  'chairman chairwoman chairperson analyst economist strategist professor lawyer attorney manager ' +
  'officer coach captain mayor governor senator councillor councilor founder co-founder head chief ' +
  'commissioner superintendent inspector detective researcher scientist specialist librarian teacher ' +
  'principal curator engineer official editor adviser advisor consultant negotiator organiser ' +
  'organizer campaigner activist treasurer ambassador envoy mediator judge prosecutor sergeant ' +
  'constable commander surgeon physician neurologist historian archaeologist publicist co-?ordinator ' +
  'biologist chemist psychologist author columnist correspondent pundit producer resident MP nurse ' +
  'doctor chaplain pastor priest bishop rabbi imam filmmaker creator co-creator rancher farmer'
)
  .split(' ')
  .map((n) => `[${n[0]!.toUpperCase()}${n[0]}]${n.slice(1)}`)
  .join('|');
// Up to three words before the role noun that qualify it: a name ("Harbourline", "White House",
// "D.C."), an owner ("NBC’s"), or a word of a role's kind ("head", "finance", "defense"); never a
// verb or a word of the sentence around the name ("it took defense attorney …").
const ROLE_QUALIFIERS =
  'head chief deputy senior assistant vice prime former acting interim press finance foreign defense defence health legal political police fire club team department agency campaign party union committee office study public information communications state federal city county school hospital research technology security managing executive general trade education transport housing justice interior search marketing sales personal'
    .split(' ')
    .join('|');
// A capital that only opens the sentence ("After", "Watching", "One") qualifies no role.
const ROLE_MODIFIER = `(?!(?:The|A|An|Another|One|Two|Some|Many|Their|His|Her|Its|Our|My|Your|After|Before|When|While|As|If|But|And|Or|So|Then|Now|In|On|At|For|With|By|From|During|Since|Until|\\p{Lu}\\p{Ll}+ing)\\s)(?:\\p{Lu}[\\p{L}.&'’-]*|\\p{L}+['’]s|(?:${ROLE_QUALIFIERS}))`;
// … right before the name, or set off before it by a comma ("Tallyform's chief technology
// officer, Ewan Royce, said"); an owner keeps its article ("the trust's chief executive, Joanna
// Pike", "The National Renewal party's spokesman on home affairs, Anton Reyes"). What follows the
// role noun: whom it serves ("of Harrow County", "for the company") or what it covers ("on trade").
const ROLE_BEFORE = new RegExp(
  `(?:^|[\\s("“])((?:[Tt]he\\s+(?=(?:\\p{Lu}[\\p{L}-]*\\s+){0,3}\\p{L}+['’]s\\s))?(?:${ROLE_MODIFIER}\\s+){0,3}(?:${ROLE_NOUNS})(?:\\s+(?:for|of)\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}|\\s+(?:for|of|at)\\s+the\\s+\\p{Ll}[\\p{L}-]*|\\s+on\\s+\\p{Ll}+(?:\\s+\\p{Ll}+)?)?),?\\s+$`,
  'u',
);
// A word of a role's own, which the sentence's capital alone gives a capital.
const ROLE_WORD = new RegExp(`^(?:${ROLE_QUALIFIERS}|${ROLE_NOUNS})$`, 'u');
// Where a sentence ends before a name: a word in lower case (or a figure, a closing quote) and its
// full stop, or a line break. "D.C. police" does not end one.
const SENTENCE_END = /(?:[\p{Ll}\d)"”’][.!?]["”’]?\s+|\n\s*)/gu;
// ", president of Local 212," or ", an engineer at Sable City University who…": an appositive in lower
// case, or opening on whose it is (", Quill's campaign manager,") or on a title (", Editor in Chief
// of The Knot,"); ", was not available to comment" is the sentence's verb.
const OWNER = String.raw`\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3}['’]s\s+\p{Ll}`;
const TITLED = String.raw`(?:${TITLE_WORDS}|Editor|Publisher)\s+(?:of|in|at|for|and|\p{Lu})`;
const APPOSITIVE = new RegExp(
  String.raw`^,\s+((?!(?:and|but|or|each|both|all|who|whose|which|that|said|says|told|according|adding|saying|speaking|as|while|when|if|because|where|it|he|she|they|we|i|you|this|there|despite|after|before|during|without|since|until|like|unlike|including|although|though|however|meanwhile|instead|perhaps|also|too|even|still|was|were|is|are|has|had|have|will|would|could|can|did|does|do|should|may|might|must)\b)(?:the |a |an )?(?:\p{Ll}|${OWNER}|${TITLED})[^,.;:"“”()\n]{2,110}?)(?=\s*[,.;:"“”)]|\s+(?:who|which|said|says|told)\b)`,
  'u',
);
// ", 42," or ", PhD," between a name and who they are.
const AGE_OR_DEGREE = /^,\s+(?:\d{1,3}|Ph\.?\s?D\.?|M\.D\.|MD)(?=,)/u;

/**
 * The appositive after a name, past an age or a degree between them. After an age, only one that
 * opens on an article, an owner or a title says who they are: "Charisse Stinson, 21, faces
 * charges" and "Dan Keller, 75, of Henderson" go on with what they did or where they live.
 */
function appositive(next: string): RegExpExecArray | null {
  const rest = next.replace(AGE_OR_DEGREE, '');
  // ", lead author of the study and an associate professor of …": too long to end in reach, its
  // first part says who they are.
  const found =
    APPOSITIVE.exec(rest) ?? APPOSITIVE.exec(rest.replace(/\s+and\s+(?:a|an|the)\s[\s\S]*$/u, '.'));
  const aged = /^,\s+\d/.test(next) && rest !== next;
  return found && (!aged || /^(?:the|a|an)\s|^\p{Lu}/u.test(found[1]!)) ? found : null;
}

// "the judge, Sir Michael Astill, criticised the men": a verb and its object after the name say what
// they did, not who they are ("retired judge" is a role).
const DID =
  /^\p{Ll}+(?:ed|ew|ave|ook|ent|old|aid)\s+(?:the|a|an|his|her|their|its|our|that|this|to|on|in|at|for)\b/u;
// "immediately contacted the U", "sobbed audibly as …", "wrote in their paper", "sought to manage",
// "referring to African Americans": a clause after the name opening on what they did or were doing.
// Words in -ed that make a role ("retired judge", "elected official") are not verbs here.
const ACTED =
  /^(?:\p{Ll}+ly\s+)?(?:(?!(?:retired|elected|appointed|licensed|certified|registered|qualified|trained|renowned|noted|acclaimed|celebrated|respected|seasoned|unnamed|named|red|bed)\b)\p{Ll}+ed|wrote|sought|let|told|made|took|gave|went|came|saw|found|became|began|ran|won|lost|left|held|kept|brought|thought|met|paid|sold|sent|spent|stood|heard|knew|got|put)\b|^(?!(?:managing|acting|leading|founding|visiting|presiding|ruling|governing|reigning|outgoing|incoming|longstanding|long-serving)\b)\p{Ll}+ing\b/u;
// "in a statement on Tuesday", "on Monday", "at a news conference": where or when, not who.
const CIRCUMSTANCE = /^(?:in|on|at|by|via|through|during|over|into|under)\s/;
// "these three shows will mark the final Dead shows": a clause with its own verb.
const CLAUSE = /\b(?:will|would|can|could|should|may|might|must|is|are|was|were|has|have|had)\s+\p{Ll}/u;
// "commander of the U", "a Republican whom Mr": a role cut at the full stop of an abbreviation.
const CUT_SHORT = /(?:\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|St|Jr|Gen|Lt|Col|Sgt|Capt|Rev|Prof))$/u;

/** Whether an appositive after a name says what they did or where, or was cut short, rather than who they are. */
function notARole(role: string): boolean {
  return (
    DID.test(role) || ACTED.test(role) || CIRCUMSTANCE.test(role) || CLAUSE.test(role) || CUT_SHORT.test(role)
  );
}

// ", who studies embedded systems at Sable City University," or ", who lives on Weir Lane,": without
// a title, what a relative clause says someone does or has done tells a reader who they are.
const WHO_THEY_ARE =
  /^,\s+(who\s+(?:is|was|has|had|lives|lived|works|worked|studies|studied|represents|runs|ran|owns|owned|heads|leads|led|teaches|chairs|manages|serves|served|coaches|founded|co-founded|published|wrote|directed|created|won|invented|discovered)\s[^,.;:"“”()\n]{3,80}?|whose\s+(?:son|daughter|husband|wife|father|mother|brother|sister|child|children|company|firm|organi[sz]ation|group)\b[^,.;:"“”()\n]{3,80}?)(?=\s*[,.;:"“”)])/u;
// "who was not involved", "who asked not to be named": what someone did not do, or said, is not who they are.
const NOT_WHO = /\b(?:not|never|declined|asked|said|says|told|spoke|speaking|requested)\b/;

/** The speaker's role as worded next to their name in the quoting article, else in any other source. */
export function roleOf(
  sources: readonly SourceArticle[],
  first: SourceArticle,
  speaker: string,
): string | null {
  // What a relative clause says of them, when no source gives a role.
  let described: string | undefined;
  for (const article of [first, ...sources.filter((s) => s !== first)]) {
    let at = article.text.indexOf(speaker);
    while (at >= 0) {
      const next = article.text.slice(at + speaker.length, at + speaker.length + 160);
      const after = appositive(next);
      // ', a Florida-based "adult entertainer",': a role that runs on into quotation marks is cut short.
      // ', a Kirkland, Wash., resident': a place cut from its noun at the comma.
      const cut =
        after &&
        (/^\s*["“]/u.test(after.input.slice(after[0].length)) ||
          /^(?:a|an|the)\s+\p{Lu}[\p{L}.'’-]*$/u.test(after[1]!.trim()) ||
          notARole(after[1]!.trim()) ||
          closesOpening(article.text, at, after.input.slice(after[0].length)));
      if (after && !cut) return withOrganisation(after[1]!.trim(), article, at);
      described ??= whoTheyAre(next.replace(AGE_OR_DEGREE, '')) ?? organisationOf(next, article);
      const title = TITLE_BEFORE.exec(article.text.slice(Math.max(0, at - 60), at))?.[1]?.trim();
      const opening = sentenceBefore(article.text, at, 80);
      const role = ROLE_BEFORE.exec(opening)?.[1];
      // "Trade Minister Mara Ellison": the title with what qualifies it, when the role read before
      // the name holds it.
      if (role && (!title || (role.length > title.length && role.endsWith(title))))
        return withOrganisation(inCase(role, opening.trim() === role), article, at);
      if (title) return title;
      at = article.text.indexOf(speaker, at + speaker.length);
    }
  }
  return described ?? null;
}

// "According to a statement from CEO Mark Zuckerberg, the company plans …": a phrase that opens
// the sentence and ends on the name.
const OPENING_PHRASE =
  /^(?:according to|in a statement (?:from|by)|in an? (?:interview|email|letter) with)\b/i;

/**
 * Whether the comma after a name closes the phrase the sentence opens on, so what follows is the
 * sentence's own clause ("the company plans to expand Oculus"), not who they are. An appositive
 * there is set off by a second comma before the clause ("According to Mark Zuckerberg, chief
 * executive of Facebook, the company …").
 */
function closesOpening(text: string, at: number, rest: string): boolean {
  const before = sentenceBefore(text, at, 120);
  return OPENING_PHRASE.test(before) && !before.includes(',') && !/^\s*,/.test(rest);
}

/** The words before `at` in its own sentence, looking back at most `reach` characters. */
function sentenceBefore(text: string, at: number, reach: number): string {
  const window = text.slice(Math.max(0, at - reach), at);
  const opens = Math.max(0, ...[...window.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length));
  return window.slice(opens);
}

/**
 * "Dr. Ilse Varga of Sable City University": the organisation "of" joins to a name, when the report
 * names it as one (not "Dan Keller of Henderson", a place).
 */
function organisationOf(next: string, article: SourceArticle): string | undefined {
  const of = /^\s+of\s+((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’-]*){0,5})/u.exec(
    next,
  )?.[1];
  if (!of) return undefined;
  const name = of.replace(/^the\s+/, '');
  return article.analysis.entities.some((e) => e.kind === 'organization' && e.name === name) ? of : undefined;
}

/** ", who lives on Weir Lane," after a name: the clause, unless it says what they did not do or cuts an abbreviation. */
function whoTheyAre(after: string): string | undefined {
  const found = WHO_THEY_ARE.exec(after);
  // "whose son Todd led the revolt with the words, 'Let's roll'": a clause a quotation finishes.
  if (found && /^\s*,?\s*["“]/u.test(after.slice(found[0].length))) return undefined;
  const who = found?.[1]?.trim();
  // "who heads the U.S. Navy's …" cut at "U.": a full stop inside an abbreviation.
  if (!who || NOT_WHO.test(who) || /\b\p{Lu}$/u.test(who)) return undefined;
  return who;
}

/**
 * A role whose organisation only "the" and its kind name ("the association's chief executive"),
 * with the organisation as its report named it before the speaker ("chief executive of the Calveran
 * Landlords Association"), when it named one of that kind: shown beside a quote, away from the
 * report, "the association" points to nothing. Otherwise the role as it is.
 */
function withOrganisation(role: string, article: SourceArticle, at: number): string {
  const owned = /^the (\p{Ll}+)['’]s\s+(.+)$/u.exec(role);
  if (!owned) return role;
  const [, kind, held] = owned as unknown as [string, string, string];
  const names = new Set(
    organisationsByKind([article])
      .filter((o) => o.head === kind && o.entity.mentions.some((m) => m.end <= at))
      .map((o) => o.name),
  );
  if (names.size !== 1) return role;
  const name = [...names][0]!;
  // "the party's spokesman on trade": a role that goes on after its noun keeps the owner before it.
  return /\s(?:on|for|of|at|in|to)\s/.test(held) ? `the ${name}'s ${held}` : `${held} of the ${name}`;
}

/**
 * A role as it reads after a name: one that opens its sentence ("Chief executive Sarah Pellham
 * said") loses the capital the sentence gave its first word when that word is a role's own ("chief
 * executive"); a name ("Harbourline analyst") keeps its capital.
 */
function inCase(role: string, opensSentence: boolean): string {
  const [first = '', second = ''] = role.split(/\s+/);
  const common = ROLE_WORD.test(first.toLowerCase());
  // "President Barack Obama’s spokesman": a title before a name keeps its capital.
  const titled = /^\p{Lu}/u.test(second);
  if (/^The\s/.test(role)) return `t${role.slice(1)}`;
  return opensSentence && common && !titled ? role.charAt(0).toLowerCase() + role.slice(1) : role;
}

const LEADING_TITLE = new RegExp(`^((?:(?:${TITLE_WORDS})\\s+)+)(?=\\p{Lu})`, 'u');

/** "Executive Anders Kell" → name "Anders Kell", title "Executive" (a title the name picked up). */
export function splitTitle(speaker: string): { name: string; title?: string } {
  const match = LEADING_TITLE.exec(speaker);
  if (!match || match[0].length >= speaker.length) return { name: speaker };
  return { name: speaker.slice(match[0].length), title: match[1]!.trim() };
}
