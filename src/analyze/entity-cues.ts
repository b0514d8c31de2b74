import { FIRST_NAMES, ROLE_WORDS } from './name-lists.js';
import { DEMONYMS, PLACE_NAMES } from './place-lists.js';

export { DEMONYMS, FIRST_NAMES, PLACE_NAMES, ROLE_WORDS };

/**
 * Last words that make a name a company or a body, beyond the gazetteer's: trades ("Tidewater
 * Ales", "Brightwell Residential"), parties and groups ("Civic Alliance"), institutions ("Estmark
 * Maritime Museum") and titles of the press ("Capitol Fax" aside, "Sable Wire", "Joplin Globe").
 */
export const ORG_HEADS = new Set(
  (
    'alliance coalition guild local society movement collective caucus federation foundation trust ' +
    'museum gallery galleries library archives academy embassy consulate centre center clinic church mint ' +
    'bureau branch directorate secretariat tribunal inquiry laboratory observatory ' +
    'brewing brewery ales winery distillery bakery foods farms homes residential realty properties ' +
    'mutual securities bancorp investments asset assets data analytics ferries shipping freight ' +
    'railways railway rail aviation aerospace coatings chemicals materials steel mining oil gas ' +
    'furniture stores supermarkets retail brands apparel publishing publicity productions pictures ' +
    'films studios records entertainment software solutions consulting construction engineering ' +
    'robotics biotech pharma healthcare hotels resorts restaurants adventures telecom ' +
    'wire gazette herald tribune chronicle observer courier weekly daily magazine review'
  ).split(' '),
);

/**
 * Capitalised words made of capitals alone that name no body: units, zones, tests, shouted page
 * furniture ("CLICK HERE", "UPDATE", "PHOTOS") and the words a headline in capitals is made of.
 */
export const NOT_ACRONYMS = new Set(
  (
    'tv utc gmt bst cet pt pst pdt et est edt ct cst cdt mt ok dna rna hiv aids eps gdp ipo ceo cfo ' +
    'coo cto vp md phd mba id iv ii iii usb pc os ios wifi faq mph kph am pm ad bc diy lol omg ' +
    'click here watch update updated photos photo video videos read more close learn today either ' +
    'or and not but also see note share print email advertisement related breaking live news'
  ).split(' '),
);

/** Words that, followed by a colon, credit a picture or a story ("Photo: …", "Source: …"). */
export const CREDIT_CUES = new Set('photo photos source credit image images courtesy'.split(' '));

/**
 * Sentence openers that are no part of a name ("But Democrat …", "Despite Obama's …", "Follow …",
 * "Let Trump take credit", a link line "Related Prodigy: 10 Essential Tracks").
 */
export const OPENERS = new Set(
  (
    'but and or so yet despite although though while when after before since because if unless as ' +
    'follow contact read watch meet ask see like unlike including according thanks dear welcome let related ' +
    'also even only just still then now today yesterday tonight meanwhile however moreover'
  ).split(' '),
);

/** A party or side named before a person ("Democrat Wendy Davis"): no part of the name. */
export const AFFILIATIONS = new Set(
  'democrat democrats democratic republican republicans gop independent labour tory conservative liberal'.split(
    ' ',
  ),
);

/** Words for someone unnamed ("Nobody told me"). */
export const NOBODY = new Set('nobody somebody everybody anybody everyone someone anyone no-one'.split(' '));

/** The folded word is a known first name ("Dana", "Tomas"). */
export function isFirstName(folded: string): boolean {
  return FIRST_NAMES.has(folded);
}
