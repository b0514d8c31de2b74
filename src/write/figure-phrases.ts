import { STOPWORDS } from '../analyze/stopwords.js';

/**
 * What a figure counts or costs, read from the phrase shapes that name it outright: "expects its
 * recall to cost about $62 million" (expected cost of the recall), "put the cost of the recall at
 * $62 million", "The mission has cost $410 million" (cost of the mission), "valued at $4.2 million"
 * (value of the objects), "was paid $68 million for the launch", "prize money of $14 million",
 * "the number of homes destroyed has risen to 163" (homes destroyed), "the death toll rose to 17".
 * Offsets are into `text`, one sentence.
 */

// Nouns an amount of money is: what it costs, is worth, pays or raises.
const MONEY =
  '(?:costs?|damages?|value|worth|price|pledge|investment|fines?|budget|loss|losses|revenue|salary|bid|offer|funding|funds|grant|compensation|bill|fees?|payout|profits?|sales|debt|bonus|reward|ransom|settlement|money|savings|valuation|aid|donations|wages|refunds|spending|subsidy|subsidies)';
// Nouns of a change that a money noun before them names the kind of: "$5.1 trillion in spending
// cuts" is a cut, not spending.
const CHANGE = '(?:cuts?|increases?|reductions?|hikes?|rises?|freezes?|overruns?|shortfalls?)';
// "refused to pay damages of $135,000": the verb before the money noun is no part of its name.
const NOT_A_VERB =
  '(?!(?:pay|pays|paid|owe|owes|owed|seek|seeks|sought|award|awarded|receive|received|face|faces|faced|win|won|demand|demanded|order|ordered|offer|offered)\\s)';
// Words that hedge a figure ("about", "more than", "an estimated"): they sit between it and its phrase.
const HEDGE = String.raw`(?:(?:about|around|approximately|roughly|nearly|almost|some|over|just|more than|less than|fewer than|at least|at most|up to|an estimated|a total of|a further|another)\s+)*`;
const NOUN_WORD = String.raw`(?!(?:has|have|had|is|are|was|were|will|would|could|be|been)\b)[\p{L}\d][\p{L}\d'’-]*`;
// "its recall", "the full mission", "the two objects": a short noun phrase after a determiner.
const DETERMINED = String.raw`(?:the|its|their|his|her|this|these)\s+((?:${NOUN_WORD}\s+){0,2}?${NOUN_WORD})`;
// Where a subject starts: the sentence, a clause ("…, and the recall"), not inside a phrase ("between the two sides").
const CLAUSE = String.raw`(?:^|[,;:]\s+|\b(?:and|but|that|while|as|when|because|after|said|says)\s+)`;

const CUT_BEFORE = /\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?)\s+$/i;

const EXPECTED: Record<string, string> = {
  expect: 'expected',
  estimate: 'estimated',
  project: 'projected',
  forecast: 'forecast',
  likely: 'expected',
  set: 'expected',
};
const VALUED: Record<string, string> = {
  valued: 'value',
  priced: 'price',
  budgeted: 'budget',
  insured: 'insured value',
  estimated: 'estimated value',
};

/** A label for the amount or count at [start, end) of `text` from a phrase that names it, or undefined. */
export function phraseLabel(
  text: string,
  kind: 'amount' | 'count' | 'percent',
  start: number,
  end: number,
  /** The counted noun written after the number ("customers"), or ''. */
  counted = '',
): string | undefined {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (kind === 'amount') return amountLabel(before, after);
  if (kind === 'count') return countLabel(before, counted);
  return undefined;
}

