import { createSelector } from '@ngrx/store';
import { configFeature } from '../../../core/config/config-feature';
import { instrumentById } from '../../../domain/instruments/instrument-catalogue';
import {
  FLOW_EXIT_LABELS,
  FlowLinkKind,
  cohortFlows,
  cohortJourneys,
} from '../../../domain/journeys/cohort-flows';
import { Journey, buildJourney } from '../../../domain/journeys/journey';
import { isReadmission } from '../../../domain/journeys/readmission';
import { scoresAtStepDown } from '../../../domain/journeys/step-down-scores';
import { stepDownEvents, stepDownSuccess } from '../../../domain/journeys/step-down-success';
import { timeInLevel } from '../../../domain/journeys/time-in-level';
import { levelDefinition } from '../../../domain/levels/level-of-care';
import { CalendarDay } from '../../../domain/models';
import { DatedScore, datedScores } from '../../../domain/progress/measure-series';
import { formatDay } from '../../../domain/progress/measure-summary';
import { MappedEpisode } from '../../../fhir-mapping';
import { episodesSlice, organizationsSlice, scoresSlice } from '../../../store/clinical-slices';
import { queriesFeature } from '../../../store/queries-feature';
import { CohortChoice, FlowsSectionView, ScoreAtStepDownView } from './flows-view-model';

const KIND_LABELS: Readonly<Record<FlowLinkKind, string>> = {
  'step-down': 'Step-down',
  'step-up': 'Step-up',
  readmission: 'Readmission',
  lateral: 'Moved within level',
  exit: 'Exit',
};

/** Fewer judged step-downs than this are shown and marked, not ranked. */
export const SMALL_GROUP = 10;

/** One memoised selector per day, shared by every caller (a new day rebuilds once). */
function perDay<S>(make: (today: CalendarDay) => S): (today: CalendarDay) => S {
  const made = new Map<CalendarDay, S>();
  return (today) => {
    let selector = made.get(today);
    if (!selector) {
      made.clear();
      made.set(today, (selector = make(today)));
    }
    return selector;
  };
}

/** Every client's journey through the levels, rebuilt only when episodes change. */
export const selectJourneys = perDay((today) =>
  createSelector(
    episodesSlice.selectAll,
    configFeature.selectProgramTimeZone,
    (episodes, timeZone): Journey[] => {
      const byPatient = new Map<string, MappedEpisode[]>();
      for (const e of episodes) {
        const list = byPatient.get(e.patientId) ?? [];
        list.push(e);
        byPatient.set(e.patientId, list);
      }
      return [...byPatient.values()].map((list) => buildJourney(list, timeZone, today));
    },
  ),
);

/** Each client's valid PHQ-9 scores, oldest first, for the score at each step-down. */
const selectPrimaryScores = perDay((today) =>
  createSelector(scoresSlice.selectAll, configFeature.selectProgramTimeZone, (scores, timeZone) => {
    const phq9 = instrumentById('phq-9')!;
    const byPatient = new Map<string, DatedScore[]>();
    for (const s of datedScores(phq9, scores, timeZone, today).scores) {
      const list = byPatient.get(s.record.patientId) ?? [];
      list.push(s);
      byPatient.set(s.record.patientId, list);
    }
    return byPatient;
  }),
);

function cohortSummary(cohort: readonly Journey[], choice: CohortChoice): string {
  const moved = (test: (j: Journey) => boolean) => cohort.filter(test).length;
  const down = moved((j) => j.transitions.some((t) => t.kind === 'step-down' && !isReadmission(t)));
  const up = moved((j) => j.transitions.some((t) => t.kind === 'step-up' || isReadmission(t)));
  const completed = moved((j) => j.stays.at(-1)?.endReason === 'completed');
  const inCare = moved((j) => !j.stays.at(-1)?.end);
  return (
    `${cohort.length} clients admitted ${formatDay(choice.from)} – ${formatDay(choice.to)}: ` +
    `${down} stepped down at least once, ${up} stepped up or were readmitted, ` +
    `${completed} completed treatment, ${inCare} are still in care.`
  );
}

function scoreView(
  fate: ScoreAtStepDownView['fate'],
  summary: Omit<ScoreAtStepDownView, 'fate' | 'label'>,
): ScoreAtStepDownView {
  return {
    fate,
    label: fate === 'held' ? 'Held 90 days' : 'Stepped back up within 90 days',
    ...summary,
  };
}

