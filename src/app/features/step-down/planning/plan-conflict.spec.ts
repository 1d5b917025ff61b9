import { EXTENSIONS } from '../../../domain/fhir-codes';
import { EpisodeOfCare, MappedEpisode } from '../../../fhir-mapping';
import { PlanConflict, describeConflict, episodeChanges, episodeConflict } from './plan-conflict';

const LEVEL = 'https://waypoint.example.org/fhir/CodeSystem/level-of-care';

const seen: MappedEpisode = {
  id: 'e1',
  patientId: 'p1',
  level: 'iop',
  status: 'active',
  start: '2026-10-05',
  versionId: '3',
  plannedTransition: {
    targetLevel: 'outpatient',
    plannedDate: '2026-12-12',
    reason: 'Goals met',
    recordedBy: { practitionerId: 'pr-therapist-1', display: 'Avery Lanternfield' },
    recordedAt: '2026-11-20T10:00:00Z',
  },
};

function resource(extra: Record<string, unknown> = {}, parts?: object[]): EpisodeOfCare {
  return {
    resourceType: 'EpisodeOfCare',
    id: 'e1',
    meta: { versionId: '4', lastUpdated: '2026-11-29T15:42:07Z' },
    status: 'active',
    type: [{ coding: [{ system: LEVEL, code: 'iop' }] }],
    patient: { reference: 'Patient/p1' },
    period: { start: '2026-10-05' },
    ...(parts ? { extension: [{ url: EXTENSIONS.plannedTransition, extension: parts }] } : {}),
    ...extra,
  } as EpisodeOfCare;
}

const morganPlan = [
  { url: 'targetLevel', valueCoding: { system: LEVEL, code: 'aftercare' } },
  { url: 'plannedDate', valueDate: '2026-12-20' },
  { url: 'reason', valueString: 'Client prefers less intensive care' },
  { url: 'note', valueString: 'Discussed in team meeting' },
  {
    url: 'recordedBy',
    valueReference: { reference: 'Practitioner/pr-therapist-2', display: 'Morgan Quillstone' },
  },
  { url: 'recordedAt', valueDateTime: '2026-11-29T15:42:07Z' },
];

const conflict = (current: EpisodeOfCare | undefined, stage: 'opening' | 'saving' = 'saving') =>
  episodeConflict({ patientId: 'p1', episodeId: 'e1', stage, seen, current });

describe('plan conflict', () => {
  it('names who re-planned and when, and every difference in the plan', () => {
    const result = conflict(resource({}, morganPlan));
    expect(result).toEqual({
      patientId: 'p1',
      episodeId: 'e1',
      stage: 'saving',
      changedBy: 'Morgan Quillstone',
      changedAt: '2026-11-29T15:42:07Z',
      changes: [
        {
          what: 'Planned transition',
          before: 'Step-down to Outpatient on 12 Dec 2026',
          after: 'Step-down to Aftercare on 20 Dec 2026',
        },
        { what: 'Reason', before: 'Goals met', after: 'Client prefers less intensive care' },
        { what: 'Note', before: 'None', after: 'Discussed in team meeting' },
      ],
      current: jasmine.objectContaining({ versionId: '4' }) as unknown as MappedEpisode,
    });
    expect(describeConflict(result, 'America/Chicago')).toEqual({
      title: 'Someone else changed this episode',
      byline: 'Changed by Morgan Quillstone on 29 Nov 2026 at 09:42.',
      outcome: 'Your plan was not saved, and nothing was overwritten.',
    });
  });

  it('does not blame the author of an unchanged plan for another change: uses lastUpdated', () => {
    const sameParts = [
      { url: 'targetLevel', valueCoding: { system: LEVEL, code: 'outpatient' } },
      { url: 'plannedDate', valueDate: '2026-12-12' },
      { url: 'reason', valueString: 'Goals met' },
      {
        url: 'recordedBy',
        valueReference: { reference: 'Practitioner/pr-therapist-1', display: 'Avery Lanternfield' },
      },
      { url: 'recordedAt', valueDateTime: '2026-11-20T10:00:00Z' },
    ];
    const result = conflict(
      resource(
        { status: 'finished', period: { start: '2026-10-05', end: '2026-11-28' } },
        sameParts,
      ),
      'opening',
    );
    expect(result.changedBy).toBeUndefined();
    expect(result.changedAt).toBe('2026-11-29T15:42:07Z');
    expect(result.changes).toEqual([
      { what: 'Status', before: 'Active', after: 'Finished' },
      { what: 'End', before: 'None', after: '28 Nov 2026' },
    ]);
    expect(describeConflict(result, 'America/Chicago')).toEqual({
      title: 'Someone else changed this episode',
      byline: 'Changed on 29 Nov 2026 at 09:42; the server does not say by whom.',
      outcome: 'It changed after this page loaded it. Review the change before planning.',
    });
  });

  it('reports a removed plan, a level and start change, and partial dates as written', () => {
    const now: MappedEpisode = {
      ...seen,
      level: 'php',
      start: '2026-10',
      plannedTransition: undefined,
    };
    expect(episodeChanges(seen, now)).toEqual([
      {
        what: 'Planned transition',
        before: 'Step-down to Outpatient on 12 Dec 2026',
        after: 'None',
      },
      { what: 'Reason', before: 'Goals met', after: 'None' },
      { what: 'Level of care', before: 'Intensive outpatient', after: 'Partial hospitalization' },
      { what: 'Start', before: '5 Oct 2026', after: '2026-10' },
    ]);
  });

  it('says what it can when the episode cannot be read or mapped', () => {
    const unread = conflict(undefined);
    expect(unread).toEqual({ patientId: 'p1', episodeId: 'e1', stage: 'saving', changes: [] });
    expect(describeConflict(unread, 'America/Chicago').byline).toBe(
      'It was changed after you opened it.',
    );
    const unreadable = conflict(resource({ status: 'entered-in-error' }));
    expect(unreadable.current).toBeUndefined();
    expect(unreadable.changes).toEqual([
      { what: 'Episode', before: 'As you saw it', after: 'Can no longer be read as an episode' },
    ]);
    const noMeta = conflict(resource({ meta: { versionId: '4' } }));
    expect(noMeta.changedAt).toBeUndefined();
    expect(noMeta.changes.map((c) => c.what)).toEqual(['Planned transition', 'Reason']);
  });

  it('formats a date-only change time as a day and ignores an unreadable one', () => {
    const base: PlanConflict = { patientId: 'p1', episodeId: 'e1', stage: 'saving', changes: [] };
    expect(describeConflict({ ...base, changedAt: '2026-11-29' }, 'UTC').byline).toBe(
      'Changed on 29 Nov 2026; the server does not say by whom.',
    );
    expect(
      describeConflict({ ...base, changedAt: 'soon', changedBy: 'Morgan' }, 'UTC').byline,
    ).toBe('It was changed after you opened it.');
  });
});
