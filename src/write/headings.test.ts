import { describe, expect, it } from 'vitest';
import { nounPhraseHeading, setsBeside } from './headings.js';
import { tagWords } from './nlp.js';
import { contentStems } from '../verify/text.js';

const heading = (...texts: string[]) =>
  nounPhraseHeading(
    texts.map((text) => ({ text, words: tagWords(text) })),
    new Set(),
  );

describe('nounPhraseHeading', () => {
  it('names what a section is about, not who speaks in it', () => {
    const name = heading(
      "The board's chair said the recall of the battery packs should have come sooner.",
      "The board's chair asked owners to return the battery packs to their dealers.",
    );
    expect(name).toBeDefined();
    expect(name).not.toMatch(/chair$/i);
    expect(name).toMatch(/battery packs/i);
  });

  it('does not name a section for one item of a list a sentence runs through', () => {
    const name = heading(
      'Rovers manager Marcus Dane said his team had paid for failing to take their chances.',
      'Rovers receive $7 million as runners-up.',
      'For a region that has spent a month reading about wildfires, factory closures and trade talks, the result meant more than football.',
      '"We had the game in our hands for an hour and we let it go," said Dane.',
    );
    expect(name ?? '').not.toMatch(/wildfires|factory closures|trade talks/i);
  });

  it('does not name a section for where or to whom something was said', () => {
    for (const said of [
      '"I just closed my eyes and jumped," Feld told Calveran television after the match.',
      'The lift passed its last inspection in January, according to the buildings department.',
      'Knox wrote in a blog post that the two had not spoken in months.',
    ])
      expect(heading('Rovers receive $7 million as runners-up.', said) ?? '').not.toMatch(
        /television|buildings department|blog post/i,
      );
  });

  it('does not name a section for a person named with a title', () => {
    const name = heading(
      'Detective Superintendent Ravi Dunstan said the break-in at the harbour warehouse had been planned.',
      '"Whoever did this knew the warehouse," Detective Superintendent Ravi Dunstan said on Tuesday.',
    );
    expect(name).not.toMatch(/Dunstan/);
  });

  it('does not name a section for someone of an owner', () => {
    const name = heading(
      '“Wow times a hundred, you guys,” writes a reporter in The Dunmore News.',
      // A first name the tagger does not know: only the owner before it says this is someone.
      'Even the New York Times’ Tavisha Velloway described “Tide Song” as “the juiceless, near bloodless sequel about a teenage girl and the sparkly vampire she, like, totally loves.”',
    );
    expect(name ?? '').not.toMatch(/Velloway/);
  });

  it('does not name a section for a titled person, a superlative or a phrase cut inside brackets', () => {
    expect(
      heading(
        'House Speaker Newt Gingrich spoke on Friday.',
        'Reporters asked House Speaker Newt Gingrich about it on Monday.',
      ) ?? '',
    ).not.toMatch(/Gingrich/);
    expect(
      heading(
        'Kade Orrin, the rapper best known for harbour songs, died on Friday.',
        'The rapper best known for harbour songs was 42.',
      ) ?? '',
    ).not.toMatch(/best$/);
    expect(
      heading(
        'Senator Ana Ruiz (D-Dunmore) said the harbour fees were unfair.',
        'Ruiz (D-Dunmore) wrote to the harbour board.',
      ) ?? '',
    ).not.toMatch(/\([^)]*$/);
  });

  it('does not name a section by a phrase holding a preposition the tagger took for a modifier', () => {
    const texts = [
      "Calvera's new weather satellite is on its way to orbit after a successful launch on Wednesday, but critics say the mission ran years late and far over budget.",
      '"Every minute faster we see a storm building is a minute more warning on the ground," said Dr. Ilse Varga.',
    ];
    const told = new Set(
      contentStems(
        'Calvera launches Halcyon-2 weather satellite at second attempt. The satellite lifted off after a launch on Wednesday.',
      ),
    );
    const name = nounPhraseHeading(
      texts.map((text) => ({ text, words: tagWords(text) })),
      { used: new Set(), told },
    );
    expect(name).toBeDefined();
    expect(name).not.toMatch(/over budget/i);
  });

  it('leaves no phrase open at its end', () => {
    const name = heading(
      'The economic relationship worth $90 billion a year depends on steel exports and vehicle parts.',
    );
    expect(name).not.toMatch(/worth$/i);
  });

  it('does not take a subject and the verb before its sum for a phrase', () => {
    expect(heading('The tunnel cost $92 million, including ten years of upkeep.') ?? '').not.toMatch(
      /cost$/i,
    );
  });

  it('does not take the tail of a figure for a heading', () => {
    const name = heading(
      'A 15 percent tariff would add about 0.15 percentage points to consumer prices, the central bank said.',
      'The central bank expects consumer prices to rise more slowly next year.',
    );
    expect(name).not.toMatch(/^percentage/i);
  });

  it('never names a section by a phrase holding a figure in digits', () => {
    // Every other phrase already names a section above.
    const name = nounPhraseHeading(
      [
        'The loan agreement includes an option for Harrow to buy the player for 48 million crowns, in the summer.',
        'Rovers spent a club record $96 million on transfers last summer, more than the rest of the league combined.',
      ].map((text) => ({ text, words: tagWords(text) })),
      new Set(contentStems('loan agreement option club record transfers rest league summer')),
    );
    expect(name).toBeDefined();
    expect(name).not.toMatch(/\d/);
  });

  it('does not name a section for a quantity of something', () => {
    const name = heading(
      'In the harbour towns, news of the fee deal was greeted with a mixture of hope and old suspicion.',
      'Dockers said none of the text protected their pay, and a mixture of shipping lines welcomed it.',
    );
    expect(name).toBeDefined();
    expect(name).not.toMatch(/\b(?:mixture|none)\b/i);
  });
});

