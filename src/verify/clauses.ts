import type { IndexedSentence, SupportIndex } from './support-index.js';
import { contentStems } from './text.js';

/**
 * Claims cut into clauses, each aligned to the evidence sentence that holds most of it: the unit the
 * deterministic meaning checks (polarity, contrast, added clause) compare, so an edit in one clause
 * is judged against the sentence that clause came from, not against the best match of the whole.
 */

/** One clause of a claim with its content stems. */
export interface Clause {
  text: string;
  /** Content stems, negation markers (`not`) included. */
  stems: string[];
  /** Content stems without negation markers. */
  terms: string[];
  negated: boolean;
}

/** A clause with the evidence sentence that holds the largest share of its terms. */
export interface AlignedClause extends Clause {
  best: IndexedSentence | undefined;
  /** Share of the clause's terms in `best`. */
  coverage: number;
  /** Terms in no evidence sentence at all. */
  novel: string[];
}

// Where a second statement starts: punctuation, or a conjunction that joins two clauses.
const BOUNDARY =
  /\s*[;:]\s+|,\s+|\s+(?=(?:and|but|while|whereas|although|though|because|after|before|as|which|who|when|where|since|until|so)\s)/giu;

/** A text's clauses; a piece with fewer than two content words joins the clause before it. */
export function clausesOf(text: string): Clause[] {
  const pieces = text.split(BOUNDARY).filter((p) => p.trim() !== '');
  const out: Clause[] = [];
  for (const piece of pieces) {
    const stems = contentStems(piece);
    const terms = stems.filter((s) => s !== 'not');
    const last = out.at(-1);
    if (last && (terms.length < 2 || last.terms.length < 2)) {
      last.text = `${last.text} ${piece.trim()}`;
      last.stems.push(...stems);
      last.terms.push(...terms);
      last.negated ||= stems.includes('not');
      continue;
    }
    out.push({ text: piece.trim(), stems, terms, negated: stems.includes('not') });
  }
  return out;
}

/** Each clause of a claim with the evidence sentence that holds most of it. */
export function alignClauses(index: SupportIndex, claim: string): AlignedClause[] {
  return clausesOf(claim).map((clause) => {
    const terms = [...new Set(clause.terms)];
    let best: IndexedSentence | undefined;
    let covered = 0;
    for (const sentence of index.sentences) {
      let n = 0;
      for (const t of terms) if (sentence.stems.has(t)) n++;
      if (n > covered) {
        covered = n;
        best = sentence;
      }
    }
    return {
      ...clause,
      best,
      coverage: terms.length === 0 ? 1 : covered / terms.length,
      novel: terms.filter((t) => !index.stems.has(t)),
    };
  });
}

/** The clauses of an evidence sentence, for comparing a claim clause with the clause it came from. */
export function evidenceClauses(sentence: IndexedSentence): Clause[] {
  return clausesOf(sentence.text);
}
