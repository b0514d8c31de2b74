import { readFileSync } from 'node:fs';

/** Newsloom's version from package.json (two levels up from src/lib and dist/lib alike). */
export function newsloomVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
