import { describe, expect, it } from 'vitest';
import { evaldataPath } from '../../test/evaldata.js';
import { PERSON_TITLES } from '../analyze/gazetteer.js';
import { detectDisagreements } from '../disagree/detect.js';
import { clusterSources } from '../eval/summaries.js';
import { readSummaryClusters } from '../eval/summaries-input.js';
import { demoStorySources, sampleSources, sourceArticle } from '../verify/fixtures.js';
import { prepareSources } from '../verify/prepare.js';
import { normalizeForMatch } from '../verify/text.js';
import type { Draft, SourceArticle } from '../verify/types.js';
import { verifyDraft } from '../verify/verify.js';
import { anatomyProblems } from './anatomy.js';
import { BODY_FILTERS, type CandidateFilter } from './eligible.js';
import { writeExtractive } from './extractive.js';
import { sentenceFunction } from './headings.js';
import { readingOrder } from './reading-order.js';
import { MULTILING_SAMPLE, readMultilingSample } from './sample.js';

function article(id: number, sourceId: number, title: string, text: string): SourceArticle {
  return {
    ...sourceArticle(id, title, text, new Date(Date.UTC(2026, 0, 30, id)), `Outlet ${sourceId}`),
    source_id: sourceId,
  };
}

function sentences(draft: Draft) {
  return readingOrder(draft.body);
}

/**
 * Every sentence is the text of the span it cites, word for word, but for how it refers to the
 * people and organisations it names (the reference passes write "Marsh" for "Governor Helena
 * Marsh" named before, "Maureen Adebayo" for an "Adebayo" not yet introduced): the words of their
 * names and titles aside, the two are the same.
 */
function expectHonestCitations(draft: Draft, sources: readonly SourceArticle[]) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const naming = new Set([
    ...PERSON_TITLES,
    ...sources.flatMap((a) =>
      a.analysis.entities
        .filter((e) => e.kind === 'person' || e.kind === 'organization')
        .flatMap((e) => e.name.toLowerCase().split(/\s+/)),
    ),
  ]);
  const rest = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !naming.has(w) && w !== 's');
  for (const s of sentences(draft)) {
    expect(s.citations).toHaveLength(1);
    const c = s.citations[0]!;
    const cited = byId.get(c.article_id)!.text.slice(c.start, c.end);
    if (cited !== s.text) expect(rest(s.text)).toEqual(rest(cited));
  }
  for (const q of draft.body.quotes)
    expect(byId.get(q.citation.article_id)!.text.slice(q.citation.start, q.citation.end)).toBe(q.text);
}

