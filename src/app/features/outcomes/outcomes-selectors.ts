import { createSelector } from '@ngrx/store';
import { DEFAULT_INSTRUMENTS, instrumentById } from '../../domain/instruments/instrument-catalogue';
import { levelDefinition } from '../../domain/levels/level-of-care';
import { CalendarDay } from '../../domain/models';
import { breakdownRows } from '../../domain/outcomes/breakdown';
import { outcomeByDose, modalityDoseResponse } from '../../domain/outcomes/dose-response';
import {
  GroupKey,
  byEntryRoute,
  byPresentingProblem,
  byProgram,
  byTherapist,
} from '../../domain/outcomes/outcome-groups';
import { byModalityMix } from '../../domain/outcomes/modality-mix';
import { inOutcomesScope, periodKpis } from '../../domain/outcomes/period-kpis';
import { Period, periodDays, periodPreset } from '../../domain/outcomes/period';
import { censusSeries, ratesByAdmissionMonth } from '../../domain/outcomes/trends';
import { formatDay } from '../../domain/progress/measure-summary';
import { outcomeSessionsFrom } from '../../store/outcomes-query';
import {
  conditionsSlice,
  organizationsSlice,
  patientsSlice,
  staffSlice,
} from '../../store/clinical-slices';
import { entryRouteLabel, modalityMixLabel, problemLabel } from '../../ui/clinical-labels';
import { DrillNames, drillDownView } from './drill-down/drill-down-view';
import { drillSpec } from './drill-keys';
import { doseView } from './dose/dose-view';
import { breakdownView } from './breakdowns/breakdown-view';
import { kpiTiles } from './kpis/kpi-tile-views';
import { selectOutcomeRows } from './outcomes-data';
import { OutcomesFilters, PERIOD_CHOICES } from './outcomes-filters';
import { censusTrendView, rateTrendsView } from './outcomes-trend-views';
import { BreakdownDimension, OutcomesPageView } from './outcomes-view-model';

const GROUP_KEYS: Readonly<Record<BreakdownDimension, GroupKey>> = {
  program: byProgram,
  therapist: byTherapist,
  problem: byPresentingProblem,
  'entry-route': byEntryRoute,
  'modality-mix': byModalityMix,
};

/** The period the filters choose, as of today. */
export function filtersPeriod(filters: OutcomesFilters, today: CalendarDay): Period {
  return filters.period === 'custom'
    ? { from: filters.from!, to: filters.to! }
    : periodPreset(filters.period, today);
}

function periodWords(filters: OutcomesFilters, period: Period): [string, string] {
  const span = `${formatDay(period.from)} – ${formatDay(period.to)}`;
  const choice = PERIOD_CHOICES.find((c) => c.id === filters.period);
  const days = periodDays(period);
  return [choice ? `${choice.label} (${span})` : span, `the ${days} days before`];
}

/** Names for the drill-down and the breakdown's groups, from the records loaded. */
const selectNames = createSelector(
  patientsSlice.selectEntities,
  organizationsSlice.selectEntities,
  staffSlice.selectEntities,
  conditionsSlice.selectAll,
  (patients, organizations, staff, conditions) => {
    const partTwoPatients = new Set(
      conditions
        .filter((c) => c.problem === 'substance-use' || c.securityLabels?.includes('ETH'))
        .map((c) => c.patientId),
    );
    const names: DrillNames = {
      patient: (id) => patients[id]?.name,
      program: (id) => (id ? (organizations[id]?.name ?? id) : 'No program'),
      therapist: (id) => (id ? (staff[id]?.name ?? id) : 'No therapist'),
      partTwo: (row) =>
        !!row.episode.presentingProblems?.includes('substance-use') ||
        !!patients[row.episode.patientId]?.securityLabels?.includes('ETH') ||
        partTwoPatients.has(row.episode.patientId),
    };
    return names;
  },
);

function groupLabeller(dimension: BreakdownDimension, names: DrillNames): (key: string) => string {
  switch (dimension) {
    case 'program':
      return names.program;
    case 'therapist':
      return names.therapist;
    case 'problem':
      return problemLabel;
    case 'entry-route':
      return entryRouteLabel;
    case 'modality-mix':
      return modalityMixLabel;
  }
}