/** The program's expected lengths of stay (config.json), as the caseload's week labels use. */
export const selectExpectedWeeks = configFeature.selectExpectedWeeks;

const sections = new Map<string, ReturnType<typeof sectionSelector>>();
const SECTIONS_KEPT = 12;

/**
 * The whole "Flows and outcomes" section for one admission cohort as of one day: one memoised
 * selector per cohort, shared by every caller, the few most recent kept (moving between periods
 * and back reuses them).
 */
export function selectFlowsSection(choice: CohortChoice, today: CalendarDay) {
  const key = `${choice.from}|${choice.to}|${choice.programId ?? ''}|${today}`;
  let selector = sections.get(key);
  if (!selector) {
    if (sections.size >= SECTIONS_KEPT) sections.delete(sections.keys().next().value!);
    sections.set(key, (selector = sectionSelector(choice, today)));
  }
  return selector;
}

function sectionSelector(choice: CohortChoice, today: CalendarDay) {
  return createSelector(
    selectJourneys(today),
    selectPrimaryScores(today),
    organizationsSlice.selectEntities,
    queriesFeature.selectQuery('cohort'),
    selectExpectedWeeks,
    (journeys, scores, organizations, query, expectedWeeks): FlowsSectionView => {
      const cohort = cohortJourneys(journeys, choice);
      const flow = cohortFlows(cohort);
      const stayLabel = (key: string) => {
        const node = flow.nodes.find((n) => n.key === key);
        return node?.step ? `Stay ${node.step}: ${node.label}` : (node?.label ?? key);
      };
      const at = (days: number) => {
        const events = stepDownEvents(cohort, days, today);
        return { events, rows: stepDownSuccess(events, days) };
      };
      const d30 = at(30);
      const d90 = at(90);
      const phq9 = instrumentById('phq-9')!;
      const atStepDown = scoresAtStepDown(d90.events, (id) => scores.get(id) ?? [], phq9);
      const program = choice.programId ? organizations[choice.programId]?.name : undefined;
      return {
        cohort: choice,
        cohortLabel: `${formatDay(choice.from)} – ${formatDay(choice.to)}${program ? ` · ${program}` : ''}`,
        flow: {
          clients: flow.clients,
          nodes: flow.nodes.map((n) => ({
            ...n,
            longLabel: n.step ? `Stay ${n.step}: ${n.label}` : FLOW_EXIT_LABELS[n.exit!],
          })),
          links: flow.links.map((l) => ({
            ...l,
            fromLabel: stayLabel(l.from),
            toLabel: stayLabel(l.to),
            kindLabel: KIND_LABELS[l.kind],
          })),
          truncated: flow.truncated,
          summary: cohortSummary(cohort, choice),
        },
        durations: timeInLevel(cohort, expectedWeeks).map((d) => ({
          level: d.level,
          label: levelDefinition(d.level).shortLabel,
          n: d.n,
          ongoing: d.ongoing,
          ...(d.medianDays !== undefined
            ? { medianDays: d.medianDays, q1Days: d.q1Days!, q3Days: d.q3Days! }
            : {}),
          ...(d.minDays !== undefined ? { minDays: d.minDays, maxDays: d.maxDays! } : {}),
          ...(d.expectedWeeks
            ? { expectedDays: { min: d.expectedWeeks.min * 7, max: d.expectedWeeks.max * 7 } }
            : {}),
          shorter: d.shorter,
          within: d.within,
          longer: d.longer,
        })),
        success: d30.rows.map((row) => {
          const later = d90.rows.find((r) => r.from === row.from && r.to === row.to)!;
          return {
            from: row.from,
            to: row.to,
            pairLabel: `${levelDefinition(row.from).shortLabel} → ${levelDefinition(row.to).shortLabel}`,
            at30: { ...row.held, tooEarly: row.tooEarly },
            at90: { ...later.held, tooEarly: later.tooEarly },
            smallGroup: row.held.n < SMALL_GROUP,
          };
        }),
        scores: {
          instrument: phq9.shortName,
          held: scoreView('held', atStepDown.held),
          steppedBackUp: scoreView('stepped-back-up', atStepDown['stepped-back-up']),
        },
        unmappedLevels: (query.mapping?.rejectedEpisodes ?? []).map((r) => ({
          episodeId: r.id,
          codes: r.reason,
        })),
        issues: cohort.reduce((n, j) => n + j.issues.length, 0),
      };
    },
  );
}
