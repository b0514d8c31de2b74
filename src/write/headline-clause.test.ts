import { describe, expect, it } from 'vitest';
import {
  headlineClause,
  headlineEnd,
  MAX_HEADLINE,
  mainClause,
  makesStatement,
  pointsBack,
  statementOpenings,
} from './headline-clause.js';
import { tagWords } from './nlp.js';

describe('headlineClause', () => {
  it.each([
    // Multi-News (Poland's Holocaust law, 374 characters as one sentence): cut before the participle
    // clause, not after "illegal" before its "to accuse".
    [
      'President Andrzej Duda said on Tuesday that he would sign into law a bill making it illegal to accuse “the Polish nation” of complicity in the Holocaust and other Nazi atrocities, a measure that has raised concerns.',
      'President Andrzej Duda said on Tuesday that he would sign into law a bill',
    ],
    // Multi-News (the spending bill): "spending" after a number is inside the phrase, not a clause.
    [
      'House Republicans unveiled a $1 trillion spending bill setting budgets for hundreds of government programs in a bid to force U.S. lawmakers to wrap up their work for the year.',
      'House Republicans unveiled a $1 trillion spending bill',
    ],
    // Multi-News (Arizona and immigration): cut before "as", the clause of what else happened.
    [
      'Arizona took center stage in the national immigration debate Tuesday as Homeland Security Secretary Janet Napolitano toured the state’s border with Mexico and Sen. John McCain defended his proposed immigration law.',
      'Arizona took center stage in the national immigration debate Tuesday',
    ],
    // Multi-News (a Victorian diary): a participle after a noun opens a clause about it.
    [
      'Researchers now say that they have proven the authenticity of a Victorian diary supposedly written by the notorious murderer.',
      'Researchers now say that they have proven the authenticity of a Victorian diary',
    ],
    // Multi-News (a lift accident): "building" after "apartment" is a noun, not a clause.
    [
      "The infant's mother was waiting with the stroller on the 23rd floor of an apartment building in Coney Island around 11:40 a.m. on a weekday morning, officials said.",
      "The infant's mother was waiting with the stroller on the 23rd floor of an apartment building in Coney Island",
    ],
  ])('cuts %j at a clause boundary', (sentence, headline) => {
    expect(headlineClause(sentence)).toBe(headline);
  });

  it('leaves a main clause that fits as it is', () => {
    const sentence = 'The harbour reopened to shipping on Tuesday, two days after the tanker ran aground.';
    expect(headlineClause(sentence)).toBe('The harbour reopened to shipping on Tuesday');
    const fitting = 'A former Pittsburgh elementary school teacher is accused of being obsessed with a pupil';
    expect(headlineClause(fitting)).toBe(fitting);
  });

  it('tells what a person did without the clauses between commas that describe them', () => {
    // Multi-News (Jefferson Airplane): the name, then a relative clause past the limit, then the verb.
    expect(
      headlineClause(
        'Jefferson Airplane vocalist-guitarist Marty Balin, who co-founded the San Francisco psychedelic rock band in 1965 and played a crucial role in the creation of all their 1960s albums, including Surrealistic Pillow and Volunteers, died Thursday at the age of 76.',
      ),
    ).toBe('Jefferson Airplane vocalist-guitarist Marty Balin died Thursday at the age of 76');
    expect(
      headlineClause(
        'Marty Balin, a co-founder of Jefferson Airplane and a member of Jefferson Starship, whose voice defined both groups’ songs, died Thursday, his rep confirmed.',
      ),
    ).toMatch(/^Marty Balin died Thursday\b/);
    // One word is a name when it is a noun, not an adverb that opens the sentence.
    expect(
      headlineClause(
        'Nola, one of just four endangered northern white rhinos left in the world, has died at the San Diego Zoo Safari Park.',
      ),
    ).toBe('Nola has died at the San Diego Zoo Safari Park');
    expect(
      headlineClause('Meanwhile, the company, which makes heaters, said it would pay.') ?? '',
    ).not.toMatch(/^Meanwhile said/);
  });

  it('gives no headline when every opening that fits leaves the statement unmade', () => {
    // The name and the clauses about them, with no verb of the name's own after them.
    expect(
      headlineClause(
        'Jefferson Airplane vocalist-guitarist Marty Balin, who co-founded the San Francisco psychedelic rock band in 1965 and played a crucial role in the creation of all their 1960s albums, including Surrealistic Pillow and Volunteers.',
      ),
    ).toBeUndefined();
  });

  it('never gives a headline longer than the limit', () => {
    const sentence = `The council approved ${'a long list of new parking rules, '.repeat(6)}on Monday.`;
    expect((headlineClause(sentence) ?? '').length).toBeLessThanOrEqual(MAX_HEADLINE);
  });
});

