import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { sameFact } from './coverage.js';

describe('sameFact', () => {
  const [fell, was, forecast] = collectCandidates([
    sourceArticle(
      1,
      'Rate cut',
      'Consumer price inflation fell to 2.6 percent in October from 3.1 percent in September, the statistics office reported. ' +
        "Consumer price inflation was 2.6 percent in October, still above the bank's target, and wage growth is running at 4.8 percent. " +
        'Consumer spending grew 1.1 percent in October as shoppers returned to city centre stores.',
      new Date('2026-11-20T08:00:00Z'),
    ),
  ]);

  it('holds two sentences that give one figure about the same thing as one fact', () => {
    expect(sameFact(fell!, was!)).toBe(true);
  });

  it('keeps apart sentences that share words but not a figure', () => {
    expect(sameFact(was!, forecast!)).toBe(false);
    expect(sameFact(fell!, forecast!)).toBe(false);
  });
});

describe('sameFact with places in an order', () => {
  const [freeKick, equaliser, winner, century, museum] = collectCandidates([
    sourceArticle(
      1,
      'League final',
      'Merrow took the lead in the 34th minute through captain Ada Voss, who curled a free kick into the top corner. ' +
        'Merrow took the lead through Ada Voss in the 34th minute before Tom Hale equalised for Dunne in the 78th. ' +
        'Dunne won the final when Tom Hale scored again in the 113th minute of extra time. ' +
        'Thieves took a 16th-century brass astrolabe from the Merrow museum on Tuesday night. ' +
        'The 16th-century gallery of the Merrow museum will stay closed until the spring.',
      new Date('2026-11-23T08:00:00Z'),
    ),
  ]);

  it('holds two sentences that place one event at the same minute as one fact', () => {
    expect(sameFact(freeKick!, equaliser!)).toBe(true);
  });

  it('keeps apart events at different minutes, and things of the same century', () => {
    expect(sameFact(freeKick!, winner!)).toBe(false);
    expect(sameFact(century!, museum!)).toBe(false);
  });
});

describe('sameFact for one fact in two outlets’ words', () => {
  const [exchange, swap, charged, alsoCharged, goal, final] = collectCandidates([
    sourceArticle(
      1,
      'Jersey misprint',
      'The Rockies said fans can exchange the misspelled jerseys for corrected ones at a date to be announced. ' +
        'The Rockies say fans will have the opportunity to swap the misspelled jerseys for corrected ones later. ' +
        'Maria Hernandez has been charged with sexual assault on a child, a felony. ' +
        'Dana Kuisis is charged with three counts of sexual assault on a child. ' +
        'Tom Hale equalised for Dunne in the 78th minute and scored the winner in extra time. ' +
        'Tom Hale scored twice as Dunne beat Merrow 2-1 after extra time in the league final on Sunday.',
      new Date('2026-11-23T08:00:00Z'),
    ),
  ]);

  it('holds sentences that share most of their everyday words as one fact', () => {
    expect(sameFact(exchange!, swap!)).toBe(true);
  });

  it('keeps apart two people charged alike, and two moments of one match', () => {
    expect(sameFact(charged!, alsoCharged!)).toBe(false);
    expect(sameFact(goal!, final!)).toBe(false);
  });
});
