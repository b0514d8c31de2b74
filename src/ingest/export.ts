import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { articlesAfter } from '../store/articles.js';
import type { Executor } from '../store/db.js';

/** Writes every article in the article interchange format, one JSON line each; returns the count. */
export async function exportArticles(db: Executor, out: Writable, pageSize = 1000): Promise<number> {
  let afterId = 0;
  let count = 0;
  for (;;) {
    const page = await articlesAfter(db, afterId, pageSize);
    if (page.length === 0) return count;
    for (const a of page) {
      const line = JSON.stringify({
        id: a.external_id ?? String(a.id),
        // Articles imported without a URL carry a stand-in identifier that is not a web address.
        ...(a.url.startsWith('urn:') ? {} : { url: a.url }),
        title: a.title,
        text: a.text,
        ...(a.html ? { html: a.html } : {}),
        published_at: a.published_at ? a.published_at.toISOString() : null,
        source: { name: a.source_name, ...(a.source_url ? { url: a.source_url } : {}) },
        ...(a.language ? { language: a.language } : {}),
        ...(a.author ? { author: a.author } : {}),
      });
      // Respect back-pressure so a large export streams instead of filling memory.
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      count++;
    }
    afterId = page[page.length - 1]!.id;
  }
}
