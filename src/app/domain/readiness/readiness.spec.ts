import { DEFAULT_INSTRUMENTS, instrumentById } from '../instruments/instrument-catalogue';
import { CarePlanRecord, ScoreRecord, SessionRecord } from '../models';
import { addDays } from '../time/calendar-day';
import { ClientSnapshot } from './client-snapshot';
import { assessReadiness, assessStepUpRisk, daysUntilPlannedTransition } from './readiness';

const zone = 'America/Chicago';
const today = '2024-05-31';
const start = '2024-04-01';
const phq9 = instrumentById('phq-9')!;

function phq(day: string, total: number, item9 = 0): ScoreRecord {
  return {
    id: `phq-${day}`,
    patientId: 'p1',
    instrumentId: 'phq-9',
    date: day,
    total,
    items: { '9': item9 },
  };
}

/** Four IOP sessions of 3 hours a week, Monday to Thursday, with the given status pattern. */
function sessions(
  statusFor: (day: string) => SessionRecord['status'],
  from = start,
  to = today,
): SessionRecord[] {
  const out: SessionRecord[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (dow >= 1 && dow <= 4) {
      out.push({
        id: `s-${day}`,
        patientId: 'p1',
        modality: 'cbt',
        status: statusFor(day),
        start: `${day}T17:00:00-05:00`,
        minutes: 180,
      });
    }
  }
  return out;
}

const plans: CarePlanRecord[] = [
  {
    id: 'rp',
    patientId: 'p1',
    kind: 'relapse-prevention',
    status: 'active',
    created: '2024-05-01',
  },
  { id: 'ac', patientId: 'p1', kind: 'aftercare', status: 'active', created: '2024-05-20' },
];

function snapshot(overrides: Partial<ClientSnapshot> = {}): ClientSnapshot {
  return {
    today,
    timeZone: zone,
    episode: { id: 'e1', patientId: 'p1', level: 'iop', status: 'active', start },
    primary: phq9,
    scores: [phq('2024-04-01', 18), phq('2024-05-20', 8), phq('2024-05-27', 6)],
    catalogue: DEFAULT_INSTRUMENTS,
    sessions: sessions(() => 'attended'),
    flags: [],
    carePlans: plans,
    ...overrides,
  };
}

describe('step-down readiness', () => {
  it('is ready when every criterion is met, and says why for each', () => {
    const result = assessReadiness(snapshot());
    expect(result.verdict).toBe('ready');
    expect(result.criteria.map((c) => [c.id, c.status])).toEqual([
      ['below-caseness', 'met'],
      ['no-safety-signal', 'met'],
      ['attendance', 'met'],
      ['time-at-level', 'met'],
      ['plan-relapse-prevention', 'met'],
      ['plan-aftercare', 'met'],
    ]);
    expect(result.criteria[0].evidence).toBe('8 on 2024-05-20, 6 on 2024-05-27 (caseness 10)');
    expect(result.criteria[2].evidence).toBe('8 of 8 sessions (100%)');
    expect(result.criteria[3].evidence).toBe('8 complete week(s) since 2024-04-01');
  });

  it('is not ready when one score is still at caseness or a plan is missing', () => {
    const result = assessReadiness(
      snapshot({
        scores: [phq('2024-04-01', 18), phq('2024-05-20', 10), phq('2024-05-27', 6)],
        carePlans: [plans[0]],
      }),
    );
    expect(result.verdict).toBe('not-ready');
    expect(result.criteria.find((c) => c.id === 'below-caseness')!.status).toBe('not-met');
    expect(result.criteria.find((c) => c.id === 'plan-aftercare')).toEqual(
      jasmine.objectContaining({ status: 'not-met', evidence: 'no such plan' }),
    );
  });

  it('is not ready after a recent positive item 9 or with an active safety flag', () => {
    const signal = assessReadiness(
      snapshot({ scores: [phq('2024-04-01', 18), phq('2024-05-20', 8, 1), phq('2024-05-27', 6)] }),
    );
    expect(signal.criteria[1]).toEqual(
      jasmine.objectContaining({
        status: 'not-met',
        evidence: 'PHQ-9 item 9 (thoughts of self-harm) scored 1 on 2024-05-20',
      }),
    );
    const flagged = assessReadiness(
      snapshot({ flags: [{ id: 'f', patientId: 'p1', active: true, start: '2024-04-20' }] }),
    );
    expect(flagged.criteria[1].evidence).toBe('active safety flag since 2024-04-20');
    const old = assessReadiness(
      snapshot({
        flags: [
          { id: 'f', patientId: 'p1', active: false, start: '2024-04-01', end: '2024-04-20' },
        ],
      }),
    );
    expect(old.criteria[1].status).toBe('met');
  });

  it('is not ready with attendance under 80 % or too few weeks at the level', () => {
    const poor = assessReadiness(
      snapshot({
        sessions: sessions((d) => (d >= '2024-05-20' && d <= '2024-05-22' ? 'missed' : 'attended')),
      }),
    );
    expect(poor.criteria[2]).toEqual(
      jasmine.objectContaining({ status: 'not-met', evidence: '5 of 8 sessions (63%)' }),
    );
    const early = assessReadiness(
      snapshot({
        episode: { id: 'e1', patientId: 'p1', level: 'iop', status: 'active', start: '2024-05-01' },
      }),
    );
    expect(early.criteria[3]).toEqual(jasmine.objectContaining({ status: 'not-met' }));
  });

  it('says "unknown", not ready, when evidence is missing', () => {
    const result = assessReadiness(snapshot({ scores: [phq('2024-05-27', 6)], sessions: [] }));
    expect(result.verdict).toBe('unknown');
    expect(result.criteria[0]).toEqual(
      jasmine.objectContaining({ status: 'unknown', evidence: 'only 1 PHQ-9 score(s)' }),
    );
    expect(result.criteria[2]).toEqual(
      jasmine.objectContaining({ status: 'unknown', evidence: 'no sessions were due' }),
    );
    const noCut = assessReadiness(snapshot({ primary: instrumentById('ders-16')! }));
    expect(noCut.criteria[0].evidence).toBe('DERS-16 has no caseness cut-off');
    const noStart = assessReadiness(
      snapshot({
        episode: { id: 'e1', patientId: 'p1', level: 'iop', status: 'active', start: 'unknown' },
      }),
    );
    expect(noStart.criteria[3].status).toBe('unknown');
    const outpatient = assessReadiness(
      snapshot({
        episode: { id: 'e1', patientId: 'p1', level: 'outpatient', status: 'active', start },
      }),
    );
    expect(outpatient.criteria.some((c) => c.id === 'time-at-level')).toBeFalse();
  });
});

