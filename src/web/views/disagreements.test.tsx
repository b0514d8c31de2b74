import { describe, expect, it } from 'vitest';
import type { Disagreement } from '../../disagree/types.js';
import { presentDisagreement } from '../api/disagreements.js';
import type { StoryModel } from '../story-model.js';
import { Disagreements } from './disagreements.js';

const source = (outlet: string, at: string) => ({
  article_id: 1,
  outlet,
  published_at: at,
  citation: { article_id: 1, start: 0, end: 10 },
});

// The recount's margin: two later figures dispute it; the first count's is history.
const MARGIN: Disagreement = {
  key: 'count:vote',
  kind: 'count',
  detail: 'Number of votes (Ada Quill)',
  status: 'disputed',
  settlement: null,
  values: [
    { value: '187', key: 'count:187', current: false, sources: [source('Courier', '2026-11-21T18:00:00Z')] },
    { value: '178', key: 'count:178', current: false, sources: [source('Post', '2026-11-22T17:00:00Z')] },
    {
      value: '214',
      key: 'count:214',
      current: false,
      earlier: true,
      sources: [source('Wire', '2026-11-12T16:00:00Z')],
    },
  ],
};

describe('a disputed fact with an earlier figure', () => {
  it('shows the earlier figure as such on the story page', async () => {
    const model = { markersOf: () => [] } as unknown as StoryModel;
    const html = String(await (<Disagreements model={model} items={[MARGIN]} />).toString());
    expect(html).toContain('<strong>214</strong><span class="sans"> (earlier figure)</span>');
    expect(html).not.toContain('<strong>187</strong><span class="sans"> (earlier figure)');
  });

  it('lists in the API only the values that stand against each other', () => {
    expect(presentDisagreement(MARGIN).values.map((v) => v.value)).toEqual(['187', '178']);
  });
});
