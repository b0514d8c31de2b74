import { describe, expect, it } from 'vitest';
import { headingProblem } from './anatomy.js';
import { figureLabel } from './figures.js';
import { nounPhraseHeading, sentenceFunction } from './headings.js';
import { tagWords } from './nlp.js';
import { roleOf } from './roles.js';
import { fallbackAnalysis } from '../verify/extract.js';

// Sentences shaped on the demo corpus (the transit strike, the recount, the e-bike recall).
describe("figure labels: what a number measures, in its sentence's words", () => {
  it.each([
    [
      'The union is seeking a 14 percent pay increase over three years.',
      '14 percent',
      'pay increase over three years',
    ],
    ['Buses stood still after 6,800 transit workers began a strike.', '6,800', 'transit workers'],
    ['The network carries about 1.4 million trips a day.', '1.4 million', 'trips a day'],
    [
      'The education department said attendance had fallen to 81 percent by mid-morning.',
      '81 percent',
      'attendance',
    ],
    [
      'The authority says its labour costs have risen by 19 percent over the same period.',
      '19 percent',
      'rise in its labour costs',
    ],
    // A word in capitals only because it opens the sentence is written in lower case.
    ['Turnout was 58.4 percent, the highest in a decade.', '58.4 percent', 'turnout'],
    ['Membership has risen by 640 since the reopening was announced.', '640', 'rise in membership'],
    ['The pay deal was agreed on Sunday.', undefined, undefined],
    // "requests" read as a verb, "over" as an adjective: the plural still ends the counted noun.
    [
      'The association documented 1,840 repair requests over two years.',
      '1,840',
      'repair requests documented over two years',
    ],
    // The value a change set, told apart from the one asked for ("a 19 percent rent increase").
    ['The tribunal cut the increase to 4 percent.', '4 percent', 'reduced increase'],
    ['The company raised its dividend to 40 cents.', '40 cents', 'raised dividend'],
    ['The board plans to cut the rate to 3 percent.', '3 percent', 'rate'],
    ['The council capped its rent increase to 5 percent.', '5 percent', 'cap on its rent increase'],
    // A cap is the most the thing may reach, not the thing planned.
    [
      'The agreement limits a planned tariff increase on Estmark goods to 15 percent instead of 25 percent.',
      '15 percent',
      'cap on the planned tariff increase',
    ],
    // Which South is a name, which a direction.
    ['Some 10,000 South Korean military personnel joined.', '10,000', 'South Korean military personnel'],
  ])('%s', (sentence, figure, label) => {
    if (!figure) return expect(figureLabel(tagWords(sentence), 0, 0, sentence)).toBeUndefined();
    const start = sentence.indexOf(figure);
    expect(figureLabel(tagWords(sentence), start, start + figure.length, sentence)).toBe(label);
  });
});

describe('figures a sentence does not explain', () => {
  it.each([
    // Where something happened is nothing done to a distance.
    [
      'The Navy said that the collision occurred 56 nautical miles southwest of Yokosuka.',
      '56 nautical miles',
    ],
    ['The yield on two-year bonds dropped 6 basis points to 3.52 percent.', '3.52 percent'],
    ['The blaze killed one worker and forced around 220 others to flee.', '220'],
  ])('%s', (sentence, figure) => {
    const start = sentence.indexOf(figure);
    expect(figureLabel(tagWords(sentence), start, start + figure.length, sentence)).toBeUndefined();
  });
});

