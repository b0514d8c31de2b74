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
    // a news agency's caption closes on its day and date: "… at Potter's Field Park in London, Monday, June 5, 2017."
    ', (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\\.? \\d{1,2}, \\d{4}\\W*$',
    // an agency's credit closing a caption: "… is suing the studio... (Associated Press)"
    '\\((?:associated press|ap|reuters|afp|getty images|epa)\\)\\W*$',
    // embedded posts
    '\\bpic\\.twitter\\.com\\b',
    '\\ba (?:post|photo|video) shared by\\b',
    '\\(@\\w+\\)',
    '^\\W*@\\w{2,}',
    '\\brt @\\w',
    '\\b(?:twitter|instagram):\\s*@\\w',
    '\\be-?mail:\\s*\\S+@\\w',
    '\\bfollow\\b[^.]*\\bon (?:twitter|facebook|instagram)\\b',
    '\\bfollow (?:us|him|her|them|\\p{L}\\w+) @\\w',
    // sign-up, subscription and account prompts
    '\\bsign up (?:now|for|to receive|to get)\\b',
    '\\bfree sign up\\b',
    '\\bnever miss (?:our|a|an) (?:\\w+ )?(?:stories|story|update)',
    '\\bby signing up\\b',
    '\\bsubscribe (?:now|today)\\b',
    '\\bsubscriptions? (?:are|is) \\$',
    '\\bclick here\\b',
    '\\b(?:free |live )?webinar\\b',
    '\\btake your questions\\b',
    '\\bclick to share\\b',
    // a gallery's controls: "58 of 68 Skip in Skip x Embed x Share"
    '\\bskip in skip\\b',
    '\\bembed x share\\b',
    '\\(opens in (?:a )?new window\\)',
    '^\\(also on [\\p{L} ]+:',
    '\\bwikimedia commons\\b',
    // a chart's or a video's label: "Source: Calculations by …", "Wedding costs soar (3:40)"
    '^source:\\s',
    '\\(\\d{1,2}:\\d{2}\\)',
    // an image credit: "(Image: Jane Orr/Getty)", "Getty - Contributor", "Rex Features The diary …"
    '\\((?:image|photo|picture)s?:',
    '^(?:image|photo|picture|graphic)s? (?:from|courtesy|via)\\b',
    '\\bgetty\\s*-\\s*contributor\\b',
    '^rex features\\b',
    // staff credits closing an article, and the author's box: "Mark Stern Mark Stern covers courts for Slate."
    '\\bcontributed (?:to )?this (?:article|report|story)\\b',
    '^(?<author>\\p{L}+(?: \\p{L}+){1,2}) \\k<author> (?:covers|writes|reports|is (?:a|an|the) (?:[\\p{L}-]+ ){0,3}(?:writer|reporter|correspondent|editor|columnist|contributor))\\b',
    '\\b(?:additional|contributing) reporting by\\b',
    '\\b(?:e-?mail|share) this (?:story|article)\\b',
    // notes on the article itself: its corrections and updates
    '\\b(?:an?|the) (?:earlier|previous|original|prior) version of this (?:article|story|report|post|piece)\\b',
    '\\b(?:this|the) (?:article|story|report|post|piece) (?:has been|was) (?:updated|corrected|revised|changed|amended)\\b',
    '\\bin this (?:article|story|report|post|piece) (?:has|have) been (?:changed|updated|corrected|revised)\\b',
    '\\bwe regret the error\\b',
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
    // a live page's running header: "The Latest on the storm (all times local):"
    '\\(all times local\\)',
    // a teaser cut off mid-sentence: "… is suing President... (Associated Press)"
    '[\\p{L},]\\s?(?:\\.\\.\\.|…)\\s*(?:\\([^()]*\\))?\\W*$',
    // links and addresses: a sentence that carries one is a pointer, not a report
    '\\bhttps?://',
    '\\bwww\\.\\w',
    '\\bbit\\.ly/',
    // archive crawl notes and robot checks
    '\\b(?:this|the) crawl (?:was|start|data)\\b',
    '\\bseed ?list\\b',
    '\\bcrawler (?:configuration|settings)\\b',
    '\\bslash pages\\b',
    '\\burls? per domain\\b',
    '\\bcrawls of\\b',
    '\\benter the characters\\b',
    '\\benable javascript\\b',
    '\\bsign in (?:using|with)\\b',
    '\\bby submitting (?:this|your)\\b',
    '\\bthe free encyclopedia\\b',
    // a blog host's page for an address not yet pointed at its site
    '\\bcustom domain mapping\\b',
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
  // Matched against the lower-cased sentence: case-insensitive Unicode matching made this one
  // test take most of the time of writing a story.
  'u',
);