describe('another event mentioned in passing', () => {
  it('never names a section', () => {
    const fire = heading(
      "The company's chief operating officer said production would be suspended for at least a week.",
      "A councillor said she would ask for the plant's permit to be reviewed.",
      'The fire follows the Ridgeback wildfire, which destroyed homes in nearby Kestrel Falls a week earlier.',
    );
    expect(fire ?? '').not.toMatch(/wildfire/i);
    const recall = heading(
      'Vantor sold about 110,000 Glide bikes in Calvera and Estmark.',
      'The recall is unrelated to the HearthLink smart heater recall announced by Lumora Systems earlier this month.',
    );
    expect(recall ?? '').not.toMatch(/HearthLink|heater/i);
  });

  it('still names a section for what a sentence keeps to or followed in the past', () => {
    expect(
      heading(
        'The zoo keeps to a strict feeding plan.',
        'Keepers would follow the feeding plan through the winter.',
      ),
    ).toMatch(/feeding plan/i);
  });
});

describe('setsBeside', () => {
  it.each([
    ['The fire follows the Ridgeback wildfire, which destroyed homes a week earlier.', true],
    ['The recall is unrelated to the HearthLink smart heater recall.', true],
    ['The vote comes two weeks after the budget deal collapsed.', true],
    ['The actions follow a flurry of student protests nationwide.', true],
    ['"Where Have You Been" followed a similar trajectory last year.', false],
    ['Officials said they would follow the recommendations of the review.', false],
  ])('%s', (text, expected) => {
    expect(setsBeside(text)).toBe(expected);
  });
});

describe('headings that name what the sentences are about', () => {
  it('names the subject the sentences share, not a detail with a count in one of them', () => {
    const name = heading(
      'The museum cut its overnight security staff from five guards to two in March as part of savings.',
      "Museum director Dr. Cordelia Fane defended the museum's staff.",
    );
    expect(name).toMatch(/staff$/i);
    expect(name).not.toMatch(/\d|five|guards/i);
  });

  it('does not name a section by a place, a person or a role', () => {
    expect(
      heading(
        'Residents asked for soil and water testing near the River Harrow.',
        'Residents near the River Harrow were told to keep windows closed.',
      ) ?? '',
    ).not.toMatch(/River Harrow/);
    expect(
      heading(
        '"These are solid results," said Dr. Hannah Ekwueme, a headache specialist at Sable City General Hospital.',
      ) ?? '',
    ).not.toMatch(/specialist|Ekwueme/);
  });

  it('does not open a heading on a verb the tagger takes for a modifier', () => {
    const name = heading(
      'The company said it had first received reports of overheating in July.',
      'The company has received 37 reports of heaters overheating.',
    );
    expect(name ?? '').not.toMatch(/^(?:First )?received/i);
  });

  it('does not name a section by a verb after "been" that the tagger takes for a noun', () => {
    const texts = [
      "Greystone Properties' plan to refurbish and re-let the Alder Court estate in Fenwick Cross has been set back by at least a year after the Court of Appeal ruled against its eviction notices, analysts said.",
      'The company had valued the project at $64 million.',
      "Tenants' leader Clara Mbeki said residents wanted repairs, not eviction.",
    ];
    const told = new Set(
      contentStems(
        'Fenwick Cross tenants win appeal against mass eviction. Tenants of 120 flats in Fenwick Cross won their appeal against Greystone Properties, which had sought to evict them to refurbish the Alder Court estate.',
      ),
    );
    const name = nounPhraseHeading(
      texts.map((text) => ({ text, words: tagWords(text) })),
      { used: new Set(), told },
    );
    expect(name).not.toMatch(/^set back/i);
  });

  it('does not name a section by a lone noun, however often its sentences repeat it', () => {
    // "The machines" would name a thing both sentences mention, not what they say of it: with no
    // phrase of two words to name the section, the section gets no name of its own.
    const name = heading(
      'At 14 of them, machines began rejecting ballots in the afternoon of November 8.',
      '"Machines rejected ballots, and staff counted them by hand, exactly as the rules say," said Quill.',
    );
    expect(name).toBeUndefined();
  });

  it('names a section by a phrase of the noun its sentences repeat', () => {
    const name = heading(
      'The authority raised fares by 4 percent in January.',
      'The fare rise was the second this year, and the authority said fares would rise again.',
    );
    expect(name).toBe('The fare rise');
  });

  it('counts words told above the sections only a little against a heading', () => {
    const sentences = [
      'The museum cut its overnight security staff from five guards to two in March.',
      'The museum reduced its overnight security staff again in the summer.',
    ].map((text) => ({ text, words: tagWords(text) }));
    const name = nounPhraseHeading(sentences, { used: new Set(), told: new Set(['secur', 'staff']) });
    expect(name).toMatch(/security staff/i);
  });
});

