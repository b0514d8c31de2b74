import { SPEECH_VERBS } from '../analyze/gazetteer.js';
import { type AlignedClause, alignClauses, evidenceClauses } from './clauses.js';
import { comparativeOpposition, opposition } from './contrast.js';
import { missingDates } from './dates.js';
import { rarity } from './rarity.js';
import type { IndexedSentence, SupportIndex } from './support-index.js';
import { contentStems } from './text.js';

/**
 * The edits that turn a sentence's meaning while keeping its words, found without a model: a
 * negation added or removed, a word swapped for its opposite (or a comparative turned round), a
 * clause that no evidence sentence holds, a name put into another sentence's words, a weekday or
 * month the evidence does not name. Each compares a clause of the claim with the evidence
 * sentence it was taken from; none of them can be cleared by a model judge.
 */

/** One meaning edit found in a claim. */
export interface MeaningProblem {
  check: 'polarity' | 'contrast' | 'clause' | 'date';
  message: string;
  detail: Record<string, unknown>;
}

/** Share of a clause's words its evidence sentence must hold for the two to be compared. */
const ALIGNED = 0.5;
/** Share of an added clause's words one evidence sentence must hold for the clause to stand. */
const HELD = 0.67;

/** Every meaning edit in a claim against the evidence index. */
export function meaningProblems(index: SupportIndex, claim: string): MeaningProblem[] {
  const clauses = alignClauses(index, claim);
  const out: MeaningProblem[] = [];
  for (const clause of clauses) {
    const flip = polarityFlip(clause) ?? questionAsFact(clause, claim);
    if (flip) out.push(flip);
    const turned = contrast(clause);
    if (turned) out.push(turned);
    const own = speakerAsSubject(clause);
    if (own) out.push(own);
  }
  out.push(...addedClauses(clauses));
  out.push(...splicedNames(index, clauses));
  const misattributed = quoteGivenToAnother(index, claim);
  if (misattributed) out.push(misattributed);
  for (const word of missingDates(claim, index.stems))
    out.push({ check: 'date', message: `${word} is not in the cited passage`, detail: { date: word } });
  return out;
}

/** A negation the claim clause adds to, or drops from, the evidence clause it follows. */
function polarityFlip(clause: AlignedClause): MeaningProblem | undefined {
  if (!clause.best || clause.coverage < ALIGNED || clause.terms.length < 2) return undefined;
  const terms = new Set(clause.terms);
  let match = { negated: false, shared: -1, text: '' };
  for (const e of evidenceClauses(clause.best)) {
    const shared = e.terms.filter((t) => terms.has(t)).length;
    if (shared > match.shared) match = { negated: e.negated, shared, text: e.text };
  }
  if (match.shared < 2 || match.negated === clause.negated) return undefined;
  return {
    check: 'polarity',
    message: clause.negated
      ? `"${clause.text}" adds a negation the cited passage does not have`
      : `"${clause.text}" drops the negation of the cited passage ("${match.text}")`,
    detail: { clause: clause.text, evidence: clause.best.text },
  };
}

