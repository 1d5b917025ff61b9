import { instrumentById } from '../instruments/instrument-catalogue';
import { Episode } from '../models';
import { cohortFlows, cohortJourneys } from './cohort-flows';
import { Journey, buildJourney } from './journey';
import { DayScore, scoresAtStepDown } from './step-down-scores';
import { stepDownEvents, stepDownSuccess } from './step-down-success';
import { timeInLevel } from './time-in-level';

const TZ = 'America/Chicago';
const AS_OF = '2026-11-28';

type StaySpec = [Episode['level'], string, string?, Episode['endReason']?];

function journey(patientId: string, stays: StaySpec[], programId = 'adult-iop'): Journey {
  const episodes: Episode[] = stays.map(([level, start, end, endReason], i) => ({
    id: `${patientId}-${i + 1}`,
    patientId,
    level,
    status: end ? 'finished' : 'active',
    start,
    ...(end ? { end } : {}),
    ...(endReason ? { endReason } : {}),
    programId,
  }));
  return buildJourney(episodes, TZ, AS_OF);
}

/**
 * Five clients admitted in spring 2026 and one in the autumn:
 * a: PHP 14 d → IOP 56 d → completed
 * b: PHP 21 d → IOP 20 d → step-up to PHP 10 d → IOP ongoing
 * c: IOP 84 d → outpatient ongoing
 * d: IOP 30 d, left early; readmitted to IOP 40 days later, ongoing
 * e: IOP 63 d → outpatient 30 d → aftercare ongoing (at another program)
 * f: admitted in October: outside the spring cohort
 */
const JOURNEYS = [
  journey('a', [
    ['php', '2026-03-02', '2026-03-15', 'stepped-down'],
    ['iop', '2026-03-16', '2026-05-10', 'completed'],
  ]),
  journey('b', [
    ['php', '2026-03-09', '2026-03-29', 'stepped-down'],
    ['iop', '2026-03-30', '2026-04-18', 'stepped-up'],
    ['php', '2026-04-19', '2026-04-28', 'stepped-down'],
    ['iop', '2026-04-29'],
  ]),
  journey('c', [
    ['iop', '2026-04-06', '2026-06-28', 'stepped-down'],
    ['outpatient', '2026-06-29'],
  ]),
  journey('d', [
    ['iop', '2026-04-13', '2026-05-12', 'left-early'],
    ['iop', '2026-06-21'],
  ]),
  journey(
    'e',
    [
      ['iop', '2026-05-04', '2026-07-05', 'stepped-down'],
      ['outpatient', '2026-07-06', '2026-08-04', 'stepped-down'],
      ['aftercare', '2026-08-05'],
    ],
    'dual-iop',
  ),
  journey('f', [['iop', '2026-10-05']]),
];

