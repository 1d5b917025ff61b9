import { FIXTURE_TODAY, PLANS, phq, sessions, snapshot } from '../readiness/snapshot-fixture';
import { NO_FLAG_TIER, TRIAGE_TIER } from './attention-flags';
import { ClientAttention, assessClientAttention } from './client-attention';
import { compareByNeed } from './triage';

const kinds = (a: ClientAttention) => a.flags.map((f) => f.kind);

describe('assessClientAttention', () => {
  it('reads the row figures of an improving, attending client', () => {
    const a = assessClientAttention(snapshot());
    // 1 April to 31 May 2024 is day 60: treatment week 9 of the IOP's usual 8–12.
    expect(a.week).toBe(9);
    expect(a.expectedWeeks).toEqual({ min: 8, max: 12 });
    // A program's own length for the level wins; other levels keep the ladder's.
    expect(
      assessClientAttention(snapshot(), { expectedWeeks: { iop: { min: 6, max: 8 } } })
        .expectedWeeks,
    ).toEqual({ min: 6, max: 8 });
    expect(
      assessClientAttention(snapshot(), { expectedWeeks: { php: { min: 1, max: 3 } } })
        .expectedWeeks,
    ).toEqual({ min: 8, max: 12 });
    expect(a.latest).toEqual({
      score: 6,
      day: '2024-05-27',
      band: jasmine.objectContaining({ label: 'Mild', level: 1 }),
    });
    expect(a.baseline).toEqual({ score: 18, day: '2024-04-01' });
    expect(a.improvement).toBe(12);
    expect(a.change).toBe('reliable-improvement');
    expect(a.sparkline).toEqual([18, 8, 6]);
    // 18–31 May: eight 3-hour sessions (Monday–Thursday), all attended; IOP minimum 9 h a week.
    expect(a.attendance).toEqual({ rate: 1, attendedHours: 24, minimumHours: 18, missedInRow: 0 });
    expect(kinds(a)).toEqual(['ready-to-step-down']);
    expect(a.readiness.verdict).toBe('ready');
    expect(a.stepUpRisk.criteria.every((c) => c.status !== 'met')).toBeTrue();
    expect(a.tier).toBe(TRIAGE_TIER['ready-to-step-down']);
    // The weekly PHQ-9 was last given 4 days ago: the next falls due within the week.
    expect(a.measuresDue).toBe(1);
  });

  it('puts a positive PHQ-9 item 9 first, with the evidence', () => {
    const a = assessClientAttention(
      snapshot({ scores: [phq('2024-04-01', 18), phq('2024-05-20', 8), phq('2024-05-27', 9, 2)] }),
    );
    expect(kinds(a)[0]).toBe('safety');
    expect(a.flags[0].reason).toBe('PHQ-9 item 9 (thoughts of self-harm) scored 2 on 2024-05-27');
    expect(a.tier).toBe(0);
    expect(kinds(a)).not.toContain('ready-to-step-down');
  });

  it('raises an active safety Flag even without a score', () => {
    const a = assessClientAttention(
      snapshot({ flags: [{ id: 'f1', patientId: 'p1', active: true, start: '2024-03-02' }] }),
    );
    expect(kinds(a)[0]).toBe('safety');
  });

  it('flags two missed sessions in a row, and not one', () => {
    const missedLastTwo = sessions((day) => (day >= '2024-05-29' ? 'missed' : 'attended'));
    const a = assessClientAttention(snapshot({ sessions: missedLastTwo }));
    expect(a.flags.find((f) => f.kind === 'missed-sessions')?.reason).toBe(
      '2 sessions missed in a row',
    );
    expect(a.attendance.missedInRow).toBe(2);
    expect(a.attendance.rate).toBe(6 / 8);
    const missedOne = sessions((day) => (day === '2024-05-30' ? 'missed' : 'attended'));
    expect(kinds(assessClientAttention(snapshot({ sessions: missedOne })))).not.toContain(
      'missed-sessions',
    );
  });

  it('flags hours below the weekly minimum, except during a planned taper', () => {
    // Mondays only: 3 h a week against the IOP minimum of 9.
    const mondays = sessions((day) =>
      new Date(`${day}T12:00:00Z`).getUTCDay() === 1 ? 'attended' : 'cancelled',
    );
    const low = assessClientAttention(snapshot({ sessions: mondays }));
    expect(low.flags.find((f) => f.kind === 'low-hours')?.reason).toBe(
      '3 h attended in week 8, below the 9 h minimum',
    );
    const taper = assessClientAttention(snapshot({ sessions: mondays, taperFrom: '2024-05-13' }));
    expect(kinds(taper)).not.toContain('low-hours');
  });

  it('flags a weekly measure missing for 10 days or more', () => {
    const a = assessClientAttention(
      snapshot({ scores: [phq('2024-04-01', 18), phq('2024-05-13', 8), phq('2024-05-20', 7)] }),
    );
    expect(a.flags.find((f) => f.kind === 'missing-measure')?.reason).toBe('no PHQ-9 in 11 days');
  });

  it('names every missing measure in one flag, and flags none in aftercare', () => {
    const gad = (day: string, total: number) => ({
      ...phq(day, total),
      id: `gad-${day}`,
      instrumentId: 'gad-7',
    });
    const scores = [
      phq('2024-04-01', 18),
      phq('2024-05-13', 8),
      gad('2024-04-01', 12),
      gad('2024-05-06', 9),
    ];
    const iop = assessClientAttention(snapshot({ scores }));
    expect(iop.flags.filter((f) => f.kind === 'missing-measure').map((f) => f.reason)).toEqual([
      'no PHQ-9 in 18 days; no GAD-7 in 25 days',
    ]);
    const aftercare = assessClientAttention(
      snapshot({ scores, episode: { ...snapshot().episode, level: 'aftercare' } }),
    );
    expect(kinds(aftercare)).not.toContain('missing-measure');
  });

  it('flags a treatment-plan review due within a week or overdue', () => {
    const plan = (nextReview: string) => ({
      id: 'tp',
      patientId: 'p1',
      kind: 'treatment-plan' as const,
      status: 'active' as const,
      nextReview,
    });
    const overdue = assessClientAttention(snapshot({ carePlans: [...PLANS, plan('2024-05-25')] }));
    expect(overdue.flags.find((f) => f.kind === 'plan-review')?.reason).toBe(
      'treatment-plan review overdue since 2024-05-25',
    );
    expect(overdue.review).toEqual({ day: '2024-05-25', daysUntil: -6 });
    const soon = assessClientAttention(snapshot({ carePlans: [...PLANS, plan('2024-06-04')] }));
    expect(soon.flags.find((f) => f.kind === 'plan-review')?.reason).toBe(
      'treatment-plan review due in 4 days (2024-06-04)',
    );
    const later = assessClientAttention(snapshot({ carePlans: [...PLANS, plan('2024-06-20')] }));
    expect(kinds(later)).not.toContain('plan-review');
  });

  it('flags reliable deterioration and a red track, and then does not call the client ready', () => {
    const a = assessClientAttention(
      snapshot({ scores: [phq('2024-04-01', 10), phq('2024-05-20', 17), phq('2024-05-27', 19)] }),
    );
    expect(a.change).toBe('reliable-deterioration');
    expect(kinds(a)).toContain('deterioration');
    expect(a.flags.find((f) => f.kind === 'deterioration')?.reason).toBe(
      'PHQ-9 10 at baseline (2024-04-01), 19 on 2024-05-27: reliably worse',
    );
    expect(a.track).toBe('red');
    expect(kinds(a)[0]).toBe('not-on-track-red');
    expect(kinds(a)).not.toContain('ready-to-step-down');
    expect(a.improvement).toBe(-9);
  });

  it('shows the next booked session and no flags for a client with nothing to report', () => {
    const booked = [
      ...sessions(() => 'attended'),
      {
        id: 'next',
        patientId: 'p1',
        modality: 'cbt' as const,
        status: 'scheduled' as const,
        start: '2024-06-03T17:00:00-05:00',
        minutes: 180,
      },
    ];
    // One score only: nothing to judge progress by, and not yet ready.
    const a = assessClientAttention(
      snapshot({ sessions: booked, scores: [phq('2024-05-27', 12)], carePlans: [] }),
    );
    expect(a.nextSession).toBe('2024-06-03T17:00:00-05:00');
    expect(a.track).toBe('grey');
    expect(a.change).toBeUndefined();
    expect(kinds(a)).toEqual([]);
    expect(a.tier).toBe(NO_FLAG_TIER);
  });
});