describe('figure labels that say what a figure measures, not its unit or its counted word', () => {
  // [sentence, figure as shown, number within it, label]
  it.each([
    ['Lumora listed on the Sable City exchange in 2023 at $18 a share.', '$18', '$18', undefined],
    ['Nulato is a community of about 350 people.', '350 people', '350', 'people in the community'],
    ['Volunteers rated a set of 10 items.', '10 items', '10', 'items in the set'],
    // What goes to the workers is not what the count counts.
    ['The firm paid bonuses to more than 2,000 workers.', '2,000 workers', '2,000', undefined],
    ['The board accepted a share price of $18 a share.', '$18', '$18', 'share price'],
    [
      'The electoral commission said 1,312 ballots had been set aside in this way.',
      '1,312 ballots',
      '1,312',
      'ballots set aside',
    ],
    [
      'About 12,000 residents were told to stay indoors.',
      '12,000 residents',
      '12,000',
      'residents told to stay indoors',
    ],
    [
      'The drug cut migraine days by 38 percent in a trial of 2,340 patients.',
      '2,340 patients',
      '2,340',
      'patients in the trial',
    ],
    [
      'Residents offered help to the 640 workers who do not know when they will return.',
      '640 workers',
      '640',
      undefined,
    ],
    ['The network carries about 1.4 million trips a day.', '1.4 million trips', '1.4 million', 'trips a day'],
    ['The fire destroyed 220 homes.', '220 homes', '220', 'homes destroyed'],
    // A past tense that is no participle: what the people did needs the rest of its clause.
    ['A ferry carrying 214 people ran aground on a sandbank.', '214 people', '214', undefined],
    ['Around 220 workers escaped the blaze.', '220 workers', '220', 'workers escaped'],
    ['About 100 volunteers combed the hillside for clues.', '100 volunteers', '100', undefined],
    // How large a count grew is nothing done to what it counts ("people passed", "victims claimed").
    [
      'The death toll continues to rise, passing 80,000 people according to reports.',
      '80,000 people',
      '80,000',
      undefined,
    ],
    [
      'The tsunami of Boxing Day 2004 claimed more than 175,000 victims.',
      '175,000 victims',
      '175,000',
      undefined,
    ],
    ['Another 36 people remained in hospital on Monday.', '36 people', '36', undefined],
    // A unit that ends the clause ends the figure: what follows is another phrase.
    ['The index lost 800 points, its steepest point fall in a decade.', '800 points', '800', undefined],
    // A run past four words would be cut inside a name or a compound.
    [
      'More than 12 million copies of the late author’s 1962 Pulitzer Prize-winning novel were printed.',
      '12 million copies',
      '12 million',
      undefined,
    ],
    [
      'About 35 million copies of the game were printed.',
      '35 million copies',
      '35 million',
      'copies of the game',
    ],
    // With its counted word beside it, the noun owning the count is not what is counted.
    ['The shelter came to the aid of 64 dogs.', '64 dogs', '64', undefined],
    // The last of joined nouns is not the subject.
    [
      'Sales of phones and tablets fell by 12 percent, the retailer said.',
      '12 percent',
      '12 percent',
      undefined,
    ],
    ['Ticket sales fell by 12 percent, the club said.', '12 percent', '12 percent', 'fall in ticket sales'],
    // After "have" a verb is the count's own doing, and without its place it says nothing.
    ['More than 60 volunteers have searched through the woods.', '60 volunteers', '60', undefined],
    ['All 12 people arrested on Sunday were later released.', '12 people', '12', 'people arrested'],
    ['About 150 pupils admitted skipping classes.', '150 pupils', '150', undefined],
    // A verb that agrees with another noun than the plural count is not what was done to it.
    ['The ban on 300 pesticides was lifted on Monday.', '300 pesticides', '300', undefined],
    ['A bus carrying 40 passengers overturns', '40 passengers', '40', undefined],
    ['About 9,500 people were evacuated.', '9,500 people', '9,500', 'people evacuated'],
    // An infinitive takes its object along.
    [
      'About 3,000 hens were destined to become meat, officials said.',
      '3,000 hens',
      '3,000',
      'hens destined to become meat',
    ],
    // Where a count was driven completes the verb.
    [
      'About 5,000 children were forced into farm labour.',
      '5,000 children',
      '5,000',
      'children forced into farm labour',
    ],
    [
      'The electoral commission said 1,312 ballots were rejected by faulty scanners.',
      '1,312 ballots',
      '1,312',
      'ballots rejected',
    ],
    // A run that starts inside a hyphened word would cut it.
    [
      'He took the prize as a one-time, lump-sum payment of $2.2 million.',
      '$2.2 million',
      '$2.2 million',
      undefined,
    ],
  ])('%s', (sentence, shown, number, label) => {
    const start = sentence.indexOf(shown);
    expect(
      figureLabel(tagWords(sentence), start, start + number.length, sentence, start + shown.length),
    ).toBe(label);
  });
});

