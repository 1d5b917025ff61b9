import { clientProgressView } from './client-progress-view';
import {
  PROGRESS_PATIENT,
  PROGRESS_TODAY,
  PROGRESS_TZ,
  progressRecords,
} from './client-progress-fixture';

describe('clientProgressView', () => {
  const view = clientProgressView({
    patientId: 'p1',
    patient: PROGRESS_PATIENT,
    records: progressRecords(),
    staffName: (id) => (id === 't1' ? 'Avery Lanternfield' : undefined),
    programName: (id) => (id === 'adult-iop' ? 'Adult IOP' : undefined),
    today: PROGRESS_TODAY,
    timeZone: PROGRESS_TZ,
  });

  it('heads the page with who the client is and where they are in care', () => {
    const h = view.header;
    expect(h.name).toBe('Robin Testfield');
    expect(h.age).toBe(36);
    expect(h.problems).toEqual(['Depression', 'Substance use']);
    expect(h.inCare).toBeTrue();
    expect([h.levelLabel, h.levelName, h.weekLabel]).toEqual([
      'IOP',
      'Intensive outpatient',
      'week 5 of ~10',
    ]);
    expect([h.therapist, h.program, h.episodeStart]).toEqual([
      'Avery Lanternfield',
      'Adult IOP',
      '2026-10-27',
    ]);
    expect(h.nextSession?.modality).toBe('Cognitive behavioural therapy group');
    expect(h.readiness?.criteria.length).toBeGreaterThan(0);
  });

  it('charts every measure the client has, primary first, read from the current baseline', () => {
    expect(view.measures.map((m) => [m.instrumentId, m.primary])).toEqual([
      ['phq-9', true],
      ['gad-7', false],
      ['ders-16', false],
    ]);
    const phq = view.measures[0];
    expect(phq.points.length).toBe(13);
    expect(phq.setAside).toBe(1);
    expect(phq.baseline).toEqual({ day: '2026-10-27', total: 15 });
    // A reliable change on PHQ-9 is 6 points either way from the baseline.
    expect(phq.reliableChangeLines).toEqual({ improved: 9, deteriorated: 21 });
    expect(phq.caseness).toBe(10);
    expect(phq.bands.map((b) => [b.min, b.max])).toEqual([
      [0, 4],
      [5, 9],
      [10, 14],
      [15, 19],
      [20, 27],
    ]);
    expect(phq.change).toBe('reliable-improvement');
    expect(phq.summary).toBe(
      'PHQ-9 fell from 15 to 8 over 4 weeks; reliable improvement; now mild',
    );
    const last = phq.points.at(-1)!;
    expect([last.total, last.severity, last.changeFromBaseline, last.reliableChange]).toEqual([
      8,
      'Mild',
      -7,
      'reliable-improvement',
    ]);
    // Scores before the current episode carry no change from its baseline.
    expect(phq.points[0].changeFromBaseline).toBeUndefined();
    expect(phq.expected?.[0]).toEqual(
      jasmine.objectContaining({ week: 0, day: '2026-10-27', expected: 15 }),
    );
    expect(phq.expectedSource).toBe('default');
  });

  it('lays the level-of-care phases and their transitions along the time axis', () => {
    expect(view.phases.map((p) => [p.label, p.from, p.to, p.ongoing])).toEqual([
      ['PHP', '2026-09-01', '2026-09-14', false],
      ['IOP', '2026-09-15', '2026-10-12', false],
      ['PHP', '2026-10-13', '2026-10-26', false],
      ['IOP', '2026-10-27', '2026-11-28', true],
    ]);
    expect(view.transitions.map((t) => [t.day, t.kind, t.label])).toEqual([
      ['2026-09-15', 'step-down', 'Step-down to IOP'],
      ['2026-10-13', 'step-up', 'Step-up to PHP'],
      ['2026-10-27', 'step-down', 'Step-down to IOP'],
      ['2026-12-10', 'planned', 'Planned step-down to Outpatient'],
    ]);
  });

  it('marks missed sessions, safety signals and care-plan changes', () => {
    expect(view.events.map((e) => [e.day, e.kind, e.label])).toEqual([
      ['2026-09-01', 'care-plan', 'Treatment plan created'],
      ['2026-10-06', 'safety', 'PHQ-9 item 9 (thoughts of self-harm) scored 2'],
      ['2026-10-06', 'safety', 'Safety flag raised'],
      ['2026-11-09', 'missed-session', 'Missed DBT skills group'],
    ]);
  });

  it('counts dose by week and modality, with each modality’s target measure', () => {
    expect(view.dose.weeks.length).toBe(13);
    const week9 = view.dose.weeks[8]; // 27 Oct – 2 Nov
    expect([week9.from, week9.hours, week9.level, week9.minimum]).toEqual([
      '2026-10-27',
      3.5,
      'iop',
      9,
    ]);
    expect(view.dose.weeks[0].minimum).toBe(20);
    const dbt = view.dose.modalities.find((m) => m.modality === 'dbt-skills')!;
    expect([dbt.attended, dbt.scheduled, dbt.rate, dbt.hours]).toEqual([2, 3, 2 / 3, 3]);
    expect(dbt.target).toEqual({
      instrumentId: 'ders-16',
      shortName: 'DERS-16',
      baseline: 60,
      latest: 48,
      // DERS-16 threshold from SD 14, r 0.92: 1.96 × 14 × √2 × √0.08 = 10.98; 60 → 48 is 12.
      change: 'reliable-improvement',
    });
    expect(view.dose.modalities.find((m) => m.modality === 'cbt')?.target?.shortName).toBe('PHQ-9');
  });

  it('builds the PHQ-9 item grid with item 9 marked as the safety item', () => {
    const grid = view.itemGrids.find((g) => g.instrumentId === 'phq-9')!;
    expect(grid.items.length).toBe(9);
    expect(grid.items[8]).toEqual({ id: '9', label: '9. Thoughts of self-harm', safety: true });
    expect(grid.columns.length).toBe(13);
    const oct6 = grid.columns.findIndex((c) => c.day === '2026-10-06');
    expect(grid.cells[8][oct6]).toBe(2);
    expect(grid.itemMax).toBe(3);
    expect(view.itemGrids.some((g) => g.instrumentId === 'gad-7')).toBeFalse();
  });

  it('summarises the journey with durations, the current stay and the planned step-down', () => {
    const j = view.journey;
    expect(j.stays.map((s) => [s.label, s.duration, s.current, s.readmission])).toEqual([
      ['PHP', '2 wk', false, false],
      ['IOP', '4 wk', false, false],
      ['PHP', '2 wk', false, false],
      ['IOP', '4 wk 5 d', true, false],
    ]);
    expect(j.readmissions).toBe(0);
    expect(j.planned).toEqual({
      targetLevel: 'outpatient',
      label: 'Planned step-down to Outpatient',
      day: '2026-12-10',
      reason: 'met step-down criteria',
    });
  });

  it('gives the current stay’s outcome: PHQ-9 and GAD-7 both reliably down and below caseness', () => {
    const o = view.outcome!;
    expect(o.episodeLabel).toBe('IOP, 27 Oct 2026 – today');
    expect(o.category).toBe('recovered');
    const phq = o.measures[0];
    expect([phq.baseline, phq.latest, phq.change, phq.response, phq.remission]).toEqual([
      15,
      8,
      -7,
      false,
      false,
    ]);
    expect(o.measureCompletion).toEqual({ weeksWithMeasure: 4, weeksInTreatment: 4, rate: 1 });
    expect(o.attendance).toEqual({ attended: 3, missed: 1, rate: 0.75 });
  });

  it('offers the whole journey, the current level and the last 8 weeks as ranges', () => {
    expect(view.ranges).toEqual({
      journey: { from: '2026-09-01', to: '2026-11-28' },
      'current-level': { from: '2026-10-27', to: '2026-11-28' },
      'last-8-weeks': { from: '2026-10-04', to: '2026-11-28' },
    });
  });

  it('says what is expected when there are no measures yet', () => {
    const records = progressRecords();
    const empty = clientProgressView({
      patientId: 'p1',
      records: { ...records, scores: [] },
      staffName: () => undefined,
      programName: () => undefined,
      today: PROGRESS_TODAY,
      timeZone: PROGRESS_TZ,
    });
    expect(empty.measures).toEqual([]);
    expect(empty.header.name).toBe('Client p1');
    expect(empty.expectedMeasures).toEqual([
      'PHQ-9 weekly, from the first week of care (2026-10-27)',
      'GAD-7 weekly, from the first week of care (2026-10-27)',
    ]);
  });

  it('marks a readmission after a discharge and reads a client no longer in care', () => {
    const records = progressRecords();
    const discharged = clientProgressView({
      patientId: 'p1',
      records: {
        ...records,
        episodes: [
          { ...records.episodes[0], end: '2026-09-14', endReason: 'completed' },
          {
            ...records.episodes[3],
            start: '2026-10-27',
            status: 'finished',
            end: '2026-11-20',
            endReason: 'completed',
          },
        ],
      },
      staffName: () => undefined,
      programName: () => undefined,
      today: PROGRESS_TODAY,
      timeZone: PROGRESS_TZ,
    });
    expect(discharged.journey.readmissions).toBe(1);
    expect(discharged.journey.stays[1].readmission).toBeTrue();
    expect(discharged.transitions.map((t) => t.label)).toEqual([
      'Readmission to IOP',
      'Discharged',
    ]);
    expect(discharged.header.inCare).toBeFalse();
    expect(discharged.header.flags).toEqual([]);
    expect(discharged.ranges['current-level']).toEqual({ from: '2026-10-27', to: '2026-11-20' });
    expect(discharged.outcome?.episodeLabel).toBe('IOP, 27 Oct 2026 – 20 Nov 2026');
  });

  it('keeps the planned episode a plan: not a phase, not the current stay', () => {
    const records = progressRecords();
    const withPlanned = clientProgressView({
      patientId: 'p1',
      patient: PROGRESS_PATIENT,
      records: {
        ...records,
        episodes: [
          ...records.episodes,
          {
            ...records.episodes[3],
            id: 'e5',
            level: 'outpatient',
            status: 'planned',
            start: '2026-12-10',
          },
        ],
      },
      staffName: () => undefined,
      programName: () => undefined,
      today: PROGRESS_TODAY,
      timeZone: PROGRESS_TZ,
    });
    expect(withPlanned.phases.map((p) => p.episodeId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(withPlanned.header.levelLabel).toBe('IOP');
    expect(withPlanned.transitions.at(-1)?.label).toBe('Planned step-down to Outpatient');
  });
});
