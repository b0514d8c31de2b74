import { type Candidate, overlap } from './candidates.js';
import { conceptsOf } from './concepts.js';
import { answers, stakesNamed, toldBefore } from './dek-cues.js';
import { centrality, LEDE_REPEAT, QUOTED, time } from './headline.js';

/** The dek: the one sentence under the headline that says what is at stake in the news. */

// Pronouns that point to a sentence before.
const PRONOUN = /\b(?:it|he|she|they|him|them)\b/i;
// How far past the opening sentence the dek is looked for in the opening report.
const DEK_DEPTH = 3;
// How far the opening report's lead paragraphs run, where a more central sentence may stand in.
const DEK_READ = 6;
// How many of the best picks after the opening one the dek is looked for among.
const DEK_PICKS = 6;
// The opening report's next sentence is its own account of what matters after the first: it gives
// way only to a sentence worth twice as much, as its lead paragraphs give way to one worth half as
// much again. "The rocket's first stage landed on a barge" gives way to "The mission cost $410
// million", which all four launch reports tell.
const NEXT_WEIGHT = 2;
const LEAD_WEIGHT = 1.5;
// Without an opening report, each later pick is worth this much less than the one before it.
const RANK_STEP = 0.15;
// A party's account of its own conduct, or what came before the news, is worth this much of the rest.
const ASIDE = 0.5;
// Coverage older than the newest tells a state the story may have left.
const OLDER = 0.8;

/**
 * The dek, what is at stake: among the opening report's lead paragraphs and the first picks after
 * the opening one, the sentence worth most. Its worth is how central it is to the story (see
 * `centrality`; without an opening report, undated coverage, the order of the picks), times what it
 * names at stake (harm, risk, cost, an effect to come, its scale; see `stakesNamed`), halved when it
 * answers for someone ("The board said it had acted as soon as it had enough evidence") or tells
 * what came before the news ("…, the statistics office reported last week"). The opening report's
 * next sentence counts twice, its other lead paragraphs half as much again, and coverage older than
 * the newest a little less. With one report every word pair counts alike and centrality says
 * nothing: its next sentence stands. Never a quote, nor a sentence that names someone by the surname
 * alone whom the `headline` does not name; in the opening report, nor one that names what it speaks
 * of by a pronoun. It leaves the body. `pool` holds the sentences the body may carry; `weights` the
 * story's concept weights (concepts.ts).
 */
export function pickDek(
  picks: readonly Candidate[],
  opener?: Candidate,
  pool: readonly Candidate[] = [],
  headline = '',
  weights: ReadonlyMap<string, number> = new Map(),
): Candidate | undefined {
  // The dek does not retell the lede's opening sentence (the lede would then drop it).
  const usable = (c: Candidate) =>
    !c.speaker &&
    !c.paired &&
    !QUOTED.test(c.text) &&
    (!opener || (c !== opener && overlap(c, opener) < LEDE_REPEAT));
  // A dek names what it speaks of ("it will change almost nothing" leans on the sentence before),
  // and whom: above the lede, a surname alone names someone the reader has not met.
  const named = (c: Candidate) => !bySurnameOnly(c, headline);
  // In the opening report's lead paragraphs a pronoun most likely points to the sentence before.
  const standsAlone = (c: Candidate) =>
    !PRONOUN.test(c.text) && !(opener && bySurname(c.text, opener.text, headline)) && named(c);
  const lead = opener ? leadParagraphs(opener, pool).filter((c) => usable(c) && standsAlone(c)) : [];
  const next = lead[0] && lead[0].position <= opener!.position + DEK_DEPTH ? lead[0] : undefined;
  const options = [
    ...lead,
    ...picks.slice(1, DEK_PICKS + 1).filter((c) => usable(c) && named(c) && !lead.includes(c)),
  ];
  if (options.length === 0) return undefined;
  const several = new Set(picks.map((c) => c.article.id)).size >= 2;
  if (!several && next) return next;
  const known = new Set([opener?.text ?? '', headline].flatMap(conceptsOf));
  // Without an opening report (undated coverage) the order of the picks, what coverage found most
  // worth telling, stands in for how central a sentence is.
  const central = new Map(
    options.map((c, i) => [
      c,
      !opener ? 1 / (1 + RANK_STEP * i) : several ? centrality(c, weights, known) : 1,
    ]),
  );
  // A sentence that shares nothing with the other reports may still name what is at stake.
  const floor = Math.max(...central.values()) / 4;
  const newest = Math.max(...picks.map(time));
  const worth = (c: Candidate) =>
    Math.max(central.get(c)!, floor) *
    (1 + stakesNamed(c.text)) *
    (answers(c.text) || toldBefore(c.text, c.article.published_at?.getUTCFullYear()) ? ASIDE : 1) *
    (c === next ? NEXT_WEIGHT : lead.includes(c) ? LEAD_WEIGHT : 1) *
    (time(c) < newest && c.article !== opener?.article ? OLDER : 1);
  return options.reduce((best, c) => (worth(c) > worth(best) ? c : best));
}

/**
 * Whether a sentence names someone by the surname alone ("Tulowitzki leads the majors in hitting")
 * whom its report names in full elsewhere ("Troy Tulowitzki") and the `headline` does not name.
 */
function bySurnameOnly(c: Candidate, headline: string): boolean {
  const { text, analysis } = c.article;
  return analysis.entities.some((e) => {
    if (e.kind !== 'person' || !/\s/.test(e.name.trim())) return false;
    const inside = e.mentions.filter((m) => m.start >= c.start && m.end <= c.end);
    if (inside.length === 0) return false;
    const said = inside.map((m) => text.slice(m.start, m.end).trim());
    return said.every((name) => !/\s/.test(name) && !headline.includes(name));
  });
}

/** The sentences of the opening report's lead paragraphs after `opener` among `pool`, in its order. */
function leadParagraphs(opener: Candidate, pool: readonly Candidate[]): Candidate[] {
  return pool
    .filter(
      (c) =>
        c.article === opener.article &&
        c.position > opener.position &&
        c.position <= opener.position + DEK_READ,
    )
    .sort((a, b) => a.position - b.position);
}

/**
 * Whether a sentence opens on a person's surname alone ("Moss, a father of three, …") whom only the
 * sentence before names in full ("Derek Moss"): the dek stands above that sentence, and would name
 * someone the reader has not met.
 */
function bySurname(text: string, before: string, headline: string): boolean {
  const surname = /^(\p{Lu}[\p{Ll}'’-]+)\b/u.exec(text)?.[1];
  // A name the headline gives ("Harrow Athletic stun Sable City Rovers …") is known above the dek.
  if (!surname || new RegExp(`\\b${surname}\\b`, 'u').test(headline)) return false;
  const full = new RegExp(`\\p{Lu}[\\p{L}.'’-]*\\s+${surname}\\b`, 'u');
  return full.test(before) && !full.test(text);
}
