import { EPISODE_END_REASONS } from '../../domain/fhir-codes';
import { Journey, Transition } from '../../domain/journeys/journey';
import { isReadmission } from '../../domain/journeys/readmission';
import { levelDefinition } from '../../domain/levels/level-of-care';
import { CalendarDay, Episode } from '../../domain/models';
import { JourneyView, PhaseView, TransitionMarker } from './progress-view-model';

const short = (level: Parameters<typeof levelDefinition>[0]) => levelDefinition(level).shortLabel;

/** "5 wk 2 d", "3 d". */
export function stayDuration(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  if (weeks === 0) return `${rest} d`;
  return rest === 0 ? `${weeks} wk` : `${weeks} wk ${rest} d`;
}

export function transitionMarker(t: Transition): TransitionMarker {
  const to = t.to ? short(t.to) : '';
  if (isReadmission(t)) return { day: t.day, kind: 'readmission', label: `Readmission to ${to}` };
  switch (t.kind) {
    case 'admission':
      return { day: t.day, kind: t.kind, label: `Admitted to ${to}` };
    case 'step-down':
      return { day: t.day, kind: t.kind, label: `Step-down to ${to}` };
    case 'step-up':
      return { day: t.day, kind: t.kind, label: `Step-up to ${to}` };
    case 'lateral':
      return { day: t.day, kind: t.kind, label: `Moved within ${to}` };
    case 'discharge':
      return { day: t.day, kind: t.kind, label: 'Discharged' };
  }
}

export function phasesOf(journey: Journey, today: CalendarDay): PhaseView[] {
  return journey.stays.map((stay) => ({
    episodeId: stay.episodeId,
    level: stay.level,
    label: short(stay.level),
    from: stay.start,
    to: stay.end ?? today,
    days: stay.days,
    ongoing: !stay.end,
  }));
}

export function plannedMarker(current: Episode | undefined): TransitionMarker | undefined {
  const planned = current?.plannedTransition;
  if (!current || !planned) return undefined;
  const direction =
    levelDefinition(planned.targetLevel).rank < levelDefinition(current.level).rank
      ? 'step-down'
      : 'step-up';
  return {
    day: planned.plannedDate,
    kind: 'planned',
    label: `Planned ${direction} to ${short(planned.targetLevel)}`,
  };
}

export function journeyView(
  journey: Journey,
  current: Episode | undefined,
  programName: (id: string | undefined) => string | undefined,
): JourneyView {
  const moves = journey.transitions.filter((t) => t.kind !== 'admission' && t.kind !== 'discharge');
  const readmittedAt = new Set(moves.filter(isReadmission).map((t) => t.day));
  const planned = plannedMarker(current);
  return {
    stays: journey.stays.map((stay, i) => {
      const program = programName(stay.programId);
      return {
        episodeId: stay.episodeId,
        level: stay.level,
        label: short(stay.level),
        levelName: levelDefinition(stay.level).label,
        from: stay.start,
        ...(stay.end ? { to: stay.end } : {}),
        days: stay.days,
        duration: stayDuration(stay.days),
        ...(stay.endReason ? { endReason: EPISODE_END_REASONS[stay.endReason] } : {}),
        ...(program ? { program } : {}),
        current: stay.episodeId === current?.id,
        readmission: i > 0 && readmittedAt.has(stay.start),
      };
    }),
    transitions: journey.transitions.map(transitionMarker),
    readmissions: readmittedAt.size,
    ...(planned && current?.plannedTransition
      ? {
          planned: {
            targetLevel: current.plannedTransition.targetLevel,
            label: planned.label,
            day: current.plannedTransition.plannedDate,
            ...(current.plannedTransition.reason
              ? { reason: current.plannedTransition.reason }
              : {}),
          },
        }
      : {}),
    issues: journey.issues.map((i) => `Episode ${i.episodeId}: ${i.message}`),
  };
}
