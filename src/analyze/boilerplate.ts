/**
 * Notices that extraction lets through in place of an article: an archive's crawl notice, a
 * missing-page notice, a sign-up prompt. They tell no event, yet their words and names ("Internet
 * Archive", "Wayback Machine") are rare in a newsroom's archive, so left in they tie together
 * pages of unrelated events that share nothing else.
 */

// A notice of the page rather than of the news: its whole line (paragraph) is notice.
const NOTICE = new RegExp(
  [
    // an archive's crawl notices
    'these crawls are part of an effort',
    'crawls of supported',
    'donating their crawl data',
    'added to the wayback machine',
    'the seed for (?:this crawl|wide\\d+) was',
    'this crawl was run at',
    'warc files associated with this crawl',
    'crawl of outlinks from',
    '(?:these files|this data) (?:are|is) (?:currently )?not (?:currently )?publicly accessible',
    'inter-domain (?:navigational )?link',
    'web captures',
    'the archive-it service',
    // a missing page
    'the page you (?:requested|are looking for|were looking for) (?:could not be found|cannot be found|does not exist|is not available)',
    // sign-up and sign-in prompts
    '(?:by signing up|sign up),? you agree to receive',
    'you can unsubscribe at any time',
    "please verify you're not a robot",
    'you must select a newsletter',
    'get breaking news alerts',
    'by submitting your registration information',
    'thank you for registering',
    'please sign in',
  ]
    .map((phrase) => `\\b${phrase}\\b`)
    .join('|'),
  'gi',
);

const NOTICE_IN = new RegExp(NOTICE.source, 'i');

/** Whether a sentence or line is such a notice. */
export function isNotice(text: string): boolean {
  return NOTICE_IN.test(text);
}

/**
 * The text with its notice lines replaced by spaces, so every offset into it still points where
 * it did; the text itself when it has none. With `noticeTitle` (the page's title is itself a
 * notice), a text whose notice lines hold at least half of it is a notice as a whole and is
 * blanked entirely: its other lines continue the notice (what a crawl held, a contact line). News
 * under a notice title keeps its news, as its notice lines are a small part of it.
 */
export function blankBoilerplate(text: string, noticeTitle = false): string {
  let out: string[] | null = null;
  let noticeChars = 0;
  let lastLine = -1;
  for (const match of text.matchAll(NOTICE)) {
    out ??= text.split('');
    const start = text.lastIndexOf('\n', match.index) + 1;
    const end = lineEnd(text, match.index);
    if (start !== lastLine) noticeChars += end - start;
    lastLine = start;
    for (let i = start; i < end; i++) out[i] = ' ';
  }
  if (!out) return text;
  if (noticeTitle && noticeChars * 2 >= text.length - newlines(text)) return text.replace(/[^\n]/g, ' ');
  return out.join('');
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
