import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'HEAD']);

/**
 * Turns an HTML fragment into plain text with one paragraph per line: the text that analysis reads
 * and that citation offsets point into. One streaming pass of the HTML parser, no DOM: the same
 * events a DOM would be built from (htmlparser2's, as linkedom builds its tree), so the text is the
 * one a walk of `document.body` gives, at a fraction of the cost and garbage.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  // Depth inside our <body>: 0 before it opens; after it closes (a stray </body> in the fragment
  // closes it early, and what follows lands outside the body) nothing more is read.
  let depth = 0;
  let done = false;
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (done) return;
        if (depth === 0) {
          if (name === 'body') depth = 1;
          return;
        }
        depth++;
        const tag = name.toUpperCase();
        if (skipping > 0 || SKIP.has(tag)) skipping++;
        else if (BLOCK.has(tag)) parts.push('\n');
      },
      ontext(text) {
        if (!done && depth > 0 && skipping === 0) parts.push(text);
      },
      onclosetag(name) {
        if (done || depth === 0) return;
        if (--depth === 0) {
          done = true;
          return;
        }
        if (skipping > 0) skipping--;
        else if (BLOCK.has(name.toUpperCase())) parts.push('\n');
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(`<!doctype html><html><body>${html}</body></html>`);
  parser.end();
  return normalizeText(parts.join(''));
}

/** Collapses runs of white space inside lines and blank lines between paragraphs. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