const views = new Map<string, ReturnType<typeof viewSelector>>();
const VIEWS_KEPT = 8;

/**
 * The whole outcomes page for one set of filters as of one day: one memoised selector per
 * filter set (the few most recent kept, so going back and forth reuses them), all of it
 * computed here from the joined rows, none of it in templates.
 */
export function selectOutcomesView(filters: OutcomesFilters, today: CalendarDay) {
  const key = `${JSON.stringify(filters)}|${today}`;
  let selector = views.get(key);
  if (!selector) {
    if (views.size >= VIEWS_KEPT) views.delete(views.keys().next().value!);
    views.set(key, (selector = viewSelector(filters, today)));
  }
  return selector;
}

function viewSelector(filters: OutcomesFilters, today: CalendarDay) {
  const primary = instrumentById(filters.instrumentId) ?? instrumentById('phq-9')!;
  const period = filtersPeriod(filters, today);
  const [periodLabel, previousLabel] = periodWords(filters, period);
  const sessionsFrom = outcomeSessionsFrom(today);
  const scope = {
    period,
    ...(filters.programId ? { programId: filters.programId } : {}),
    ...(filters.therapistId ? { therapistId: filters.therapistId } : {}),
    levels: [filters.level],
  };
  return createSelector(
    selectOutcomeRows(primary.id, today),
    selectNames,
    (rows, names): OutcomesPageView => {
      const kpis = periodKpis(rows, scope, { primary, today });
      const byId = new Map(rows.map((r) => [r.episode.id, r]));
      const cohort = kpis.current.cohort.map((id) => byId.get(id)!);
      // Only episodes at a program, as the census tile counts: not outside inpatient stays.
      const scoped = rows.filter((row) => inOutcomesScope(row, scope));
      const atLevel = scoped.filter((r) => r.episode.level === filters.level);
      const weekly = periodDays(period) <= 182;
      const groups = breakdownRows(
        cohort,
        GROUP_KEYS[filters.breakdown],
        primary,
        undefined,
        cohort,
      );
      const groupLabel = groupLabeller(filters.breakdown, names);
      const dose = outcomeByDose(cohort, primary);
      const modalities = modalityDoseResponse(cohort, DEFAULT_INSTRUMENTS);
      const months = ratesByAdmissionMonth(atLevel, primary);
      const context = {
        kpis: kpis.current,
        level: filters.level,
        groups,
        groupLabel,
        dose,
        modalities,
        months,
        instrument: primary.shortName,
      };
      const spec = filters.drill ? drillSpec(filters.drill, context) : undefined;
      // Sessions are loaded from `sessionsFrom` on: an episode of either cohort that started
      // earlier has its attendance, hours and dose counted from then only.
      const startedEarlier = new Set<string>();
      for (const id of [...kpis.current.cohort, ...kpis.previous.cohort]) {
        const start = byId.get(id)?.start;
        if (start !== undefined && start < sessionsFrom) startedEarlier.add(id);
      }
      return {
        periodLabel,
        previousLabel,
        levelLabel: levelDefinition(filters.level).shortLabel,
        instrument: primary.shortName,
        tiles: kpiTiles(kpis, filters.level, primary.shortName, previousLabel),
        trends: rateTrendsView(months, primary.shortName),
        census: censusTrendView(
          censusSeries(scoped, period.from, period.to, weekly ? 'week' : 'month'),
        ),
        breakdown: breakdownView(filters.breakdown, groups, groupLabel, primary.shortName),
        dose: doseView(dose, modalities),
        drill: spec ? drillDownView(spec, byId, names) : undefined,
        cohortSize: cohort.length,
        unusableScores: cohort.reduce((n, r) => n + r.unusableScores, 0),
        partTwo: cohort.some(names.partTwo),
        sessionsFrom: formatDay(sessionsFrom),
        startedBeforeSessions: startedEarlier.size,
      };
    },
  );
}
