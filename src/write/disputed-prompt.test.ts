import { describe, expect, it } from 'vitest';
import type { Disagreement } from '../disagree/types.js';
import { parseWriterPrompt } from '../eval/injection/prompt.js';
import { formatDisagreements } from './disputed-prompt.js';

const source = (outlet: string) => ({
  article_id: 1,
  outlet,
  published_at: null,
  citation: { article_id: 1, start: 0, end: 1 },
});

const value = (text: string, outlets: string[], current = false) => ({
  value: text,
  key: text,
  current,
  sources: outlets.map(source),
});

const homes: Disagreement = {
  key: 'count:homes',
  kind: 'count',
  detail: 'Homes destroyed',
  status: 'disputed',
  values: [value('142', ['County Herald']), value('163', ['The Sentinel', 'Daily Post'])],
  settlement: null,
};

const heaters: Disagreement = {
  key: 'count:heaters',
  kind: 'count',
  detail: 'Heaters recalled',
  status: 'revised',
  values: [value('480,000', ['Ledger'], true), value('410,000', ['Wire'])],
  settlement: null,
};

describe('the disagreements a writer prompt lists', () => {
  it('is empty when the sources agree', () => {
    expect(formatDisagreements([])).toBe('');
  });

  it('names each fact, the value the article may state and the values it may only attribute', () => {
    const text = formatDisagreements([homes, heaters]);
    expect(text).toContain(
      '- Homes destroyed: disputed: 142 (County Herald); 163 (The Sentinel, Daily Post)',
    );
    expect(text).toContain('- Heaters recalled: write 480,000; not 410,000 (Wire)');
  });

  it('gives an editor’s settlement as the value to write', () => {
    const settled: Disagreement = {
      ...homes,
      settlement: {
        value_key: '163',
        value: '163',
        note: 'county confirmed',
        settled_by: 'ed',
        settled_at: '',
      },
    };
    expect(formatDisagreements([settled])).toContain('- Homes destroyed: write 163; not 142 (County Herald)');
  });

  it('reads back as the values a model must not state as settled', () => {
    const prompt = `Source: Wire: "Fire" (2026-11-02)\n[1] A fire destroyed homes.\n\n${formatDisagreements([homes, heaters])}`;
    expect(parseWriterPrompt(prompt).unsettled).toEqual(['142', '163', '410,000']);
  });

  it('marks a figure later reports give as the earlier one', () => {
    const margin: Disagreement = {
      ...homes,
      detail: 'Margin in votes',
      values: [
        value('187', ['Courier']),
        value('178', ['Post']),
        { ...value('214', ['Wire']), earlier: true },
      ],
    };
    const text = formatDisagreements([margin]);
    expect(text).toContain(
      '- Margin in votes: disputed: 187 (Courier); 178 (Post); 214 (earlier figure, Wire)',
    );
    expect(
      parseWriterPrompt(`Source: Wire: "Count" (2026-11-02)\n[1] A count.\n\n${text}`).unsettled,
    ).toEqual(['187', '178', '214']);
  });
});