describe('headings that name what a section tells', () => {
  it('never opens on a preposition the tagger takes for a modifier', () => {
    const name = heading(
      'Under current rules, makers must tell the regulator about a hazard within 30 days.',
      'The regulator said the current rules let a maker delay a recall for months.',
    );
    expect(name).toBe('Current rules');
  });

  it('does not name a section for what a sentence says is not there', () => {
    const name = heading(
      'Police said there was no danger to the public after the arrest.',
      'The suspect was held at a station in the harbour district overnight.',
    );
    expect(name ?? '').not.toMatch(/danger/i);
  });

  it('does not name a section for a point in a process ("the end of the count")', () => {
    const name = heading(
      'Disputed ballots are decided by the returning officer at the end of the count.',
      'Candidates may appeal the returning officer’s decisions to the electoral court.',
    );
    expect(name ?? '').not.toMatch(/^(?:The )?end/i);
  });

  it('prefers what a section tells to a detail of someone in an aside', () => {
    const name = heading(
      'Councillor Bryn Atherley, who chairs the county culture committee, said the reading room would stay open later.',
      'Students had asked for longer evenings before exams.',
    );
    expect(name).toBe('The reading room');
  });

  it('prefers what a section tells to a detail in a relative clause between commas', () => {
    const name = heading(
      '"This town has had a rough few weeks," said Pat Donnelly, who has held a season ticket since 1979 and watched from the upper tier.',
      'The club will share its prize money with local charities.',
    );
    expect(name).toBe('Prize money');
  });

  it('keeps a phrase after a relative clause that closed before it', () => {
    const name = heading(
      'Fans who exchange the jersey also will get a free ticket to a future game.',
      'The team said it was aware of the misspelling.',
    );
    expect(name).toBe('Free ticket');
  });

  it('does not name a section for where a claim comes from', () => {
    const name = heading(
      'The council closed two libraries last year, according to internal budget papers.',
      'Opening hours at the remaining branches were cut.',
    );
    expect(name).toBe('The remaining branches');
  });

  it('does not name a section for what followed in a clause after a comma, but keeps what was said', () => {
    expect(
      heading(
        'The river burst its banks on Thursday, forcing hundreds of residents from low-lying streets.',
        'The council will raise the town flood wall.',
      ),
    ).toBe('The town flood wall');
    expect(
      heading(
        'Marsh defended the decision, saying progress in the trade talks had reduced the risk of higher import prices.',
        'Rates were left unchanged.',
      ),
    ).toMatch(/trade talks|import prices/i);
  });

  it('does not name a section for what a sentence sets its claim against', () => {
    const name = heading(
      'Rather than a cash offer, the board chose a share swap.',
      'The board will meet on Friday.',
    );
    expect(name).toBe('Share swap');
  });

  it('names a section from the sentence that shares most with the others', () => {
    const central = heading(
      'Union officials demanded a safety review after the fire.',
      'The fire started in the paint shop next to the warehouse.',
      'Firefighters saved the warehouse.',
    );
    expect(central).toBe('The paint shop');
    // With no sentence sharing more than another, the first phrase stands.
    const even = heading(
      'Union officials demanded a safety review after the fire.',
      'The fire started in the paint shop.',
      'Firefighters saved the warehouse.',
    );
    expect(even).toBe('Safety review');
  });

  it('leaves out a quotation mark whose close the phrase does not hold', () => {
    const name = heading(
      "Experts warned that the 'black box’ may never be found.",
      'Searchers hope to find the black box within days.',
    );
    expect(name).toBe('The black box');
  });

  it('names what a denial says is needed, but not what a sentence says is missing', () => {
    expect(
      heading(
        'The chief executive said the authority could not afford more without a fare increase.',
        'Union leaders said the authority had money for a new depot.',
      ),
    ).toBe('Fare increase');
    expect(
      heading('The beetle lives in caves without natural light.', 'Its body has adapted to cold water.'),
    ).toBe('Cold water');
  });

  it('counts an apposition with its article as an aside, not a subject after a clause or a time', () => {
    expect(
      heading(
        'The strike, the first full stoppage on the network since 2011, halted trains.',
        'The mayor came under criticism from both sides.',
      ),
    ).toBe('Criticism from both sides');
    expect(
      heading(
        'Once the message has been popped out, a bubble-wrap reader rolls over it.',
        'Google listed its April jokes.',
      ),
    ).toBe('Bubble-wrap reader');
    expect(
      heading(
        'Last week, the city council voted for the housing plan.',
        'Residents had asked for more family homes.',
      ),
    ).toBe('The city council');
  });
});

