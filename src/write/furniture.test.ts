import { describe, expect, it } from 'vitest';
import { collectCandidates } from './candidates.js';
import { isPageFurniture, isPageTitle } from './furniture.js';
import { sourceArticle } from '../verify/fixtures.js';

describe('page furniture', () => {
  it.each([
    'Image copyright Getty Images Image caption The band broke up in 1980 following the death of its drummer',
    '(Photo by Matt Sayles/Invision/AP) (Associated Press)',
    'In this Sept. 26, 2006, file photo, knives of all sizes are piled in a box at a surplus store.',
    'This photo provided by the Iowa State Patrol shows the scene of a pileup on Interstate 35.',
    'Bernie Sanders liked what he heard. REUTERS/Jonathan Ernst',
    'A post shared by Nasir Jones (@nas) on Jun 20, 2017 at 10:33am PDT',
    'Hold ya head pic.twitter.com/tXjogmHIfH — Ghostface Killah (@GhostfaceKillah) June 20, 2017',
    'Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO.',
    'Sign up now for the Us Weekly newsletter to get breaking celebrity news delivered to your inbox!',
    'Copyright 2014 WGCL-TV (Meredith Corporation). All rights reserved.',
    'RELATED: Best Places To Live In The World 2016',
    '(PHOTOS: Obama surveys Oklahoma tornado damage)',
    'MUST WATCH Underwater vehicle to search for MH370 02:31',
    'Mark Joseph Stern Mark Joseph Stern covers courts and the law for Slate.',
    'Image from the Sprayable Energy campaign.',
    'Read more about: Senate, Bob Dole, Dysfunction',
    'Follow him on Twitter: @reporterdavidj.',
    'Help him win at https://t.co/ctCcRiYcdL.',
    'These crawls are part of an effort to archive pages as they are created.',
    'Web wide crawl with initial seedlist and crawler configuration from March 2011.',
    'Please enable Javascript to watch this video',
    "You'll need an HTML5 capable browser to see this content.",
    'Free archives of stories are maintained on our site for one month.',
    'If you are trying to reach a page from a bookmark, the page URL may have changed.',
    'Striker Ana Ruiz, left, beats a defender in the second half at Harbour Park. (Tom Ellis/The Daily Courier)',
    'Grey heron at the edge of the marsh near the old mill. Photo by: Jane Orr.',
    'Reed, whose real name is Samuel Reid, is suing the studio... (Associated Press)',
    'CLOSE Thousands of ballots are still left to be counted.',
    "Image The mayor's spokeswoman, Ana Cole, said on Friday that the plan would go ahead.",
    '- Slash pages from every domain on the web:',
    '-- up to a maximum of 100 most highly ranked URLs per domain',
    'What Bridges Have to Do With River Traffic',
    'About The Courier 2026 Harbour Survey',
    'Click to share on WhatsApp (Opens in new window)',
    'COURIER 12 of 40 Skip in Skip x Embed x Share CLOSE Gulls over the harbour',
    '(Also on COURIER: Poll shows mayor narrowly ahead)',
    'Media related to Dunmore Library at Wikimedia Commons',
    'Source: Calculations by the Harbour Trust based on census data',
    'Harbour fees soar to new highs (3:40) As shipping lines pay more',
    'Gulls over the harbour at dawn (Image: Jane Orr/Getty)',
    'Getty - Contributor Tom Ellis, the harbour master, in 1998',
    'Rex Features The letters which experts now say are genuine',
    'Reporter Jane Orr contributed to this article.',
    'Additional reporting by Tom Ellis in Dunmore.',
    "On Tuesday at 2 p.m., the Courier's editors will discuss the report and take your questions in a free webinar.",
    'Council leaders walk to the chamber on Wednesday. | Tom Ellis/HERALD',
    'The mayor waves to supporters after the count. Jane Orr/The Daily Star',
    'The Latest on the spring storm to hit the coast (all times local):',
    'Reed, the studio said on Friday, is suing the company...',
    "Correction: A previous version of this article misstated Weiner's title.",
    'CORRECTION: An earlier version of this article misstated the sex of one of the children mentioned.',
    "Editor's note: This story has been revised.",
    'This article has been updated to note that ballots have been impounded in the race.',
    'Update: Some wording in this piece has been changed to better reflect the events.',
    'We regret the error.',
    "A child looks at the floral tributes after a vigil for victims of Saturday's attack in London Bridge, at Potter's Field Park in London, Monday, June 5, 2017.",
  ])('finds %s', (sentence) => {
    expect(isPageFurniture(sentence)).toBe(true);
  });

  it.each([
    'The president wrote on Twitter: "We must bring them back from where they came."',
    'Paramount also asserts a copyright in the designs of Klingon ships, citing a 2015 ruling.',
    'MORE THAN 1 BILLION JOURNEYS ARE MADE EACH YEAR.',
    'Sprint had more than 52 million subscribers at the end of the second quarter.',
    'Police released a statement on Tuesday, more than a week after the fire.',
    'Related charges were filed against two other men in March.',
    'The drought has slowed river traffic to a crawl.',
    'The court heard that the photo by the bridge was taken in May.',
    'Shipments rose 4 percent (in tonnes/year) on the previous quarter.',
    'Image Comics said the series would return in March.',
    'Close to 400 people attended the vigil.',
    'Harrow Athletic beat Sable City Rovers in the Calveran Premier League Final',
    'Source close to the talks said a deal was near.',
    'Donors contributed $4 million to the campaign this year.',
    'Exports to Estmark rose by a fifth, the Trade Office/Customs Board report said.',
    '"We will keep counting... and then we will know," the clerk said.',
    'Photo radar cameras went up on the ring road in March.',
    'New York New York is the casino the family bought in 2019.',
    'An earlier version of the bill was rejected by the Senate in March.',
    'The story of the rescue has been told in a documentary.',
    'UPDATE: Just after midnight, the accounting firm said the wrong envelope had been handed over.',
    'The verdict was read on Monday, June 5, 2017, to a silent courtroom.',
  ])('leaves news alone: %s', (sentence) => {
    expect(isPageFurniture(sentence)).toBe(false);
  });

  it("takes a line in title case for an article's own headline when it opens the article", () => {
    expect(isPageFurniture('Harbour Pilots Warn Against Night Crossings In Winter', true)).toBe(false);
    expect(isPageFurniture('Harbour Pilots Warn Against Night Crossings In Winter')).toBe(true);
  });

  it('tells a page title from a headline', () => {
    for (const title of [
      'share tweet pin email',
      'Local News More>>',
      'Published on Dec 29, 2016',
      'Follow CBSMIAMI.COM: Facebook | Twitter',
      'A photo from the 1998 dig, with the heron bones below the tail of a crane.',
    ])
      expect(isPageTitle(title)).toBe(true);
    for (const title of [
      'Published report says fire spread from the kitchen',
      "Mobb Deep's Prodigy Dies At 42",
    ])
      expect(isPageTitle(title)).toBe(false);
  });

  it('gives the writer no candidate sentence from it', () => {
    const article = sourceArticle(
      1,
      'Flood closes the coast road',
      'The coast road between Lowmoor and Brennick was closed on Monday after a storm surge flooded it. Image copyright PA Image caption Water covered the road for most of the day. Sign up for our daily email newsletter and get top stories delivered to your inbox. Engineers will inspect the sea wall on Tuesday morning before the road reopens.',
      new Date('2026-11-20T08:00:00Z'),
    );
    const texts = collectCandidates([article]).map((c) => c.text);
    expect(texts.some((t) => t.includes('Image caption'))).toBe(false);
    expect(texts.some((t) => t.includes('newsletter'))).toBe(false);
    expect(texts.some((t) => t.startsWith('Engineers will inspect'))).toBe(true);
  });
});

describe("a writer's own voice", () => {
  it('gives the story no sentence in which the source writes as "I" or "we", but keeps quoted ones', () => {
    const article = sourceArticle(
      2,
      'Neurosurgeon describes coma',
      [
        'A neurosurgeon who spent seven days in a coma has written a book about what he saw.',
        'For seven days I lay in a deep coma, my body unresponsive.',
        'We asked the publisher for a comment on the claims.',
        "Let's call the total tax about a third of the price.",
        '"I saw a world of intense beauty," said Dr. Eben Alexander, the neurosurgeon.',
        'The book has sold more than a million copies in the United States since October.',
      ].join(' '),
      new Date('2026-11-20T08:00:00Z'),
    );
    const texts = collectCandidates([article]).map((c) => c.text);
    expect(texts.some((t) => t.startsWith('For seven days'))).toBe(false);
    expect(texts.some((t) => t.startsWith('We asked'))).toBe(false);
    expect(texts.some((t) => t.startsWith("Let's"))).toBe(false);
    expect(texts.some((t) => t.startsWith('"I saw a world'))).toBe(true);
    // "US" is a country, not "us".
    expect(texts.some((t) => t.startsWith('The book has sold'))).toBe(true);
  });
});