describe('section headings', () => {
  it.each([
    [
      'Jonas Feld came off the bench, heading Harrow Athletic to a 2-1 extra-time victory over Sable City Rovers.',
      /^Extra-time victory/,
    ],
    ['The astrolabe and a gold reliquary were taken from two display cases.', /^(?!Two\b)\p{Lu}/u],
  ])('names %j by a phrase that opens on a capital word, not a count', (text, shape) => {
    const heading = nounPhraseHeading([{ text, words: tagWords(text) }], new Set());
    expect(heading).toMatch(shape);
    expect(heading).not.toMatch(/^\s|^\d[\d,.]*\s+\S+$/);
  });

  it('gives no heading that is a name alone, however often the sentences name it', () => {
    const sentences = [
      'Triangle Cabs said the driver had been suspended.',
      'Triangle Cabs runs 400 taxis in the city and has a contract with the airport.',
    ].map((text) => ({ text, words: tagWords(text) }));
    expect(nounPhraseHeading(sentences, new Set()) ?? '').not.toMatch(/Triangle Cabs/);
  });

  it('gives no heading that is a person with a title', () => {
    const sentences = [
      'Principal Nkechi Adair said the school would reopen.',
      'Principal Nkechi Adair thanked the teachers who had worked through the week.',
    ].map((text) => ({ text, words: tagWords(text) }));
    expect(nounPhraseHeading(sentences, new Set()) ?? '').not.toMatch(/Adair/);
  });

  it('passes over a bare figure when naming a section', () => {
    const text = 'Brennan won 93,240 votes.';
    expect(nounPhraseHeading([{ text, words: tagWords(text) }], new Set())).toBeUndefined();
  });

  it('leaves out when something happened and the words that lead into the phrase', () => {
    const sentences = [
      'Everyone who was on shift last night was accounted for by the plant managers.',
      'Controllers confirmed that its solar panels had deployed above the coastal ground station.',
    ].map((text) => ({ text, words: tagWords(text) }));
    for (const text of sentences) {
      // "the plant managers" are who, not what: such a sentence may give no heading at all.
      const heading = nounPhraseHeading([text], new Set());
      expect(heading ?? '').not.toMatch(/\b(?:night|last)\b|^(?:Its|That)\b/i);
      if (heading) expect(headingProblem(heading)).toBeUndefined();
    }
  });

  it('does not run a phrase through a possessive pronoun the tagger takes for a noun', () => {
    const text =
      'The museum cut its overnight security staff from five guards to two in March as part of savings.';
    const heading = nounPhraseHeading([{ text, words: tagWords(text) }], new Set());
    expect(heading).not.toMatch(/\bits\b/i);
  });

  it('does not end a heading on a reporting verb the tagger takes for a noun', () => {
    const text = 'Customs data show around 310,000 Estmark-built vehicles were sold in Calvera last year.';
    expect(nounPhraseHeading([{ text, words: tagWords(text) }], new Set()) ?? '').not.toMatch(/show$/);
  });

  it("does not name a section by a speaker's words", () => {
    const sentences = [
      '"Our first thoughts are with the night shift," the company said on Tuesday.',
      '"Our first thoughts are with the families," the mayor added.',
      'The furniture factory closed its loading bay on Tuesday.',
    ].map((text) => ({ text, words: tagWords(text) }));
    expect(nounPhraseHeading(sentences, new Set())).not.toMatch(/thoughts/i);
  });

  it('names a group by a noun phrase of its own words, not by what the page already says', () => {
    const sentences = [
      'Critics said the recount scanners had rejected ballots at 14 polling stations.',
      'The electoral commission said the recount scanners would be replaced before the next election.',
    ].map((text) => ({ text, words: tagWords(text) }));
    const heading = nounPhraseHeading(sentences, new Set(['ballot']))!;
    expect(heading.toLowerCase()).toContain('scanners');
    expect(headingProblem(heading)).toBeUndefined();
  });

  it.each([
    ['Tuesday', 'a lone word'],
    ['System', 'a lone word'],
    ['BRENNICK plant', 'holds a dateline word in capitals'],
    ['Talks on Tuesday', 'names a weekday'],
    ['What comes next', undefined],
    ['Damage to homes', undefined],
    ['The SMTA offer', undefined],
  ])('judges %j', (heading, problem) => {
    expect(headingProblem(heading)).toBe(problem);
  });

  it.each([
    ['"We will not back down," said Dana Okafor.', true, 'What was said'],
    ['The union welcomed the deal, its president said.', false, 'Reaction'],
    ['Services will resume on Monday morning.', false, 'What comes next'],
    ['The network had previously been shut down in 2011.', false, 'Background'],
    ['Buses and trams stood still across the city.', false, undefined],
    ['The two-year government bond yield fell 6 basis points to 3.52 percent.', false, 'Markets'],
    ['Shares in Pellham Furniture fell 11.4 percent on Tuesday.', false, 'Markets'],
    ['The bank cut its forecast for economic growth to 1.1 percent.', false, undefined],
    ['Detectives are examining footage from cameras on the coast road.', false, 'The investigation'],
    ['Police said the coast road would reopen at noon.', false, undefined],
    ['The judge threw out three of the eight charges.', false, 'In court'],
    ['A ruling in the Court of Appeal on the drugs act came this morning.', false, 'In court'],
    // A court as where someone served is no court case.
    ['She was appointed to the circuit court by the president.', false, undefined],
  ])('gives %j the function heading %j', (text, quoted, heading) => {
    expect(sentenceFunction(text, quoted)).toBe(heading);
  });
});

