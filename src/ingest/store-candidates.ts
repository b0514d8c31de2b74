import type { NewArticle } from '../db/schema.js';
import { invalidateAnalyses } from '../store/analyses.js';
import {
  fingerprintCandidates,
  insertArticles,
  insertFingerprintBands,
  originalsByContentHash,
  replaceFingerprintBands,
  type StoredArticleKey,
  updateArticleContent,
} from '../store/articles.js';
import type { Executor } from '../store/db.js';
import { addItemsSeen } from '../store/sources.js';
import { DUPLICATE_SIMILARITY, fingerprintBands, minima, similarity } from './dedupe.js';
import type { Candidate } from './items.js';

/** What storing a batch did: new originals, new duplicates (linked), and rows already stored. */
export interface StoredBatch {
  articleIds: number[];
  originals: number;
  duplicates: number;
  existing: number;
}

/**
 * Stores new articles of one source in one transaction. Each is checked against stored articles
 * and the batch itself: same content hash, or a MinHash match from the band index, makes it a
 * duplicate linked to the original (`duplicate_of`); it is stored either way. The source's
 * `items_seen` grows by the articles stored, so repeats on later refreshes do not count again.
 */
export async function storeCandidates(
  db: Executor,
  sourceId: number,
  candidates: Candidate[],
): Promise<StoredBatch> {
  const batch = [...new Map(candidates.map((c) => [c.article.canonical_url, c.article])).values()];
  const total: StoredBatch = { articleIds: [], originals: 0, duplicates: 0, existing: 0 };
  if (batch.length === 0) return total;
  return db.transaction().execute(async (tx) => {
    // Chunks keep each statement under PostgreSQL's 65,535 bind parameters (a 10,000-item feed).
    for (let start = 0; start < batch.length; start += CHUNK) {
      const part = await storeChunk(tx, sourceId, batch.slice(start, start + CHUNK));
      total.articleIds.push(...part.articleIds);
      total.originals += part.originals;
      total.duplicates += part.duplicates;
      total.existing += part.existing;
    }
    await addItemsSeen(tx, sourceId, total.articleIds.length);
    return total;
  });
}

const CHUNK = 500;

async function storeChunk(tx: Executor, sourceId: number, batch: Row[]): Promise<StoredBatch> {
  const { ready, siblingsOf } = await linkDuplicates(tx, batch);
  const first = await insertArticles(
    tx,
    ready.map((row) => ({ ...row, source_id: sourceId })),
  );
  // Copies of a story that is new in this same batch point at it once it has an id.
  const second = await insertArticles(
    tx,
    [...siblingsOf].map(([row, original]) => ({
      ...row,
      source_id: sourceId,
      duplicate_of: first.inserted.get(original) ?? null,
    })),
  );
  const bands = ready
    .filter((row) => row.fingerprint && row.duplicate_of == null && first.inserted.has(row.canonical_url))
    .map((row) => ({
      article_id: first.inserted.get(row.canonical_url)!,
      bands: fingerprintBands(row.fingerprint!),
    }));
  await insertFingerprintBands(tx, bands);
  const originals = ready.filter(
    (row) => row.duplicate_of == null && first.inserted.has(row.canonical_url),
  ).length;
  const articleIds = [...first.inserted.values(), ...second.inserted.values()];
  return {
    articleIds,
    originals,
    duplicates: articleIds.length - originals,
    existing: first.existing.length + second.existing.length,
  };
}

type Row = Omit<NewArticle, 'source_id'>;

/**
 * Sets `duplicate_of` on rows that republish a stored article. Rows that copy another row of the
 * batch come back separately in `siblingsOf`, keyed to the canonical URL of their original.
 */
async function linkDuplicates(
  tx: Executor,
  batch: Row[],
): Promise<{ ready: Row[]; siblingsOf: Map<Row, string> }> {
  const byHash = await originalsByContentHash(
    tx,
    batch.map((row) => row.content_hash),
  );
  // Signatures are parsed once here: every row is compared with every stored candidate and with
  // the new rows before it.
  const signatureOf = new Map<Row, Uint32Array>();
  for (const row of batch) if (row.fingerprint) signatureOf.set(row, minima(row.fingerprint));
  const allBands = [...signatureOf.values()].flatMap((signature) => fingerprintBands(signature));
  const stored = (await fingerprintCandidates(tx, [...new Set(allBands)], 50 * batch.length)).map((c) => ({
    id: c.id,
    signature: minima(c.fingerprint),
  }));
  const ready: Row[] = [];
  const fresh: Row[] = [];
  const siblingsOf = new Map<Row, string>();
  for (const row of batch) {
    const signature = signatureOf.get(row);
    const original = byHash.get(row.content_hash) ?? (signature ? bestMatch(signature, stored) : null);
    if (original !== null) {
      ready.push({ ...row, duplicate_of: original });
      continue;
    }
    const sibling = fresh.find((other) => sameStory(row, signature, other, signatureOf.get(other)));
    if (sibling) {
      siblingsOf.set(row, sibling.canonical_url);
      continue;
    }
    fresh.push(row);
    ready.push({ ...row, duplicate_of: null });
  }
  return { ready, siblingsOf };
}

function sameStory(a: Row, aSignature: Uint32Array | undefined, b: Row, bSignature: Uint32Array | undefined) {
  if (a.content_hash === b.content_hash) return true;
  return Boolean(aSignature && bSignature && similarity(aSignature, bSignature) >= DUPLICATE_SIMILARITY);
}

/** The most similar stored original at or above the duplicate threshold, or null. */
function bestMatch(signature: Uint32Array, stored: { id: number; signature: Uint32Array }[]): number | null {
  let best: number | null = null;
  let bestScore = DUPLICATE_SIMILARITY;
  for (const candidate of stored) {
    const score = similarity(signature, candidate.signature);
    if (score >= bestScore) {
      best = candidate.id;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Replaces a stored article's content with a newer fetch of it, and its band keys with those of the
 * new text, in one transaction. Duplicates keep no band keys (only originals are matched against),
 * so a duplicate's keys stay empty. Its analysis no longer matches the text: it is dropped and the
 * article queued, so the pipeline analyzes it again and writes its story anew.
 */
export async function updateStoredArticle(
  db: Executor,
  stored: StoredArticleKey,
  article: Row,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await updateArticleContent(tx, stored.id, {
      title: article.title,
      html: article.html,
      text: article.text,
      summary: article.summary,
      author: article.author,
      content_hash: article.content_hash,
      fingerprint: article.fingerprint ?? null,
    });
    const bands =
      stored.duplicate_of === null && article.fingerprint ? fingerprintBands(article.fingerprint) : [];
    await replaceFingerprintBands(tx, stored.id, bands);
    await invalidateAnalyses(tx, [stored.id]);
  });
}
