import { describe, expect, it } from 'vitest';
import { rankRelated, type StoryText } from './related.js';

const story = (id: number, headline: string, text: string): StoryText => ({
  id,
  headline,
  dek: `${text}.`,
  body: { lede: [{ text: `${text}.`, citations: [] }], sections: [], quotes: [], figures: [] },
});

describe('rankRelated', () => {
  const target = story(
    1,
    'Lower Dorn valley floods after river bursts its banks',
    'Rescue teams checked flooded homes in the Lower Dorn valley while the council closed roads',
  );
  const close = story(
    2,
    'Dorn valley roads stay closed',
    'Flooded roads into the Lower Dorn valley stay closed',
  );
  // Each shares one ordinary word with the target among many of its own: related, but barely.
  const faint = [
    story(
      3,
      'Council budget vote delayed',
      'The city council delayed its budget vote over tram fares and parking charges',
    ),
    story(
      4,
      'Museum reopens its west wing',
      'Museum visitors returned to the west wing as restorers finished homes of old paintings',
    ),
    story(
      5,
      'Harbour ferry timetable changes',
      'Ferry crews and rescue volunteers planned new winter timetables at the harbour',
    ),
  ];
  const unrelated = story(
    6,
    'Chess prodigy wins junior title',
    'A twelve-year-old chess prodigy won the junior title in Kaldvik',
  );

  it('fills the list to four with faintly related stories, the closest first', () => {
    const ranked = rankRelated(target, [close, ...faint, unrelated]);
    expect(ranked).toHaveLength(4);
    expect(ranked[0]!.story_id).toBe(2);
    expect(ranked.map((r) => r.story_id).sort()).toEqual([2, 3, 4, 5]);
    expect(Math.min(...ranked.slice(1).map((r) => r.score))).toBeLessThan(0.05);
  });

  it('leaves out a story that shares no word', () => {
    expect(rankRelated(target, [unrelated])).toEqual([]);
  });
});