describe('writeExtractive', () => {
  it('tells the current state: headline, lede and dek from the latest coverage, without datelines', () => {
    // Shaped on the demo corpus' transit strike: a walkout, then the deal that ended it days later.
    const early = article(
      1,
      1,
      'Transit workers walk out, halting buses across Sable City',
      'SABLE CITY, Nov 12 (Meridian Wire) - Buses, trams and metro trains across Sable City stood still on Thursday. ' +
        'The transit union said its members walked out after talks with the city failed. ' +
        'City officials said the walkout would cost businesses millions of dollars every day.',
    );
    const late = article(
      9,
      2,
      'Sable City transit strike ends with pay deal for transit workers',
      'SABLE CITY, Nov 15 (Meridian Wire) - Sable City transit workers agreed on Sunday to end their strike. ' +
        'The union said buses, trams and metro trains would run again on Monday morning. ' +
        'The pay deal gives transit workers a raise over three years, the city said.',
    );
    const sources = [early, late];
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const { draft } = result;
    expect(draft.headline).toBe(late.title);
    expect(draft.body.lede[0]!.citations[0]!.article_id).toBe(late.id);
    expect(draft.body.lede[0]!.text).toBe('Sable City transit workers agreed on Sunday to end their strike.');
    for (const text of [draft.dek, ...sentences(draft).map((s) => s.text)])
      expect(text).not.toMatch(/Meridian Wire|^SABLE CITY,/);
    expect(late.text).toContain(draft.dek);
    expectHonestCitations(draft, sources);
  });

  it('writes the story article from two outlets: lede, sections, quotes with roles, labelled figures', () => {
    const sources = sampleSources();
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const { draft } = result;
    expect(draft.body.lede.length).toBeGreaterThanOrEqual(1);
    expect(draft.body.lede.length).toBeLessThanOrEqual(3);
    // The support package both outlets tell is the dek; the body keeps what the critics said.
    expect(draft.dek).toMatch(/350bn dollars in support/);
    expect(draft.body.sections.length).toBeGreaterThanOrEqual(1);
    expect(draft.body.sections.length).toBeLessThanOrEqual(5);
    expect(sources.map((s) => s.title)).toContain(draft.headline);
    expect(draft.body.quotes.map((q) => [q.speaker, q.role])).toContainEqual(['Ana Silva', 'Governor']);
    expect(draft.body.figures.map((f) => [f.value, f.label])).toContainEqual([
      350e9,
      'support package for exporters',
    ]);
    expect(anatomyProblems(draft)).toEqual([]);
    expectHonestCitations(draft, sources);
    expect(verifyDraft(draft, sources).failing.size).toBe(0);
  });

  it('gives a story whose coverage spans days a dated timeline that repeats the page only for a day whose news it holds', () => {
    const day = (d: number, id: number, title: string, text: string) => ({
      ...article(id, id, title, text),
      published_at: new Date(Date.UTC(2026, 10, d, 9)),
    });
    const sources = [
      day(
        12,
        1,
        'Transit workers walk out in Sable City',
        'Transit workers in Sable City walked out on Thursday over pay, halting buses and trams. The union wants a raise of 14 percent over three years. The transit authority has offered a raise of 7.5 percent.',
      ),
      day(
        13,
        2,
        'Strike talks stall in Sable City',
        'Talks between the transit union and the authority stalled on Friday without a new offer. Businesses in the city centre said the strike was costing them trade. Schools reported lower attendance as pupils struggled to travel.',
      ),
      day(
        15,
        3,
        'Sable City transit strike ends with pay deal',
        'Sable City transit workers agreed on Sunday to end their strike after a pay deal. The deal gives transit workers a raise of 11 percent over three years. Buses and trams will run again on Monday morning, the authority said.',
      ),
    ];
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const timeline = result.draft.body.timeline ?? [];
    expect(timeline.length).toBeGreaterThanOrEqual(2);
    expect(timeline.map((t) => t.date)).toEqual([...timeline.map((t) => t.date)].sort());
    const page = sentences(result.draft).map((s) => s.text);
    // Sunday's only fresh sentences are side facts ("The deal gives…", "Buses will run…"): the day
    // is told by its news, which the page opens on; no other line repeats the page.
    const repeated = timeline.filter((t) => page.includes(t.text));
    expect(repeated).toMatchObject([
      {
        date: '2026-11-15',
        text: 'Sable City transit workers agreed on Sunday to end their strike after a pay deal.',
      },
    ]);
    // "walked out on Thursday" in an article of Thursday 12 November is dated that day.
    expect(timeline[0]!.date).toBe('2026-11-12');
    expect(anatomyProblems(result.draft)).toEqual([]);
    expect(verifyDraft(result.draft, sources).failing.size).toBe(0);
  });

  it('keeps out of the body what an added filter rejects', () => {
    const sources = sampleSources();
    const noRates: CandidateFilter = { name: 'no rate sentences', keep: (c) => !/\brates?\b/.test(c.text) };
    const result = writeExtractive(sources, undefined, { filters: [...BODY_FILTERS, noRates] });
    if (!result.ok) throw new Error(result.reason);
    for (const s of sentences(result.draft)) expect(s.text).not.toMatch(/\brates?\b/);
  });

  it('keeps one copy of a wire sentence that several outlets ran', () => {
    const wire = 'Rescue teams reached the flooded valley of Lower Dorn on Sunday after three days of rain.';
    const sources = [
      article(1, 1, 'Floods hit Lower Dorn', `${wire} Officials said 40 homes were evacuated overnight.`),
      article(
        2,
        2,
        'Rescue teams reach Lower Dorn',
        `${wire} The regional council opened two shelters in schools.`,
      ),
      article(
        3,
        3,
        'Lower Dorn floods',
        `Rescue teams reached the flooded valley of Lower Dorn on Sunday after three days of heavy rain. Roads to the valley remain closed.`,
      ),
    ];
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const texts = sentences(result.draft).map((s) => s.text);
    expect(texts.filter((t) => t.startsWith('Rescue teams reached'))).toHaveLength(1);
    expectHonestCitations(result.draft, sources);
  });

  it('never repeats the headline as the dek, nor files a sentence under a heading of another kind, on the Multi-News dev clusters', () => {
    const clusters = readSummaryClusters(evaldataPath('summarization/multinews/dev.jsonl'));
    expect(clusters).toHaveLength(236);
    const repeated: string[] = [];
    const misfiled: string[] = [];
    for (const cluster of clusters) {
      const result = writeExtractive(clusterSources(cluster));
      if (!result.ok) continue;
      const { headline, dek, body } = result.draft;
      if (normalizeForMatch(dek).includes(normalizeForMatch(headline)))
        repeated.push(`${cluster.instance_id}: ${headline}`);
      // "Background" holds what goes back, "What comes next" what looks ahead: nothing else.
      for (const { heading, sentences: under } of body.sections)
        for (const s of under)
          if (
            (heading === 'Background' || heading === 'What comes next') &&
            sentenceFunction(s.text, false) !== heading
          )
            misfiled.push(`${cluster.instance_id}: ${heading}: ${s.text}`);
    }
    expect(repeated).toEqual([]);
    expect(misfiled).toEqual([]);
  });

  it('says "not enough material" for sources with almost no text', () => {
    const result = writeExtractive([
      article(1, 1, 'Breaking', 'Developing story.'),
      article(2, 2, 'Eilmeldung', 'Mehr folgt.'),
    ]);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^not enough material/) });
  });

  it('writes sources in another language without inventing anything', () => {
    const text =
      'Le gouvernement a annoncé mardi un plan de 12 milliards d’euros pour les hôpitaux publics. ' +
      'Le ministre de la Santé a présenté les mesures devant les syndicats à Paris. ' +
      'Les syndicats ont salué un premier pas mais demandent davantage de personnel.';
    const sources = [article(1, 1, 'Un plan pour les hôpitaux', text)];
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    expectHonestCitations(result.draft, sources);
    expect(verifyDraft(result.draft, sources).failing.size).toBe(0);
  });

  it.each(readMultilingSample(evaldataPath(MULTILING_SAMPLE)))(
    'writes WikiNews event $id with every citation exact and verified, in the article form',
    ({ sources }) => {
      const result = writeExtractive(sources);
      if (!result.ok) throw new Error(result.reason);
      expectHonestCitations(result.draft, sources);
      const verification = verifyDraft(result.draft, sources);
      expect(verification.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(anatomyProblems(result.draft)).toEqual([]);
      expect(
        new Set(sentences(result.draft).map((s) => s.citations[0]!.article_id)).size,
      ).toBeGreaterThanOrEqual(3);
    },
  );
});

