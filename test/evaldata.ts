import { existsSync } from 'node:fs';
import path from 'node:path';

/** The shared evaluation data, beside the checkout (see CONTRIBUTING.md). */
export const EVALDATA_DIR = path.resolve(import.meta.dirname, '../../shared/evaldata');

/**
 * The absolute path of a file or folder of the shared evaluation data. Throws, naming the folder,
 * when it is missing: a test that needs real data fails loudly rather than skipping, so the tests
 * that depend on it cannot vanish from a run unnoticed.
 */
export function evaldataPath(relative: string): string {
  const full = path.join(EVALDATA_DIR, relative);
  if (!existsSync(full)) {
    throw new Error(
      `shared evaluation data missing: ${full} (expected the folder ${EVALDATA_DIR} beside the checkout; see CONTRIBUTING.md)`,
    );
  }
  return full;
}
