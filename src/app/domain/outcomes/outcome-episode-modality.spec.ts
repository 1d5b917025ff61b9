import { instrumentById } from '../instruments/instrument-catalogue';
import { Episode, Modality, ScoreRecord, SessionRecord } from '../models';
import { joinOutcomeEpisodes } from './outcome-episode';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;
const pcl5 = instrumentById('pcl-5')!;

describe('joining sessions by modality and target measures', () => {
  const episodes: Episode[] = [
    {
      id: 'e1',
      patientId: 'p1',
      level: 'iop',
      status: 'finished',
      start: '2024-01-01',
      end: '2024-02-25',
    },
  ];
  const score = (instrumentId: string, date: string, total: number): ScoreRecord => ({
    id: `${instrumentId}-${date}`,
    patientId: 'p1',
    instrumentId,
    date,
    total,
  });
  const scores = [
    score('phq-9', '2024-01-02', 18),
    score('phq-9', '2024-02-20', 8),
    score('pcl-5', '2024-01-03', 52),
    score('pcl-5', '2024-02-21', 30),
    score('pcl-5', '2024-02-22', 99), // out of range: never used, not counted as unusable
    score('ders-16', '2024-01-03', 60), // only one score: no pair
  ];
  const session = (
    id: string,
    modality: Modality,
    minutes: number,
    status: SessionRecord['status'] = 'attended',
  ): SessionRecord => ({
    id,
    patientId: 'p1',
    episodeId: 'e1',
    modality,
    status,
    start: '2024-01-10T15:00:00Z',
    minutes,
  });
  const sessions = [
    session('s1', 'trauma-focused', 180),
    session('s2', 'trauma-focused', 180),
    session('s3', 'cbt', 90),
    session('s4', 'cbt', 60, 'missed'),
  ];
  const [joined] = joinOutcomeEpisodes(
    episodes,
    scores,
    sessions,
    phq9,
    'America/Chicago',
    '2024-03-01',
    gad7,
    7,
    [pcl5, instrumentById('ders-16')!, phq9],
  );

  it('splits attended sessions and hours by modality', () => {
    expect(joined.attendedByModality).toEqual({ 'trauma-focused': 2, cbt: 1 });
    expect(joined.attendedHoursByModality).toEqual({ 'trauma-focused': 6, cbt: 1.5 });
    expect([joined.attended, joined.missed, joined.attendedHours]).toEqual([3, 1, 7.5]);
  });

  it('pairs every joined instrument in `measures`, primary included', () => {
    expect(joined.measures).toEqual({
      'phq-9': { baseline: 18, final: 8 },
      'pcl-5': { baseline: 52, final: 30 },
    });
    expect(joined.primary).toEqual({ baseline: 18, final: 8 });
    // Unusable scores stay about the primary and paired measures.
    expect(joined.unusableScores).toBe(0);
  });

  it('joins no extra measures by default', () => {
    const [plain] = joinOutcomeEpisodes(
      episodes,
      scores,
      [],
      phq9,
      'America/Chicago',
      '2024-03-01',
    );
    expect(plain.measures).toEqual({ 'phq-9': { baseline: 18, final: 8 } });
    expect(plain.attendedByModality).toEqual({});
  });
});
