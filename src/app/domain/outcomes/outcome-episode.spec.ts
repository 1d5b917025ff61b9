import { instrumentById } from '../instruments/instrument-catalogue';
import { Episode, ScoreRecord, SessionRecord } from '../models';
import { censusByLevel, flowsByMonth } from './census-flows';
import { byProgram, byTherapist, groupRows, outcomesByGroup } from './outcome-groups';
import { joinFromIndex, joinOutcomeEpisodes, outcomeJoinIndex } from './outcome-episode';
import { programOutcomes } from './program-outcomes';
import { severityAdjusted } from './severity-adjusted';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;
const zone = 'America/Chicago';

const score = (
  instrumentId: string,
  date: string,
  total: number,
  patientId = 'p1',
): ScoreRecord => ({
  id: `${instrumentId}-${date}-${total}`,
  patientId,
  instrumentId,
  date,
  total,
});

describe('joining episodes with scores and sessions', () => {
  // A step-down: IOP 1–28 January, then outpatient from 29 January.
  const episodes: Episode[] = [
    {
      id: 'e1',
      patientId: 'p1',
      level: 'iop',
      status: 'finished',
      start: '2024-01-01',
      end: '2024-01-28',
    },
    { id: 'e2', patientId: 'p1', level: 'outpatient', status: 'active', start: '2024-01-29' },
    { id: 'e3', patientId: 'p1', level: 'iop', status: 'planned', start: '2024' },
  ];
  const scores = [
    score('phq-9', '2023-12-28', 20), // intake, 4 days before the start: e1's baseline
    score('phq-9', '2024-01-02', 18),
    score('phq-9', '2024-01-16T10:00:00-06:00', 12),
    score('phq-9', '2024-01-20', 30), // out of range: set aside and counted
    score('phq-9', '2024-01-29T05:30:00Z', 8), // 23:30 on 28 January in Chicago: still e1
    score('phq-9', '2024-02-05', 7),
    score('phq-9', 'not a date', 3),
    score('gad-7', '2024-01-02', 12),
    score('gad-7', '2024-01-27', 6),
    score('pcl-5', '2024-01-05', 50),
  ];
  const session = (
    id: string,
    status: SessionRecord['status'],
    episodeId?: string,
  ): SessionRecord => ({
    id,
    patientId: 'p1',
    ...(episodeId ? { episodeId } : {}),
    modality: 'cbt',
    status,
    start: '2024-01-02T17:00:00-06:00',
    minutes: 180,
  });
  const sessions = [
    session('s1', 'attended', 'e1'),
    session('s2', 'missed', 'e1'),
    session('s3', 'attended'),
  ];
  const [iop, outpatient, planned] = joinOutcomeEpisodes(
    episodes,
    scores,
    sessions,
    phq9,
    zone,
    '2024-02-20',
    gad7,
  );

  it('takes the baseline from up to 7 days before the start and the last score up to the end', () => {
    expect(iop.primary).toEqual({ baseline: 20, final: 8 });
    expect(iop.paired).toEqual({ baseline: 12, final: 6 });
    expect(iop.unusableScores).toBe(1);
    // After a step-down, the last score at the old level is the baseline at the new one.
    expect(outpatient.primary).toEqual({ baseline: 8, final: 7 });
    expect(outpatient.paired).toBeUndefined();
  });

  it('counts the sessions linked to the episode and the weeks with a primary score', () => {
    expect([iop.attended, iop.missed, iop.attendedHours]).toEqual([1, 1, 3]);
    // Four complete weeks; scores in weeks 1, 3 and 4 (the intake is before week 1).
    expect([iop.weeksInTreatment, iop.weeksWithMeasure]).toEqual([4, 3]);
    expect([iop.start, iop.end, outpatient.end]).toEqual(['2024-01-01', '2024-01-28', undefined]);
  });

  it('joins nothing to an episode without a usable start, and no pair without the paired measure', () => {
    expect([planned.start, planned.primary, planned.weeksInTreatment]).toEqual([
      undefined,
      undefined,
      0,
    ]);
    const [alone] = joinOutcomeEpisodes(episodes, scores, [], phq9, zone, '2024-02-20');
    expect(alone.paired).toBeUndefined();
    const [strict] = joinOutcomeEpisodes(episodes, scores, [], phq9, zone, '2024-02-20', gad7, 0);
    expect(strict.primary).toEqual({ baseline: 18, final: 8 });
  });

  it('joins the same rows from one index for every measure, day and lookback', () => {
    const index = outcomeJoinIndex(episodes, scores, sessions, zone);
    const pcl5 = instrumentById('pcl-5')!;
    const cases: [typeof phq9, string, typeof gad7 | undefined, number][] = [
      [phq9, '2024-02-20', gad7, 7],
      [gad7, '2024-02-20', undefined, 7],
      [phq9, '2024-01-20', gad7, 0],
      [phq9, '2024-02-20', gad7, 7],
    ];
    for (const [primary, asOf, paired, lookback] of cases)
      expect(joinFromIndex(index, primary, asOf, paired, lookback, [pcl5, gad7])).toEqual(
        joinOutcomeEpisodes(episodes, scores, sessions, primary, zone, asOf, paired, lookback, [
          pcl5,
          gad7,
        ]),
      );
    // A session naming an episode that was not loaded counts nowhere.
    const [stray] = joinFromIndex(
      outcomeJoinIndex(episodes, scores, [session('s9', 'attended', 'gone')], zone),
      phq9,
      '2024-02-20',
    );
    expect([stray.attended, stray.attendedHours]).toEqual([0, 0]);
  });
});

describe('outcomes over 5,000 generated episodes', () => {
  it('joins and aggregates them in linear passes', () => {
    const episodes: Episode[] = [];
    const scores: ScoreRecord[] = [];
    const sessions: SessionRecord[] = [];
    for (let i = 0; i < 5000; i++) {
      episodes.push({
        id: `e${i}`,
        patientId: `p${i}`,
        level: i % 3 ? 'iop' : 'php',
        status: 'finished',
        start: '2024-01-01',
        end: '2024-03-01',
        endReason: i % 4 ? 'completed' : 'left-early',
        programId: `prog${i % 3}`,
        careManagerId: `t${i % 40}`,
      });
      scores.push(
        score('phq-9', '2024-01-02', 10 + (i % 17), `p${i}`),
        score('phq-9', '2024-02-20', i % 20, `p${i}`),
      );
      sessions.push({
        id: `s${i}`,
        patientId: `p${i}`,
        episodeId: `e${i}`,
        modality: 'cbt',
        status: i % 5 ? 'attended' : 'missed',
        start: '2024-01-03T17:00:00Z',
        minutes: 180,
      });
    }
    const rows = joinOutcomeEpisodes(episodes, scores, sessions, phq9, zone, '2024-06-01');
    const result = programOutcomes(rows, phq9);
    expect(result.response.n).toBe(5000);
    expect(result.attendance.n).toBe(5000);
    const therapists = outcomesByGroup(rows, byTherapist, phq9);
    expect(therapists.size).toBe(40);
    expect(therapists.get('t0')!.episodes).toBe(125);
    expect(severityAdjusted(groupRows(rows, byProgram), rows, phq9).size).toBe(3);
    expect(censusByLevel(rows, '2024-02-01')).toEqual({ php: 1667, iop: 3333 });
    expect(flowsByMonth(rows).get('2024-03')).toEqual({ admissions: 0, discharges: 5000 });
  });
});