describe('statementOpenings', () => {
  it('runs from the longest opening that ends before a phrase of where or a clause down to the opening clause', () => {
    expect(
      statementOpenings(
        'Harrow Athletic won the league final for the first time on Sunday, beating favourites Sable City Rovers 2-1 after extra time in front of 61,200 spectators at the National Stadium.',
      ),
    ).toEqual([
      'Harrow Athletic won the league final for the first time on Sunday, beating favourites Sable City Rovers 2-1 after extra time in front of 61,200 spectators',
      'Harrow Athletic won the league final for the first time on Sunday, beating favourites Sable City Rovers 2-1 after extra time',
      'Harrow Athletic won the league final for the first time on Sunday, beating favourites Sable City Rovers 2-1',
      'Harrow Athletic won the league final for the first time on Sunday',
    ]);
  });

  it('never leaves out who says so or the condition a statement holds under', () => {
    const openings = statementOpenings(
      'The deal was welcomed by business leaders and greeted with caution by unions, who said the pledge would mean little unless it came with guarantees on jobs, the federation said.',
    );
    expect(openings).toEqual([
      'The deal was welcomed by business leaders and greeted with caution by unions',
    ]);
  });

  it('has none for a sentence with no opening clause that stands alone', () => {
    expect(statementOpenings('Eight people died in the fire at the plant.')).toEqual([]);
  });
});

describe('a headline makes a statement', () => {
  it.each([
    // Multi-News: a participle about the noun before it is no verb of the sentence.
    'The bodies of two renowned U.S. climbers, found in Tibet 16 years after they died on one of the world’s tallest mountains, have been left untouched out of respect, one of the mountaineers said.',
    'Arwa Damon, described by the cable network as a senior international correspondent, was intoxicated and abusive to a medical team, according to the lawsuit.',
    // An opening subordinate clause, a sentence with no verb, a participle and its agent.
    'Hours after police arrested and charged Cardell Hayes with second degree murder, his attorney insisted there was more to the story.',
    "Scholarship money that was going to help her pursue her master's degree in Social Work.",
    'A comprehensive new study conducted by researchers at California State Polytechnic University.',
    // Multi-News: a participle after "ever", an owner's "’s" read as "is", an opening that runs on.
    'The largest dinosaur foot ever found, belonging to one of the largest land animals this planet has seen, surely deserves the title.',
    'The summer’s Democratic hero, Texas State Sen. Wendy Davis — whose filibuster made her famous — is set to be featured in Vogue.',
    'Excavated in 1998 by an expedition from the University of Kansas, and described in a new study.',
  ])('never cuts %j to a phrase without its verb', (sentence) => {
    const headline = headlineClause(sentence);
    if (headline === undefined) return;
    expect(headline).not.toMatch(/climbers, found in Tibet 16 years$|international correspondent$/);
    expect(headline).not.toMatch(
      /^(?:Hours after|Scholarship money that|A comprehensive new study|The largest dinosaur foot ever found$|The summer’s Democratic hero|Excavated in 1998)/,
    );
  });

  it('keeps a verb that tells how ("succeeded by growing") as the verb of its sentence', () => {
    expect(headlineClause('The firm succeeded by growing and fixing companies.')).toBe(
      'The firm succeeded by growing and fixing companies',
    );
  });
});

