import { instrumentById } from '../instruments/instrument-catalogue';
import { Episode, ScoreRecord, SessionRecord } from '../models';
import { OutcomeEpisode, joinOutcomeEpisodes } from './outcome-episode';
import {
  byAdmissionMonth,
  byEntryRoute,
  byPresentingProblem,
  byProgram,
  byTherapist,
  censusByLevel,
  flowsByMonth,
  groupRows,
  programOutcomes,
  severityAdjusted,
} from './program-outcomes';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;
const zone = 'America/Chicago';

function row(
  id: string,
  primary?: [number, number],
  extra: Partial<OutcomeEpisode> = {},
  episode: Partial<Episode> = {},
): OutcomeEpisode {
  return {
    episode: {
      id,
      patientId: `p-${id}`,
      level: 'iop',
      status: 'finished',
      start: '2024-01-01',
      end: '2024-03-10',
      endReason: 'completed',
      ...episode,
    },
    start: (episode.start as string) ?? '2024-01-01',
    end: 'end' in episode ? (episode.end as string | undefined) : '2024-03-10',
    ...(primary ? { primary: { baseline: primary[0], final: primary[1] } } : {}),
    attended: 30,
    missed: 6,
    attendedHours: 90,
    weeksInTreatment: 10,
    weeksWithMeasure: 9,
    ...extra,
  };
}

describe('program outcomes', () => {
  const rows = [
    row('a', [20, 4]), // response, remission, reliable improvement, recovery
    row('b', [16, 12], {}, { endReason: 'left-early' }), // no response, no reliable change, still a case
    row('c', [8, 14], {}, { endReason: 'stepped-down' }), // deterioration, not a case at start
    row('d', [12, 6]), // reliable improvement, recovery, response (6/12 = 50 %)
    row(
      'e',
      undefined,
      { attended: 0, missed: 4 },
      { status: 'active', end: undefined, endReason: undefined },
    ),
  ];

  it('counts every rate with its own denominator and a Wilson interval', () => {
    const result = programOutcomes(rows, phq9);
    expect([result.episodes, result.active, result.finished]).toEqual([5, 1, 4]);
    // Completed or stepped down: a, c, d of 4 finished.
    expect([result.completion.successes, result.completion.n]).toEqual([3, 4]);
    expect([result.response.successes, result.response.n]).toEqual([2, 4]);
    expect([result.remission.successes, result.remission.n]).toEqual([1, 4]);
    expect([result.reliableImprovement.successes, result.reliableImprovement.n]).toEqual([2, 4]);
    expect([result.reliableDeterioration.successes, result.reliableDeterioration.n]).toEqual([
      1, 4,
    ]);
    // Recovery only over clients at caseness at the start: a, b, d.
    expect([result.recovery.successes, result.recovery.n]).toEqual([2, 3]);
    expect([result.reliableRecovery.successes, result.reliableRecovery.n]).toEqual([2, 3]);
    expect(result.recovery.low!).toBeGreaterThan(0.2);
    expect(result.recovery.high!).toBeLessThan(1);
    // Improvements 16, 4, −6, 6: mean 5.
    expect(result.meanImprovement).toBe(5);
    expect([result.attendance.successes, result.attendance.n]).toEqual([120, 148]);
    expect(result.meanWeeklyHours).toBe(9);
    expect([result.measureCompletion.successes, result.measureCompletion.n]).toEqual([45, 50]);
    expect(result.lengthOfStay.iop).toEqual({ n: 4, median: 70, q1: 70, q3: 70 });
    expect(result.effectSize).toBeGreaterThan(0);
  });

  it('reports paired PHQ-9 + GAD-7 recovery where both were measured', () => {
    const paired = [
      row('a', [20, 4], { paired: { baseline: 12, final: 5 } }),
      row('b', [9, 4], { paired: { baseline: 10, final: 9 } }),
    ];
    const result = programOutcomes(paired, phq9, gad7);
    expect([result.pairedRecovery.successes, result.pairedRecovery.n]).toEqual([1, 2]);
  });

  it('has no rate rather than 0 % for an empty set', () => {
    const result = programOutcomes([], phq9);
    expect(result.response.rate).toBeUndefined();
    expect(result.meanImprovement).toBeUndefined();
    expect(result.meanWeeklyHours).toBeUndefined();
  });

  it('groups by program, therapist, presenting problem, entry route and admission month', () => {
    const set = [
      row(
        'a',
        [20, 4],
        {},
        {
          programId: 'p1',
          careManagerId: 't1',
          presentingProblems: ['depression', 'anxiety'],
          entryRoute: 'php',
        },
      ),
      row(
        'b',
        [16, 12],
        { start: '2024-02-03' },
        { programId: 'p2', careManagerId: 't1', presentingProblems: ['ptsd'] },
      ),
    ];
    expect([...groupRows(set, byProgram).keys()]).toEqual(['p1', 'p2']);
    expect(groupRows(set, byTherapist).get('t1')!.length).toBe(2);
    expect([...groupRows(set, byPresentingProblem).keys()]).toEqual([
      'depression',
      'anxiety',
      'ptsd',
    ]);
    expect([...groupRows(set, byEntryRoute).keys()]).toEqual(['php']);
    expect([...groupRows(set, byAdmissionMonth).keys()]).toEqual(['2024-01', '2024-02']);
  });

  it('compares groups on improvement against what their starting severity predicts', () => {
    // Reference: severe starts improve 10 on average, mild starts 2.
    const reference = [
      row('s1', [22, 10]),
      row('s2', [24, 16]),
      row('m1', [7, 5]),
      row('m2', [6, 4]),
    ];
    const groups = new Map([
      ['hard cases', [reference[0], reference[1]]],
      ['easy cases', [reference[2], reference[3]]],
      ['none', [row('x')]],
    ]);
    const adjusted = severityAdjusted(groups, reference, phq9);
    expect(adjusted.get('hard cases')).toEqual({ n: 2, observed: 10, expected: 10, difference: 0 });
    expect(adjusted.get('easy cases')).toEqual({ n: 2, observed: 2, expected: 2, difference: 0 });
    expect(adjusted.get('none')).toEqual({
      n: 0,
      observed: undefined,
      expected: undefined,
      difference: undefined,
    });
    const better = severityAdjusted(new Map([['t', [row('t1', [23, 5])]]]), reference, phq9);
    expect(better.get('t')!.difference).toBe(8);
  });

  it('counts the census on a day and admissions and discharges per month', () => {
    const set = [
      row('a', undefined, {}, { level: 'php' }),
      row('b', undefined, { start: '2024-03-01', end: undefined }, { status: 'active' }),
      row('c', undefined, { start: '2024-03-11', end: '2024-04-20' }),
    ];
    expect(censusByLevel(set, '2024-03-05')).toEqual({ php: 1, iop: 1 });
    expect(censusByLevel(set, '2024-03-11')).toEqual({ iop: 2 });
    expect([...flowsByMonth(set).entries()]).toEqual([
      ['2024-01', { admissions: 1, discharges: 0 }],
      ['2024-03', { admissions: 2, discharges: 1 }],
      ['2024-04', { admissions: 0, discharges: 1 }],
    ]);
  });
});

