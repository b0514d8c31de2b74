import { describe, expect, it } from 'vitest';
import { tagWords } from './nlp.js';
import { phrasesIn } from './noun-phrases.js';

/** The phrases of a sentence, each in the sentence's own words. */
const phrases = (sentence: string) =>
  phrasesIn(tagWords(sentence), sentence).map((p) => sentence.slice(p.words[0]!.start, p.words.at(-1)!.end));

describe('phrasesIn', () => {
  it.each([
    // Multi-News (a family of ten): an auxiliary the tagger took for the head noun.
    [
      'The three oldest have gone on to become an engineer by 22, an architect with her own practice, and one of the youngest doctors in the Navy.',
      /\bhave$/,
    ],
    // Multi-News (exercise and cancer): a past tense the tagger took for the head noun.
    [
      'Pre-menopausal women who were the most active had a 17 percent lower risk of developing malignancies compared to the least active women.',
      /\bhad$/,
    ],
    // Multi-News (Obama on race): a verb followed by the clause it opens.
    [
      'He addressed the racial fault lines in the country in an effort to help white Americans understand why African-Americans reacted with frustration.',
      /understand$/,
    ],
    // Multi-News (a Grammys crasher): an adjective the tagger took for the head noun.
    ["Just a big fat no. That's not a prank.", /fat$/],
    // A participle after a plural: the officers were responding, they are not a kind of response.
    ['Officers responding to the shooting found the victim in the street.', /responding/],
    // Multi-News (veterans' letters): a name with a link other than "of" is someone a verb reached.
    ['Dozens have reached out to Hjort for help just in the past few years.', /Hjort for/],
    // Multi-News (church security): a phrase followed by "of" is the first part of a longer one.
    ['Security was tightened at French churches in the wake of recent attacks.', /wake$/],
    // Multi-News (the NBA final): a phrase is cut at a space, never inside hyphenated words.
    [
      'A few weeks shy of the two-year anniversary of his infamous made-for-television special, James delivered on his promise.',
      /made$/,
    ],
    ['The owner of a 300-foot yacht lost his court case.', /^foot/i],
    // The demo's tariff talks: a phrase opens on its noun's modifiers, never on a link.
    [
      'As negotiators in Varnholm argued over steel quotas and vehicle parts on Tuesday, unions warned.',
      /^over/i,
    ],
    // Multi-News (a golfer's accuser): a phrase does not run across a quote left out of it.
    ['A Florida-based "adult entertainer," claims the golfer owes her money.', /claims/],
    // Multi-News (a box office record): a tail that cuts a compound of two nouns.
    ['In writing about the box office juggernaut, critics praised the film.', /^office/],
    // Multi-News (a near-death memoir): a phrase cut from a name after its initial.
    ['Alexander believes that his E. coli-addled brain could not have produced the visions.', /^coli/],
    // Multi-News (a transcript notice): an owner left without what it owns.
    ['The authoritative record of NPR’s programming is the audio record.', /NPR’s$/],
    // The demo's league final: a word of how many the tagger took for a noun.
    [
      'Harrow reached the final by beating the league leaders in both the quarter-final and semi-final.',
      /both$/,
    ],
    // The demo's museum theft: a verb the tagger took for a noun before the object it takes.
    ['The museum cut its overnight security staff from five guards to two.', /museum cut$/],
    // The demo's league final: a verb's second object ("dedicated the win to families").
    ['Danny Corrigan dedicated the win to families in Kestrel Falls.', /win to families/],
    // The demo's transit strike: a phrase cut before the hyphenated word that ends its compound.
    ['Union leaders said the authority had found money for a new headquarters fit-out.', /headquarters$/],
  ])('in %j finds no phrase like %s', (sentence, junk) => {
    for (const p of phrases(sentence)) expect(p).not.toMatch(junk);
  });

  it.each([
    // Each rule above must leave a noun phrase alone.
    ['The fire caused serious damage to homes along the river, officials said.', 'serious damage to homes'],
    ['The researchers found evidence of a baby boom in the parish records.', 'evidence of a baby boom'],
    ["The museum's security cuts left two guards on duty overnight.", 'security cuts'],
    ['Security was tightened at French churches in the wake of recent attacks.', 'French churches'],
    ['The owner of a 300-foot yacht lost his court case.', 'court case'],
    // The demo's league final: the lexicon lists "future" as an adjective; after an owner it is a noun.
    [
      "Kaldvik's sporting director said the club had not yet discussed Feld's future with Harrow.",
      "Feld's future",
    ],
    // A tail may drop an adjective, or a noun the lexicon lists as a person or an adjective.
    ['The flood damaged the local history collection.', 'history collection'],
    ['Scientists grew human blood vessels in a dish.', 'blood vessels'],
    ['The museum cut its overnight security staff from five guards to two.', 'security staff'],
    ['The storm caused damage to homes across the county.', 'damage to homes'],
    ["Museum director Cordelia Fane defended the museum's staff.", "the museum's staff"],
    ['The council approved a new headquarters for the fire service.', 'a new headquarters'],
  ])('in %j keeps %j', (sentence, kept) => {
    expect(phrases(sentence)).toContain(kept);
  });

  it('gives no phrase of one noun: "The authority" names a thing, not what the section says of it', () => {
    const sentence = 'The authority said the strike had cost the network dearly.';
    for (const p of phrasesIn(tagWords(sentence), sentence)) expect(p.stems.length).toBeGreaterThan(1);
  });
});

describe('a plural noun the tagger took for a verb', () => {
  it.each([
    // The demo's rate decision: "talks" after a noun, governed by "in the".
    [
      'Marsh defended the decision, saying progress in the trade talks with Estmark had reduced the risk of higher import prices.',
      'progress in the trade talks',
    ],
    // The subject of a sentence whose verb comes later.
    ['Officials said the peace talks in Geneva stalled on Friday.', 'the peace talks'],
  ])('is read as a noun: %s', (sentence, phrase) => {
    expect(phrases(sentence)).toContain(phrase);
  });

  it.each([
    // A person walks: no later verb makes "walks" a noun.
    'The man walks with a cane.',
    // The only later verb is another clause's.
    'The dog barks at the postman who runs past.',
    // "union talks with managers every week": nothing but the verb reading fits.
    'She said the union talks with managers every week.',
    // "caves" after a preposition is no later verb.
    'The beetle lives in caves without natural light.',
  ])('stays a verb: %s', (sentence) => {
    expect(phrases(sentence).some((p) => /\b(?:walks|barks|talks|lives)$/.test(p))).toBe(false);
  });
});