describe('makesStatement', () => {
  const states = (head: string) => makesStatement(tagWords(head), head);

  it.each([
    // Multi-News: a bid to the reader, and a preposition the tagger reads as a verb.
    'Take your gang conflict away from a 7-year-old',
    'Over the weekend, Keith Fitzgerald Knowles',
    // Multi-News: a verb after "to" is an infinitive, not the verb of the clause.
    'Armed men, believed to be Russian servicemen',
    'City Clerk Kim Lehmkuhl, under fire for months for failing to produce meeting minutes',
    // Multi-News: the verb of a clause about a place.
    'The building in Accra, Ghana, where an organized crime ring flew an American flag',
    // Multi-News: what the police said is cut off inside the clause that opens it.
    "Police said after the girl's mother discovered the messages on her iPod",
    'The woman said in the interview that when her conversations with Weiner began last summer',
    // Multi-News: a part of a whole, its statement cut off after it.
    'Of the 12 arrested on Saturday',
  ])('is not made by %j', (head) => {
    expect(states(head)).toBe(false);
  });

  it.each([
    'Over the weekend, unnamed leftists leaked the true identity of Mike Enoch',
    'Armed men, believed to be Russian servicemen, take cover behind an armored vehicle',
    "Police said after the girl's mother discovered the messages on her iPod, she found handwritten letters",
    'Police officers at the stadium were assigned to the visiting team’s star',
    'Of the 12 arrested on Saturday, seven were booked at the Anaheim Detention Facility',
    // A headline's noun may open it.
    'Deal just a quickie for ‘Sex and the City’ house',
  ])('is made by %j', (head) => {
    expect(states(head)).toBe(true);
  });
});

describe('pointsBack', () => {
  const leans = (head: string) => pointsBack(tagWords(head), head);

  it.each([
    // Multi-News: the subject stands for what a sentence before told, or for the page.
    'For about a decade it operated unhindered',
    'Although this is by far the most comprehensive study of the devices’ accuracy, it is not the first',
    "Here are 20 of Wiig's most memorable bits",
    // Multi-News: the writer's aside to the reader.
    'You’ll have to wonder awhile longer',
  ])('holds for %j', (head) => {
    expect(leans(head)).toBe(true);
  });

  it.each([
    // The pronoun of an opening phrase stands for the subject after it.
    'Just a month into their marriage, Anderson accused his wife of infidelity',
    'The Rockies said they discovered the misspelling',
    // Multi-News: what officials say is news though "that" opens it.
    "At least that's what pageant officials are saying less than two weeks after she was crowned",
    'Ten people died in the fire this week',
  ])('does not hold for %j', (head) => {
    expect(leans(head)).toBe(false);
  });
});

describe('headlineEnd', () => {
  it.each([
    // Multi-News titles that are a sentence: a headline has no full stop.
    ['Vitalii Sediuk strikes again.', 'Vitalii Sediuk strikes again'],
    // MultiLing: an abbreviation keeps its own.
    [
      'Tsunami aid donations in 2005 deductible for 2004 in the U.S.',
      'Tsunami aid donations in 2005 deductible for 2004 in the U.S.',
    ],
    [
      'Copperhill Brewing agrees takeover by Tidewater Ales Inc.',
      'Copperhill Brewing agrees takeover by Tidewater Ales Inc.',
    ],
    // Multi-News: a cut before "though" left the dash that opened it.
    [
      'Anderson accused his wife earlier this year of infidelity —',
      'Anderson accused his wife earlier this year of infidelity',
    ],
  ])('ends %j as a headline', (text, headline) => {
    expect(headlineEnd(text)).toBe(headline);
  });

  it('leaves no dash where a main clause was cut before a subordinate clause', () => {
    expect(
      mainClause(
        'Just a month into their marriage, Anderson accused his wife earlier this year of infidelity — though police have said there is no evidence of that.',
      ),
    ).toBe('Just a month into their marriage, Anderson accused his wife earlier this year of infidelity');
  });
});
