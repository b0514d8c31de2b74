/**
 * Finds numbers in text and normalizes them so that "$350 billion", "350bn dollars" and
 * "350,000,000,000" compare equal. Used by the figure check and the support scorer; the analyze
 * stage's Figure.value follows the same convention (350e9 for "$350 billion").
 */
import { NUMBER_WORDS } from '../analyze/figures.js';

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  crore: 1e7,
  lakh: 1e5,
};

/** A number found in text. */
export interface FoundNumber {
  start: number;
  end: number;
  text: string;
  value: number;
  percent: boolean;
}

const NUMBER =
  /(?<![\p{L}\p{N}.,:])([$€£¥₩]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|crore|lakh|bn|mn|mln|tn|[kmb])(?![\p{L}]))?(\s?(?:%|per ?cent|percent))?(?![\p{L}\p{N}])/giu;
const WORD_NUMBER =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)(?:\s(thousand|million|billion|trillion))?\b/giu;

/** Every number in the text with its normalized value. Years stay as written (2026 → 2026). */
export function findNumbers(text: string, options: { words?: boolean } = {}): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    let value = Number(m[2]!.replace(/,/g, ''));
    const unit = m[3]?.toLowerCase();
    // A bare "m" or "b" after a number only means million/billion after a currency sign.
    if (unit && (unit.length > 1 || m[1])) value *= MULTIPLIERS[unit] ?? 1;
    else if (unit && !m[1]) {
      out.push(found(m.index, m[0].length - unit.length, text, value, Boolean(m[4])));
      continue;
    }
    out.push(found(m.index, m[0].length, text, value, Boolean(m[4])));
  }
  if (options.words) {
    for (const m of text.matchAll(WORD_NUMBER)) {
      const value = NUMBER_WORDS[m[1]!.toLowerCase()]! * (m[2] ? MULTIPLIERS[m[2].toLowerCase()]! : 1);
      out.push(found(m.index, m[0].length, text, value, false));
    }
  }
  return out;
}

function found(start: number, length: number, text: string, value: number, percent: boolean): FoundNumber {
  return { start, end: start + length, text: text.slice(start, start + length).trim(), value, percent };
}

/** True when two normalized values are the same figure (allowing float noise and rounding to 3 digits). */
export function sameValue(a: number, b: number): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale > 0 && Math.abs(a - b) / scale < 1e-6;
}

/** True when `value` appears among `values`, also accepting a rounded form ("3.46 billion" ~ "3.5 billion"). */
export function valuePresent(value: number, values: readonly number[]): boolean {
  return values.some((v) => sameValue(v, value) || roundsTo(v, value));
}

function roundsTo(precise: number, rounded: number): boolean {
  if (rounded === 0 || precise === 0) return false;
  const digits = significantDigits(rounded);
  const p = Number(precise.toPrecision(digits));
  return digits < significantDigits(precise) && sameValue(p, rounded);
}

function significantDigits(n: number): number {
  const s = Math.abs(n).toExponential().split('e')[0]!.replace('.', '');
  return s.replace(/0+$/, '').length || 1;
}