describe('speaker roles as the sources word them', () => {
  const text =
    '"We are done being thanked instead of paid," said Dana Okafor, president of Local 212, outside the depot. ' +
    'Chief Executive Leonard Brisk said the offer was fair. ' +
    '"It is a disgrace," said Pat Donnelly, who has held a season ticket since 1979. ' +
    'Devi Marsh, a Port Alder-based "harbour historian," said the pier was older. ' +
    '"We want answers," said Dennis Hall, a Kirkland, Wash., resident. ' +
    '"It was a prolific time," said Ruth Plant, it has been a different experience since. ' +
    'Chief executive Sarah Pellham said the plant would be rebuilt. ' +
    '"Investors will want a date," said Harbourline analyst Marcus Tiller. ' +
    'The vote was close. Opposition finance spokesman Harold Quayle said the timing was convenient. ' +
    'The Israeli prime minister, Binyamin Netanyahu, in a statement on Tuesday, warned of hatred. ' +
    'President Barack Obama’s spokesman Dan Pfeiffer said the bill was urgent. ' +
    'The decision, it took defense attorney Jack McMahon a week to accept. ' +
    "Tallyform's chief technology officer, Ewan Royce, said the machines had been reset. " +
    '"We have excellent drugs," said the trust\'s chief executive, Joanna Pike. ' +
    '"The people hit hardest are cleaners," said the alliance\'s organiser, Tomas Lenk. ' +
    '"Everyone was calm," said its marketing manager, Jim Ferrence. ' +
    '"I could taste it," said Karen Bellamy, who lives on Weir Lane, about 600 metres from the plant. ' +
    '"The results are solid," said Jo Rand, who was not involved in the study. ' +
    'During summations, the judge, Sir Michael Astill, criticised the men. ' +
    '"You have betrayed this country," said judge Astill. ' +
    'The Mercers, despite all their luxuries, agreed. "We are fed up with the elite," said Rebekah Mercer, despite all her luxuries. ' +
    '"She would not have lived much longer," said Dr. Susan Kolb, with Plastikos Plastic Surgery Center in Atlanta. ' +
    'According to a statement from CEO Mark Zuckerberg, the company plans to expand Oculus beyond gaming: ' +
    'According to Ruth Abara, a councillor for the east ward, the vote was rushed. ' +
    'Their attorney, Keith Hampton, was not available to comment Wednesday. ' +
    '"She loves children," said Loren Podwill, immediately contacted the U.S. Embassy. ' +
    '"We will stand firm," said Binyamin Netanyahu, in a statement on Tuesday. ' +
    '"They did what they were told," said Michael Steele, referring to the delegates in particular. ' +
    '"This is the end," said Bob Weir, these three shows will mark the final shows ever. ' +
    '"We need a vote," said Stacey Plaskett, a non-voting delegate to the House of Representatives from the U.S. Virgin Islands. ' +
    '"The bill will pass," said Ron Meyer, a retired judge from Ohio. ' +
    '"It will take years," said Hania Zlotnik, managing director of the Population Division.';
  const source = {
    id: 1,
    source_id: 1,
    outlet: 'Meridian Wire',
    title: 'Strike',
    text,
    published_at: null,
    analysis: fallbackAnalysis(text),
  };
  it.each([
    ['Dana Okafor', 'president of Local 212'],
    ['Leonard Brisk', 'Chief Executive'],
    // A relative clause says who someone is when no title does.
    ['Pat Donnelly', 'who has held a season ticket since 1979'],
    ['Karen Bellamy', 'who lives on Weir Lane'],
    ['Jo Rand', null],
    // What someone did after their name is no role.
    ['Michael Astill', null],
    ['Rebekah Mercer', null],
    // "with" an organisation is whom they work for.
    ['Susan Kolb', 'with Plastikos Plastic Surgery Center in Atlanta'],
    ['Devi Marsh', null],
    // The comma that closes an opening phrase is followed by the sentence's clause, not a role.
    ['Mark Zuckerberg', 'CEO'],
    ['Ruth Abara', 'a councillor for the east ward'],
    // A verb after the name is the sentence's; "their" is the sentence's word, not the role's.
    ['Keith Hampton', 'attorney'],
    // What they did or were doing, where or when, a clause of its own, a role cut at an abbreviation.
    ['Loren Podwill', null],
    ['Binyamin Netanyahu', 'Israeli prime minister'],
    ['Michael Steele', null],
    ['Bob Weir', null],
    ['Stacey Plaskett', null],
    ['Ron Meyer', 'a retired judge from Ohio'],
    ['Hania Zlotnik', 'managing director of the Population Division'],
    ['Dennis Hall', null],
    ['Ruth Plant', null],
    // A role written before the name in lower case, as after a name, and without the sentence before.
    ['Sarah Pellham', 'chief executive'],
    ['Marcus Tiller', 'Harbourline analyst'],
    ['Harold Quayle', 'Opposition finance spokesman'],
    ['Dan Pfeiffer', 'President Barack Obama’s spokesman'],
    ['Jack McMahon', 'defense attorney'],
    ['Ewan Royce', "Tallyform's chief technology officer"],
    // An owner in lower case keeps its article; "its" is the sentence's word.
    ['Joanna Pike', "the trust's chief executive"],
    ['Tomas Lenk', "the alliance's organiser"],
    ['Jim Ferrence', 'marketing manager'],
  ])('%s: %j', (speaker, role) => {
    expect(roleOf([source], source, speaker)).toBe(role);
  });
});
