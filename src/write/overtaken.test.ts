import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import type { SourceArticle } from '../verify/types.js';
import { collectCandidates } from './candidates.js';
import { eligibleCandidates } from './eligible.js';
import { writeExtractive } from './extractive.js';
import { textTagger } from './nlp.js';
import { overtakenBy } from './overtaken.js';
import { plannedDay } from './days.js';

function report(id: number, day: number, title: string, text: string): SourceArticle {
  return sourceArticle(id, title, text, new Date(Date.UTC(2026, 2, day, 9)));
}

/** The sentences of `sources` the body may carry, by text. */
function bodyTexts(sources: readonly SourceArticle[]): string[] {
  const candidates = collectCandidates(sources);
  const newest = Math.max(...sources.map((a) => a.published_at?.getTime() ?? 0));
  const overtaken = overtakenBy(sources, candidates, textTagger());
  return eligibleCandidates(candidates, { headline: '', quotes: [], newest, overtaken }).map((c) => c.text);
}

// 3 March 2026 is a Tuesday.
const STRIKE = report(
  1,
  3,
  'Halden dockworkers walk out',
  'Dockworkers at the port of Halden walked off the job on Tuesday, leaving 40 ships waiting offshore. ' +
    'The Halden dockers union is seeking a 9 percent raise over two years; the port company has offered 4 percent. ' +
    'The regional government has so far declined to mediate in the dispute. ' +
    'Halden Port, founded in 1871, is the second-largest container port in the country.',
);
const DEAL = report(
  2,
  5,
  'Halden dock strike ends with 6 percent deal',
  'Dockworkers at the port of Halden agreed on Thursday to return to work after the dockers union and the port company reached a deal for a 6 percent raise over two years. ' +
    'The deal was signed after a regional government mediator joined the talks on Wednesday.',
);

describe('a stance a later day has moved past', () => {
  it('leaves the body once the newest day reports the change', () => {
    const texts = bodyTexts([STRIKE, DEAL]);
    expect(texts).not.toContain(
      'The Halden dockers union is seeking a 9 percent raise over two years; the port company has offered 4 percent.',
    );
    expect(texts).not.toContain('The regional government has so far declined to mediate in the dispute.');
  });

  it('keeps what happened and background stated in the present', () => {
    const texts = bodyTexts([STRIKE, DEAL]);
    expect(texts).toContain(
      'Dockworkers at the port of Halden walked off the job on Tuesday, leaving 40 ships waiting offshore.',
    );
    expect(texts).toContain(
      'Halden Port, founded in 1871, is the second-largest container port in the country.',
    );
  });

  it('stays while no later day reports a change', () => {
    const talks = report(
      3,
      4,
      'Halden dock talks continue',
      'Talks between the Halden dockers union and the port company continued on Wednesday without progress.',
    );
    expect(bodyTexts([STRIKE, talks])).toHaveLength(5);
    // A single day's coverage has nothing newer to answer it.
    expect(bodyTexts([STRIKE])).toHaveLength(4);
  });

  it('leaves the body when a source reports the demand as it stood that day', () => {
    const asked = report(
      6,
      4,
      'Halden dockers hold out',
      'Two people close to the union said it had asked for a raise of 8 percent in the talks on Wednesday. ' +
        'The union said it had asked for a raise of 8 percent, officials said.',
    );
    const texts = bodyTexts([STRIKE, asked, DEAL]);
    expect(texts.join(' ')).not.toMatch(/asked for a raise of 8 percent/);
  });

  it('leaves the body when it tells how far a task had got, once the newest day reports it done', () => {
    const count = report(
      7,
      3,
      'Halden ballot count under way',
      'Union officials said at the end of Tuesday that about 61 percent of ballots had been counted in the strike vote.',
    );
    const result = report(
      8,
      5,
      'Halden dockers end strike',
      'The dockers union said on Thursday that its members had approved the deal in the strike vote, ending the dispute.',
    );
    expect(bodyTexts([count, result]).join(' ')).not.toMatch(/61 percent of ballots/);
    expect(bodyTexts([count]).join(' ')).toMatch(/61 percent of ballots/);
  });

  it('stays when its report is undated', () => {
    const undated = { ...STRIKE, published_at: null };
    expect(bodyTexts([undated, DEAL])).toHaveLength(6);
  });

  it('stays when the newest day restates it as still current', () => {
    const plan = report(
      4,
      3,
      'Halden port expansion',
      'About half of the new cranes are expected to go to the northern terminal, the port company said. ' +
        'The port company agreed to buy the cranes from Ostra Works on Tuesday.',
    );
    const later = report(
      5,
      6,
      'Halden cranes ordered',
      'The port company signed the crane order with Ostra Works on Friday. ' +
        'About half of the new cranes are expected to go to the northern terminal, according to the order.',
    );
    expect(bodyTexts([plan, later])).toContain(
      'About half of the new cranes are expected to go to the northern terminal, the port company said.',
    );
  });
});