// Labels in capitals ("RELATED", "PHOTOS:"), where the same words in lower case may be news.
const LABEL = /(?:^\W*|[[(])(?:RELATED|PHOTOS?|VIDEOS?|WATCH|MUST WATCH|MORE(?! THAN)|READ MORE)\b(?!['’])/u;

// A widget's label run into the sentence after it: "CLOSE Hundreds of votes…", "Image The spokeswoman…".
// "Image" only before a sentence's opening word or a name: "Image Comics said" is news.
const WIDGET_LABEL =
  /^(?:CLOSE\s+(?=\p{Lu})|(?:Image|Photo)\s+(?=(?:The|A|An|This|These|In|On|At)\s|\p{Lu}\p{Ll}+\s+\p{Lu}))/u;
// A photographer's credit names someone: "Photo by: Jane Orr", "(Jane Orr/The Daily Star)", not
// "the photo by the bridge" or "(in tonnes/year)".
const PHOTO_CREDIT = new RegExp(
  [
    '\\b[Pp]hoto(?:graph)?(?: illustration)? by:?\\s+\\p{Lu}',
    "\\((?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,3}\\p{Lu}[\\p{L}.'’-]*\\s*/\\s*[^()/]{2,50}\\)",
    // "| John Doe/POLITICO", "Jane Orr/The Daily Star": a photographer and the outlet, unbracketed
    "\\b\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\.)?\\s+\\p{Lu}[\\p{Ll}'’-]+\\s*/\\s*(?:\\p{Lu}{2,}\\b|The\\s+\\p{Lu}|Getty\\b|Reuters\\b|Bloomberg\\b)",
  ].join('|'),
  'u',
);

/**
 * A link's label run into the article ("What Condoms Have to Do With Climate Change"): every word of
 * four letters or more capitalised, verbs too, and no sentence's closing mark.
 */
function isLinkLabel(sentence: string): boolean {
  const text = sentence.trim();
  if (/[.!?:"”')]$/u.test(text)) return false;
  const long = text.split(/\s+/).filter((w) => /^\p{L}[\p{L}'’-]{3,}$/u.test(w));
  const capital = long.filter((w) => /^\p{Lu}/u.test(w));
  return capital.length >= 4 && capital.length === long.length;
}

/**
 * Whether a sentence is page furniture, not news (see above). An article's `opening` line in title
 * case is its own headline, not a link's label.
 */
export function isPageFurniture(sentence: string, opening = false): boolean {
  return (!opening && isLinkLabel(sentence)) || isPageText(sentence);
}

/** Furniture by its words, whatever its case: a title may be in title case, a sentence not. */
function isPageText(sentence: string): boolean {
  return (
    FURNITURE.test(sentence.toLowerCase()) ||
    LABEL.test(sentence) ||
    WIDGET_LABEL.test(sentence) ||
    PHOTO_CREDIT.test(sentence) ||
    isNotice(sentence)
  );
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
    // a photo's caption standing in for the title: "A photo from the 1998 dig, with …"
    '^(?:a|an|this|the) (?:\\p{L}+ )?(?:photo|photograph|image|picture) (?:from|of|shows?|showing)\\b',
  ].join('|'),
  'iu',
);

// A label a site puts before its title: "UPDATE: Police name the victims", "BREAKING - …".
const TITLE_LABEL = /^(?:UPDATED?|BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|VIDEO|LIVE|PHOTOS?)\s*(?::|[-–—]\s)\s*/u;

/** A source title without the label a site puts before it. */
export function withoutTitleLabel(title: string): string {
  return title.replace(TITLE_LABEL, '');
}

/** Whether a source title is the page's furniture rather than the article's headline. */
export function isPageTitle(title: string): boolean {
  return PAGE_TITLE.test(title.trim()) || isPageText(title);
}
