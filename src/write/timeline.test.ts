import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import type { SourceArticle } from '../verify/types.js';
import { type Candidate, collectCandidates } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { buildTimeline } from './timeline.js';

function report(id: number, day: number, title: string, text: string): SourceArticle {
  return sourceArticle(id, title, text, new Date(Date.UTC(2026, 10, day, 9)));
}

function timelineOf(
  sources: readonly SourceArticle[],
  onPage: (c: Candidate) => boolean = () => false,
  states?: (c: Candidate) => boolean,
) {
  const candidates = collectCandidates(sources);
  return buildTimeline(candidates, candidates.filter(onPage), conceptWeights(candidates), { states }).entries;
}

// 10 November 2026 is a Tuesday.
const walkout = report(
  1,
  10,
  'Merrow dockworkers walk out',
  'Dockworkers at the port of Merrow walked off the job on Tuesday, halting cargo traffic at the port of Merrow. The Merrow Port Authority said the strike at the port of Merrow would delay 40 ships.',
);

describe('the timeline', () => {
  it("never tells an earlier line's fact again as a later day's line", () => {
    const entries = timelineOf([
      report(
        1,
        10,
        'Merrow dockworkers strike for pay',
        'Dockworkers at the port of Merrow walked off the job on Tuesday, demanding a 12 percent pay rise over two years against the 5 percent the port authority has offered.',
      ),
      report(
        2,
        11,
        'Port news',
        'The dockworkers union vowed on Wednesday to hold out for a 12 percent pay rise over two years against the 5 percent the port authority of Merrow has offered. The port of Merrow handles about 40 cargo ships in a normal week.',
      ),
    ]);
    expect(entries.map((t) => t.date)).toEqual(['2026-11-10', '2026-11-11']);
    const told = entries.filter((t) => /12 percent/.test(t.text));
    expect(told.length).toBeLessThanOrEqual(1);
  });

  it("takes each day's development from the opening of its reports, not a detail further down", () => {
    const entries = timelineOf([
      report(
        1,
        10,
        'Fire at Brennick paint plant',
        'A fire broke out at the Castlerock Coatings plant in Brennick on Tuesday morning, injuring three workers. Firefighters from Harrow County brought the fire at the Castlerock Coatings plant under control by the afternoon. The plant, which makes industrial paints and varnishes, employs about 300 people in Brennick.',
      ),
      report(
        2,
        11,
        'Brennick plant fire inquiry opens',
        'The Environment Agency opened an inquiry into the fire at the Castlerock Coatings plant in Brennick on Wednesday. Inspectors from the Environment Agency will examine how solvents were stored at the Castlerock Coatings plant. A local football club in Brennick collected blankets and food for the families of workers.',
      ),
    ]);
    expect(entries.map((t) => t.date)).toEqual(['2026-11-10', '2026-11-11']);
    expect(entries[1]!.text).toMatch(/^The Environment Agency opened an inquiry/);
  });

  it('gives no line that leans on another sentence: a quote, an unnamed "he", "the figure", "minutes later"', () => {
    const entries = timelineOf([
      report(
        1,
        10,
        'Halcyon-2 launch scrubbed',
        'The launch of the Halcyon-2 weather satellite from Calvera was scrubbed on Tuesday because of high winds. The Calveran space agency said the Halcyon-2 satellite was in good health after the scrubbed launch.',
      ),
      report(
        2,
        11,
        'Halcyon-2 reaches orbit',
        '"It was a perfect night for the Halcyon-2 weather satellite launch," the Calveran space agency said. Contact with the Halcyon-2 weather satellite was established 52 minutes later. Engineers said he had checked the Halcyon-2 weather satellite launch twice. The figure for the Halcyon-2 weather satellite launch cost was higher. The Halcyon-2 weather satellite reached orbit on Wednesday after its launch from Calvera.',
      ),
    ]);
    expect(entries[1]?.text).toBe(
      'The Halcyon-2 weather satellite reached orbit on Wednesday after its launch from Calvera.',
    );
  });

  it("does not date a later paper's report of a day already told to the paper's own day", () => {
    // 19 November 2026 is a Thursday; the second paper is Friday's.
    const entries = timelineOf([
      report(
        1,
        19,
        'Reserve Bank cuts key rate to 3.75 percent',
        'The Reserve Bank of Calvera cut its main interest rate to 3.75 percent on Thursday. Money markets now price the Reserve Bank rate at 3.25 percent by July.',
      ),
      report(
        2,
        20,
        'Reserve Bank cut comes too soon, critics warn',
        'Savers and critics said the quarter-point reduction announced by Governor Helena Marsh on Thursday came too soon for households. "The Reserve Bank cut will reach deposit accounts within weeks," said Mara Lind of the savers association.',
      ),
    ]);
    expect(entries.length).toBeGreaterThan(0);
    for (const t of entries) {
      if (/on Thursday/.test(t.text)) expect(t.date).toBe('2026-11-19');
    }
  });

  it('keeps where a long story began as well as its latest days', () => {
    const sources = Array.from({ length: 11 }, (_, i) =>
      report(
        i + 1,
        i + 1,
        `Port Alder recount day ${i + 1}`,
        `The Port Alder recount reached ward ${i + 1} of the city count on day ${i + 1}, officials in Port Alder said. Observers from both parties in Port Alder watched the recount of ward ${i + 1} closely.`,
      ),
    );
    const dates = timelineOf(sources).map((t) => t.date);
    expect(dates).toHaveLength(8);
    expect(dates[0]).toBe('2026-11-01');
    expect(dates.at(-1)).toBe('2026-11-11');
  });

  it('tells a day by what happened, not by a statistic or colour that open its report', () => {
    const entries = timelineOf([
      walkout,
      report(
        2,
        11,
        'Port authority raises its offer',
        'The Merrow Port Authority has 320 idle cranes at the port of Merrow, according to figures the authority published in June. For the families who live along the Merrow docks, the strike at the port of Merrow meant another week without pay. The Merrow Port Authority offered dockworkers at the port of Merrow a 6 percent pay rise on Wednesday to end the strike.',
      ),
    ]);
    expect(entries[1]?.text).toMatch(/^The Merrow Port Authority offered dockworkers/);
  });

  it('gives no line whose subject points to a thing it does not name', () => {
    const entries = timelineOf([
      walkout,
      report(
        2,
        11,
        'Crane missing at Merrow port',
        'Harbour master Ines Kaur said investigators at the port of Merrow believed it was still in the port of Merrow. A share of that money from the port of Merrow strike fund went to the families of dockworkers. Dockworkers at the port of Merrow marched to the Merrow Port Authority on Wednesday.',
      ),
    ]);
    expect(entries[1]?.text).toBe(
      'Dockworkers at the port of Merrow marched to the Merrow Port Authority on Wednesday.',
    );
  });

  it("tells a day whose development is on the page by its report's title, not by a side fact", () => {
    const offer =
      'The Merrow Port Authority offered dockworkers at the port of Merrow a 6 percent pay rise on Wednesday to end the strike.';
    const entries = timelineOf(
      [
        walkout,
        report(
          2,
          11,
          'Port authority offers Merrow dockworkers 6 percent',
          `${offer} The Merrow Port Authority has 320 idle cranes at the port of Merrow, according to figures it published in June.`,
        ),
      ],
      (c) => c.text === offer,
    );
    expect(entries[1]).toMatchObject({
      date: '2026-11-11',
      text: 'Port authority offers Merrow dockworkers 6 percent',
    });
  });

  it("takes a day's line from a later report of that day when the day's own report is on the page", () => {
    // 22 November 2026 is a Sunday.
    const won =
      'Harrow Athletic lifted the Calveran league trophy for the first time in the history of the club.';
    const entries = timelineOf(
      [
        report(
          1,
          22,
          'Harrow win league final',
          `${won} Harrow Athletic, based in Brennick, finished fourth in the Calveran league this season.`,
        ),
        report(
          2,
          23,
          'Brennick greets Harrow Athletic',
          'Harrow Athletic beat Sable City Rovers 2-1 in the Calveran league final on Sunday with a late header. Thousands of Harrow Athletic fans lined the streets of Brennick on Monday to greet the team.',
        ),
      ],
      (c) => c.text === won,
    );
    expect(entries[0]).toMatchObject({
      date: '2026-11-22',
      text: expect.stringMatching(/^Harrow Athletic beat Sable City Rovers 2-1/),
    });
  });

  it('tells a day whose fresh sentences are all side facts by its title', () => {
    const entries = timelineOf([
      walkout,
      report(
        2,
        11,
        'Merrow dock strike enters second day',
        'The Merrow Port Authority has 320 idle cranes at the port of Merrow, according to figures it published in June. The dockworkers at the port of Merrow say their pay is below the national average.',
      ),
    ]);
    expect(entries[1]).toMatchObject({ date: '2026-11-11', text: 'Merrow dock strike enters second day' });
  });

  it('gives no line to a detail that tells again a figure the page opens on', () => {
    const dek = /^Merrow dominated/;
    const entries = timelineOf(
      [
        report(
          1,
          10,
          'Dunne win the league final',
          'Dunne beat Merrow 2-1 after extra time in the league final on Tuesday, with Tom Hale scoring the winner.',
        ),
        report(
          2,
          11,
          'Voss under pressure after final defeat',
          "Merrow manager Ada Voss faces hard questions after her side lost the league final to Dunne. Merrow dominated the first half on Tuesday and led through captain Lena Ruud's 34th-minute free kick.",
        ),
        report(
          3,
          11,
          'Dunne celebrates',
          'Supporters in Dunne say the league final win means more to the town than sport. Merrow took the lead through Lena Ruud in the 34th minute before Tom Hale equalised for Dunne in the 78th.',
        ),
      ],
      (c) => dek.test(c.text),
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((t) => /34th/.test(t.text))).toEqual([]);
  });
  it('dates a sentence by the day of what it reports, not the day of what a clause of it recalls', () => {
    const entries = timelineOf([
      walkout,
      report(
        2,
        12,
        'Ships queue off Merrow',
        'The strike that began on Tuesday has stranded 40 cargo ships outside the harbour, pilots said on Thursday.',
      ),
    ]);
    expect(entries[1]).toMatchObject({
      date: '2026-11-12',
      text: expect.stringMatching(/^The strike that began/),
    });
  });

  it("tells a day that holds no action by a report's opening, not by background from deep in it", () => {
    const entries = timelineOf([
      walkout,
      report(
        2,
        11,
        'Can Merrow afford the strike?',
        'Shipping firms at the port of Merrow were angry about the dock strike this week. Exporters say the delay is costly. The port of Merrow was funded by the Merrow Port Authority and the dockworkers union pension fund of the port of Merrow, as most Calveran ports are.',
      ),
    ]);
    expect(entries[1]?.text).toMatch(/^Shipping firms at the port of Merrow were angry/);
  });

  it("tells a day by its report's opening clause when the rest of the sentence states a disputed value", () => {
    const disputed = (c: Candidate) => !/178 votes/.test(c.text);
    const conceded = report(
      2,
      11,
      'Brennan concedes',
      'Talia Brennan conceded the Port Alder mayoral election on Wednesday, a day after a recount confirmed Mayor Bernard Quill as winner by 178 votes. Port Alder is one of the poorest cities in Calvera, according to an analysis by a Port Alder election group.',
    );
    const recount = report(
      1,
      10,
      'Port Alder recount begins',
      'Port Alder began a full hand recount of its mayoral election on Tuesday.',
    );
    const entries = timelineOf([recount, conceded], () => false, disputed);
    expect(entries[1]).toMatchObject({
      date: '2026-11-11',
      text: 'Talia Brennan conceded the Port Alder mayoral election on Wednesday',
    });
    // The whole sentence is the line when its value is not in dispute.
    expect(timelineOf([recount, conceded])[1]?.text).toMatch(/^Talia Brennan conceded .* by 178 votes\.$/);
  });
});

