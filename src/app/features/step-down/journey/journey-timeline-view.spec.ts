import { emptyClientRecords } from '../../caseload/caseload-row';
import { progressRecords } from '../../client-progress/client-progress-fixture';
import { readmittedRecords, timelineOf } from './journey-fixture';
import { planDirection } from './journey-timeline-view';

describe('journeyTimeline', () => {
  const view = timelineOf();

  it('has a lane for every level, most intensive first, whether visited or not', () => {
    expect(view.lanes.map((l) => [l.label, l.rank])).toEqual([
      ['Inpatient', 6],
      ['Residential', 5],
      ['PHP', 4],
      ['IOP', 3],
      ['Outpatient', 2],
      ['Aftercare', 1],
    ]);
  });

  it('lays out each stay with its days, how it began and how it ended', () => {
    expect(
      view.stays.map((s) => [s.label, s.from, s.lastDay, s.days, s.began, s.beganLabel, s.ended]),
    ).toEqual([
      // 1–14 Sep counting both ends: 14 days.
      [
        'PHP',
        '2026-09-01',
        '2026-09-14',
        14,
        'admission',
        'Admitted to PHP',
        'Stepped down to a lower level of care',
      ],
      // 15 Sep–12 Oct: 16 + 12 days.
      [
        'IOP',
        '2026-09-15',
        '2026-10-12',
        28,
        'step-down',
        'Step-down to IOP',
        'Stepped up to a higher level of care',
      ],
      [
        'PHP',
        '2026-10-13',
        '2026-10-26',
        14,
        'step-up',
        'Step-up to PHP',
        'Stepped down to a lower level of care',
      ],
      // 27 Oct to today (28 Nov): 5 + 28 days, still open.
      ['IOP', '2026-10-27', '2026-11-28', 33, 'step-down', 'Step-down to IOP', 'Still in care'],
    ]);
    expect(view.stays.map((s) => s.current)).toEqual([false, false, false, true]);
    expect(view.stays[3].to).toBeUndefined();
    expect(view.moves).toEqual([
      { day: '2026-09-15', from: 'php', to: 'iop' },
      { day: '2026-10-13', from: 'iop', to: 'php' },
      { day: '2026-10-27', from: 'php', to: 'iop' },
    ]);
  });

  it('shows the planned step-down from the current level, its first two weeks drawn', () => {
    expect(view.planned).toEqual({
      from: 'iop',
      to: 'outpatient',
      label: 'Planned step-down to Outpatient',
      day: '2026-12-10',
      reason: 'met step-down criteria',
      passed: false,
      drawnUntil: '2026-12-23',
    });
    expect(planDirection(view.planned!)).toBe('down');
    // The axis runs from the first stay to the end of the drawn plan, past today.
    expect(view.range).toEqual({ from: '2026-09-01', to: '2026-12-23' });
  });

  it('lays the primary measure over it with each score’s severity, out-of-range scores left out', () => {
    const m = view.measure!;
    expect(m.shortName).toBe('PHQ-9');
    expect(m.range).toEqual({ min: 0, max: 27 });
    expect(m.bands.map((b) => b.min)).toEqual([0, 5, 10, 15, 20]);
    expect(m.points.length).toBe(13);
    expect(m.points.map((p) => p.total)).not.toContain(35);
    expect([m.points[0].day, m.points[0].total, m.points[0].severity]).toEqual([
      '2026-09-01',
      22,
      'Severe',
    ]);
    expect([m.points[12].total, m.points[12].severity]).toEqual([8, 'Mild']);
  });

  it('sums the journey up in one sentence', () => {
    expect(view.summary).toBe(
      'Robin Testfield: 4 stays since 1 Sep 2026 (PHP, IOP, PHP, IOP), now in IOP for 33 days; ' +
        '1 step-up and no readmissions; PHQ-9 from 22 to 8 (Mild) over 13 scores; ' +
        'planned step-down to Outpatient on 10 Dec 2026.',
    );
  });

  it('marks a readmission and drops the plan of a client no longer in care', () => {
    const readmitted = timelineOf(readmittedRecords());
    expect(readmitted.stays.map((s) => [s.label, s.began, s.beganLabel, s.ended])).toEqual([
      ['PHP', 'admission', 'Admitted to PHP', 'Completed treatment'],
      ['IOP', 'readmission', 'Readmission to IOP', 'Completed treatment'],
    ]);
    expect(readmitted.planned).toBeUndefined();
    expect(readmitted.range.to).toBe('2026-11-28');
    expect(readmitted.summary).toContain(
      '2 stays since 1 Sep 2026 (PHP, IOP), last stay ended 20 Nov 2026; no step-ups and 1 readmission;',
    );
  });

  it('says when a passed planned date was not carried out', () => {
    const records = progressRecords();
    const current = records.episodes[3];
    const overdue = timelineOf({
      ...records,
      episodes: [
        ...records.episodes.slice(0, 3),
        {
          ...current,
          plannedTransition: { ...current.plannedTransition!, plannedDate: '2026-11-20' },
        },
      ],
    });
    expect(overdue.planned?.passed).toBeTrue();
    expect(overdue.range.to).toBe('2026-12-03');
  });

  it('reads a client with no stays and no scores without inventing either', () => {
    const empty = timelineOf(emptyClientRecords());
    expect(empty.stays).toEqual([]);
    expect(empty.moves).toEqual([]);
    expect(empty.measure).toBeUndefined();
    expect(empty.planned).toBeUndefined();
    expect(empty.summary).toBe(
      'Robin Testfield: no stays at any level of care recorded yet; no primary-measure scores yet.',
    );
  });
});
