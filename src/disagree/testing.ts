import type { SeedArticle } from '../publish/testing.js';

/** Three outlets on one dam failure; the third puts the homes flooded at 55, not 40 (tests and browser tests). */
export const DAM: SeedArticle[] = [
  {
    outlet: 'Valley Post',
    title: 'Dam fails above Lower Dorn',
    published_at: new Date('2026-01-30T08:00:00Z'),
    text: 'The Corran dam above Lower Dorn failed on Friday night after three days of rain. The flood water reached 40 homes in the lower town before dawn. Rescue teams from the regional council worked through the night with boats. The council opened two shelters in local schools for families who left their homes.',
  },
  {
    outlet: 'Dorn Herald',
    title: 'Lower Dorn counts the cost after the Corran dam fails',
    published_at: new Date('2026-01-30T12:00:00Z'),
    text: 'The failure of the Corran dam sent water through the lower town of Lower Dorn on Friday night. The flood water reached 40 homes in the lower town, according to the regional council. Engineers from the water board began inspecting the dam wall on Saturday morning. Shelters in two schools will stay open all week, the council said.',
  },
  {
    outlet: 'Harrow Courier',
    title: 'Corran dam failure floods Lower Dorn',
    published_at: new Date('2026-01-30T15:00:00Z'),
    text: 'Water from the failed Corran dam poured into Lower Dorn on Friday night. The flood water reached 55 homes in the lower town. Engineers from the water board inspected the dam wall on Saturday morning and said the spillway had been blocked by debris. Families sheltering in two schools were told they could not go home before Monday.',
  },
];
