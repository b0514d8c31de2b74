import { describe, expect, it } from 'vitest';
import type { StorySentence } from '../db/schema.js';
import { cite, sampleSources } from './fixtures.js';
import type { Draft } from './types.js';
import { verifyDraft } from './verify.js';

const [a, b] = sampleSources() as [ReturnType<typeof sampleSources>[0], ReturnType<typeof sampleSources>[0]];

function draftWith(sentence: StorySentence): Draft {
  return {
    headline: 'Freedonia raises rates to 4.5%',
    dek: 'The central bank raised its main interest rate to 4.5% and approved support for exporters.',
    body: { lede: [sentence], sections: [], quotes: [], figures: [] },
  };
}

const good = cite(a, 'The central bank of Freedonia raised its main interest rate to 4.5% on Tuesday.');

describe('verifyDraft', () => {
  const cases: { name: string; sentence: StorySentence; check?: string }[] = [
    {
      name: 'copied source sentence',
      sentence: {
        text: 'The central bank of Freedonia raised its main interest rate to 4.5% on Tuesday.',
        citations: [good],
      },
    },
    {
      name: 'figure in another unit ($350 billion = 350bn dollars)',
      sentence: {
        text: 'Exporters will receive $350 billion in support, the bank said.',
        citations: [cite(b, 'Exporters will receive 350bn dollars in support, the bank said.')],
      },
    },
    {
      name: 'quote with the right speaker',
      sentence: {
        text: '“This is painful but necessary,” Nowak told reporters.',
        citations: [cite(b, '“This is painful but necessary,” Nowak told reporters in Port Verde.')],
      },
    },
    {
      name: 'invented quote',
      sentence: {
        text: '“We will never raise rates again,” said Governor Ana Silva.',
        citations: [cite(a, 'said Governor Ana Silva.')],
      },
      check: 'quote',
    },
    {
      name: 'quote given to the wrong speaker',
      sentence: {
        text: '“This is painful but necessary,” said Governor Ana Silva.',
        citations: [
          cite(b, '“This is painful but necessary,” Nowak told reporters in Port Verde.'),
          cite(a, 'said Governor Ana Silva.'),
        ],
      },
      check: 'speaker',
    },
    {
      name: 'changed figure',
      sentence: {
        text: 'The central bank of Freedonia raised its main interest rate to 5.5% on Tuesday.',
        citations: [good],
      },
      check: 'figure',
    },
    {
      name: 'name not in any source',
      sentence: {
        text: 'Prime Minister Olaf Brandt welcomed the central bank decision on Tuesday.',
        citations: [good],
      },
      check: 'entity',
    },
    {
      name: 'sentence without citations',
      sentence: {
        text: 'The central bank of Freedonia raised its main interest rate to 4.5% on Tuesday.',
        citations: [],
      },
      check: 'citation',
    },
    {
      name: 'citation to an article outside the story',
      sentence: {
        text: 'The central bank raised rates.',
        citations: [{ article_id: 99, start: 0, end: 10 }],
      },
      check: 'citation',
    },
    {
      name: 'citation span past the end of the text',
      sentence: {
        text: 'The central bank raised rates.',
        citations: [{ article_id: a.id, start: 10, end: 100_000 }],
      },
      check: 'citation',
    },
    {
      name: 'quote whose speaker the sentence before the cited one names in full',
      sentence: {
        text: '“This is painful but necessary,” Finance Minister Piotr Nowak told reporters.',
        citations: [cite(b, '“This is painful but necessary,” Nowak told reporters in Port Verde.')],
      },
    },
    {
      name: 'the cited sentence restructured',
      sentence: {
        text: 'The central bank of Freedonia lifted rates to 4.5 percent, for the third time this year.',
        citations: [
          cite(b, 'Freedonia’s central bank lifted rates for the third time this year, to 4.5 percent.'),
        ],
      },
    },
    {
      name: 'figure that stands elsewhere in the cited article, not in the cited passage',
      sentence: {
        text: 'Nowak said the rise to 4.5 percent was painful but necessary.',
        citations: [cite(b, '“This is painful but necessary,” Nowak told reporters in Port Verde.')],
      },
      check: 'figure',
    },
    {
      name: 'negation flipped',
      sentence: {
        text: 'Finance Minister Piotr Nowak said the government did not back the decision.',
        citations: [cite(b, 'Finance Minister Piotr Nowak said the government backed the decision.')],
      },
      check: 'polarity',
    },
    {
      name: 'word turned to its opposite',
      sentence: {
        text: 'The central bank of Freedonia lowered its main interest rate to 4.5% on Tuesday.',
        citations: [good],
      },
      check: 'contrast',
    },
    {
      name: 'weekday changed',
      sentence: {
        text: 'The central bank of Freedonia raised its main interest rate to 4.5% on Wednesday.',
        citations: [good],
      },
      check: 'date',
    },
    {
      name: 'clause no passage holds, added to a true sentence',
      sentence: {
        text: 'The bank also approved a $350 billion support package for exporters, after farmers blocked roads in the capital.',
        citations: [cite(a, 'The bank also approved a $350 billion support package for exporters.')],
      },
      check: 'clause',
    },
    {
      name: 'unsupported claim',
      sentence: { text: 'Farmers blocked the capital’s roads to protest the rate rise.', citations: [good] },
      check: 'support',
    },
  ];

  it.each(cases)('$name', ({ sentence, check }) => {
    const result = verifyDraft(draftWith(sentence), [a, b]);
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (check === undefined) {
      expect(errors).toEqual([]);
      expect(result.failing.size).toBe(0);
    } else {
      expect(errors.map((f) => f.check)).toContain(check);
      expect(result.failing.has('lede.0')).toBe(true);
    }
  });

  it('checks the headline and the quote and figure blocks too', () => {
    const draft = draftWith({ text: a.text.slice(good.start, good.end), citations: [good] });
    draft.headline = 'Freedonia raises rates to 6%';
    draft.body.quotes = [
      { text: 'This is painful but necessary', speaker: 'Piotr Nowak', citation: cite(b, 'This is painful') },
      { text: 'This is painful but necessary', speaker: 'Ana Silva', citation: cite(b, 'This is painful') },
    ];
    draft.body.figures = [
      { text: '$350 billion', value: 350e9, unit: 'USD', citation: cite(a, '$350 billion') },
      { text: '$450 billion', value: 450e9, unit: 'USD', citation: cite(a, '$350 billion') },
    ];
    const result = verifyDraft(draft, [a, b]);
    expect([...result.failing].sort()).toEqual(['figures.1', 'headline', 'quotes.1']);
    expect(result.body.lede[0]!.support).toBe(1);
  });

  it('says which passage holds a sentence that cites one that does not', () => {
    const right = cite(a, 'The bank also approved a $350 billion support package for exporters.');
    const result = verifyDraft(
      draftWith({
        text: 'The bank also approved a $350 billion support package for exporters.',
        citations: [good],
      }),
      [a, b],
    );
    const recite = result.findings.find((f) => f.check === 'citation');
    expect(recite?.severity).toBe('error');
    expect(recite?.detail?.holds_it).toEqual([right]);
    expect(result.failing.has('lede.0')).toBe(true);
  });

  it('names no passage when none holds the sentence', () => {
    const result = verifyDraft(
      draftWith({ text: 'Farmers blocked the capital’s roads to protest the rate rise.', citations: [good] }),
      [a, b],
    );
    expect(result.findings.filter((f) => f.check === 'citation')).toEqual([]);
  });
});
