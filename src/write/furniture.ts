import { isNotice } from '../analyze/boilerplate.js';

/**
 * Sentences of the page rather than of the news: what extraction keeps of a web page around its
 * article (photo captions and credits, embedded posts, sign-up and subscription prompts, copyright
 * lines, "Related" and "Watch" links). A reader of the story takes them for garbled news, so no
 * story sentence comes from one.
 */
const FURNITURE = new RegExp(
  [
    // photo captions and credits
    '\\b(?:image|media) (?:copyright|caption)\\b',
    '\\b(?:reuters|afp|ap|getty|epa)\\s*/\\s*\\p{L}',
    '\\(photo(?:graph)?(?: by)?[:/ ]',
    '\\bphoto(?:graph)?: ',
    '\\bfile (?:photo|image)\\b',
    '\\bphoto\\s*/',
    '^in this (?:[\\p{L}]+, )?(?:[\\p{L}.]+ \\d{1,2}, \\d{4},? )?(?:file )?(?:photo|image|picture|video|frame grab)\\b',
    '\\b(?:this|an?) (?:\\w+ )?(?:photo|photograph|image|picture) (?:provided|released|taken|obtained|distributed|made available) by\\b',
    '\\b(?:getty|ap) images\\b',
    '\\bap photo\\b',
    '\\b(?:buy|share) photo\\b',
    '\\bread caption\\b',
    // embedded posts
    '\\bpic\\.twitter\\.com\\b',
    '\\ba (?:post|photo|video) shared by\\b',
    '\\(@\\w+\\)',
    '^\\W*@\\w{2,}',
    '\\brt @\\w',
    '\\b(?:twitter|instagram):\\s*@\\w',
    '\\be-?mail:\\s*\\S+@\\w',
    '\\bfollow\\b[^.]*\\bon (?:twitter|facebook|instagram)\\b',
    '\\bfollow (?:us|him|her|them|\\p{Lu}\\w+) @\\w',
    // sign-up, subscription and account prompts
    '\\bsign up (?:now|for|to receive|to get)\\b',
    '\\bfree sign up\\b',
    '\\bnever miss (?:our|a|an) (?:\\w+ )?(?:stories|story|update)',
    '\\bby signing up\\b',
    '\\bsubscribe (?:now|today)\\b',
    '\\bsubscriptions? (?:are|is) \\$',
    '\\bclick here\\b',
    '\\b(?:e-?mail|share) this (?:story|article)\\b',
    // copyright lines
    '\\bcopyright (?:©\\s*)?\\d{4}\\b',
    '©\\s*\\d{4}',
    '\\ball rights reserved\\b',
    '\\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\\b',
    // link labels that extraction runs into the next sentence
    '^(?:related|read more|more|watch|must watch|video|listen|see also|recommended)\\s*[:|]',
    '^(?:must watch|watch|video)\\b[^.]*\\b\\d{1,2}:\\d{2}\\b',
    '\\bcontinue reading\\b',
    '\\bread more about:',
    '\\bstory highlights\\b',
    // links and addresses: a sentence that carries one is a pointer, not a report
    '\\bhttps?://',
    '\\bwww\\.\\w',
    '\\bbit\\.ly/',
    // archive crawl notes and robot checks
    '\\b(?:this|the) crawl (?:was|start|data)\\b',
    '\\bseed list\\b',
    '\\bcrawls of\\b',
    '\\benter the characters\\b',
    '\\benable javascript\\b',
    '\\bsign in (?:using|with)\\b',
    '\\bby submitting (?:this|your)\\b',
    '\\bthe free encyclopedia\\b',
    // notes about the site itself: its browser needs, archives, navigation and staff
    '\\bhtml5\\b',
    '\\b(?:capable|your|supported|modern) browser\\b',
    '\\b(?:on|to|from|of) (?:our|this) (?:site|website|page)\\b',
    '\\bwebmaster\\b',
    '\\bthe page (?:url|address)\\b',
    '\\bfrom a bookmark\\b',
    '\\bnavigation at the (?:top|bottom)\\b',
    '\\bif you (?:are|were) (?:looking for|trying to reach)\\b',
  ].join('|'),
  'iu',
);

// Labels in capitals ("RELATED", "PHOTOS:"), where the same words in lower case may be news.
const LABEL = /(?:^\W*|[[(])(?:RELATED|PHOTOS?|VIDEOS?|WATCH|MUST WATCH|MORE(?! THAN)|READ MORE)\b(?!['’])/u;

/** Whether a sentence is page furniture, not news (see above). */
export function isPageFurniture(sentence: string): boolean {
  return FURNITURE.test(sentence) || LABEL.test(sentence) || isNotice(sentence);
}

// A title of the page, not of the article: share buttons, section links, a date or "Published on …".
const SHARE_WORDS =
  '(?:share|tweet|pin|email|e-mail|facebook|twitter|print|comments?|like|follow|whatsapp|linkedin|reddit)';
const PAGE_TITLE = new RegExp(
  [
    `^\\W*${SHARE_WORDS}(?:[\\s|,/·•]+${SHARE_WORDS})+\\W*$`,
    'more\\s*>>',
    '^(?:published|posted|updated)(?:\\s+on\\s|\\s*[:|]|\\s+(?:\\p{L}+\\.? )?\\d)',
    '^follow\\b[^!?]*\\b(?:facebook|twitter|instagram)\\b',
    '^(?:local|top|latest|breaking|most popular) (?:news|stories)\\b',
    '^[\\p{L}]+\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}$',
    '^\\d{1,2} [\\p{L}]+ \\d{4}$',
    '\\bbreaking news (?:e-?mails|alerts)\\b',
    '\\bjoin us on\\b',
    '^warning:',
  ].join('|'),
  'iu',
);

/** Whether a source title is the page's furniture rather than the article's headline. */
export function isPageTitle(title: string): boolean {
  return PAGE_TITLE.test(title.trim()) || isPageFurniture(title);
}