describe('the lede of a story whose headline report opens on a disputed count', () => {
  // The demo corpus' recount: the concession report opens "Talia Brennan conceded … on Sunday, a day
  // after a hand recount confirmed Mayor Bernard Quill's victory by 178 votes, …", a count another
  // outlet gives as 187. The sentence cannot be told; its opening up to the count can.
  const sources = demoStorySources('election-recount');

  it('opens on the longest opening of its first sentence the sources settle, cited as exactly that', () => {
    const prepared = { ...prepareSources(sources), disagreements: detectDisagreements(sources) };
    const result = writeExtractive(sources, prepared);
    if (!result.ok) throw new Error(result.reason);
    const { draft } = result;
    expect(draft.headline).toMatch(/^Brennan concedes/);
    expect(draft.body.lede[0]!.text).toBe(
      "Talia Brennan conceded the Port Alder mayoral election on Sunday, a day after a hand recount confirmed Mayor Bernard Quill's victory",
    );
    expectHonestCitations(draft, sources);
    expect(verifyDraft(draft, sources, prepared).failing.size).toBe(0);
  });
});

describe('the body of a story that ran for days', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
  // Two reports of the talks opening, one of the deal four days later: all three tell the unions'
  // view, the older two as it stood before the deal.
  const sources = [
    sourceArticle(
      1,
      'Calvera and Estmark open steel tariff talks',
      'Trade negotiators from Calvera and Estmark opened talks in Varnholm on Monday over the tariff on Estmark steel. ' +
        'The Calveran delegation is led by Trade Minister Mara Ellison, who has threatened to raise the tariff on Estmark steel in December. ' +
        'Unions in the Calveran steel towns want the tariff kept until Estmark invests in Calveran steel plants. ' +
        'Estmark has offered to invest in Calveran steel plants if the tariff is dropped. ' +
        'Ellison said the talks in Varnholm would last five days.',
      day(16),
    ),
    sourceArticle(
      2,
      'Steel tariff talks begin in Varnholm',
      'Calvera and Estmark began talks in Varnholm on Monday to avert a higher tariff on Estmark steel. ' +
        'Trade Minister Mara Ellison leads the Calveran delegation at the talks in Varnholm. ' +
        'Unions in the Calveran steel towns said the tariff on Estmark steel should stay. ' +
        'Estmark has offered to invest in Calveran steel plants, officials said. ' +
        'The talks in Varnholm are the first since the tariff on Estmark steel was announced.',
      day(16),
    ),
    sourceArticle(
      3,
      'Calvera and Estmark sign steel deal',
      'Calvera and Estmark signed a deal in Varnholm on Friday that caps the tariff on Estmark steel at 15 percent. ' +
        'Under the deal, Estmark companies will invest in Calveran steel plants every year until 2030. ' +
        'Trade Minister Mara Ellison said the deal in Varnholm keeps the Calveran steel towns working. ' +
        'Unions in the Calveran steel towns said the deal on Estmark steel gives their members nothing. ' +
        'The talks in Varnholm ran a day longer than planned.',
      day(20),
    ),
  ];

  it('tells where things stand from the newest reports, not what older ones said before the news', () => {
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const { lede, sections } = result.draft.body;
    const body = [...lede, ...sections.flatMap((s) => s.sentences)].map((s) => s.text);
    expect(body).toContain(
      'Unions in the Calveran steel towns said the deal on Estmark steel gives their members nothing.',
    );
    expect(body.join(' ')).not.toMatch(/want the tariff kept/);
  });
});
