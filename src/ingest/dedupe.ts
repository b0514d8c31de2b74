/**
 * Near-duplicate detection with MinHash over word pairs and LSH banding (Broder 1997; Leskovec et
 * al., Mining of Massive Datasets ch. 3). 32 minima in 8 bands of 4: a pair with Jaccard 0.8 shares
 * a band with probability 0.985, one with Jaccard 0.2 with 0.013. Band keys live in an indexed
 * table, so candidates come from an index lookup; the signature then estimates the similarity.
 */

/** Texts shorter than this many words are too short to fingerprint (teasers look alike). */
export const MIN_WORDS = 40;
/** Estimated Jaccard similarity from which two texts count as the same story republished. */
export const DUPLICATE_SIMILARITY = 0.75;

const HASHES = 32;
const ROWS = 4;
const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 * (i + 1)));

function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The MinHash signature of a text as hex (8 digits per minimum), or null for a short text. */
export function fingerprint(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const minima = new Uint32Array(HASHES).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) {
    const base = fnv1a(`${words[i]} ${words[i + 1]}`);
    if (seen.has(base)) continue;
    seen.add(base);
    for (let k = 0; k < HASHES; k++) {
      const h = mix(base ^ SEEDS[k]!);
      if (h < minima[k]!) minima[k] = h;
    }
  }
  return Array.from(minima, (m) => m.toString(16).padStart(8, '0')).join('');
}

/** The minima of a signature, parsed once when a signature is compared many times. */
export function minima(signature: string): Uint32Array {
  const values = new Uint32Array(HASHES);
  for (let k = 0; k < HASHES; k++) values[k] = Number.parseInt(signature.slice(k * 8, k * 8 + 8), 16);
  return values;
}

/** The LSH band keys of a signature (signed 32-bit), as stored and looked up. */
export function fingerprintBands(signature: string | Uint32Array): number[] {
  const values = typeof signature === 'string' ? minima(signature) : signature;
  const bands: number[] = [];
  for (let b = 0; b < HASHES / ROWS; b++) {
    let key = mix(b + 1);
    for (let r = 0; r < ROWS; r++) key = mix(key ^ values[b * ROWS + r]!);
    bands.push(key | 0);
  }
  return bands;
}

/** Estimated Jaccard similarity of two texts from their signatures (share of equal minima). */
export function similarity(a: string | Uint32Array, b: string | Uint32Array): number {
  const x = typeof a === 'string' ? minima(a) : a;
  const y = typeof b === 'string' ? minima(b) : b;
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (x[k] === y[k]) same++;
  return same / HASHES;
}
