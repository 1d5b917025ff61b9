import { Episode } from '../models';
import { buildJourney, daysByLevel, stepDownOutcomes } from './journey';

const zone = 'America/Chicago';
const asOf = '2024-12-31';
const base = { patientId: 'p1', status: 'finished' as const };

function ep(
  id: string,
  level: Episode['level'],
  start: string,
  end?: string,
  extra: Partial<Episode> = {},
): Episode {
  return { ...base, id, level, start, ...(end ? { end } : { status: 'active' }), ...extra };
}

describe('journeys', () => {
  it('orders stays and names each transition by the levels it joins', () => {
    const journey = buildJourney(
      [
        ep('e3', 'outpatient', '2024-04-01', '2024-06-30', { endReason: 'completed' }),
        ep('e1', 'inpatient', '2024-01-01', '2024-01-10', {
          endReason: 'stepped-down',
          entryRoute: 'direct',
        }),
        ep('e2', 'iop', '2024-01-11', '2024-03-31', { endReason: 'stepped-down' }),
      ],
      zone,
      asOf,
    );
    expect(journey.stays.map((s) => [s.level, s.days])).toEqual([
      ['inpatient', 10],
      ['iop', 81],
      ['outpatient', 91],
    ]);
    expect(journey.transitions.map((t) => [t.kind, t.from, t.to, t.day, t.gapDays])).toEqual([
      ['admission', undefined, 'inpatient', '2024-01-01', 0],
      ['step-down', 'inpatient', 'iop', '2024-01-11', 0],
      ['step-down', 'iop', 'outpatient', '2024-04-01', 0],
      ['discharge', 'outpatient', undefined, '2024-07-01', 0],
    ]);
    expect(journey.transitions[0].entryRoute).toBe('direct');
    expect(journey.transitions[3].reason).toBe('completed');
    expect(journey.issues).toEqual([]);
  });

  it('counts an open stay up to the as-of day and adds no discharge', () => {
    const journey = buildJourney([ep('e1', 'iop', '2024-12-01')], zone, asOf);
    expect(journey.stays[0].days).toBe(31);
    expect(journey.transitions.map((t) => t.kind)).toEqual(['admission']);
    expect(daysByLevel(journey).get('iop')).toBe(31);
  });

  it('finds step-ups and gaps, and step-downs followed by a step-up within 30 and 90 days', () => {
    const journey = buildJourney(
      [
        ep('a', 'php', '2024-01-01', '2024-01-21', { endReason: 'stepped-down' }),
        ep('b', 'iop', '2024-01-22', '2024-02-10', { endReason: 'stepped-up' }),
        ep('c', 'php', '2024-02-15', '2024-03-01', { endReason: 'stepped-down' }),
        ep('d', 'iop', '2024-03-02', '2024-05-01', { endReason: 'stepped-down' }),
        ep('e', 'outpatient', '2024-05-02', undefined),
      ],
      zone,
      asOf,
    );
    expect(journey.transitions.map((t) => t.kind)).toEqual([
      'admission',
      'step-down',
      'step-up',
      'step-down',
      'step-down',
    ]);
    expect(journey.transitions[2].gapDays).toBe(4);
    expect(journey.transitions[2].reason).toBe('stepped-up');
    // Stepped down on 22 Jan, back up on 15 Feb: 24 days later.
    expect(stepDownOutcomes(journey, 30, asOf).map((o) => o.steppedBackUp)).toEqual([
      true,
      false,
      false,
    ]);
    expect(stepDownOutcomes(journey, 23, asOf)[0].steppedBackUp).toBeFalse();
    expect(stepDownOutcomes(journey, 24, asOf)[0].steppedBackUp).toBeTrue();
  });

  it('counts a readmission after discharge to a higher level as a step-up, and leaves recent step-downs open', () => {
    const journey = buildJourney(
      [
        ep('a', 'iop', '2024-09-01', '2024-10-31', { endReason: 'stepped-down' }),
        ep('b', 'outpatient', '2024-11-01', '2024-11-20', { endReason: 'left-early' }),
        ep('c', 'php', '2024-12-20', undefined),
      ],
      zone,
      asOf,
    );
    expect(journey.transitions.map((t) => [t.kind, t.gapDays])).toEqual([
      ['admission', 0],
      ['step-down', 0],
      ['step-up', 29],
    ]);
    expect(stepDownOutcomes(journey, 90, asOf)[0].steppedBackUp).toBeTrue();
    const noReturn = buildJourney(
      [ep('a', 'iop', '2024-10-01', '2024-12-10'), ep('b', 'outpatient', '2024-12-11')],
      zone,
      asOf,
    );
    expect(stepDownOutcomes(noReturn, 30, asOf)[0].steppedBackUp).toBeUndefined();
    expect(stepDownOutcomes(noReturn, 20, asOf)[0].steppedBackUp).toBeFalse();
  });

  it('reports inconsistent episodes as data-quality issues instead of failing', () => {
    const journey = buildJourney(
      [
        ep('ok', 'iop', '2024-01-01', '2024-03-01'),
        ep('overlap', 'outpatient', '2024-02-20', '2024-04-01'),
        ep('backwards', 'php', '2024-06-10', '2024-06-01'),
        ep('nostart', 'iop', 'soon'),
        ep('stale', 'aftercare', '2024-05-01', '2024-05-30', { status: 'active' }),
        { ...ep('noend', 'iop', '2024-07-01'), status: 'finished' },
        ep('gone', 'iop', '2024-08-01', '2024-08-02', { status: 'cancelled' }),
      ],
      zone,
      asOf,
    );
    expect(journey.issues.map((i) => [i.kind, i.episodeId])).toEqual([
      ['end-before-start', 'backwards'],
      ['missing-start', 'nostart'],
      ['active-but-ended', 'stale'],
      ['finished-without-end', 'noend'],
      ['cancelled', 'gone'],
      ['overlap', 'overlap'],
      ['overlap', 'noend'],
    ]);
    expect(journey.stays.length).toBe(5);
  });

  it('leaves planned and waitlisted episodes out: they are plans, not stays', () => {
    const journey = buildJourney(
      [
        ep('now', 'iop', '2024-11-01'),
        ep('next', 'outpatient', '2025-01-06', undefined, { status: 'planned' }),
        ep('wait', 'php', '2024-12-20', undefined, { status: 'waitlist' }),
      ],
      zone,
      asOf,
    );
    expect(journey.stays.map((s) => s.episodeId)).toEqual(['now']);
    expect(journey.transitions.map((t) => t.kind)).toEqual(['admission']);
    expect(journey.issues).toEqual([]);
  });

  it('reads episode dates in the program time zone', () => {
    // Starts 01:00 UTC on 2 March = 1 March evening in Chicago.
    const journey = buildJourney(
      [ep('a', 'iop', '2024-03-02T01:00:00Z', '2024-03-10')],
      zone,
      asOf,
    );
    expect(journey.stays[0].start).toBe('2024-03-01');
    expect(buildJourney([], zone, asOf)).toEqual({
      patientId: '',
      stays: [],
      transitions: [],
      issues: [],
    });
  });
});