function amountLabel(before: string, after: string): string | undefined {
  // "Lumora expects its recall of HearthLink 2 heaters to cost about $62 million".
  const expects = new RegExp(
    String.raw`\b(expect|estimate|project|forecast)(?:s|ed)?\s+(?:that\s+)?${DETERMINED}(?:\s+of\s+[^,;]{1,60}?)?\s+(?:to|will|would)\s+cost\s+(?:(?:the|its|their)\s+)?(?:\p{Ll}+\s+){0,2}?${HEDGE}$`,
    'iu',
  ).exec(before);
  if (expects) return `${EXPECTED[expects[1]!.toLowerCase()]} cost of the ${subject(expects[2]!)}`;
  // "The recall is expected to cost the city about $640,000".
  const expected = new RegExp(
    String.raw`${CLAUSE}${DETERMINED}\s+(?:is|are|was|were)\s+(expected|estimated|projected|likely|set|forecast)\s+to\s+cost\s+(?:(?:the|its|their)\s+)?(?:\p{Ll}+\s+){0,2}?${HEDGE}$`,
    'iu',
  ).exec(before);
  if (expected) {
    const how = expected[2]!.toLowerCase().replace(/ed$/, '');
    return `${EXPECTED[how] ?? EXPECTED[expected[2]!.toLowerCase()] ?? 'expected'} cost of the ${subject(expected[1]!)}`;
  }
  // "put the cost of the recall at $62 million", "estimates direct damage at $25 million".
  const putAt = new RegExp(
    String.raw`\b(?:put|puts|putting|estimates?|estimated|values?|valued|sets?|prices?|priced)\s+(?:(?:the|its|their)\s+)?((?:\p{Ll}+\s+)?${MONEY}(?:\s+of\s+(?:(?:the|its|their)\s+)?(?:${NOUN_WORD}\s*){1,3}?)?)\s+at\s+${HEDGE}$`,
    'iu',
  ).exec(before);
  if (putAt && !STOPWORDS.has(putAt[1]!.split(' ')[0]!.toLowerCase())) return putAt[1]!.trim();
  // "The objects, valued together at about $4.2 million"; "The site was insured for $25 million".
  const valued = new RegExp(
    String.raw`${CLAUSE}${DETERMINED},?\s+(?:(?:is|are|was|were|has been|have been)\s+)?(valued|priced|budgeted|insured|estimated)\s+(?:together\s+)?(?:at|for)\s+${HEDGE}$`,
    'iu',
  ).exec(before);
  if (valued) return `${VALUED[valued[2]!.toLowerCase()]} of the ${subject(valued[1]!)}`;
  // "The mission has cost $410 million"; "The full mission, including the satellite, cost $410 million".
  const cost = new RegExp(
    String.raw`${CLAUSE}${DETERMINED}(?:,[^,]{3,90},)?\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+)?cost(?:s)?\s+(?:(?:the|its)\s+)?${HEDGE}$`,
    'iu',
  ).exec(before);
  if (cost) return `cost of the ${subject(cost[1]!)}`;
  // "Aurelis was paid about $68 million for the launch".
  const paid = /\b(?:was|were|been|is|are|being)\s+paid\s+(?:\S+\s+){0,1}?$/i.test(stripHedge(before))
    ? new RegExp(String.raw`^\s+for\s+${DETERMINED}`, 'iu').exec(after)
    : null;
  if (paid) return `payment for the ${subject(paid[1]!)}`;
  // "prize money of $14 million", "emergency funds of up to $40 million", "a reward of $50,000".
  // Not "lump-sum payment" cut to "sum payment", nor "introduced fines": a word joined to the one
  // before it, or a verb's past tense with no determiner before it, is no part of the money noun's name.
  const of = new RegExp(
    String.raw`(?<![\p{L}-])((?:${NOT_A_VERB}(\p{Ll}[\p{Ll}-]+)\s+)?${MONEY})\s+of\s+${HEDGE}$`,
    'iu',
  ).exec(before);
  if (of) {
    const modifier = of[2];
    const determined = /\b(?:a|an|the|its|their|his|her|our|this|these|those)\s+$/i.test(
      before.slice(0, of.index),
    );
    if (!modifier || !/ed$/i.test(modifier) || determined) return withoutStopwords(of[1]!);
    return withoutStopwords(of[1]!.slice(modifier.length));
  }
  // "$14 million in prize money", "$85 million a day in lost sales", "$28 billion of investment".
  const inMoney = new RegExp(
    String.raw`^(?:\s+(?:a|an|per|each)\s+(?:day|week|month|year))?\s+(?:in|of)\s+((?:\p{Ll}[\p{Ll}-]+\s+)?${MONEY}(?:\s+${CHANGE})?)\b`,
    'iu',
  ).exec(after);
  // "cut around $1 trillion in spending": the figure is the cut, not the spending.
  if (inMoney && CUT_BEFORE.test(stripHedge(before))) return `cut in ${withoutStopwords(inMoney[1]!)}`;
  if (inMoney) return withoutStopwords(inMoney[1]!);
  return undefined;
}