describe('headings that name most of their section', () => {
  const named = (everywhere: string[], ...texts: string[]) =>
    nounPhraseHeading(
      texts.map((text) => ({ text, words: tagWords(text) })),
      { used: new Set(), everywhere: new Set(everywhere) },
    );

  it('prefers a phrase whose words several sentences hold to a detail of one', () => {
    const sentences = [
      'The history museum defended its guards.',
      'The thieves took a gold reliquary from the museum.',
      'The reliquary was found in a toolbox.',
      'The museum reopened on Thursday.',
    ];
    // "museum" is in every part of the story: it names no section; "reliquary" names two of its
    // sentences.
    expect(named(['museum'], ...sentences)).toBe('Gold reliquary');
    // Where "museum" is the section's own word, the phrase that holds it names the section.
    expect(named([], ...sentences)).toBe('The history museum');
  });

  it('keeps the best phrase where none names more than one sentence', () => {
    const name = named(
      [],
      'The chief executive said the authority could not afford more without a fare increase.',
      'Union leaders said 640 driver positions were unfilled.',
      'Members said they were done being thanked instead of paid.',
    );
    expect(name).toBe('Fare increase');
  });

  it('counts words of one sense as one ("parliament", "parliamentary")', () => {
    const name = named(
      [],
      'Historians had long asked whether the town held a parliamentary gathering.',
      'Diggers found a mound where a parliament met.',
      'The new car park will open next year.',
    );
    expect(name).toBe('Parliamentary gathering');
  });

  it('does not name a section for when or on what condition a claim holds', () => {
    const name = heading(
      'Officials said they had acted as soon as they had enough evidence.',
      'A spokesperson said a safety review would be published.',
    );
    expect(name).not.toBe('Enough evidence');
    // Not where the phrase is the claim itself.
    expect(heading('Officials said they had enough evidence to act.')).toBe('Enough evidence');
  });

  it('does not name a section for who told, but keeps the sources of a thing', () => {
    expect(heading('Police sources said the elevator door was open.')).toBe('The elevator door');
    expect(heading('The council will look for new sources of funding.')).toBe('New sources of funding');
  });

  it('names a section of details from the sentence that shares with most others', () => {
    // No phrase names two sentences; the refund's sentence shares a name with each of the others.
    const name = heading(
      'The safety board praised Kell.',
      'Kell offered Lumora customers a full refund.',
      'Lumora shares fell on the stock exchange.',
    );
    expect(name).toBe('Full refund');
    // Where no sentence shares with two others, the best phrase stands.
    const apart = heading(
      'The safety board praised the move.',
      'Kell offered customers a full refund.',
      'Lumora shares fell on the stock exchange.',
    );
    expect(apart).toBe('The safety board');
    // Nor is a group named from that sentence by a phrase another heading already holds.
    const taken = nounPhraseHeading(
      [
        'The safety board praised Kell.',
        'Kell offered Lumora customers a full refund.',
        'Lumora shares fell on the stock exchange.',
      ].map((text) => ({ text, words: tagWords(text) })),
      new Set(['refund', 'lumora', 'custom', 'customer']),
    );
    expect(taken).toBe('The safety board');
  });
});
