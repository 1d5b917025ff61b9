import { Episode } from '../../../domain/models';
import { Journey, buildJourney } from '../../../domain/journeys/journey';
import { DatedScore } from '../../../domain/progress/measure-series';
import { IDLE_QUERY } from '../../../store/queries-feature';
import { validateAppConfig } from '../../../core/config/config-validation';
import { selectExpectedWeeks, selectFlowsSection } from './flows-selectors';

const TODAY = '2026-11-28';

function journey(
  patientId: string,
  stays: [Episode['level'], string, string?, Episode['endReason']?][],
): Journey {
  return buildJourney(
    stays.map(([level, start, end, endReason], i) => ({
      id: `${patientId}-${i}`,
      patientId,
      level,
      status: end ? 'finished' : 'active',
      start,
      ...(end ? { end } : {}),
      ...(endReason ? { endReason } : {}),
      programId: 'adult-iop',
    })),
    'America/Chicago',
    TODAY,
  );
}

function phq(patientId: string, day: string, total: number): DatedScore {
  return {
    record: { id: `${patientId}-${day}`, patientId, instrumentId: 'phq-9', date: day, total },
    day,
    total,
  };
}

describe('selectFlowsSection', () => {
  const journeys = [
    journey('a', [
      ['php', '2026-03-02', '2026-03-15', 'stepped-down'],
      ['iop', '2026-03-16', '2026-05-10', 'completed'],
    ]),
    journey('b', [
      ['php', '2026-03-09', '2026-03-29', 'stepped-down'],
      ['iop', '2026-03-30', '2026-04-18', 'stepped-up'],
      ['php', '2026-04-19'],
    ]),
    journey('c', [['iop', '2026-09-01']]), // admitted after the cohort's period
  ];
  const scores = new Map([
    ['a', [phq('a', '2026-03-12', 8)]],
    ['b', [phq('b', '2026-03-27', 15)]],
  ]);
  const organizations = {
    'adult-iop': { id: 'adult-iop', name: 'Adult IOP', kind: 'program' as const, active: true },
  };
  const query = {
    ...IDLE_QUERY,
    status: 'loaded' as const,
    mapping: {
      rejected: 1,
      warnings: 0,
      examples: [],
      rejectedEpisodes: [
        { id: 'eoc-9', reason: 'level-of-care code "IOP-X" is not in the code map' },
      ],
    },
  };
  const cohort = { from: '2026-03-01', to: '2026-05-31', programId: 'adult-iop' };
  const view = selectFlowsSection(cohort, TODAY).projector(
    journeys,
    scores,
    organizations,
    query,
    {},
  );

  it('labels the cohort and sums it up in a sentence', () => {
    expect(view.cohortLabel).toBe('1 Mar 2026 – 31 May 2026 · Adult IOP');
    expect(view.flow.summary).toBe(
      '2 clients admitted 1 Mar 2026 – 31 May 2026: 2 stepped down at least once, 1 stepped up or were readmitted, 1 completed treatment, 1 are still in care.',
    );
  });

  it('labels every move with its stays and kind', () => {
    expect(
      view.flow.links.map((l) => `${l.fromLabel} → ${l.toLabel}: ${l.kindLabel} ×${l.clients}`),
    ).toEqual([
      'Stay 1: PHP → Stay 2: IOP: Step-down ×2',
      'Stay 2: IOP → Completed: Exit ×1',
      'Stay 2: IOP → Stay 3: PHP: Step-up ×1',
      'Stay 3: PHP → Still in care: Exit ×1',
    ]);
  });

  it('gives time in level in days against the expected length in days', () => {
    const php = view.durations.find((d) => d.level === 'php')!;
    expect([php.label, php.n, php.ongoing, php.medianDays]).toEqual(['PHP', 2, 1, 17.5]);
    expect(php.expectedDays).toEqual({ min: 14, max: 28 });
  });

  it('holds finished PHP stays (14 and 21 days) against the default 2–4 weeks', () => {
    const php = view.durations.find((d) => d.level === 'php')!;
    expect([php.shorter, php.within, php.longer]).toEqual([0, 2, 0]);
  });

  it('uses the program’s expected length from config.json instead of the default', () => {
    const result = validateAppConfig({
      fhirBaseUrl: '/fhir',
      auth: 'open',
      programTimeZone: 'America/Chicago',
      clinicalThresholds: { expectedWeeks: { php: { min: 1, max: 2 } } },
    });
    expect(result.ok).toBeTrue();
    const config = result.ok ? result.config : null;
    const expectedWeeks = selectExpectedWeeks.projector(config);
    expect(expectedWeeks).toEqual({ php: { min: 1, max: 2 } });
    const configured = selectFlowsSection(cohort, TODAY)
      .projector(journeys, scores, organizations, query, expectedWeeks)
      .durations.find((d) => d.level === 'php')!;
    // 7–14 days: the 14-day stay is within (the bound counts), the 21-day one longer.
    expect(configured.expectedDays).toEqual({ min: 7, max: 14 });
    expect([configured.shorter, configured.within, configured.longer]).toEqual([0, 1, 1]);
    // IOP was not configured, so it keeps 8–12 weeks.
    const iop = selectFlowsSection(cohort, TODAY)
      .projector(journeys, scores, organizations, query, expectedWeeks)
      .durations.find((d) => d.level === 'iop')!;
    expect(iop.expectedDays).toEqual({ min: 56, max: 84 });
  });

  it('reads no configured lengths before the configuration is loaded', () => {
    expect(selectExpectedWeeks.projector(null)).toEqual({});
  });

  it('reports step-down success at 30 and 90 days, marking small groups', () => {
    expect(view.success.length).toBe(1);
    const row = view.success[0];
    expect(row.pairLabel).toBe('PHP → IOP');
    expect([row.at30.successes, row.at30.n]).toEqual([1, 2]);
    expect([row.at90.successes, row.at90.n]).toEqual([1, 2]);
    expect(row.smallGroup).toBeTrue();
  });

  it('compares the PHQ-9 at step-down for those who held and who stepped back up', () => {
    expect(view.scores.instrument).toBe('PHQ-9');
    expect([view.scores.held.label, view.scores.held.median]).toEqual(['Held 90 days', 8]);
    expect(view.scores.steppedBackUp.median).toBe(15);
  });

  it('lists episodes whose level could not be mapped', () => {
    expect(view.unmappedLevels).toEqual([
      { episodeId: 'eoc-9', codes: 'level-of-care code "IOP-X" is not in the code map' },
    ]);
  });
});