function countLabel(before: string, counted: string): string | undefined {
  // "shut off power to 14,000 customers": customers who lost power. Not "without power": power
  // comes back, and a later report's count of those still cut off would make the cut read as now.
  const cutOff =
    /\b(?:shut off|shut|cut off|cut|switched off|turned off|lost|knocked out)\s+(?:the\s+)?(power|electricity|water|gas|heating|service|supplies)\s+(?:to|for)\s+$/iu.exec(
      stripHedge(before),
    );
  if (cutOff && counted) return `${counted} who lost ${cutOff[1]!.toLowerCase()}`;
  // "The number of homes destroyed … has risen to 163", "raised the number of units covered to 480,000".
  const numberOf =
    /\b(?:number|total|count)\s+of\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]*(?:s|people|staff|children|personnel))(\s+(?:[\p{Ll}]+ed|cut|lost|sold|hurt|built|held|shed))?\b[^.;]*?\b(?:to|at)\s+$/u.exec(
      stripHedge(before),
    );
  if (numberOf) return `${numberOf[1]!.trim()}${numberOf[2] ?? ''}`;
  // "The death toll from the capsize rose to 17".
  const toll =
    /\b((?:death\s+)?toll)\b[^.;]{0,60}?\b(?:rose|risen|climbed|reached|stands|stood|increased|jumped)\s+(?:to|at)\s+$/iu.exec(
      stripHedge(before),
    );
  if (toll) return toll[1]!.toLowerCase();
  return undefined;
}

/** The noun phrase as a label names it: without a trailing comma or a possessive's owner. */
function subject(phrase: string): string {
  return phrase.replace(/[,;:]+$/, '').trim();
}

function withoutStopwords(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  while (words.length > 1 && STOPWORDS.has(words[0]!.toLowerCase())) words.shift();
  return words.join(' ');
}

function stripHedge(before: string): string {
  return before.replace(new RegExp(`${HEDGE}$`, 'i'), '');
}

/** The past participle of a verb as written in a present or -ing form ("recalling" → "recalled"). */
export function pastParticiple(verb: string): string {
  const lower = verb.toLowerCase();
  const stem = lower.endsWith('ing') ? lower.slice(0, -3) : '';
  // "cutting" is "cut", "stopping" is "stopped": a doubled consonant is the stem's own only for irregulars.
  const base = stem
    ? stem.replace(/([^aeioulsz])\1$/, '$1')
    : lower.replace(/ies$/, 'y').replace(/(?:(?<=[sxz]|sh|ch)es|(?<!s)s)$/, '');
  const irregular = IRREGULAR[base] ?? IRREGULAR[`${base}e`];
  if (irregular) return irregular;
  if (/ed$/.test(lower)) return lower;
  if (stem) return /[^aeiou]y$/.test(stem) ? `${stem.slice(0, -1)}ied` : `${stem}ed`;
  if (/e$/.test(base)) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

const IRREGULAR: Record<string, string> = {
  cut: 'cut',
  shut: 'shut',
  put: 'put',
  set: 'set',
  hit: 'hit',
  hurt: 'hurt',
  shed: 'shed',
  lose: 'lost',
  sell: 'sold',
  hold: 'held',
  build: 'built',
  leave: 'left',
  take: 'taken',
  make: 'made',
  send: 'sent',
  spend: 'spent',
  pay: 'paid',
  buy: 'bought',
  win: 'won',
  keep: 'kept',
  find: 'found',
  bring: 'brought',
  raise: 'raised',
  draw: 'drawn',
  give: 'given',
  feed: 'fed',
  lead: 'led',
};
