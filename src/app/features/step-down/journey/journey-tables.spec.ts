import { timelineOf } from './journey-fixture';
import { scoreRows, stayRows } from './journey-tables';

describe('journey tables', () => {
  const view = timelineOf();

  it('lists the stays the lanes draw, then the plan', () => {
    expect(stayRows(view).map((r) => [r.level, r.start, r.end, r.days, r.began, r.ended])).toEqual([
      [
        'Partial hospitalization',
        '1 Sep 2026',
        '14 Sep 2026',
        '14',
        'Admitted to PHP',
        'Stepped down to a lower level of care',
      ],
      [
        'Intensive outpatient',
        '15 Sep 2026',
        '12 Oct 2026',
        '28',
        'Step-down to IOP',
        'Stepped up to a higher level of care',
      ],
      [
        'Partial hospitalization',
        '13 Oct 2026',
        '26 Oct 2026',
        '14',
        'Step-up to PHP',
        'Stepped down to a lower level of care',
      ],
      ['Intensive outpatient', '27 Oct 2026', 'ongoing', '33', 'Step-down to IOP', 'Still in care'],
      [
        'Outpatient (planned)',
        '10 Dec 2026',
        '—',
        '—',
        'Planned step-down to Outpatient',
        'Planned, not started',
      ],
    ]);
  });

  it('lists every score with its severity', () => {
    const rows = scoreRows(view);
    expect(rows.length).toBe(13);
    expect(rows[0]).toEqual({
      id: 'phq-9-2026-09-01',
      date: '1 Sep 2026',
      score: '22',
      severity: 'Severe',
    });
  });
});
