import { wilsonInterval } from '../../domain/stats/wilson';
import { doseLines, trendsLines } from './outcomes-csv';
import { CensusTrendView, DoseView, RateTrendsView } from './outcomes-view-model';

describe('outcomes CSV sections', () => {
  it('writes the month rates with intervals and n, then the census by level', () => {
    const trends: RateTrendsView = {
      instrument: 'PHQ-9',
      months: [
        {
          month: '2026-08',
          label: 'Aug 2026',
          rates: {
            completion: wilsonInterval(2, 3),
            response: wilsonInterval(2, 3),
            remission: wilsonInterval(1, 3),
            reliableImprovement: wilsonInterval(0, 0),
          },
        },
      ],
    };
    const census: CensusTrendView = {
      levels: [
        { level: 'php', label: 'PHP' },
        { level: 'iop', label: 'IOP' },
      ],
      points: [{ day: '2026-09-06', label: '6 Sep 2026', byLevel: { iop: 4 }, total: 4 }],
    };
    const lines = trendsLines(trends, census);
    expect(lines[1]).toEqual([
      'Admission month',
      'Completion',
      'Response',
      'Remission',
      'Reliable improvement',
    ]);
    expect(lines[2]).toEqual([
      'Aug 2026',
      '67 % (21–94 %), n = 3',
      '67 % (21–94 %), n = 3',
      '33 % (6–79 %), n = 3',
      '—, n = 0',
    ]);
    expect(lines.slice(-2)).toEqual([
      ['Day', 'PHP', 'IOP', 'Total'],
      ['6 Sep 2026', '0', '4', '4'],
    ]);
  });

  it('writes each dose table with what was left out and how to read it', () => {
    const cell = { rate: 0.5, n: 2, text: '50 % (9–91 %), n = 2' };
    const dose: DoseView = {
      byHours: [
        {
          id: 'at-or-above-minimum',
          label: 'At or above the minimum',
          n: 2,
          small: true,
          response: cell,
          reliableImprovement: cell,
          meanImprovement: 8.26,
        },
      ],
      leftOut: 'Not in these bands: 1 stay shorter than a week.',
      modalities: [
        {
          modality: 'dbt-skills',
          label: 'DBT skills group',
          instrument: 'DERS-16',
          bands: [
            {
              index: 0,
              label: 'None',
              n: 0,
              small: true,
              meanChange: undefined,
              reliableImprovement: { rate: undefined, n: 0, text: '—' },
            },
          ],
        },
      ],
      reading: 'Association, not cause.',
    };
    const lines = doseLines(dose, 'PHQ-9');
    expect(lines[2]).toEqual(['At or above the minimum', '2', cell.text, cell.text, '8.3']);
    expect(lines).toContain(['Not in these bands: 1 stay shorter than a week.']);
    expect(lines).toContain(['DBT skills group sessions attended and change on DERS-16']);
    expect(lines).toContain(['None', '0', '', '—']);
    expect(lines.at(-1)).toEqual(['Association, not cause.']);
  });
});