/** A question of the evidence stated as a fact ("Can UVA sue for defamation?" → "UVA can sue"). */
function questionAsFact(clause: AlignedClause, claim: string): MeaningProblem | undefined {
  if (!clause.best || clause.coverage < 0.9 || !/\?["'”’)]*\s*$/.test(clause.best.text)) return undefined;
  if (/\?|\b(?:ask|asks|asked|asking|whether|question|wonder|wondered)\b/i.test(claim)) return undefined;
  return {
    check: 'polarity',
    message: `"${clause.text}" states as fact what the cited passage asks`,
    detail: { clause: clause.text, evidence: clause.best.text },
  };
}

/** A word whose opposite, not the word, stands in the evidence sentence the clause follows. */
function contrast(clause: AlignedClause): MeaningProblem | undefined {
  if (!clause.best || clause.coverage < ALIGNED) return undefined;
  const best = clause.best;
  const found =
    opposition(clause.terms, best.stems) ??
    comparativeOpposition(wordsOf(clause.text), new Set(wordsOf(best.text)));
  if (!found) return undefined;
  return {
    check: 'contrast',
    message: `"${found[0]}" where the cited passage has "${found[1]}"`,
    detail: { word: found[0], passage_word: found[1], evidence: best.text },
  };
}

// "Angela Moore, a publicist for the singer, said later that he was back home": the sentence's
// subject (its first run of capitalised words), a reporting verb, and what the person it reports
// on did, after the pronoun that stands for them.
const SUBJECT = /^[\s"“‘'(]*((?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’.-]*)/u;
const REPORTED = new RegExp(
  String.raw`\b(?:${SPEECH_VERBS})\b(?:[^.;:"“”]{0,40}?\bthat)?\s+(?:he|she|they)\s+([\p{L}'’-]+\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)`,
  'iu',
);
// Words that open a sentence without naming anyone.
const NO_SUBJECT = new Set([
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'the',
  'a',
  'an',
  'this',
  'that',
  'but',
  'and',
]);

/**
 * What the evidence sentence reports its subject said of someone else, told as the subject's own
 * deed: "Angela Moore … said that he was back home" becomes "Angela Moore was back home".
 */
function speakerAsSubject(clause: AlignedClause): MeaningProblem | undefined {
  if (!clause.best || clause.coverage < ALIGNED) return undefined;
  const evidence = clause.best.text;
  const subject = SUBJECT.exec(evidence)?.[1]?.split(/\s+/);
  const reported = REPORTED.exec(evidence);
  if (!subject || !reported || NO_SUBJECT.has(subject[0]!.toLowerCase())) return undefined;
  const head = subject
    .at(-1)!
    .toLowerCase()
    .replace(/[.'’]+$/, '');
  const deed = wordsOf(reported[1]!).join(' ');
  if (!wordsOf(clause.text).join(' ').includes(`${head} ${deed}`)) return undefined;
  return {
    check: 'clause',
    message: `"${clause.text}" tells as ${subject.join(' ')}'s own what the cited passage reports they said of someone else`,
    detail: { clause: clause.text, evidence },
  };
}

// A quotation of a claim and who it is given to after it: '"…," Russia's news agency says'.
// The speech verbs names are given quotations by (gazetteer.ts), and a news agency's "reported".
const REPORTING_VERBS = `${SPEECH_VERBS}|reported|reports`;
const QUOTED_THEN_SAID = new RegExp(
  String.raw`["“]([^"“”]{12,})[,.!?]?["”]\s*,?\s*((?:[\p{L}'’.-]+\s+){0,6}?)(?:${REPORTING_VERBS})\b`,
  'u',
);
// A sentence that gives its quotation to someone itself: a reporting verb outside the quotation.
const REPORTING = new RegExp(String.raw`\b(?:${REPORTING_VERBS}|according)\b`, 'i');

/**
 * A quotation the claim gives to someone the evidence does not give it to: the words of the
 * speaker it names stand neither in the sentence that holds the quotation nor, when that sentence
 * names no speaker of its own, in the sentence before or after it ('"The insulation is on fire,"
 * RIA Novosti says' where the article has '"…," Tass reported').
 */
function quoteGivenToAnother(index: SupportIndex, claim: string): MeaningProblem | undefined {
  const found = QUOTED_THEN_SAID.exec(claim);
  if (!found) return undefined;
  const speaker = contentStems(found[2]!);
  if (speaker.length === 0) return undefined;
  const quoted = wordsOf(found[1]!).slice(0, 8).join(' ');
  const at = index.sentences.findIndex((s) => wordsOf(s.text).join(' ').includes(quoted));
  if (at < 0) return undefined;
  const sentence = index.sentences[at]!;
  const outside = sentence.text.replace(/["“][^"“”]*["”]/g, ' ');
  const window: IndexedSentence[] = [sentence];
  if (!REPORTING.test(outside))
    for (const i of [at - 1, at + 1]) {
      const other = index.sentences[i];
      if (other && other.source === sentence.source) window.push(other);
    }
  if (speaker.some((t) => window.some((s) => s.stems.has(t)))) return undefined;
  return {
    check: 'clause',
    message: `the cited passage does not give "${found[1]!.replace(/[,.!?]+$/, '').slice(0, 60)}" to ${found[2]!.trim()}`,
    detail: { speaker: found[2]!.trim(), evidence: sentence.text },
  };
}

/**
 * Clauses that no evidence sentence holds: half of the clause or less in its best sentence, or words
 * the evidence lacks in a clause whose best sentence is not the one the rest of the claim comes from
 * ("…, and the school lost" after a copied sentence).
 */
function addedClauses(clauses: readonly AlignedClause[]): MeaningProblem[] {
  if (clauses.length < 2) return [];
  const out: MeaningProblem[] = [];
  for (const clause of clauses) {
    if (clause.terms.length < 2 || clause.coverage >= HELD) continue;
    const elsewhere = clauses.every((other) => other === clause || other.best !== clause.best);
    // Half a clause or less in any one sentence is no clause of the evidence; a little more, with
    // words the evidence lacks, is one only where the rest of the claim comes from.
    if (clause.coverage > ALIGNED && (clause.novel.length === 0 || !elsewhere)) continue;
    out.push({
      check: 'clause',
      message: `no cited passage holds "${clause.text}"`,
      detail: { clause: clause.text, missing: clause.novel },
    });
  }
  return out;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

/** Rarity from which a claim word is a name or a term (see rarity.ts; the scorer's line too). */
const NAME_RARITY = 4.5;

/**
 * Names put into another sentence's words: a rare word of the clause (a name, a term) that the
 * evidence holds, but not in the sentence the clause follows nor the one before it ("muhammadu
 * buhari, 17, was shot for speaking out" where the sentence says it of Malala Yousafzai).
 */
function splicedNames(index: SupportIndex, clauses: readonly AlignedClause[]): MeaningProblem[] {
  const out: MeaningProblem[] = [];
  for (const clause of clauses) {
    if (!clause.best || clause.coverage < ALIGNED || clause.terms.length < 3) continue;
    const at = index.sentences.indexOf(clause.best);
    const before =
      at > 0 && index.sentences[at - 1]!.source === clause.best.source ? index.sentences[at - 1] : undefined;
    const near = (t: string) => clause.best!.stems.has(t) || (before?.stems.has(t) ?? false);
    const moved = clause.terms.filter((t) => index.stems.has(t) && !near(t) && rarity(t) >= NAME_RARITY);
    if (moved.length === 0) continue;
    out.push({
      check: 'clause',
      message: `"${moved.join(', ')}" is not in the passage sentence "${clause.text}" follows`,
      detail: { clause: clause.text, moved, evidence: clause.best.text },
    });
  }
  return out;
}
