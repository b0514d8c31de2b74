import { describe, expect, it } from 'vitest';
import { fallbackAnalysis } from '../verify/extract.js';
import { sampleSources } from '../verify/fixtures.js';
import type { Draft, SourceArticle } from '../verify/types.js';
import { verifyDraft } from '../verify/verify.js';
import { writeExtractive } from './extractive.js';
import { evaldataPath } from '../../test/evaldata.js';
import { MULTILING_SAMPLE, readMultilingSample } from './sample.js';

function article(id: number, sourceId: number, title: string, text: string): SourceArticle {
  return {
    id,
    source_id: sourceId,
    outlet: `Outlet ${sourceId}`,
    title,
    text,
    published_at: new Date(Date.UTC(2026, 0, 30, id)),
    analysis: fallbackAnalysis(text),
  };
}

function sentences(draft: Draft) {
  return [...draft.body.lede, ...draft.body.sections.flatMap((s) => s.sentences)];
}

/** Every sentence is the exact text of the span it cites. */
function expectHonestCitations(draft: Draft, sources: readonly SourceArticle[]) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  for (const s of sentences(draft)) {
    expect(s.citations).toHaveLength(1);
    const c = s.citations[0]!;
    expect(byId.get(c.article_id)!.text.slice(c.start, c.end)).toBe(s.text);
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

  it('writes a cited, sectioned article from two outlets', () => {
    const sources = sampleSources();
    const result = writeExtractive(sources);
    if (!result.ok) throw new Error(result.reason);
    const { draft } = result;
    expect(draft.body.lede).toHaveLength(1);
    expect(draft.body.sections.length).toBeGreaterThanOrEqual(2);
    expect(draft.body.sections.length).toBeLessThanOrEqual(5);
    expect(sources.map((s) => s.title)).toContain(draft.headline);
    expect(draft.body.quotes.map((q) => q.speaker).sort()).toEqual(['Ana Silva', 'Piotr Nowak']);
    expect(draft.body.figures.map((f) => f.value)).toContain(350e9);
    expectHonestCitations(draft, sources);
    expect(verifyDraft(draft, sources).failing.size).toBe(0);
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
    'writes WikiNews event $id with every citation exact and verified',
    ({ sources }) => {
      const result = writeExtractive(sources);
      if (!result.ok) throw new Error(result.reason);
      expectHonestCitations(result.draft, sources);
      const verification = verifyDraft(result.draft, sources);
      expect(verification.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(
        new Set(sentences(result.draft).map((s) => s.citations[0]!.article_id)).size,
      ).toBeGreaterThanOrEqual(4);
    },
  );
});
