import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import type { StorySentence } from '../db/schema.js';
import { detectDisagreements } from '../disagree/detect.js';
import { checkDisputed } from './disputed.js';
import { prepareSources } from './prepare.js';
import type { Draft, SourceArticle } from './types.js';

function source(id: number, outlet: string, at: string, text: string): SourceArticle {
  return {
    id,
    source_id: id,
    outlet,
    title: 'Fire in the valley',
    text,
    published_at: new Date(at),
    analysis: analyzeArticle({ title: 'Fire in the valley', text }),
  };
}

const COUNTY = source(
  1,
  'Valley Post',
  '2026-11-13T08:00:00Z',
  'Crews fought the fire all night. The fire destroyed 142 homes in the valley, the county said.',
);
const SENTINEL = source(
  2,
  'The Sentinel',
  '2026-11-14T08:00:00Z',
  'Crews fought the fire all night. The fire destroyed 163 homes in the valley.',
);
const REVISED = source(
  3,
  'The Ledger',
  '2026-11-16T08:00:00Z',
  'Crews fought the fire all night. The fire service revised the number of homes destroyed in the valley to 163.',
);

const sentence = (text: string, article: SourceArticle): StorySentence => {
  const start = article.text.indexOf(text);
  return {
    text,
    citations: [
      { article_id: article.id, start: Math.max(0, start), end: start < 0 ? 10 : start + text.length },
    ],
  };
};

function draft(lede: StorySentence[], figures: Draft['body']['figures'] = []): Draft {
  return {
    headline: 'Fire burns through the valley',
    dek: 'Crews fought the fire all night.',
    body: { lede, sections: [], quotes: [], figures },
  };
}

function check(sources: SourceArticle[], d: Draft) {
  const prepared = { ...prepareSources(sources), disagreements: detectDisagreements(sources) };
  return checkDisputed(d, prepared).map((f) => [f.location, f.check, f.severity, f.message]);
}

describe('checkDisputed', () => {
  it('flags a sentence and a key figure that state a disputed value as settled', () => {
    const stated = sentence('The fire destroyed 163 homes in the valley.', SENTINEL);
    const at = SENTINEL.text.indexOf('163 homes');
    const findings = check(
      [COUNTY, SENTINEL],
      draft(
        [stated],
        [
          {
            text: '163 homes',
            value: 163,
            unit: 'home',
            citation: { article_id: 2, start: at, end: at + 9 },
          },
        ],
      ),
    );
    expect(findings.map((f) => f.slice(0, 3))).toEqual([
      ['lede.0', 'disputed', 'error'],
      ['figures.0', 'disputed', 'error'],
    ]);
    expect(findings[0]![3]).toContain('states 163');
    expect(findings[0]![3]).toContain('142');
  });

  it('accepts a disputed value given with its source, and sentences about something else', () => {
    const attributed = {
      text: 'The fire destroyed 142 homes, according to the county; The Sentinel put it at 163.',
      citations: [
        { article_id: 1, start: 0, end: 20 },
        { article_id: 2, start: 0, end: 20 },
      ],
    };
    expect(
      check([COUNTY, SENTINEL], draft([attributed, sentence('Crews fought the fire all night.', COUNTY)])),
    ).toEqual([]);
  });

  it('accepts the current value of a revised fact and flags the one it replaced', () => {
    const current = sentence(
      'The fire service revised the number of homes destroyed in the valley to 163.',
      REVISED,
    );
    const old = {
      text: 'The fire destroyed 142 homes in the valley.',
      citations: [{ article_id: 1, start: 0, end: 10 }],
    };
    const findings = check([COUNTY, REVISED], draft([current, old]));
    expect(findings.map((f) => f.slice(0, 2))).toEqual([['lede.1', 'disputed']]);
    expect(findings[0]![3]).toContain('revised to 163');
  });

  it('finds nothing when the sources agree or disagreements were not detected', () => {
    const stated = sentence('The fire destroyed 142 homes in the valley, the county said.', COUNTY);
    expect(check([COUNTY], draft([stated]))).toEqual([]);
    expect(checkDisputed(draft([stated]), prepareSources([COUNTY, SENTINEL]))).toEqual([]);
  });
});
