import { instrumentById } from '../instruments/instrument-catalogue';
import { ScoreRecord } from '../models';
import { ClientSnapshot } from './client-snapshot';
import { phq, sessions, snapshot } from './snapshot-fixture';
import { assessStepUpRisk } from './step-up-risk';

const factor = (s: Partial<ClientSnapshot>, id: string, o = {}) =>
  assessStepUpRisk(snapshot(s), o).criteria.find((c) => c.id === id)!;
const trend = (...scores: [string, number][]) => ({
  scores: scores.map(([day, total]) => phq(day, total)),
});
/** Every session from 13 May missed except 20 May: 0 h and 3 h in treatment weeks 7 and 8. */
const dropping = sessions((d) => (d >= '2024-05-13' && d !== '2024-05-20' ? 'missed' : 'attended'));

describe('step-up risk', () => {
  it('finds no risk factor for a client who is improving and attending', () => {
    const result = assessStepUpRisk(snapshot());
    expect([result.atRisk, result.verdict]).toEqual([false, 'not-at-risk']);
    expect(result.summary).toBe('No risk factor found in 5 checks');
    expect(result.criteria.map((c) => [c.id, c.status, c.evidence])).toEqual([
      ['deterioration', 'not-met', 'PHQ-9 18 on 2024-04-01 (baseline), 6 on 2024-05-27'],
      ['not-on-track', 'not-met', 'on track (default curve)'],
      ['safety-signal', 'not-met', 'none in 2 safety screen(s); no safety flag'],
      ['low-attendance', 'not-met', '8 of 8 sessions (100%)'],
      [
        'hours-below-minimum',
        'not-met',
        '0 week(s) running below 9 h; last weeks: 12 h, 12 h, 12 h',
      ],
    ]);
  });

  describe('reliable deterioration (PHQ-9: a rise of 6)', () => {
    it('is present at a rise of 6, not at 5, and a rise that large is red on the curve', () => {
      const six = assessStepUpRisk(snapshot(trend(['2024-04-01', 12], ['2024-05-27', 18])));
      expect([six.atRisk, six.verdict]).toEqual([true, 'at-risk']);
      expect(six.criteria[0]).toEqual(
        jasmine.objectContaining({
          status: 'met',
          evidence: 'PHQ-9 12 on 2024-04-01 (baseline), 18 on 2024-05-27',
        }),
      );
      // Default curve (no program curves), moderate band 10–14: 0.45 · 12 · (1 − e^−2) = 4.67
      // expected by week 8; red once 3 points worse than baseline.
      expect(six.criteria[1]).toEqual(
        jasmine.objectContaining({
          status: 'met',
          evidence:
            'PHQ-9 improved -6 points by week 8; comparable clients improved 4.7 (red below -3)',
        }),
      );
      expect(six.summary).toContain('At risk of stepping up: Reliable deterioration (PHQ-9 12');
      expect(factor(trend(['2024-04-01', 12], ['2024-05-27', 17]), 'deterioration').status).toBe(
        'not-met',
      );
    });

    it('takes the baseline from up to 7 days before the episode start', () => {
      const scores = trend(['2024-03-20', 5], ['2024-03-28', 12], ['2024-05-27', 19]);
      expect(factor(scores, 'deterioration').evidence).toBe(
        'PHQ-9 12 on 2024-03-28 (baseline), 19 on 2024-05-27',
      );
      const strict = factor(scores, 'deterioration', { baselineLookbackDays: 0 });
      expect([strict.status, strict.evidence]).toEqual([
        'unknown',
        '1 PHQ-9 score(s) in this episode',
      ]);
    });

    it('is unknown without two usable scores or a reliable-change threshold', () => {
      const one = factor(
        { scores: [phq('2024-05-27', 6), phq('2024-05-28', 40)] },
        'deterioration',
      );
      expect([one.status, one.evidence]).toEqual([
        'unknown',
        '1 PHQ-9 score(s) in this episode (1 unusable score set aside: PHQ-9 score 40 is outside 0–27)',
      ]);
      const bam = (day: string, total: number): ScoreRecord => ({
        id: day,
        patientId: 'p1',
        instrumentId: 'bam-use',
        date: day,
        total,
      });
      const noThreshold = factor(
        {
          primary: instrumentById('bam-use')!,
          scores: [bam('2024-04-01', 2), bam('2024-05-27', 9)],
        },
        'deterioration',
      );
      expect([noThreshold.status, noThreshold.evidence]).toEqual([
        'unknown',
        'BAM Use has no reliable-change threshold',
      ]);
    });
  });

  describe('red against the expected curve', () => {
    it('is unknown while the second score is in the baseline week (grey)', () => {
      const early = factor(trend(['2024-05-27', 12], ['2024-05-30', 13]), 'not-on-track');
      expect([early.status, early.evidence]).toEqual([
        'unknown',
        'no score yet a week or more after baseline',
      ]);
    });

    it('is not present when amber', () => {
      // Baseline 18 (moderately severe), 15 at week 8: improvement 3 < 3.3 (half the 6.6 expected).
      const amber = factor(trend(['2024-04-01', 18], ['2024-05-27', 15]), 'not-on-track');
      expect(amber.status).toBe('not-met');
      expect(amber.evidence).toContain('(amber below 3.3)');
    });
  });

  describe('safety signal in the last 14 days', () => {
    it('is present with a positive item, unknown with no screen', () => {
      const signal = factor(
        { scores: [phq('2024-04-01', 18), phq('2024-05-27', 6, 2)] },
        'safety-signal',
      );
      expect([signal.status, signal.evidence]).toEqual([
        'met',
        'PHQ-9 item 9 (thoughts of self-harm) scored 2 on 2024-05-27',
      ]);
      const unscreened = assessStepUpRisk(
        snapshot({ scores: [phq('2024-04-01', 18, null), phq('2024-05-27', 6, null)] }),
      );
      expect(unscreened.verdict).toBe('unknown');
      expect(unscreened.atRisk).toBeFalse();
      expect(unscreened.summary).toBe(
        'No risk factor found, but could not check: Safety signal in the last 14 days ' +
          '(no safety screen (PHQ-9 item 9 or C-SSRS) in the last 14 days)',
      );
    });
  });

  describe('attendance below 60 % over 14 days', () => {
    it('is present below 60 %, not at exactly 60 %', () => {
      expect(factor({ sessions: dropping }, 'low-attendance')).toEqual(
        jasmine.objectContaining({ status: 'met', evidence: '1 of 8 sessions (13%)' }),
      );
      // From 22 May: 22, 23, 27, 28, 29 attended or missed as below, 30 May cancelled: 3 of 5.
      const sixty = sessions(
        (d) =>
          d === '2024-05-30'
            ? 'cancelled'
            : d === '2024-05-22' || d === '2024-05-23'
              ? 'missed'
              : 'attended',
        '2024-05-22',
      );
      expect(factor({ sessions: sixty }, 'low-attendance')).toEqual(
        jasmine.objectContaining({ status: 'not-met', evidence: '3 of 5 sessions (60%)' }),
      );
      expect(factor({ sessions: [] }, 'low-attendance').status).toBe('unknown');
    });
  });

  describe('hours below the level minimum two weeks running', () => {
    it('is present after two complete weeks under 9 h in IOP', () => {
      const hours = factor({ sessions: dropping }, 'hours-below-minimum');
      expect(hours.status).toBe('met');
      expect(hours.evidence).toBe('2 week(s) running below 9 h; last weeks: 12 h, 0 h, 3 h');
      const one = sessions((d) => (d >= '2024-05-20' && d <= '2024-05-26' ? 'missed' : 'attended'));
      expect(factor({ sessions: one }, 'hours-below-minimum').evidence).toBe(
        '1 week(s) running below 9 h; last weeks: 12 h, 12 h, 0 h',
      );
    });

    it('does not count weeks in a planned taper or after a step-down was planned', () => {
      const taper = factor({ sessions: dropping, taperFrom: '2024-05-13' }, 'hours-below-minimum');
      expect([taper.status, taper.evidence]).toEqual([
        'not-met',
        '0 week(s) running below 9 h; last weeks: 12 h, 0 h (taper), 3 h (taper)',
      ]);
      const episode = {
        ...snapshot().episode,
        plannedTransition: { targetLevel: 'outpatient' as const, plannedDate: '2024-06-07' },
      };
      expect(factor({ sessions: dropping, episode }, 'hours-below-minimum').status).toBe('not-met');
    });

    it('has no rule without a weekly minimum, and cannot tell without a complete week or a start', () => {
      const aftercare = factor(
        { episode: { ...snapshot().episode, level: 'aftercare' } },
        'hours-below-minimum',
      );
      expect([aftercare.status, aftercare.evidence]).toEqual([
        'not-met',
        'no weekly minimum at this level',
      ]);
      const fresh = factor(
        { episode: { ...snapshot().episode, start: '2024-05-28' } },
        'hours-below-minimum',
      );
      expect([fresh.status, fresh.evidence]).toEqual([
        'unknown',
        'no complete week at this level yet',
      ]);
      const noStart = assessStepUpRisk(
        snapshot({ episode: { ...snapshot().episode, start: 'soon' } }),
      );
      expect(noStart.criteria.map((c) => c.status)).toEqual([
        'unknown',
        'unknown',
        'not-met',
        'not-met',
        'unknown',
      ]);
      expect(noStart.criteria[4].evidence).toBe('episode start "soon" is not a usable day');
    });
  });
});
