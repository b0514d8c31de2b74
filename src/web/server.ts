import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Site } from './app.js';

/** The node:http handler of the site: cached story pages by the fast path, everything else by the app. */
export function siteListener(site: Site): RequestListener {
  const app = getRequestListener(site.app.fetch);
  return function serveSite(req, res) {
    if (!site.fastPath(req, res)) void app(req, res);
  };
}
