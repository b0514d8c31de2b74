import { describe, expect, it } from 'vitest';
import { fallbackAnalysis } from '../verify/extract.js';
import { sourceArticle } from '../verify/fixtures.js';
import type { SourceArticle } from '../verify/types.js';
import { verifyDraft } from '../verify/verify.js';
import { anatomyProblems } from './anatomy.js';
import { collectCandidates, introduceSpeakers, pairedCandidates, sharesSpan } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { selectByCoverage } from './coverage.js';
import { leadSentence, writeExtractive } from './extractive.js';
import { pickDek } from './dek.js';
import { pickLede } from './headline.js';
import { readingOrder } from './reading-order.js';

function article(id: number, title: string, text: string, hour = id): SourceArticle {
  return sourceArticle(id, title, text, new Date(Date.UTC(2026, 10, 20, hour)));
}

// Shaped on the demo corpus' flood coverage: the second sentence of each article leans on the first.
const floods = [
  article(
    1,
    'Lower Dorn bridge closed after floods',
    'The river bridge at Lower Dorn was closed on Sunday after flood water damaged its supports. ' +
      'It will stay shut until engineers have inspected the damaged supports, the regional council said. ' +
      'Volunteers filled sandbags at the village hall.',
  ),
  article(
    2,
    'Floods close Lower Dorn bridge',
    'Flood water damaged the supports of the river bridge at Lower Dorn, which was closed on Sunday.\n\n' +
      'It will stay shut until engineers have inspected the supports, according to the regional council. ' +
      'A school in the valley opened as a shelter.',
  ),
  article(
    3,
    'Lower Dorn waits for engineers',
    'Residents of Lower Dorn face a long detour while the river bridge is closed. ' +
      'Engineers have inspected bridges across the valley after the floods, and the regional council said the damaged supports would be repaired.',
    // A day on: its opening sentence leads, and the first day's reports are left to the body.
    30,
  ),
];

