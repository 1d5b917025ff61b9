import { instrumentById } from '../instruments/instrument-catalogue';
import { ScoreRecord, SessionRecord } from '../models';
import { ClientSnapshot } from './client-snapshot';
import { assessReadiness, daysUntilPlannedTransition } from './readiness';
import { PLANS, phq, sessions, snapshot } from './snapshot-fixture';

const criterion = (s: Partial<ClientSnapshot>, id: string, o = {}) =>
  assessReadiness(snapshot(s), o).criteria.find((c) => c.id === id)!;
const iop = (start: string) => ({
  episode: { id: 'e1', patientId: 'p1', level: 'iop' as const, status: 'active' as const, start },
});

describe('step-down readiness', () => {
  it('is ready when every criterion is met, with the evidence for each', () => {
    const result = assessReadiness(snapshot());
    expect(result.verdict).toBe('ready');
    expect(result.summary).toBe('Ready: all 6 criteria met');
    expect(result.criteria.map((c) => [c.id, c.status, c.evidence])).toEqual([
      ['below-caseness', 'met', '8 on 2024-05-20, 6 on 2024-05-27 (caseness 10)'],
      ['no-safety-signal', 'met', 'none in 2 safety screen(s); no safety flag'],
      ['attendance', 'met', '8 of 8 sessions (100%)'],
      ['time-at-level', 'met', '8 complete week(s) since 2024-04-01'],
      ['plan-relapse-prevention', 'met', 'plan rp (active) from 2024-05-01'],
      ['plan-aftercare', 'met', 'plan ac (completed) from 2024-05-20'],
    ]);
    expect(result.criteria[0].label).toBe('PHQ-9 below caseness at the last 2 administrations');
  });

  describe('below caseness at the last two administrations (PHQ-9 caseness 10)', () => {
    const last = (a: number, b: number) => ({
      scores: [phq('2024-04-01', 18), phq('2024-05-20', a), phq('2024-05-27', b)],
    });
    it('is met at 9 and not met at 10, in either administration', () => {
      expect(criterion(last(9, 9), 'below-caseness').status).toBe('met');
      expect(criterion(last(10, 6), 'below-caseness').status).toBe('not-met');
      expect(criterion(last(6, 10), 'below-caseness').status).toBe('not-met');
      expect(assessReadiness(snapshot(last(10, 6))).verdict).toBe('not-ready');
    });

    it('is unknown with too few scores or no cut-off, and sets unusable scores aside', () => {
      const few = criterion({ scores: [phq('2024-05-27', 6)] }, 'below-caseness');
      expect([few.status, few.evidence]).toEqual(['unknown', 'only 1 PHQ-9 score(s)']);
      const ders = criterion({ primary: instrumentById('ders-16')! }, 'below-caseness');
      expect([ders.status, ders.evidence]).toEqual(['unknown', 'DERS-16 has no caseness cut-off']);
      const messy = criterion(
        {
          scores: [
            phq('2024-05-20', 8),
            phq('2024-05-27', 6),
            phq('2024-05-29', 31),
            phq('2024-06-03', 20),
            { ...phq('x', 20), date: '2024-05' },
          ],
        },
        'below-caseness',
      );
      expect(messy.status).toBe('met');
      expect(messy.evidence).toBe(
        '8 on 2024-05-20, 6 on 2024-05-27 (caseness 10) (3 unusable scores set aside: ' +
          'PHQ-9 score 31 is outside 0–27; dated 2024-06-03, after today; no calendar day in "2024-05")',
      );
    });

    it('takes the count from the criteria', () => {
      const three = criterion(last(8, 6), 'below-caseness', { belowCasenessAdministrations: 3 });
      expect(three.status).toBe('not-met');
      expect(three.label).toBe('PHQ-9 below caseness at the last 3 administrations');
    });
  });

  describe('no safety signal in the last 14 days (18–31 May)', () => {
    const evidence = (s: Partial<ClientSnapshot>) => {
      const c = criterion(s, 'no-safety-signal');
      return [c.status, c.evidence];
    };
    it('is not met after a positive PHQ-9 item 9 or C-SSRS screen in the window', () => {
      const item9 = [phq('2024-04-01', 18), phq('2024-05-20', 8, 1), phq('2024-05-27', 6)];
      expect(evidence({ scores: item9 })).toEqual([
        'not-met',
        'PHQ-9 item 9 (thoughts of self-harm) scored 1 on 2024-05-20',
      ]);
      const cssrs: ScoreRecord = {
        id: 'c',
        patientId: 'p1',
        instrumentId: 'c-ssrs',
        date: '2024-05-30',
        total: 3,
        items: { '4': 1 },
      };
      expect(evidence({ scores: [...snapshot().scores, cssrs] })).toEqual([
        'not-met',
        'C-SSRS: suicidal ideation with intent or plan on 2024-05-30',
      ]);
      // A positive item before the window no longer counts.
      expect(evidence({ scores: [...snapshot().scores, phq('2024-05-17', 8, 2)] })[0]).toBe('met');
    });

    it('is not met with a safety flag active, ended or raised in the window', () => {
      const flag = { id: 'f', patientId: 'p1' };
      expect(evidence({ flags: [{ ...flag, active: true, start: '2024-04-20' }] })).toEqual([
        'not-met',
        'active safety flag since 2024-04-20',
      ]);
      expect(evidence({ flags: [{ ...flag, active: true }] })[1]).toBe('active safety flag');
      expect(
        evidence({ flags: [{ ...flag, active: false, start: '2024-05-01', end: '2024-05-18' }] }),
      ).toEqual(['not-met', 'safety flag ended 2024-05-18']);
      expect(evidence({ flags: [{ ...flag, active: false, start: '2024-05-25' }] })).toEqual([
        'not-met',
        'safety flag raised 2024-05-25 (now inactive)',
      ]);
      expect(
        evidence({
          flags: [{ ...flag, active: false, start: '2024-04-01', end: '2024-05-17' }],
        })[0],
      ).toBe('met');
    });

    it('is unknown when nothing in the window screened for risk', () => {
      const noItem9 = [
        phq('2024-04-01', 18),
        phq('2024-05-20', 8, null),
        phq('2024-05-27', 6, null),
      ];
      expect(evidence({ scores: noItem9 })).toEqual([
        'unknown',
        'no safety screen (PHQ-9 item 9 or C-SSRS) in the last 14 days',
      ]);
      const result = assessReadiness(snapshot({ scores: noItem9 }));
      expect(result.verdict).toBe('unknown');
      expect(result.summary).toBe(
        'Cannot tell yet: unknown: No safety signal in the last 14 days ' +
          '(no safety screen (PHQ-9 item 9 or C-SSRS) in the last 14 days)',
      );
    });
  });

  describe('attendance at least 80 % over 14 days', () => {
    const from = (first: string, missed: string[]): SessionRecord[] =>
      sessions((d) => (missed.includes(d) ? 'missed' : 'attended'), first);
    it('is met at exactly 80 % and not met below it', () => {
      // Due in the window from 22 May: 22, 23, 27, 28, 29, 30 May; from 23 May five of them.
      expect(criterion({ sessions: from('2024-05-22', ['2024-05-28']) }, 'attendance')).toEqual(
        jasmine.objectContaining({ status: 'met', evidence: '5 of 6 sessions (83%)' }),
      );
      expect(criterion({ sessions: from('2024-05-23', ['2024-05-28']) }, 'attendance')).toEqual(
        jasmine.objectContaining({ status: 'met', evidence: '4 of 5 sessions (80%)' }),
      );
      const twoMissed = from('2024-05-22', ['2024-05-28', '2024-05-29']);
      expect(criterion({ sessions: twoMissed }, 'attendance')).toEqual(
        jasmine.objectContaining({ status: 'not-met', evidence: '4 of 6 sessions (67%)' }),
      );
      const lenient = criterion({ sessions: twoMissed }, 'attendance', { minAttendance: 0.6 });
      expect([lenient.status, lenient.label]).toEqual([
        'met',
        'Attendance at least 60% over 14 days',
      ]);
    });

    it('ignores cancelled sessions and is unknown when nothing was due', () => {
      const cancelled = sessions((d) => (d === '2024-05-30' ? 'cancelled' : 'attended'));
      expect(criterion({ sessions: cancelled }, 'attendance').evidence).toBe(
        '7 of 7 sessions (100%)',
      );
      expect(criterion({ sessions: [] }, 'attendance')).toEqual(
        jasmine.objectContaining({ status: 'unknown', evidence: 'no sessions were due' }),
      );
    });
  });

  describe('minimum weeks at the level (IOP 6)', () => {
    it('is met from the sixth complete week', () => {
      // 20 April → 31 May is 42 days inclusive: 6 complete weeks; from 21 April only 5.
      expect(criterion(iop('2024-04-20'), 'time-at-level')).toEqual(
        jasmine.objectContaining({
          status: 'met',
          evidence: '6 complete week(s) since 2024-04-20',
        }),
      );
      expect(criterion(iop('2024-04-21'), 'time-at-level')).toEqual(
        jasmine.objectContaining({
          status: 'not-met',
          evidence: '5 complete week(s) since 2024-04-21',
        }),
      );
      expect(criterion(iop('2024-04-21'), 'time-at-level').label).toBe('At least 6 weeks in IOP');
    });

    it('is unknown without a usable start, and absent at levels with no minimum', () => {
      expect(criterion(iop('2024-04'), 'time-at-level')).toEqual(
        jasmine.objectContaining({
          status: 'unknown',
          evidence: 'episode start "2024-04" is not a usable day',
        }),
      );
      const outpatient = assessReadiness(
        snapshot({ episode: { ...snapshot().episode, level: 'outpatient' } }),
      );
      expect(outpatient.criteria.some((c) => c.id === 'time-at-level')).toBeFalse();
      const php = criterion(
        { episode: { ...snapshot().episode, level: 'php', start: '2024-05-20' } },
        'time-at-level',
      );
      expect([php.status, php.label]).toEqual(['not-met', 'At least 2 weeks in PHP']);
    });
  });

  describe('plans in place', () => {
    it('needs each plan active or completed', () => {
      expect(criterion({ carePlans: [PLANS[0]] }, 'plan-aftercare')).toEqual(
        jasmine.objectContaining({ status: 'not-met', evidence: 'no such plan' }),
      );
      const draft = [PLANS[0], { ...PLANS[1], status: 'draft' as const, created: undefined }];
      expect(criterion({ carePlans: draft }, 'plan-aftercare').evidence).toBe(
        'plan ac is draft, not active',
      );
      const noDate = [PLANS[0], { ...PLANS[1], created: undefined }];
      expect(criterion({ carePlans: noDate }, 'plan-aftercare').evidence).toBe(
        'plan ac (completed)',
      );
      const treatment = assessReadiness(snapshot(), { requiredPlans: ['treatment-plan'] });
      expect(treatment.criteria.at(-1)).toEqual({
        id: 'plan-treatment-plan',
        label: 'Treatment plan in place',
        status: 'not-met',
        evidence: 'no such plan',
      });
    });
  });

  it('is not ready when any criterion is not met, even if others are unknown', () => {
    const result = assessReadiness(snapshot({ sessions: [], carePlans: [PLANS[0]] }));
    expect(result.verdict).toBe('not-ready');
    expect(result.summary).toBe('Not ready: not met: Aftercare plan in place (no such plan)');
  });

  it('counts days to a planned transition', () => {
    const episode = {
      ...snapshot().episode,
      plannedTransition: { targetLevel: 'outpatient' as const, plannedDate: '2024-06-07' },
    };
    expect(daysUntilPlannedTransition(snapshot({ episode }))).toBe(7);
    expect(daysUntilPlannedTransition(snapshot())).toBeUndefined();
  });
});
