import { describe, expect, it } from 'vitest';
import { evaluateFactuality } from './factuality.js';
import { parseFactualityFile } from './factuality-records.js';
import { factualityMetrics } from './factuality-metrics.js';

describe('factualityMetrics', () => {
  const cases: { name: string; pairs: { label: 0 | 1; predicted: 0 | 1 }[]; want: Record<string, number> }[] =
    [
      {
        name: 'perfect detector',
        pairs: [
          { label: 0, predicted: 0 },
          { label: 1, predicted: 1 },
        ],
        want: { balanced_accuracy: 1, precision: 1, recall: 1 },
      },
      {
        // Nine supported claims and one unsupported: saying "supported" always is 90% accurate but
        // only 0.5 balanced, which is why balanced accuracy is the headline figure.
        name: 'always supported on a skewed set',
        pairs: [
          ...Array.from({ length: 9 }, () => ({ label: 1 as const, predicted: 1 as const })),
          { label: 0, predicted: 1 },
        ],
        want: { balanced_accuracy: 0.5, precision: 0, recall: 0 },
      },
      {
        name: 'one false alarm, one miss',
        pairs: [
          { label: 0, predicted: 0 },
          { label: 0, predicted: 1 },
          { label: 1, predicted: 0 },
          { label: 1, predicted: 1 },
          { label: 1, predicted: 1 },
        ],
        want: { balanced_accuracy: (0.5 + 2 / 3) / 2, precision: 0.5, recall: 0.5 },
      },
    ];
  it.each(cases)('$name', ({ pairs, want }) => {
    const m = factualityMetrics(pairs);
    for (const [key, value] of Object.entries(want)) expect(m[key as keyof typeof m]).toBeCloseTo(value, 6);
  });
});

describe('parseFactualityFile', () => {
  it('reads JSON lines and SummaC object files', () => {
    const lines =
      '{"id":"a","document":"D","claim":"C","label":1}\n{"id":"b","document":"D","claim":"E","label":0}\n';
    expect(parseFactualityFile(lines, 'x.jsonl').map((r) => [r.id, r.label])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    const object = JSON.stringify({ factcc_0: { document: 'D', claim: 'C', label: 1, id: 'cnn-1' } });
    expect(parseFactualityFile(object, 'factcc.json')[0]!.id).toBe('factcc_0');
  });

  it("keeps Polytope's support label apart from its overall label", () => {
    const object = JSON.stringify({ p1: { document: 'D', claim: 'C', label: 0, inaccuracy_label: 1 } });
    expect(parseFactualityFile(object, 'polytope.json')[0]).toMatchObject({ label: 0, supportLabel: 1 });
  });

  it('names the record and field that is wrong', () => {
    expect(() => parseFactualityFile('{"id":"a","document":"D","label":1}\n{"id":"b"}', 'x.jsonl')).toThrow(
      /record 1: claim/,
    );
  });
});

describe('evaluateFactuality', () => {
  it('separates a copied claim from an altered one', () => {
    const document =
      'The central bank raised its main rate to 4.5% on Tuesday. Governor Ana Silva said inflation was too high.';
    const { predictions, metrics } = evaluateFactuality([
      { id: 'copy', document, claim: 'The central bank raised its main rate to 4.5%.', label: 1 },
      { id: 'figure', document, claim: 'The central bank raised its main rate to 5.5%.', label: 0 },
      { id: 'invented', document, claim: 'Protesters blocked parliament over fuel prices.', label: 0 },
    ]);
    expect(predictions.map((p) => p.label)).toEqual([1, 0, 0]);
    expect(metrics.balanced_accuracy).toBe(1);
  });
});
