import { pseudonym } from '../../domain/outcomes/pseudonym';
import {
  FIXTURE_NAMES,
  OUTCOMES_TODAY as TODAY,
  outcomeFixtureRows as rows,
} from './outcomes-fixture';
import { DEFAULT_FILTERS, OutcomesFilters } from './outcomes-filters';
import { filtersPeriod, selectOutcomesView } from './outcomes-selectors';

function view(filters: Partial<OutcomesFilters> = {}) {
  return selectOutcomesView({ ...DEFAULT_FILTERS, ...filters }, TODAY).projector(
    rows(),
    FIXTURE_NAMES,
  );
}

describe('outcomes selectors', () => {
  it('says how many episodes of the figures started before the sessions loaded', () => {
    expect(view().startedBeforeSessions).toBe(0);
    // Sessions are loaded from 31 May 2024 (912 days before 29 November 2026).
    expect(view().sessionsFrom).toBe('31 May 2024');
    const early = rows().map((r) => ({ ...r, start: '2024-05-30' }));
    const v = selectOutcomesView(DEFAULT_FILTERS, TODAY).projector(early, FIXTURE_NAMES);
    // The three episodes of the cohort; none finished in the 90 days before.
    expect(v.startedBeforeSessions).toBe(3);
    const onTheDay = rows().map((r) => ({ ...r, start: '2024-05-31' }));
    expect(
      selectOutcomesView(DEFAULT_FILTERS, TODAY).projector(onTheDay, FIXTURE_NAMES)
        .startedBeforeSessions,
    ).toBe(0);
  });

  it('reads the period from the filters, as of today', () => {
    expect(filtersPeriod(DEFAULT_FILTERS, TODAY)).toEqual({ from: '2026-09-01', to: TODAY });
    expect(
      filtersPeriod(
        { ...DEFAULT_FILTERS, period: 'custom', from: '2026-01-01', to: '2026-03-31' },
        TODAY,
      ),
    ).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('gives each rate tile its value, Wilson interval, n and small-n mark', () => {
    const v = view();
    expect(v.cohortSize).toBe(3);
    const tile = (id: string) => v.tiles.find((t) => t.id === id)!;
    // 2 of 3: Wilson 95 % 20.8–93.9 %.
    expect(tile('completion')).toEqual(
      jasmine.objectContaining({
        value: '67 %',
        detail: '95 % CI 21–94 % · n = 3',
        small: true,
        episodes: 3,
      }),
    );
    expect(tile('response').value).toBe('67 %');
    // 1 of 3: Wilson 6.1–79.2 %.
    expect(tile('remission').detail).toBe('95 % CI 6–79 % · n = 3');
    expect(tile('reliableDeterioration').value).toBe('0 %');
    expect(tile('response').comparison?.text).toBe('none in the 90 days before');
    // e1: 1 of 2 sessions attended, the no-show linked to it by its day.
    expect(tile('attendance').detail).toBe('95 % CI 9–91 % · n = 2 sessions');
  });

  it('compares therapists against their case mix, not raw improvement', () => {
    const v = view({ breakdown: 'therapist' });
    const row = (key: string) => v.breakdown.rows.find((r) => r.key === key)!;
    // Severe starts improved 12 on average, moderately severe (5 + 12) / 2 = 8.5.
    // A: observed (12 + 5) / 2 = 8.5, expected (12 + 8.5) / 2 = 10.25 → −1.75.
    // B: observed 12, expected 8.5 → +3.5.
    expect(row('tA').meanImprovement).toBe(8.5);
    expect(row('tA').adjusted).toBeCloseTo(-1.75, 10);
    expect(row('tB').adjusted).toBeCloseTo(3.5, 10);
    expect(row('tA').label).toBe('Therapist A');
    expect(row('tA').small).toBeTrue();
    expect(row('tA').rates.response.text).toBe('50 % (9–91 %), n = 2');
  });

  it('lists the episodes behind a number under pseudonyms, counted ones marked', () => {
    const drill = view({ drill: 'response' }).drill!;
    expect(drill.title).toBe('Response (PHQ-9)');
    expect(drill.description).toBe(
      '3 episodes with a baseline and a later score in the denominator; 2 counted: responded.',
    );
    expect(drill.rows.map((r) => [r.pseudonym, r.outcome, r.scores])).toEqual([
      [pseudonym('p1'), 'Responded', '20 → 8'],
      [pseudonym('p2'), 'Did not respond', '15 → 10'],
      [pseudonym('p3'), 'Responded', '16 → 4'],
    ]);
    expect(drill.rows[0].name).toBe('Ash Example');
    expect(drill.partTwo).toBeTrue();
  });

  it('lists a breakdown cell’s episodes, and nothing for a key that names nothing', () => {
    const drill = view({ breakdown: 'therapist', drill: 'group:remission:tB' }).drill!;
    expect(drill.title).toBe('Remission: Therapist B');
    expect(drill.rows.map((r) => r.episodeId)).toEqual(['e3']);
    expect(drill.partTwo).toBeTrue();
    expect(view({ drill: 'group:remission:nobody' }).drill).toBeUndefined();
    expect(view({ drill: 'nonsense' }).drill).toBeUndefined();
    expect(view({ drill: 'constructor' }).drill).toBeUndefined();
    expect(view({ drill: 'group:toString:tA' }).drill).toBeUndefined();
    expect(view({ drill: 'completion' }).drill?.title).toBe('Completion (IOP)');
  });

  it('lists a month of admission’s episodes for a rate in the trends table', () => {
    const drill = view({ drill: 'month:response:2026-08' }).drill!;
    expect(drill.title).toBe('Response, admitted August 2026');
    expect(drill.rows.filter((r) => r.inNumerator).map((r) => r.episodeId)).toEqual(['e1', 'e3']);
    expect(view({ drill: 'month:response:2031-01' }).drill).toBeUndefined();
    expect(view({ drill: 'month:toString:2026-08' }).drill).toBeUndefined();
  });

  it('narrows to a therapist, and to nothing outside the period', () => {
    expect(view({ therapistId: 'tB' }).cohortSize).toBe(1);
    expect(view({ period: 'custom', from: '2025-01-01', to: '2025-03-31' }).cohortSize).toBe(0);
  });

  it('memoises one view per filter set and day', () => {
    const filters = { ...DEFAULT_FILTERS, breakdown: 'problem' as const };
    expect(selectOutcomesView(filters, TODAY)).toBe(selectOutcomesView({ ...filters }, TODAY));
    expect(selectOutcomesView(filters, TODAY)).not.toBe(selectOutcomesView(filters, '2026-11-30'));
  });
});