describe('a sentence that leans on the one before', () => {
  it('is paired with it as one candidate citing one span over both', () => {
    const candidates = collectCandidates(floods);
    const pairs = pairedCandidates(candidates);
    const [first] = pairs.filter((p) => p.article.id === 1);
    expect(first!.text).toBe(floods[0]!.text.slice(first!.start, first!.end));
    expect(first!.text).toMatch(/^The river bridge .* It will stay shut .* said\.$/);
    expect(first!.dangling).toBe(false);
    // Across a paragraph break, the pair reads the break as a space and still cites both sentences.
    const second = pairs.find((p) => p.article.id === 2)!;
    expect(second.text).toContain('on Sunday. It will stay shut');
    expect(floods[1]!.text.slice(second.start, second.end).replace(/\s+/g, ' ')).toBe(second.text);
    // A standing sentence is never paired with the one after it.
    expect(pairs.every((p) => candidates.some((c) => c.dangling && c.end === p.end))).toBe(true);
  });

  it('never enters the selection beside a sentence the pair holds', () => {
    const candidates = collectCandidates(floods);
    const pool = [...candidates.filter((c) => !c.dangling), ...pairedCandidates(candidates)];
    const chosen = selectByCoverage(pool, conceptWeights(candidates), { words: 400 });
    expect(chosen.some((c) => c.paired)).toBe(true);
    for (const a of chosen) for (const b of chosen) if (a !== b) expect(sharesSpan(a, b)).toBe(false);
  });

  it('reaches the body with the sentence it leans on, and the article keeps its form', () => {
    const result = writeExtractive(floods);
    if (!result.ok) throw new Error(result.reason);
    const body = readingOrder(result.draft.body);
    const paired = body.filter((s) => /It will stay shut/.test(s.text));
    expect(paired.length).toBeGreaterThan(0);
    for (const s of paired) expect(s.text).toMatch(/^\S.*\. It will stay shut/);
    expect(anatomyProblems(result.draft)).toEqual([]);
    expect(verifyDraft(result.draft, floods).failing.size).toBe(0);
  });

  it('includes a quotation that names no speaker, whatever its length, and one opening on "But"', () => {
    const text =
      'Analysts at Coldwater Capital said the cut had been expected since the inflation figures. ' +
      '"What is missing is a rule that the committee can be held to when prices turn again in the spring." ' +
      'The central bank left its guidance on further cuts unchanged on Thursday. ' +
      '"But a cut just before the budget makes the finance minister\'s arithmetic a lot easier," said Owen Ashdown.';
    const candidates = collectCandidates([article(1, 'Rate cut', text)]);
    const leaning = (start: RegExp) => candidates.find((c) => start.test(c.text))!.dangling;
    expect(leaning(/^"What is missing/)).toBe(true);
    expect(leaning(/^"But a cut/)).toBe(true);
    expect(leaning(/^The central bank/)).toBe(false);
    const pairs = pairedCandidates(candidates).map((p) => p.text);
    expect(pairs).toContainEqual(expect.stringMatching(/^Analysts at Coldwater .* "What is missing/));
  });

  it('takes a person\'s "it" as the thing the sentence before names, not one said of a company or pointing ahead', () => {
    const text =
      'The astrolabe, made in Varnholm in 1583, has not been found. ' +
      'Detective Superintendent Ravi Dunstan said investigators believed it was still in Calvera. ' +
      'Finance Minister Oliver Stroud said it showed the economy was on the right track. ' +
      'Vantor said it would replace affected packs free of charge. ' +
      'Curator Ines Marlow said it was too early to say whether the gallery would reopen. ' +
      'Pellham, which reported revenue of $640 million last year, said it would move some production.';
    const candidates = collectCandidates([article(1, 'Museum theft', text)]);
    const leaning = (start: RegExp) => candidates.find((c) => start.test(c.text))!.dangling;
    expect(leaning(/^Detective Superintendent/)).toBe(true);
    expect(leaning(/^Finance Minister/)).toBe(true);
    expect(leaning(/^Vantor/)).toBe(false);
    expect(leaning(/^Curator/)).toBe(false);
    expect(leaning(/^Pellham/)).toBe(false);
    const pairs = pairedCandidates(candidates).map((p) => p.text);
    expect(pairs).toContainEqual(
      expect.stringMatching(/^The astrolabe, .* believed it was still in Calvera\.$/),
    );
  });

  it('takes a pronoun after an opening phrase that names no one as leaning on the sentence before', () => {
    const text =
      'The drug cut migraine days by 38 percent over a year in a study of 2,340 people. ' +
      'For patients who had already tried two or more treatments without success, it cut them by 29 percent. ' +
      'According to the authority, it will cost about $71 million more over three years. ' +
      'When the task force conducted raids, they arrested several suspects. ' +
      "In Pope Francis' address to Congress, he praised Dorothy Day. " +
      'Kuiper, it turns out, worked for the Department of Agriculture.';
    const candidates = collectCandidates([article(1, 'Migraine trial', text)]);
    const leaning = (start: RegExp) => candidates.find((c) => start.test(c.text))!.dangling;
    expect(leaning(/^For patients/)).toBe(true);
    expect(leaning(/^According to the authority/)).toBe(true);
    expect(leaning(/^When the task force/)).toBe(false);
    expect(leaning(/^In Pope Francis/)).toBe(false);
    expect(leaning(/^Kuiper/)).toBe(false);
    expect(leaning(/^The drug/)).toBe(false);
  });

  it('takes a speaker named as what they are to someone unnamed ("its chair") as leaning on the sentence before', () => {
    const text =
      'The Consumer Product Safety Board said it had acted as soon as it had enough evidence. ' +
      '"A software fix is welcome, but a heater that may never get it cannot stay plugged in," said its chair, Miriam Osei, on Saturday. ' +
      'The board said its chair, Miriam Osei, would publish a review of the case within a month. ' +
      '"A software fix is welcome, but a heater that may never get it cannot stay plugged in," said Miriam Osei, chair of the board.';
    const candidates = collectCandidates([article(1, 'Heater recall', text)]);
    const leaning = (part: RegExp) => candidates.find((c) => part.test(c.text))!.dangling;
    expect(leaning(/said its chair, Miriam Osei, on Saturday/)).toBe(true);
    // The sentence names whose chair she is; the full attribution stands alone.
    expect(leaning(/^The board said its chair/)).toBe(false);
    expect(leaning(/said Miriam Osei, chair of the board/)).toBe(false);
  });

  it('includes a quote whose speaker is only "she", and not one that names its speaker first', () => {
    const text =
      'Governor Helena Marsh said the committee had weighed the trade talks with Estmark. ' +
      'Asked about further cuts, she said: "We will take each decision as it comes, meeting by meeting." ' +
      'Economist Owen Ashdown, asked on Thursday about the path of rates, said he told clients to expect two more cuts.';
    const candidates = collectCandidates([article(1, 'Rate cut', text)]);
    const leaning = (start: RegExp) => candidates.find((c) => start.test(c.text))!.dangling;
    expect(leaning(/^Asked about further cuts/)).toBe(true);
    const figure = collectCandidates([
      article(
        2,
        'Recall cost',
        'Lumora expects the recall to cost about $62 million. The company said the figure included refunds and legal claims. The total of 37 reports includes nine fires.',
      ),
    ]);
    expect(figure.find((c) => /the figure included/.test(c.text))!.dangling).toBe(true);
    const ballots = collectCandidates([
      article(
        3,
        'Recount',
        'Scanners at 14 polling stations rejected ballots that voters had marked lightly. ' +
          'At 14 of them, staff put ballots aside to be counted by hand that evening. ' +
          'The electoral commission said 1,312 ballots had been set aside in this way.',
      ),
    ]);
    expect(ballots.find((c) => /^At 14 of them/.test(c.text))!.dangling).toBe(true);
    expect(ballots.find((c) => /in this way/.test(c.text))!.dangling).toBe(true);
    // A time counted from the sentence before.
    const later = collectCandidates([
      article(
        4,
        'Assault',
        'Sureshbhai Patel had recently arrived to help his son care for his child. ' +
          'Less than a week later, Patel was approached by police in response to a call. ' +
          'The next day, the city apologised to the family for the injuries he suffered. ' +
          'Three days of talks later produced nothing, the union said on Friday. ' +
          'Later stages of the inquiry will look at the police response to the call.',
      ),
    ]);
    const leans = (start: string) => later.find((c) => c.text.startsWith(start))!.dangling;
    expect(leans('Less than a week later')).toBe(true);
    expect(leans('The next day')).toBe(true);
    expect(leans('Three days of talks')).toBe(false);
    expect(leans('Later stages')).toBe(false);
    expect(ballots.find((c) => /^Scanners/.test(c.text))!.dangling).toBe(false);
    const mayor = collectCandidates([
      article(
        4,
        'Strike',
        'Mayor Celia Navarro urged both sides to return to talks on Thursday. ' +
          'On Friday she said she would not use city reserves to fund a settlement. ' +
          'On Friday the Sable City council met to discuss the strike and its costs.',
      ),
    ]);
    expect(mayor.find((c) => /^On Friday she/.test(c.text))!.dangling).toBe(true);
    expect(mayor.find((c) => /^On Friday the/.test(c.text))!.dangling).toBe(false);
    expect(figure.find((c) => /^The total of 37/.test(c.text))!.dangling).toBe(false);
    const budget = collectCandidates([
      article(
        5,
        'Budget',
        'Fares cover about a third of the Halden transit budget this year. The remainder comes from the city and a regional sales tax.',
      ),
    ]);
    expect(budget.find((c) => /^The remainder/.test(c.text))!.dangling).toBe(true);
    expect(leaning(/^Economist Owen Ashdown/)).toBe(false);
    const talks = collectCandidates([
      article(
        5,
        'Harbour talks',
        'Port director Lene Aas called the harbour agreement a good day for every shipping line in Kaldhall. ' +
          'Transport Minister Ola Brun was more guarded. ' +
          'Others on the council want the fee cap put to a vote before it applies. ' +
          'Dockers were more worried about pay than about fees at the Kaldhall harbour.',
      ),
    ]);
    expect(talks.find((c) => /more guarded/.test(c.text))!.dangling).toBe(true);
    expect(talks.find((c) => /^Others on the council/.test(c.text))!.dangling).toBe(true);
    expect(talks.find((c) => /more worried about pay than/.test(c.text))!.dangling).toBe(false);
    const quoted = collectCandidates([
      article(
        6,
        'E-bike fires',
        'Chief Fire Officer Gordon Haig has called for national rules on charging e-bikes indoors. ' +
          '"We do not need to ban e-bikes, but we do need rules for batteries," Haig said. ' +
          '"Nobody should charge a battery in a stairwell," said Gordon Haig at a briefing in Sable City.',
      ),
    ]);
    // Who "Haig" is stands in the sentence before: alone, a reader does not know who spoke.
    const surname = quoted.find((c) => /Haig said/.test(c.text))!;
    expect(surname.surnameOnly).toBe('Gordon Haig');
    expect(quoted.find((c) => /said Gordon Haig/.test(c.text))!.surnameOnly).toBeUndefined();
    const pool = [...quoted, ...pairedCandidates(quoted)];
    const pair = pool.find((c) => c.paired && c.end === surname.end)!;
    expect(pair.text).toMatch(/^Chief Fire Officer Gordon Haig .* Haig said\.$/);
    expect(pair.surnameOnly).toBeUndefined();
    // On a page that names him nowhere in full, the pair that introduces him takes the sentence's place;
    // where the page names him, or no pair is at hand, the sentence stays.
    expect(introduceSpeakers([surname], pool, 'E-bike fires').map((c) => c.text)).toEqual([pair.text]);
    expect(introduceSpeakers([surname], pool, 'Gordon Haig calls for rules')).toEqual([surname]);
    expect(introduceSpeakers([surname], quoted, 'E-bike fires')).toEqual([surname]);
  });

  it('counts as told twice when a chosen sentence sits inside a chosen pair', () => {
    const pair = 'The bridge was closed on Sunday. It will stay shut for a month.';
    const sentence = (text: string) => ({ text, citations: [] });
    const problems = anatomyProblems({
      headline: 'Bridge closed',
      dek: 'Engineers will inspect the supports.',
      body: {
        lede: [sentence(pair)],
        sections: [
          { heading: 'Damaged supports', sentences: [sentence('The bridge was closed on Sunday.')] },
        ],
        quotes: [],
        figures: [],
      },
    });
    expect(problems).toEqual([expect.stringMatching(/^sentence twice, inside another/)]);
  });
});

describe('the lede', () => {
  // The newest report opens on a cost (what a dek looks for) in words no other article uses.
  const sources = [
    article(
      1,
      'Dorn valley floods close bridge and school',
      'Floods in the Dorn valley closed the river bridge and the village school on Sunday. ' +
        'Volunteers filled sandbags at the village hall in Lower Dorn. ' +
        'The regional council opened a shelter for families from the valley.',
      1,
    ),
    article(
      2,
      'Dorn valley cleans up after floods',
      'Insurers put the bill for farms and shops at about $40 million, Kaldvik Re estimated. ' +
        'The river bridge in the Dorn valley stays closed after the floods. ' +
        'Volunteers who filled sandbags in Lower Dorn were thanked by the regional council.',
      9,
    ),
  ];

  it("opens on the newest article's first sentence when the body may carry it", () => {
    const candidates = collectCandidates(sources);
    expect(leadSentence(sources, candidates)?.text).toMatch(/^Insurers put the bill/);
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft.body.lede[0]!.text).toMatch(/^Insurers put the bill/);
    expect(result.draft.dek).not.toMatch(/^Insurers/);
    expect(anatomyProblems(result.draft)).toEqual([]);
  });

  it('knows no newest article when the sources carry no publication time', () => {
    const undated = sources.map((s) => ({ ...s, published_at: null }));
    expect(leadSentence(undated, collectCandidates(undated))).toBeUndefined();
  });

  it("opens an undated story on a report's own opening among the best picks, else on the best", () => {
    const undated = sources.map((s) => ({ ...s, published_at: null }));
    const candidates = collectCandidates(undated);
    const at = (start: string) => candidates.find((c) => c.text.startsWith(start))!;
    const detail = at('Volunteers filled sandbags');
    const shelter = at('The regional council opened');
    const opening = at('Floods in the Dorn valley');
    expect(pickLede([detail, shelter, opening])[0]).toBe(opening);
    // Below the best three, the best pick leads.
    const thanked = at('Volunteers who filled');
    expect(pickLede([detail, shelter, thanked, opening])[0]).toBe(detail);
  });

  it('passes over a newest article that opens on a quote for the report before it', () => {
    const quoted = {
      ...sources[1]!,
      text: `"We have never seen water this high," said Mara Lind, the mayor. ${sources[1]!.text}`,
    };
    const withQuote = [sources[0]!, { ...quoted, analysis: fallbackAnalysis(quoted.text) }];
    expect(leadSentence(withQuote, collectCandidates(withQuote))?.text).toMatch(/^Floods in the Dorn valley/);
    const result = writeExtractive(withQuote);
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft.body.lede[0]!.text).toMatch(/^Floods in the Dorn valley/);
  });
});

describe('the lede and the dek around the opening sentence', () => {
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
  const report = (id: number, when: Date, text: string) =>
    sourceArticle(id, `Museum theft report ${id}`, text, when);
  const arrest = report(
    1,
    at(26, 16),
    'Police arrested two men on Thursday over the theft of a brass astrolabe from the Varden Museum in Sable City. ' +
      'It was still missing on Thursday evening, detectives said at a briefing. ' +
      'The astrolabe, made in Varnholm in 1583, has not been found by the detectives. ' +
      '"This is a significant step, but our work is not done," said Detective Superintendent Ravi Dunstan.',
  );
  const analysis = report(
    2,
    at(26, 9),
    'The Ministry of Culture said grants to national museums had risen by 2 percent this year. ' +
      "Detectives said the theft from the Varden Museum had been planned for months by a gang that knew the building's maintenance timetable.",
  );
  const early = report(
    3,
    at(24, 9),
    'Detectives said on Tuesday that the theft of the astrolabe from the Varden Museum had left them with no suspects.',
  );
  // What the body may carry: a sentence that leans on the one before comes only with it.
  const candidates = collectCandidates([arrest, analysis, early]).filter((c) => !c.dangling);
  const find = (start: string) => candidates.find((c) => c.text.startsWith(start))!;
  const opener = find('Police arrested');

  it("gives the dek to the opening report's next sentence that names what it speaks of", () => {
    // Coverage did not pick it (the newest report's "It was still missing" leans on the sentence before).
    const next = find('The astrolabe, made');
    const picks = [opener, ...candidates.filter((c) => c !== opener && c !== next)];
    expect(pickDek(picks, opener, candidates)?.text).toBe(next.text);
  });

  it('gives no dek that names by surname alone someone only the opening sentence names in full', () => {
    const fire = report(
      4,
      at(25, 9),
      'The town of Lowmoor mourned Derek Moss, the machine operator who died when fire destroyed the Pellham factory. ' +
        'Moss, a father of three, was found in the finishing hall after the fire. ' +
        'The fire started shortly after 2 a.m. in the finishing hall of the Pellham plant.',
    );
    const sentences = collectCandidates([fire]);
    const [first, , third] = sentences;
    expect(pickDek(sentences, first, sentences)?.text).toBe(third!.text);
    // A name the headline gives is known above the dek.
    expect(pickDek(sentences, first, sentences, 'Moss named as worker killed in Lowmoor fire')?.text).toMatch(
      /^Moss, a father/,
    );
  });

  it("reads on in the opening report, then takes only the same day's sentences that tell of the same", () => {
    const dek = find('The astrolabe, made');
    const lede = pickLede(candidates, dek, opener).map((c) => c.text);
    expect(lede[0]).toBe(opener.text);
    expect(lede).toContainEqual(
      expect.stringMatching(/^Detectives said the theft from .* planned for months/),
    );
    // A stray fact of the same day, and a report of two days before, stay out.
    expect(lede).not.toContainEqual(expect.stringMatching(/Ministry of Culture/));
    expect(lede).not.toContainEqual(expect.stringMatching(/no suspects/));
    expect(lede).not.toContainEqual(expect.stringMatching(/^"This is/));
  });
});

describe('the report the lede opens on', () => {
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
  const report = (id: number, title: string, when: Date, text: string) =>
    sourceArticle(id, title, text, when);
  const signed = report(
    1,
    'Harbour deal signed: port fees capped at 4 percent',
    at(20, 11),
    'Talks in Kaldhall ended on Friday with a signed harbour agreement that caps port fees at 4 percent. ' +
      'The agreement was signed by the two transport ministers at the Kaldhall conference centre. ' +
      'Shipping lines will pay the old rate until March.',
  );
  const reaction = report(
    2,
    'Harbour deal welcomed, but dockers say the fine print is missing',
    at(20, 19),
    'The harbour agreement signed in Kaldhall on Friday was welcomed by shipping lines and greeted with caution by dockers. ' +
      '"We have read every page and found no line about pay," said Ina Brodde of the dockers union. ' +
      'Port fees at Kaldhall will be capped at 4 percent instead of the 9 percent proposed in spring. ' +
      'A joint board will publish the fees every quarter.',
  );
  const older = report(
    3,
    'Harbour towns weigh what the Kaldhall talks could bring',
    at(18, 7),
    'In the harbour towns along the Ostra coast, news of the talks was greeted with hope and old suspicion.',
  );
  const sources = [signed, reaction, older];
  const candidates = collectCandidates(sources);
  const starts = (prefix: string) => (c: { text: string }) => c.text.startsWith(prefix);

  it("opens on the headline's report when it is of the newest news cycle", () => {
    expect(leadSentence(sources, candidates, signed)?.text).toMatch(/^Talks in Kaldhall ended/);
    // Without a headline of that cycle, the newest report opens it.
    expect(leadSentence(sources, candidates, older)?.text).toMatch(/^The harbour agreement signed/);
  });

  it("opens on a later sentence of the cycle's report when no opening sentence of the cycle may stand", () => {
    // Both reports of the newest cycle open on a figure the sources dispute: the body may not carry them.
    const pool = candidates.filter((c) => c.position !== 0 || c.article === older);
    expect(leadSentence(sources, pool, reaction)?.text).toMatch(/^Port fees at Kaldhall will be capped/);
    // Not before the report's own lead paragraphs: a sentence deep in it gives way to an older report.
    const shallow = pool.filter((c) => c.article !== reaction || c.position > 3);
    expect(leadSentence(sources, shallow, reaction)?.text).toMatch(/^The agreement was signed/);
    const none = shallow.filter((c) => c.article !== signed);
    expect(leadSentence(sources, none, reaction)?.text).toMatch(/^In the harbour towns/);
  });

  it('reads on in its report past a quote, with sentences coverage left to the body', () => {
    const opener = candidates.find(starts('The harbour agreement signed'))!;
    const carried = candidates.filter((c) => c.article === reaction);
    // Coverage picked none of the report's other sentences.
    const lede = pickLede(
      [opener, ...candidates.filter((c) => c.article === older)],
      undefined,
      opener,
      carried,
    );
    expect(lede.map((c) => c.text)).toEqual([opener.text, expect.stringMatching(/^Port fees at Kaldhall/)]);
  });
});

describe('a lede that reads on beyond the picks', () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour));
  const sources = [
    sourceArticle(
      1,
      'Kaldhall harbour fees capped in deal with shipping lines',
      'The port authority in Kaldhall agreed on Friday to cap harbour fees for shipping lines at 4 percent a year. ' +
        'The harbour fee cap could rise to 6 percent if cargo slumps. ' +
        'Shipping lines had asked for a freeze. ' +
        'Dockers at Kaldhall said the deal left their pay talks untouched.',
      at(9),
    ),
    sourceArticle(
      2,
      'Harbour fee deal leaves dockers waiting',
      'The harbour fee deal struck in Kaldhall on Friday was welcomed by shipping lines and met with caution by dockers. ' +
        'Harbour master Ola Brun signed the agreement at the town hall in front of the city council. ' +
        'Under the deal the port authority may raise the cap to 6 percent a year when cargo volumes fall by more than a fifth. ' +
        'The port handled 41 million tonnes of cargo last year.',
      at(15),
    ),
  ];

  it('leaves the body without the fact the dek or lede adds', () => {
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const body = result.draft.body.sections.flatMap((s) => s.sentences.map((x) => x.text));
    const lede = result.draft.body.lede.map((x) => x.text);
    const sixPercent = [result.draft.dek, ...lede, ...body].filter((t) => /6 percent/.test(t));
    // Both reports tell of the raised cap, and only one of the harbour master's signing: the cap is the dek.
    expect(result.draft.dek).toMatch(/^Under the deal/);
    expect(sixPercent).toHaveLength(1);
    expect(anatomyProblems(result.draft)).toEqual([]);
  });
});

describe('a lede that reads on in its report', () => {
  it('skips a sentence that leans on a name only a sentence left out introduced', () => {
    const report = sourceArticle(
      1,
      'Brennan concedes in Port Alder',
      'Talia Brennan conceded the Port Alder mayoral election on Sunday. ' +
        'The largest correction came at a polling station in the Eastbank district, where 38 ballots had been counted for the wrong candidate. ' +
        "Eastbank is one of Port Alder's poorest districts, the Democracy Watch group said. " +
        'Scanner supplier Tallyform has said a software update made the machines too strict.',
      new Date(Date.UTC(2026, 10, 22, 17)),
    );
    const [opener, , ...rest] = collectCandidates([report]);
    // The correction stays out of the lede (another report tells it in the body).
    const lede = pickLede([opener!, ...rest], undefined, opener!, rest).map((c) => c.text);
    expect(lede[0]).toBe(opener!.text);
    expect(lede.join(' ')).not.toMatch(/^Eastbank|\bEastbank is one/);
    expect(lede).toContainEqual(expect.stringMatching(/^Scanner supplier Tallyform/));
  });
});

describe('a body beside the dek and lede', () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 22, hour));
  const sources = [
    sourceArticle(
      1,
      'Dunne stun Merrow to win league final',
      'Dunne beat Merrow 2-1 after extra time to win the league final at the national stadium on Sunday. ' +
        "Merrow dominated the first half and led through captain Lena Ruud's 34th-minute free kick. " +
        'Tom Hale equalised for Dunne in the 78th minute and scored the winner in extra time. ' +
        'The victory earns Dunne prize money of $14 million.',
      at(20),
    ),
    sourceArticle(
      2,
      'Hale heads Dunne to league title',
      'Tom Hale scored twice as Dunne beat Merrow 2-1 after extra time in the league final on Sunday. ' +
        'Merrow took the lead in the 34th minute through captain Lena Ruud, who curled a free kick into the top corner from 22 metres. ' +
        'Dunne manager Ines Kaur made two changes at half-time, and her side improved steadily. ' +
        'Merrow receive $7 million as runners-up.',
      at(21),
    ),
  ];

  it('tells a goal placed at its minute once, however each report words it', () => {
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const body = result.draft.body.sections.flatMap((s) => s.sentences.map((x) => x.text));
    const page = [result.draft.dek, ...result.draft.body.lede.map((x) => x.text), ...body];
    expect(page.filter((t) => /34th/.test(t))).toHaveLength(1);
    expect(page).toContainEqual(expect.stringMatching(/78th minute/));
    expect(anatomyProblems(result.draft)).toEqual([]);
  });
});
