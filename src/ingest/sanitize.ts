import sanitizeHtml from 'sanitize-html';

// Allowlist of what an article body may carry; everything else (script, style, iframe, forms,
// event handlers, javascript:/data: URLs) is removed before HTML is stored or shown.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'caption',
    'cite',
    'code',
    'dd',
    'del',
    'dfn',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'ins',
    'kbd',
    'li',
    'mark',
    'ol',
    'p',
    'pre',
    'q',
    's',
    'small',
    'span',
    'strong',
    'sub',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'time',
    'tr',
    'u',
    'ul',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    blockquote: ['cite'],
    q: ['cite'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'svg',
    'math',
  ],
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' },
    }),
  },
};

/** Removes everything from untrusted HTML that is not on the article allowlist. */
export function sanitizeArticleHtml(html: string, baseUrl?: string): string {
  const clean = sanitizeHtml(html, {
    ...OPTIONS,
    allowedAttributes: { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel', 'target'] },
  });
  return baseUrl ? absolutizeLinks(clean, baseUrl) : clean;
}

/** Resolves relative href and src attributes against the page or feed URL. */
function absolutizeLinks(html: string, baseUrl: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attr: string, value: string) => {
    try {
      const decoded = value.replace(/&amp;/g, '&');
      const resolved = new URL(decoded, baseUrl);
      if (
        resolved.protocol !== 'http:' &&
        resolved.protocol !== 'https:' &&
        resolved.protocol !== 'mailto:'
      ) {
        return '';
      }
      return `${attr}="${resolved.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    } catch {
      return whole;
    }
  });
}