describe('a line the page opens on', () => {
  const title = 'Merrow dockworkers end strike';

  /** The deal day's timeline line when the page opens on `lede`, and the text its citation spans. */
  function dealDayLine(lede: string) {
    const sources = [
      walkout,
      report(2, 11, title, `${lede} Cranes at the port of Merrow will restart on Thursday morning.`),
    ];
    const candidates = collectCandidates(sources);
    const entries = buildTimeline(
      candidates,
      candidates.filter((c) => c.text === lede),
      conceptWeights(candidates),
      { headline: title },
    ).entries;
    const line = entries.find((e) => e.date === '2026-11-11')!;
    const cited = line.citations[0]!;
    return { entries, line, cited: sources[1]!.text.slice(cited.start, cited.end) };
  }

  it("is told again as its main clause: the day's development in short, not the lede a second time", () => {
    const { entries, line, cited } = dealDayLine(
      'Dockworkers at the port of Merrow voted on Wednesday to end their strike, after the Merrow Port Authority agreed to a 6 percent pay rise over two years for every dockworker at the port.',
    );
    expect(entries[1]).toBe(line);
    expect(line.text).toBe('Dockworkers at the port of Merrow voted on Wednesday to end their strike');
    // The line is the exact span it cites.
    expect(cited).toBe(line.text);
  });

  it('is cut as a headline is when no clause of it stands alone', () => {
    const lede =
      'Dockworkers at the port of Merrow voted on Wednesday to end the strike over pay at the container terminal of the Merrow Port Authority and returned to the cranes within an hour, union officials said.';
    const { line, cited } = dealDayLine(lede);
    expect(line.text.length).toBeLessThan(lede.length - 20);
    expect(lede.startsWith(line.text)).toBe(true);
    expect(cited).toBe(line.text);
  });
});
