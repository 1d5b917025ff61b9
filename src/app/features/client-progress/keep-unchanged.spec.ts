import { keepUnchangedParts } from './keep-unchanged';
import { ClientProgressView } from './progress-view-model';
import { clientProgressView } from './client-progress-view';
import {
  PROGRESS_PATIENT,
  PROGRESS_TODAY,
  PROGRESS_TZ,
  progressRecords,
} from './client-progress-fixture';

function view(therapist?: string): ClientProgressView {
  return clientProgressView({
    patientId: 'p1',
    patient: PROGRESS_PATIENT,
    records: progressRecords(),
    staffName: () => therapist,
    programName: () => undefined,
    today: PROGRESS_TODAY,
    timeZone: PROGRESS_TZ,
  });
}

describe('keepUnchangedParts', () => {
  it('hands back the previous view when nothing changed by value', () => {
    const previous = view('Avery Lanternfield');
    expect(keepUnchangedParts(previous, view('Avery Lanternfield'))).toBe(previous);
  });

  it('keeps every unchanged part when the header changes, so only the header is new', () => {
    const previous = view();
    const next = view('Avery Lanternfield');
    const kept = keepUnchangedParts(previous, next);
    expect(kept).not.toBe(previous);
    expect(kept).toEqual(next);
    expect(kept.header).toBe(next.header);
    expect(kept.header.therapist).toBe('Avery Lanternfield');
    expect(kept.measures).toBe(previous.measures);
    expect(kept.events).toBe(previous.events);
    expect(kept.dose).toBe(previous.dose);
    expect(kept.phases).toBe(previous.phases);
    expect(kept.ranges).toBe(previous.ranges);
  });

  it('keeps the unchanged items of a list that changed', () => {
    const previous = view();
    const [first, ...rest] = previous.measures;
    const changedFirst = { ...first, summary: `${first.summary} (corrected)` };
    const next = { ...view(), measures: [changedFirst, ...rest.map((m) => ({ ...m }))] };
    const kept = keepUnchangedParts(previous, next);
    expect(kept.measures).not.toBe(previous.measures);
    expect(kept.measures[0]).toBe(changedFirst);
    kept.measures.slice(1).forEach((m, i) => expect(m).toBe(previous.measures[i + 1]));
  });

  it('starts afresh for another client, or with no previous view', () => {
    const previous = view();
    const other = { ...view(), patientId: 'p2' };
    expect(keepUnchangedParts(previous, other)).toBe(other);
    expect(keepUnchangedParts(undefined, previous)).toBe(previous);
  });
});
