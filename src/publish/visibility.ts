import { hasRole } from '../auth/roles.js';
import type { StoryVersion } from '../db/schema.js';

/**
 * Whether readers may see a version: the live one and those it replaced are the public record;
 * versions waiting for review or held by the verifier or an editor are drafts.
 */
export function isPublicVersion(version: Pick<StoryVersion, 'status'>): boolean {
  return version.status === 'published' || version.status === 'superseded';
}

/** Whether a viewer may read drafts (editors and admins, as in the console). */
export function readsDrafts(viewer: unknown): boolean {
  const role = (viewer as { role?: unknown } | null | undefined)?.role;
  return typeof role === 'string' && hasRole(role, 'editor');
}

/** How caches may keep a page or answer that shows drafts: never, and never shared. */
export const DRAFT_CACHE = 'private, no-store';
