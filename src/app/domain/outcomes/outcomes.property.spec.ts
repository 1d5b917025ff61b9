/**
 * Property-based tests of the director's outcomes over generated caseloads (episodes with absurd
 * and partial dates among real ones, out-of-range scores, sessions): nothing throws, every rate
 * stays in [0, 1] with its numerator inside its denominator, census series add up.
 */
import fc from 'fast-check';
import {
  PATIENT_IDS,
  domainCaseload,
  rateViolations,
  validDay,
} from '../../../testing/fhir/arbitraries';
import { instrumentById } from '../instruments/instrument-catalogue';
import { LEVELS } from '../levels/level-of-care';
import { breakdownRows } from './breakdown';
import { censusByLevel } from './census-flows';
import { outcomeByDose, modalityDoseResponse } from './dose-response';
import { byProgram, byTherapist } from './outcome-groups';
import { OutcomeEpisode, joinOutcomeEpisodes } from './outcome-episode';
import { periodKpis } from './period-kpis';
import { programOutcomes } from './program-outcomes';
import { censusSeries, ratesByAdmissionMonth } from './trends';
import { DEFAULT_INSTRUMENTS } from '../instruments/instrument-catalogue';

const PHQ9 = instrumentById('phq-9')!;
const GAD7 = instrumentById('gad-7')!;
const ZONES = ['UTC', 'Pacific/Honolulu', 'Pacific/Kiritimati', 'America/Denver'];

/** Joined rows of a generated caseload, as the outcomes page builds them. */
const joined = fc
  .record({
    caseload: domainCaseload(30),
    zone: fc.constantFrom(...ZONES),
    asOf: validDay,
  })
  .map(({ caseload, zone, asOf }) => ({
    rows: joinOutcomeEpisodes(
      caseload.episodes,
      caseload.scores,
      caseload.sessions,
      PHQ9,
      zone,
      asOf,
      GAD7,
      undefined,
      DEFAULT_INSTRUMENTS,
    ),
    asOf,
  }));

const period = fc
  .tuple(validDay, validDay)
  .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

function holds(violations: readonly string[]): void {
  if (violations.length) throw new Error(violations.slice(0, 10).join('\n'));
}

