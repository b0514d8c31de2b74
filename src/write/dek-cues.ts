/**
 * What the words of a sentence say about it as a dek: whether it names what is at stake in the news
 * (harm, a risk, a cost, an effect to come, its scale), answers for someone, or tells what came
 * before the news.
 */

// Harm done: people hurt or displaced, property lost.
const HARM =
  /\b(?:killed|killing|dead|died|deaths?|fatal|injur(?:y|ies|ed|ing)|hurt|burns|fires|suffer(?:s|ed|ing)?|wounded|casualties|evacuat(?:ed|ion|ions)|destroyed|damaged|homeless|displaced|missing)\b/i;
// Danger that may still come.
const RISK =
  /\b(?:risks?|danger(?:s|ous)?|threat(?:s|en|ens|ened)?|hazards?|unsafe|vulnerable|warn(?:s|ed|ing|ings)?|pressure|crisis)\b/i;
// What it costs, and whom: money, prices, savings and losses.
const COST =
  /\b(?:costs?|costing|bill|budget|over budget|paid|saves?|savings|losses|lose|lost|wiped|wiping|plunged|slumped|tumbled|worth|fines?|fined|refunds?|compensation|premiums?|taxpayers?)\b|[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:million|billion|trillion)?\s*(?:dollars|euros|pounds|crowns|yen)\b/i;
// What follows from the news: an effect to come, or the people it reaches by the thousand. Not
// "will", news prose's plain future ("clips of the songs that will accompany the release").
const EFFECT =
  /\b(?:would|could|might|may|must|expected to|expects?|means|meaning|forced|face[sd]?|facing|suspended|cancel(?:l)?ed|delayed|late|closed)\b|\b\d[\d,.]*(?:\s+(?:million|billion))?\s+(?:people|residents|households|homes|families|workers|jobs|employees|patients|customers|passengers|students|drivers|users|voters|ballots)\b/i;
// How far the news goes beyond the ordinary: a first, a record, the largest in history.
const SCALE =
  /\b(?:for the first time|first[- ]ever|the first (?:[\p{L}-]+ ){1,4}(?:to|since)|largest|biggest|highest|lowest|worst|record|in history|unprecedented|(?:hundreds|thousands|millions) of)\b/iu;

/**
 * Whether, and how much, a sentence names what is at stake: 0 when it names nothing, else one half
 * for the first kind it names and a quarter for each further kind, of harm done ("four people
 * suffered minor burns"), a risk ("a fire hazard"), a cost ("the mission cost $410 million"), an
 * effect to come ("would have been forced to resign", "12,000 residents were told to stay indoors")
 * and its scale ("its largest point drop in history").
 */
export function stakesNamed(text: string): number {
  const kinds = [HARM, RISK, COST, EFFECT, SCALE].filter((kind) => kind.test(text)).length;
  return kinds === 0 ? 0 : 0.5 + 0.25 * (kinds - 1);
}

// "The board said it had acted as soon as it had enough evidence", "Brennan said she would stay on
// the council": whoever speaks tells of their own conduct.
const OWN_ACCOUNT =
  /\b(?:said|says|added|adds|insist(?:s|ed)|maintain(?:s|ed)|stress(?:es|ed)|argue[sd]?|counter(?:s|ed)|respond(?:s|ed))\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:had|has|have|would|will|was|were|is|are|did|could|intends?|plans?)\b/i;
// "White House officials insisted that …", "Marsh defended the decision": a reply to criticism.
const REPLY = /\b(?:insist(?:s|ed)|den(?:y|ies|ied)|defend(?:s|ed)|rebuff(?:s|ed))\b/i;

/**
 * Whether a sentence answers for someone: a party's account of what it itself did or will do ("The
 * Consumer Product Safety Board said it had acted as soon as it had enough evidence") or a reply to
 * criticism ("The Royal Navy insists that they were operating in Iraqi waters"). It answers a
 * question the page above it has not asked, and tells not what is at stake. What a party says of
 * others ("the regulator said owners should unplug the heaters") answers for no one.
 */
export function answers(text: string): boolean {
  return OWN_ACCOUNT.test(text) || REPLY.test(text);
}

// Words that place what a sentence tells before the news: "reported last week", "two years ago".
const BEFORE = /\b(?:last (?:week|month)|(?:days|weeks|months) ago|earlier this (?:week|month))\b/i;

/**
 * Whether a sentence tells what came before the news ("Consumer price inflation fell to 2.6 percent
 * in October, the statistics office reported last week"): background, which explains the news but
 * is not what is at stake in it.
 */
export function toldBefore(text: string, year?: number): boolean {
  if (BEFORE.test(text)) return true;
  if (year === undefined) return false;
  // "Lumora listed on the Sable City exchange in 2023", told in 2026.
  for (const m of text.matchAll(IN_YEAR)) if (Number(m[1]) < year) return true;
  return false;
}

// A year a sentence dates what it tells to: "in 2023", "since 2022".
const IN_YEAR = /\b(?:in|since)\s+((?:1[89]|20)\d\d)\b/gi;
