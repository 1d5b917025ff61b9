import { PlannedTransition } from '../../../domain/models';
import { MappedCarePlan } from '../../../fhir-mapping';
import { ClientSpec, TODAY, client } from '../../caseload/caseload-fixture';
import { caseloadRow } from '../../caseload/caseload-row';
import { TransitionCard, transitionCard } from './transition-board-view';

/** Test data for the board specs (not used by production code): "today" is 2026-11-27. */
export { TODAY };

export interface BoardClientSpec extends ClientSpec {
  /** Relapse-prevention and aftercare plans in place (readiness needs both). */
  readonly plans?: boolean;
  readonly planned?: PlannedTransition;
}

/** A client as the store holds them, with the plans and planned transition readiness reads. */
export function boardClient(spec: BoardClientSpec) {
  const c = client(spec);
  const episode = spec.planned ? { ...c.episode, plannedTransition: spec.planned } : c.episode;
  const carePlans: MappedCarePlan[] = spec.plans
    ? (['relapse-prevention', 'aftercare'] as const).map((kind) => ({
        id: `cp-${spec.id}-${kind}`,
        patientId: spec.id,
        kind,
        status: 'active',
        created: '2026-10-12',
      }))
    : [];
  return { ...c, episode, records: { ...c.records, episodes: [episode], carePlans } };
}

export function card(spec: BoardClientSpec): TransitionCard {
  const c = boardClient(spec);
  const context = { today: TODAY, timeZone: 'America/Chicago' };
  const row = caseloadRow(c.episode, c.patient, c.records, context);
  return transitionCard(row, c.episode, row.attention.readiness, row.attention.stepUpRisk, TODAY);
}

export const ASH: BoardClientSpec = {
  id: 'p1',
  name: 'Ash Fernhollow',
  phq: [14, 12, 10, 9, 8, 8, 7, 7],
  plans: true,
  planned: { targetLevel: 'outpatient', plannedDate: '2026-12-12', reason: 'Goals met' },
};
export const BRIAR: BoardClientSpec = {
  id: 'p2',
  name: 'Briar Quillfeather',
  phq: [12, 14, 16, 18, 19, 20, 21, 21],
  plans: true,
};
export const CEDAR: BoardClientSpec = {
  id: 'p3',
  name: 'Cedar Mossbank',
  phq: [16, 15, 13, 11, 10, 9, 9, 8],
  item9: 1,
  plans: true,
};
export const DUNE: BoardClientSpec = {
  id: 'p4',
  name: 'Dune Larkspur',
  phq: [18, 16, 14, 12, 11, 10, 9, 9],
};
export const ELM: BoardClientSpec = {
  id: 'p5',
  name: 'Elm Thistledown',
  level: 'php',
  start: '2026-11-16',
  phq: [22, 20],
  careManagerId: 't2',
  programId: 'young-adult',
  plans: true,
};
export const FERN: BoardClientSpec = {
  id: 'p6',
  name: 'Fern Alderbrook',
  phq: [8],
  plans: true,
};

/**
 * A small board: in IOP one ready with a planned step-down, two at risk (deterioration, a
 * safety signal), one missing plans and one with too few scores to tell; one client in PHP.
 */
export function boardCards(): TransitionCard[] {
  return [ASH, BRIAR, CEDAR, DUNE, ELM, FERN].map(card);
}
