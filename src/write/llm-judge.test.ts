import { describe, expect, it } from 'vitest';
import { judgePrompt, toVerdicts } from './llm-judge.js';

const claims = [
  { location: 'lede.0', text: 'The bank raised rates.', evidence: ['The central bank raised its rate.'] },
  { location: 'sections.0.1', text: 'Exporters got support.', evidence: [] },
];

describe('the support judge prompt and answer', () => {
  it('numbers the claims with their passages', () => {
    const prompt = judgePrompt('Check:\n{{claims}}', claims);
    expect(prompt).toContain('Claim 1: The bank raised rates.\nPassages:\nThe central bank raised its rate.');
    expect(prompt).toContain('Claim 2: Exporters got support.\nPassages:\n(none)');
  });

  it('maps verdicts back to locations, ignoring unknown numbers and repeats', () => {
    const verdicts = toVerdicts(
      {
        verdicts: [
          { claim: 2, supported: false, reason: 'not in the passages' },
          { claim: 2, supported: true, reason: '' },
          { claim: 7, supported: true, reason: '' },
        ],
      },
      claims,
    );
    expect(verdicts).toEqual([{ location: 'sections.0.1', supported: false, reason: 'not in the passages' }]);
  });
});
