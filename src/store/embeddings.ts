import type { Executor } from './db.js';

/** The stored embeddings of the given articles made by `model` (article id → vector). */
export async function embeddingsOf(
  db: Executor,
  articleIds: readonly number[],
  model: string,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('article_embeddings')
    .select(['article_id', 'embedding'])
    .where('article_id', 'in', [...new Set(articleIds)])
    .where('model', '=', model)
    .execute();
  for (const r of rows) out.set(r.article_id, r.embedding);
  return out;
}

/** Stores article embeddings; an article embedded again (another model) keeps only the latest. */
export async function saveEmbeddings(
  db: Executor,
  rows: readonly { articleId: number; model: string; embedding: number[] }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('article_embeddings')
    .values(
      rows.map((r) => ({
        article_id: r.articleId,
        model: r.model,
        embedding: JSON.stringify(r.embedding),
      })),
    )
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet((eb) => ({
        model: eb.ref('excluded.model'),
        embedding: eb.ref('excluded.embedding'),
        created_at: new Date(),
      })),
    )
    .execute();
}
