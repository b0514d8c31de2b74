import type { VerificationFinding } from '../db/schema.js';
import type { Finding } from '../verify/types.js';
import type { Executor } from './db.js';

/** Stores the verifier's findings for a version (one row each). */
export async function insertFindings(
  db: Executor,
  versionId: number,
  findings: readonly Finding[],
): Promise<void> {
  if (findings.length === 0) return;
  await db
    .insertInto('verification_findings')
    .values(
      findings.map((f) => ({
        story_version_id: versionId,
        location: f.location,
        check: f.check,
        severity: f.severity,
        message: f.message,
        detail: f.detail === undefined ? null : JSON.stringify(f.detail),
      })),
    )
    .execute();
}

/** The findings of a version, in the order they were stored. */
export async function findingsForVersion(db: Executor, versionId: number): Promise<VerificationFinding[]> {
  return db
    .selectFrom('verification_findings')
    .selectAll()
    .where('story_version_id', '=', versionId)
    .orderBy('id')
    .execute();
}
