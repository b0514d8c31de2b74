import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A static file served with a content hash in its URL, so it can be cached forever. */
export interface Asset {
  path: string;
  type: string;
  body: string;
  etag: string;
}

// From src/web (tsx, vitest) the assets sit beside this file; from dist/web they stay in src/web.
const CANDIDATES = ['./assets/', '../../src/web/assets/'];

function readAsset(name: string): string {
  for (const dir of CANDIDATES) {
    const file = fileURLToPath(new URL(`${dir}${name}`, import.meta.url));
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`web asset ${name} not found`);
}

function asset(name: string, ext: string, type: string): Asset {
  const body = readAsset(name);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name.replace(`.${ext}`, '')}.${hash}.${ext}`, type, body, etag: `"${hash}"` };
}

/** The stylesheet and the script, read once. */
export interface SiteAssets {
  css: Asset;
  js: Asset;
}

/** Loads the site's assets from disk. */
export function loadAssets(): SiteAssets {
  return {
    css: asset('site.css', 'css', 'text/css; charset=utf-8'),
    js: asset('site.js', 'js', 'text/javascript; charset=utf-8'),
  };
}
