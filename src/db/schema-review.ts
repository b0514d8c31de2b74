import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.js';

/** Two stories an editor split apart: clustering never merges them again (migration 0012). */
export interface StorySeparationsTable {
  id: Generated<number>;
  story_id: number;
  other_story_id: number;
  /** The article the editor split out, while it exists. */
  article_id: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}