describe('compareByNeed', () => {
  it('orders safety, then red, then the rest, and by name within a tie', () => {
    const safe = { name: 'Bea', attention: assessClientAttention(snapshot()) };
    const safety = {
      name: 'Zed',
      attention: assessClientAttention(
        snapshot({ scores: [phq('2024-05-27', 9, 1)], today: FIXTURE_TODAY }),
      ),
    };
    const red = {
      name: 'Ann',
      attention: assessClientAttention(
        snapshot({ scores: [phq('2024-04-01', 10), phq('2024-05-20', 17), phq('2024-05-27', 19)] }),
      ),
    };
    const twin = { ...safe, name: 'Abe' };
    expect([safe, red, twin, safety].sort(compareByNeed).map((r) => r.name)).toEqual([
      'Zed',
      'Ann',
      'Abe',
      'Bea',
    ]);
  });
});

describe('safety items from administrations that could not be scored', () => {
  it('still raise the safety flag', () => {
    const unscored = { ...phq('2024-05-28', 0, 3), id: 'qr-partial' };
    const a = assessClientAttention(snapshot({ safetyOnly: [unscored] }));
    expect(a.flags[0].kind).toBe('safety');
    expect(a.flags[0].reason).toContain('scored 3 on 2024-05-28');
    // It is not a score: the trend still ends at the last scored administration.
    expect(a.latest?.day).toBe('2024-05-27');
  });
});
