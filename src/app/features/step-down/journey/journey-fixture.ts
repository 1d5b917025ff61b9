import { ClientRecords } from '../../caseload/caseload-row';
import {
  PROGRESS_PATIENT,
  PROGRESS_TODAY,
  PROGRESS_TZ,
  progressRecords,
} from '../../client-progress/client-progress-fixture';
import { clientProgressView } from '../../client-progress/client-progress-view';
import { JourneyTimelineView, journeyTimeline } from './journey-timeline-view';

/**
 * Test data for the journey specs (not used by production code): the progress page's client,
 * seen on 28 Nov 2026. PHP 1–14 Sep → IOP 15 Sep–12 Oct → step-up to PHP 13–26 Oct → IOP from
 * 27 Oct, with a step-down to outpatient planned for 10 Dec and weekly PHQ-9 from 22 down to 8.
 */
export { PROGRESS_TODAY as JOURNEY_TODAY };

export function progressOf(records: ClientRecords = progressRecords()) {
  return clientProgressView({
    patientId: 'p1',
    patient: PROGRESS_PATIENT,
    records,
    staffName: () => undefined,
    programName: () => undefined,
    today: PROGRESS_TODAY,
    timeZone: PROGRESS_TZ,
  });
}

export function timelineOf(records?: ClientRecords): JourneyTimelineView {
  return journeyTimeline(progressOf(records));
}

/** Discharged after PHP, readmitted to IOP six weeks later, discharged again on 20 Nov. */
export function readmittedRecords(): ClientRecords {
  const records = progressRecords();
  return {
    ...records,
    episodes: [
      { ...records.episodes[0], endReason: 'completed' },
      {
        ...records.episodes[3],
        status: 'finished',
        end: '2026-11-20',
        endReason: 'completed',
      },
    ],
  };
}