describe('joining episodes with scores and sessions', () => {
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
  ];
  const score = (id: string, instrumentId: string, date: string, total: number): ScoreRecord => ({
    id,
    patientId: 'p1',
    instrumentId,
    date,
    total,
  });
  const scores = [
    score('1', 'phq-9', '2024-01-02', 18),
    score('2', 'phq-9', '2024-01-16T10:00:00-06:00', 12),
    score('3', 'phq-9', '2024-01-27', 9),
    score('4', 'gad-7', '2024-01-02', 12),
    score('5', 'gad-7', '2024-01-27', 6),
    score('6', 'phq-9', '2024-02-05', 7),
    score('7', 'pcl-5', '2024-01-05', 50),
    score('8', 'phq-9', 'not a date', 3),
  ];
  const sessions: SessionRecord[] = [
    {
      id: 's1',
      patientId: 'p1',
      episodeId: 'e1',
      modality: 'cbt',
      status: 'attended',
      start: '2024-01-02T17:00:00-06:00',
      minutes: 180,
    },
    {
      id: 's2',
      patientId: 'p1',
      episodeId: 'e1',
      modality: 'cbt',
      status: 'missed',
      start: '2024-01-03T17:00:00-06:00',
      minutes: 180,
    },
    {
      id: 's3',
      patientId: 'p1',
      modality: 'cbt',
      status: 'attended',
      start: '2024-01-04T17:00:00-06:00',
      minutes: 180,
    },
  ];

  it('takes the first and last score inside each episode and counts its sessions and measured weeks', () => {
    const [iop, outpatient] = joinOutcomeEpisodes(
      episodes,
      scores,
      sessions,
      phq9,
      zone,
      '2024-02-20',
    );
    expect(iop.primary).toEqual({ baseline: 18, final: 9 });
    expect(iop.paired).toEqual({ baseline: 12, final: 6 });
    expect([iop.attended, iop.missed, iop.attendedHours]).toEqual([1, 1, 3]);
    expect([iop.weeksInTreatment, iop.weeksWithMeasure]).toEqual([4, 3]);
    expect(outpatient.primary).toBeUndefined();
    expect(outpatient.end).toBeUndefined();
  });

  it('aggregates 5,000 generated episodes in one pass', () => {
    const many: Episode[] = [];
    const manyScores: ScoreRecord[] = [];
    for (let i = 0; i < 5000; i++) {
      many.push({
        id: `e${i}`,
        patientId: `p${i}`,
        level: i % 3 ? 'iop' : 'php',
        status: 'finished',
        start: '2024-01-01',
        end: '2024-03-01',
        programId: `prog${i % 3}`,
      });
      manyScores.push(
        score(`a${i}`, 'phq-9', '2024-01-02', 10 + (i % 17)),
        score(`b${i}`, 'phq-9', '2024-02-20', i % 20),
      );
      manyScores[manyScores.length - 1] = {
        ...manyScores[manyScores.length - 1],
        patientId: `p${i}`,
      };
      manyScores[manyScores.length - 2] = {
        ...manyScores[manyScores.length - 2],
        patientId: `p${i}`,
      };
    }
    const rows = joinOutcomeEpisodes(many, manyScores, [], phq9, zone, '2024-06-01');
    const result = programOutcomes(rows, phq9);
    expect(result.response.n).toBe(5000);
    expect(groupRows(rows, byProgram).size).toBe(3);
  });
});
