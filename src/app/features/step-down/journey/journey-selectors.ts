import { createSelector } from '@ngrx/store';
import { CalendarDay } from '../../../domain/models';
import { queriesFeature } from '../../../store/queries-feature';
import { clientQueryKey } from '../../../store/query-key';
import { selectQueryParams } from '../../../store/router-selectors';
import { selectClientProgress } from '../../client-progress/client-progress-selectors';
import { journeyPatientFromParams } from './journey-param';
import { JourneyTimelineView, journeyTimeline } from './journey-timeline-view';

export const selectJourneyPatientId = createSelector(selectQueryParams, (params) =>
  journeyPatientFromParams(params ?? {}),
);

export type JourneySectionState =
  | { readonly status: 'ready'; readonly view: JourneyTimelineView }
  | { readonly status: 'loading' | 'failed' | 'not-loaded' };

const sections = new Map<string, ReturnType<typeof sectionSelector>>();
const SECTIONS_KEPT = 8;

/**
 * The journey section for one client as of one day: one memoised selector per client and day,
 * shared by every caller, the few most recent kept (going back to a card reuses its journey).
 *
 * Nothing is drawn until a load that covers the client has succeeded (the caseload, which every
 * card on the board comes from, or the client's own load from a visit to their progress page),
 * so a half-loaded record never shows as a whole journey. The section starts no load of its
 * own: a client who is not on the board is one click away on their progress page, which loads
 * them.
 */
export function selectJourneySection(patientId: string, today: CalendarDay) {
  const key = `${patientId}|${today}`;
  let selector = sections.get(key);
  if (!selector) {
    if (sections.size >= SECTIONS_KEPT) sections.delete(sections.keys().next().value!);
    sections.set(key, (selector = sectionSelector(patientId, today)));
  }
  return selector;
}

function sectionSelector(patientId: string, today: CalendarDay) {
  return createSelector(
    selectClientProgress(patientId, today),
    queriesFeature.selectQuery('caseload'),
    queriesFeature.selectQuery(clientQueryKey(patientId)),
    (progress, caseload, own): JourneySectionState => {
      const covered =
        own.status === 'loaded' ||
        own.loadedAt !== undefined ||
        !!caseload.patientIds?.includes(patientId);
      if (covered && progress) return { status: 'ready', view: journeyTimeline(progress) };
      if (caseload.status === 'idle' || caseload.status === 'loading' || own.status === 'loading')
        return { status: 'loading' };
      if (caseload.status === 'failed') return { status: 'failed' };
      return { status: 'not-loaded' };
    },
  );
}
