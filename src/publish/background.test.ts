import { describe, expect, it } from 'vitest';
import type { StoryBody } from '../db/schema.js';
import { type EarlierStory, pickBackground, withBackground } from './background.js';

function body(...sentences: string[]): StoryBody {
  return {
    lede: sentences
      .slice(0, 1)
      .map((text, i) => ({ text, citations: [{ article_id: 100 + i, start: 0, end: 10 }] })),
    sections: [
      {
        heading: 'More on the story',
        sentences: sentences
          .slice(1)
          .map((text, i) => ({ text, citations: [{ article_id: 200 + i, start: 0, end: 10 }] })),
      },
    ],
    quotes: [],
    figures: [],
  };
}

const walkout: EarlierStory = {
  id: 1,
  slug: 'transit-workers-walk-out',
  first_seen_at: new Date('2026-11-12T07:00:00Z'),
  headline: 'Sable City transit workers walk out over pay',
  dek: 'Buses, trams and metro trains stood still as transit workers struck over pay.',
  body: body(
    'Transit workers in Sable City walked out over pay on Thursday, halting buses, trams and metro trains.',
    'The transit union is seeking a pay increase of 14 percent over three years.',
    'The transit authority offered 7.5 percent.',
  ),
};
const final: EarlierStory = {
  id: 2,
  slug: 'harrow-win-league-final',
  first_seen_at: new Date('2026-11-11T07:00:00Z'),
  headline: 'Harrow Athletic win the league final',
  dek: 'A header in extra time settled the final at the National Stadium.',
  body: body(
    'Harrow Athletic beat Sable City Rovers 2-1 after extra time.',
    'Rovers receive $7 million as runners-up.',
  ),
};
const deal = {
  id: 3,
  first_seen_at: new Date('2026-11-15T07:00:00Z'),
  headline: 'Sable City transit strike ends with pay deal',
  dek: 'Transit workers accepted a pay increase of 11 percent over three years.',
  body: body(
    'Sable City transit workers agreed on Sunday to end their strike.',
    'Buses, trams and metro trains will run again on Monday.',
  ),
};

describe('pickBackground', () => {
  it('quotes what led here from an earlier, closely related story, cited and linked', () => {
    const background = pickBackground(deal, [walkout, final]);
    expect(background.length).toBeGreaterThanOrEqual(1);
    expect(background.length).toBeLessThanOrEqual(3);
    for (const b of background) {
      expect(b).toMatchObject({ story_id: 1, slug: 'transit-workers-walk-out' });
      expect(b.citations.length).toBeGreaterThan(0);
    }
  });

  it('takes nothing from a later story or an unrelated one', () => {
    expect(pickBackground({ ...deal, first_seen_at: new Date('2026-11-01T00:00:00Z') }, [walkout])).toEqual(
      [],
    );
    expect(pickBackground(deal, [final])).toEqual([]);
  });

  it('sets or clears the body part', () => {
    const set = withBackground(deal.body, pickBackground(deal, [walkout]));
    expect(set.background?.length).toBeGreaterThan(0);
    expect('background' in withBackground(set, [])).toBe(false);
  });
});

describe('pickBackground on a neighbouring story', () => {
  const heaters: EarlierStory = {
    id: 4,
    slug: 'lumora-recalls-smart-heaters',
    first_seen_at: new Date('2026-11-14T07:00:00Z'),
    headline: 'Lumora recalls 410,000 HearthLink smart heaters over overheating fault',
    dek: 'The smart heaters have been linked to nine house fires in Calvera.',
    body: body(
      'The Consumer Product Safety Board said it had acted as soon as it had enough evidence.',
      'It said a review of the case would follow.',
      'Lumora Systems is recalling 410,000 HearthLink smart heaters after nine house fires, with the Consumer Product Safety Board.',
    ),
  };
  const bikes = {
    id: 5,
    first_seen_at: new Date('2026-11-25T07:00:00Z'),
    headline: 'Vantor recalls 62,000 e-bike batteries after 14 fires',
    dek: 'The Consumer Product Safety Board said six homes were damaged by the battery fires.',
    body: body(
      'Vantor is recalling 62,000 Glide e-bike batteries after 14 fires, the Consumer Product Safety Board said.',
      'The recall follows house fires in Sable City and Harrow.',
      'The Consumer Product Safety Board told owners to stop charging the batteries indoors.',
    ),
  };

  it("takes only sentences that name their own story's subject and stand alone", () => {
    const texts = pickBackground(bikes, [heaters]).map((b) => b.text);
    expect(texts).toEqual([
      'Lumora Systems is recalling 410,000 HearthLink smart heaters after nine house fires, with the Consumer Product Safety Board.',
    ]);
  });
});