describe('an expectation a later day reports', () => {
  const plans = report(
    6,
    3,
    'Halden terminal flooded',
    'Storm water flooded the northern terminal of the port of Halden on Tuesday. ' +
      'The port company plans to reopen the northern terminal once the pumps have cleared the water. ' +
      'The port company plans to double its container traffic by 2030. ' +
      'The harbour master is expected to return from Ostra at the weekend.',
  );
  const reopened = report(
    7,
    5,
    'Halden terminal back in service',
    'The northern terminal of the port of Halden reopened on Thursday after two days of pumping. ' +
      'Ostra lent the pumps in return for a share of the berths.',
  );

  it('leaves the body once the step it expects is reported', () => {
    expect(bodyTexts([plans, reopened])).not.toContain(
      'The port company plans to reopen the northern terminal once the pumps have cleared the water.',
    );
  });

  it('stays while what it expects is still to come', () => {
    const texts = bodyTexts([plans, reopened]);
    expect(texts).toContain('The port company plans to double its container traffic by 2030.');
    // "in return for" does not report a return.
    expect(texts).toContain('The harbour master is expected to return from Ostra at the weekend.');
  });
});

describe('a running figure a later report updates', () => {
  const monday = report(
    8,
    2,
    'Flood spreads along the Ostra',
    'The Ostra flood had covered about 3,200 hectares by Monday evening and was rising. ' +
      'The Ostra flood forced about 1,400 residents of Lindau from their homes by Monday evening, and the water covered about 3,200 hectares.',
  );
  const wednesday = report(
    9,
    4,
    'Ostra flood begins to recede',
    'The Ostra flood had covered about 4,100 hectares by Wednesday morning before it began to recede.',
  );

  it('leaves the body when every figure of the sentence is given anew at a later time', () => {
    const texts = bodyTexts([monday, wednesday]);
    expect(texts).not.toContain(
      'The Ostra flood had covered about 3,200 hectares by Monday evening and was rising.',
    );
    expect(texts).toContain(
      'The Ostra flood had covered about 4,100 hectares by Wednesday morning before it began to recede.',
    );
  });

  it('stays when the sentence tells a figure no later report updates', () => {
    expect(bodyTexts([monday, wednesday])).toContain(
      'The Ostra flood forced about 1,400 residents of Lindau from their homes by Monday evening, and the water covered about 3,200 hectares.',
    );
  });
});

describe('a timetable in the present', () => {
  it('is a plan for the weekday it names', () => {
    // 16 March 2026 is a Monday.
    const [timetable, arrival] = collectCandidates([
      report(
        10,
        16,
        'Halden talks',
        'Working groups on crane leasing and shift patterns begin work on Wednesday morning. ' +
          'The Halden delegation arrived in Ostra on Sunday evening.',
      ),
    ]);
    expect(plannedDay(timetable!)).toBe('2026-03-18');
    expect(plannedDay(arrival!)).toBeUndefined();
  });
});

describe('the extractive writer', () => {
  it("does not state an earlier day's position as the story's present", () => {
    const result = writeExtractive([STRIKE, DEAL]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { body, dek } = result.draft;
    const page = [dek, ...body.lede, ...body.sections.flatMap((s) => s.sentences)]
      .map((s) => (typeof s === 'string' ? s : s.text))
      .join(' ');
    expect(page).toContain('6 percent');
    expect(page).not.toMatch(/is seeking a 9 percent raise|has so far declined/);
  });
});