describe('cohortJourneys', () => {
  it('keeps journeys admitted in the period, and at the program when one is given', () => {
    const spring = { from: '2026-03-01', to: '2026-05-31' };
    expect(cohortJourneys(JOURNEYS, spring).map((j) => j.patientId)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(
      cohortJourneys(JOURNEYS, { ...spring, programId: 'dual-iop' }).map((j) => j.patientId),
    ).toEqual(['e']);
  });
});

describe('cohortFlows', () => {
  const cohort = cohortJourneys(JOURNEYS, { from: '2026-03-01', to: '2026-05-31' });
  const flow = cohortFlows(cohort);
  const linkCount = (from: string, to: string) =>
    flow.links.filter((l) => l.from === from && l.to === to).reduce((n, l) => n + l.clients, 0);

  it('counts each move once per client, stay by stay', () => {
    expect(flow.clients).toBe(5);
    expect(linkCount('1:php', '2:iop')).toBe(2);
    expect(linkCount('2:iop', '3:php')).toBe(1);
    expect(linkCount('3:php', '4:iop')).toBe(1);
    expect(linkCount('1:iop', '2:outpatient')).toBe(2);
    expect(linkCount('2:outpatient', '3:aftercare')).toBe(1);
  });

  it('names the kind of each move: a return after leaving early is a readmission', () => {
    const kinds = flow.links.map((l) => `${l.from}>${l.to}:${l.kind}`);
    expect(kinds).toContain('1:php>2:iop:step-down');
    expect(kinds).toContain('2:iop>3:php:step-up');
    expect(kinds).toContain('1:iop>2:iop:readmission');
  });

  it('ends every journey at an exit, with shares of the cohort', () => {
    expect(linkCount('2:iop', 'exit:completed')).toBe(1);
    expect(linkCount('4:iop', 'exit:in-care')).toBe(1);
    expect(linkCount('3:aftercare', 'exit:in-care')).toBe(1);
    const exits = flow.nodes.filter((n) => n.exit).map((n) => [n.label, n.clients]);
    expect(exits).toEqual([
      ['Completed', 1],
      ['Still in care', 4],
    ]);
    expect(flow.links.find((l) => l.to === 'exit:completed')!.share).toBe(0.2);
  });

  it('orders nodes by step, most intensive level first', () => {
    expect(flow.nodes.filter((n) => n.step === 1).map((n) => n.key)).toEqual(['1:php', '1:iop']);
  });

  it('shows long journeys up to the step limit, then as further moves', () => {
    const short = cohortFlows(cohort, 2);
    expect(short.truncated).toBe(2);
    expect(short.nodes.find((n) => n.key === 'exit:more')?.clients).toBe(2);
    expect(short.nodes.some((n) => n.step === 3)).toBeFalse();
  });
});

describe('timeInLevel', () => {
  const rows = timeInLevel(JOURNEYS);

  it('measures finished stays and counts open ones apart', () => {
    const iop = rows.find((r) => r.level === 'iop')!;
    // Finished IOP stays: a 56, b 20, c 84, d 30, e 63 days.
    expect([iop.n, iop.ongoing]).toEqual([5, 3]);
    expect([iop.medianDays, iop.q1Days, iop.q3Days]).toEqual([56, 30, 63]);
    expect([iop.minDays, iop.maxDays]).toEqual([20, 84]);
  });

  it('sets each stay against the expected length (IOP 8–12 weeks = 56–84 days)', () => {
    const iop = rows.find((r) => r.level === 'iop')!;
    expect(iop.expectedWeeks).toEqual({ min: 8, max: 12 });
    expect([iop.shorter, iop.within, iop.longer]).toEqual([2, 3, 0]);
    const php = rows.find((r) => r.level === 'php')!;
    // PHP 14, 21 and 10 days against 2–4 weeks.
    expect([php.n, php.shorter, php.within, php.longer]).toEqual([3, 1, 2, 0]);
  });

  it('takes the program’s expected lengths, and lists levels most intensive first', () => {
    const custom = timeInLevel(JOURNEYS, { iop: { min: 4, max: 8 } });
    const iop = custom.find((r) => r.level === 'iop')!;
    // 4–8 weeks = 28–56 days: 20 shorter; 30 and 56 within; 63 and 84 longer.
    expect([iop.shorter, iop.within, iop.longer]).toEqual([1, 2, 2]);
    expect(rows.map((r) => r.level)).toEqual(['php', 'iop', 'outpatient', 'aftercare']);
    expect(rows.find((r) => r.level === 'aftercare')).toEqual(
      jasmine.objectContaining({ n: 0, ongoing: 1, shorter: 0, within: 0, longer: 0 }),
    );
  });
});

describe('stepDownSuccess', () => {
  it('counts step-downs that held, stepped back up, or are too recent to judge', () => {
    const events = stepDownEvents(JOURNEYS, 30, AS_OF);
    expect(events.map((e) => [e.patientId, e.stepDown.from, e.stepDown.to, e.fate])).toEqual([
      ['a', 'php', 'iop', 'held'],
      ['b', 'php', 'iop', 'stepped-back-up'],
      ['b', 'php', 'iop', 'held'],
      ['c', 'iop', 'outpatient', 'held'],
      ['e', 'iop', 'outpatient', 'held'],
      ['e', 'outpatient', 'aftercare', 'held'],
    ]);
    const late = stepDownEvents(
      [
        journey('g', [
          ['php', '2026-11-01', '2026-11-14', 'stepped-down'],
          ['iop', '2026-11-15'],
        ]),
      ],
      30,
      AS_OF,
    );
    expect(late[0].fate).toBe('too-early');
  });

  it('reports the share held by level pair with its Wilson interval', () => {
    const rows = stepDownSuccess(stepDownEvents(JOURNEYS, 30, AS_OF), 30);
    const phpIop = rows.find((r) => r.from === 'php' && r.to === 'iop')!;
    expect([phpIop.held.successes, phpIop.held.n]).toEqual([2, 3]);
    // Wilson 95 % for 2 of 3: 0.2077 to 0.9385 (Newcombe 1998, method 3).
    expect(phpIop.held.low).toBeCloseTo(0.2077, 3);
    expect(phpIop.held.high).toBeCloseTo(0.9385, 3);
    expect(rows[0]).toBe(phpIop);
  });
});

describe('scoresAtStepDown', () => {
  const phq9 = instrumentById('phq-9')!;
  const scores: Record<string, DayScore[]> = {
    a: [{ day: '2026-03-10', total: 9 }],
    b: [
      { day: '2026-03-20', total: 16 },
      { day: '2026-04-27', total: 8 },
    ],
    c: [{ day: '2026-06-01', total: 7 }], // 28 days before the step-down: too old
    e: [
      { day: '2026-07-01', total: 6 },
      { day: '2026-08-01', total: 4 },
    ],
  };

  it('compares the score at step-down for those who held and those who stepped back up', () => {
    const events = stepDownEvents(JOURNEYS, 30, AS_OF);
    const result = scoresAtStepDown(events, (id) => scores[id] ?? [], phq9);
    expect(result['stepped-back-up']).toEqual(
      jasmine.objectContaining({ stepDowns: 1, withScore: 1, median: 16 }),
    );
    const held = result.held;
    // Held: a 9, b (second) 8, e 6 and 4; c has no score within 14 days.
    expect([held.stepDowns, held.withScore, held.median]).toEqual([5, 4, 7]);
    expect(held.bySeverity).toEqual([
      { label: 'Minimal', count: 1 },
      { label: 'Mild', count: 3 },
      { label: 'Moderate', count: 0 },
      { label: 'Moderately severe', count: 0 },
      { label: 'Severe', count: 0 },
    ]);
  });
});