describe('outcomes (properties)', () => {
  it('joinOutcomeEpisodes keeps counts whole and measured weeks within treatment weeks', () => {
    fc.assert(
      fc.property(joined, ({ rows }) => {
        holds(
          rows.flatMap((r) =>
            r.weeksWithMeasure <= r.weeksInTreatment &&
            r.weeksWithMeasure >= 0 &&
            Number.isInteger(r.attended) &&
            Number.isInteger(r.missed) &&
            Number.isFinite(r.attendedHours)
              ? []
              : [`episode ${r.episode.id}: ${JSON.stringify(r).slice(0, 200)}`],
          ),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('programOutcomes: rates in [0, 1], numerators within denominators, categories add up', () => {
    fc.assert(
      fc.property(joined, ({ rows }) => {
        const outcomes = programOutcomes(rows, PHQ9, GAD7);
        const categories = Object.values(outcomes.categories).reduce((a, b) => a + b, 0);
        holds([
          ...rateViolations(outcomes),
          ...(categories === outcomes.measured ? [] : ['categories do not add up to measured']),
          ...(outcomes.active + outcomes.finished <= outcomes.episodes ? [] : ['statuses']),
          ...(outcomes.completion.n === outcomes.finished ? [] : ['completion denominator']),
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('periodKpis: rates in [0, 1], members consistent, counts match their episodes', () => {
    fc.assert(
      fc.property(
        joined,
        period,
        fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
        fc.subarray(LEVELS.map((l) => l.level)),
        ({ rows, asOf }, p, programId, levels) => {
          const kpis = periodKpis(
            rows,
            { period: p, ...(programId ? { programId } : {}), levels },
            { primary: PHQ9, anxiety: GAD7, today: asOf },
          );
          const violations = rateViolations(kpis);
          for (const set of [kpis.current, kpis.previous]) {
            for (const kpi of [set.census, set.admissions, set.discharges]) {
              const byLevel = Object.values(kpi.byLevel).reduce((a, b) => a + (b ?? 0), 0);
              if (kpi.total !== kpi.episodeIds.length || kpi.total !== byLevel)
                violations.push(`count ${kpi.total} ≠ ${kpi.episodeIds.length} ids / ${byLevel}`);
            }
          }
          holds(violations);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('censusSeries: each point is the census of its day, and totals are the sum of levels', () => {
    fc.assert(
      fc.property(
        joined,
        period,
        fc.constantFrom('week', 'month' as const),
        ({ rows }, p, step) => {
          const series = censusSeries(rows, p.from, p.to, step);
          const violations: string[] = [];
          series.forEach((point, i) => {
            const sum = Object.values(point.byLevel).reduce((a, b) => a + (b ?? 0), 0);
            if (point.total !== sum) violations.push(`${point.day}: total ${point.total} ≠ ${sum}`);
            const census = censusByLevel(rows, point.day);
            for (const { level } of LEVELS)
              if ((census[level] ?? 0) !== (point.byLevel[level] ?? 0))
                violations.push(
                  `${point.day} ${level}: ${point.byLevel[level]} ≠ ${census[level]}`,
                );
            if (i > 0 && series[i - 1].day >= point.day) violations.push('days out of order');
          });
          if (series.length && series[series.length - 1].day !== p.to) violations.push('last day');
          holds(violations);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('breakdowns, trends and dose-response never throw and keep every rate in [0, 1]', () => {
    fc.assert(
      fc.property(joined, ({ rows }) =>
        holds([
          ...rateViolations(breakdownRows(rows, byTherapist, PHQ9, GAD7, rows)),
          ...rateViolations(breakdownRows(rows, byProgram, PHQ9, undefined, rows)),
          ...rateViolations(ratesByAdmissionMonth(rows, PHQ9)),
          ...rateViolations(outcomeByDose(rows, PHQ9)),
          ...rateViolations(modalityDoseResponse(rows, DEFAULT_INSTRUMENTS)),
        ]),
      ),
      { numRuns: 60 },
    );
  });

  it('rows from elsewhere with impossible counts: nothing throws, impossible rates are reported', () => {
    const count = fc.oneof(fc.nat(50), fc.integer({ min: -5, max: -1 }), fc.constant(0.5));
    const row = fc
      .record({
        n: fc.nat(999),
        patientId: fc.constantFrom(...PATIENT_IDS),
        level: fc.constantFrom(...LEVELS.map((l) => l.level)),
        status: fc.constantFrom('active', 'finished', 'planned', 'cancelled' as const),
        start: fc.option(validDay, { nil: undefined }),
        end: fc.option(validDay, { nil: undefined }),
        attended: count,
        missed: count,
        weeks: count,
        measured: count,
        baseline: fc.option(fc.integer({ min: -3, max: 30 }), { nil: undefined }),
        final: fc.integer({ min: -3, max: 30 }),
      })
      .map((r): OutcomeEpisode => ({
        episode: {
          id: `ep-${r.n}`,
          patientId: r.patientId,
          level: r.level,
          status: r.status,
          start: r.start ?? 'unknown',
          programId: 'A',
        },
        ...(r.start ? { start: r.start } : {}),
        ...(r.end ? { end: r.end } : {}),
        ...(r.baseline === undefined ? {} : { primary: { baseline: r.baseline, final: r.final } }),
        attended: r.attended,
        missed: r.missed,
        attendedHours: r.attended,
        weeksInTreatment: r.weeks,
        weeksWithMeasure: r.measured,
        unusableScores: 0,
      }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), period, (rows, p) => {
        holds([
          ...rateViolations(programOutcomes(rows, PHQ9, GAD7)),
          ...rateViolations(periodKpis(rows, { period: p }, { primary: PHQ9, today: p.to })),
        ]);
      }),
      { numRuns: 60 },
    );
  });
});