describe('step-up risk', () => {
  it('is not at risk for a client who is improving and attending', () => {
    const result = assessStepUpRisk(snapshot());
    expect(result.atRisk).toBeFalse();
    expect(result.criteria.map((c) => [c.id, c.status])).toEqual([
      ['deterioration', 'not-met'],
      ['not-on-track', 'not-met'],
      ['safety-signal', 'not-met'],
      ['low-attendance', 'not-met'],
      ['hours-below-minimum', 'not-met'],
    ]);
  });

  it('is at risk with a reliable deterioration that is also red against the curve', () => {
    const result = assessStepUpRisk(
      snapshot({ scores: [phq('2024-04-01', 12), phq('2024-05-27', 19)] }),
    );
    expect(result.atRisk).toBeTrue();
    expect(result.criteria[0]).toEqual(
      jasmine.objectContaining({
        status: 'met',
        evidence: 'PHQ-9 12 at baseline, 19 on 2024-05-27',
      }),
    );
    expect(result.criteria[1].status).toBe('met');
  });

  it('is at risk with attendance under 60 % and hours under 9 two weeks running', () => {
    const result = assessStepUpRisk(
      snapshot({
        sessions: sessions((d) =>
          d >= '2024-05-13' && d !== '2024-05-20' ? 'missed' : 'attended',
        ),
      }),
    );
    expect(result.criteria.find((c) => c.id === 'low-attendance')!.status).toBe('met');
    const hours = result.criteria.find((c) => c.id === 'hours-below-minimum')!;
    expect(hours.status).toBe('met');
    expect(hours.evidence).toContain('2 week(s) running below 9 h');
  });

  it('does not count hours during a planned taper', () => {
    const tapering = assessStepUpRisk(
      snapshot({
        sessions: sessions((d) =>
          d >= '2024-05-13' && d !== '2024-05-20' ? 'missed' : 'attended',
        ),
        taperFrom: '2024-05-13',
      }),
    );
    const hours = tapering.criteria.find((c) => c.id === 'hours-below-minimum')!;
    expect(hours.status).toBe('not-met');
    expect(hours.evidence).toContain('(taper)');
  });

  it('knows too little with fewer than two scores, and has no hours rule in aftercare', () => {
    const result = assessStepUpRisk(
      snapshot({
        scores: [phq('2024-05-27', 6)],
        sessions: [],
        episode: { id: 'e', patientId: 'p1', level: 'aftercare', status: 'active', start },
      }),
    );
    expect(result.criteria[0].status).toBe('unknown');
    expect(result.criteria.find((c) => c.id === 'hours-below-minimum')!.evidence).toBe(
      'no weekly minimum at this level',
    );
    expect(result.criteria.find((c) => c.id === 'safety-signal')!.evidence).toBe('none found');
  });

  it('counts days to a planned transition', () => {
    const planned = snapshot({
      episode: {
        id: 'e1',
        patientId: 'p1',
        level: 'iop',
        status: 'active',
        start,
        plannedTransition: { targetLevel: 'outpatient', plannedDate: '2024-06-07' },
      },
    });
    expect(daysUntilPlannedTransition(planned)).toBe(7);
    expect(daysUntilPlannedTransition(snapshot())).toBeUndefined();
  });
});
