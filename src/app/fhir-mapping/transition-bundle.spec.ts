import { EXTENSIONS } from '../domain/fhir-codes';
import { mapEpisodeOfCare } from './episode-mapper';
import { EpisodeOfCare } from './fhir-types';
import {
  TransitionBundleInput,
  buildTransitionBundle,
  isReusablePlannedEpisode,
  levelType,
  plannedEpisodeIdOf,
} from './transition-bundle';

const LEVEL = 'https://waypoint.example.org/fhir/CodeSystem/level-of-care';
const ASAM = 'http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs';
const UUID = '0d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const NOW = '2026-11-29T15:42:07.000Z';

/** An episode as an EHR might hold it: with elements Waypoint does not read, which must survive. */
const current = (extra: Partial<EpisodeOfCare> = {}): EpisodeOfCare =>
  ({
    resourceType: 'EpisodeOfCare',
    id: 'ep-1',
    meta: { versionId: '3', lastUpdated: '2026-11-20T09:00:00Z' },
    identifier: [{ system: 'urn:ehr:episode', value: 'EP-0001' }],
    extension: [
      {
        url: EXTENSIONS.entryRoute,
        valueCoding: {
          system: 'https://waypoint.example.org/fhir/CodeSystem/entry-route',
          code: 'php',
        },
      },
      { url: 'https://ehr.example.org/fhir/StructureDefinition/billing-hold', valueBoolean: false },
    ],
    status: 'active',
    type: [{ coding: [{ system: LEVEL, code: 'iop', display: 'Intensive outpatient' }] }],
    diagnosis: [{ condition: { reference: 'Condition/c1' }, rank: 1 }],
    patient: { reference: 'Patient/p1' },
    managingOrganization: { reference: 'Organization/org-adult-iop' },
    period: { start: '2026-10-05' },
    careManager: { reference: 'Practitioner/pr-therapist-1', display: 'Avery Lanternfield' },
    team: [{ reference: 'CareTeam/ct-1' }],
    ...extra,
  }) as EpisodeOfCare;

const input = (extra: Partial<TransitionBundleInput> = {}): TransitionBundleInput => ({
  current: current(),
  seenVersionId: '3',
  plan: {
    targetLevel: 'outpatient',
    plannedDate: '2026-12-12',
    reason: ' Treatment goals met ',
    note: 'Keep Thursday group until the step-down',
  },
  author: { practitionerRef: 'Practitioner/pr-therapist-1', name: 'Avery Lanternfield' },
  now: NOW,
  newEpisodeUuid: UUID,
  ...extra,
});

const plannedExtension = (plannedEpisode: string, note = true) => ({
  url: EXTENSIONS.plannedTransition,
  extension: [
    {
      url: 'targetLevel',
      valueCoding: { system: LEVEL, code: 'outpatient', display: 'Outpatient (weekly)' },
    },
    { url: 'plannedDate', valueDate: '2026-12-12' },
    { url: 'reason', valueString: 'Treatment goals met' },
    ...(note ? [{ url: 'note', valueString: 'Keep Thursday group until the step-down' }] : []),
    {
      url: 'recordedBy',
      valueReference: { reference: 'Practitioner/pr-therapist-1', display: 'Avery Lanternfield' },
    },
    { url: 'recordedAt', valueDateTime: NOW },
    { url: 'plannedEpisode', valueReference: { reference: plannedEpisode } },
  ],
});

describe('transition bundle', () => {
  it('writes the plan on the current episode (ifMatch = the version seen) and a new planned episode, as one transaction', () => {
    const original = current();
    expect(buildTransitionBundle(input())).toEqual({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: {
            ...original,
            extension: [...original.extension!, plannedExtension(`urn:uuid:${UUID}`)],
          } as EpisodeOfCare,
          request: { method: 'PUT', url: 'EpisodeOfCare/ep-1', ifMatch: 'W/"3"' },
        },
        {
          fullUrl: `urn:uuid:${UUID}`,
          resource: {
            resourceType: 'EpisodeOfCare',
            status: 'planned',
            type: [
              {
                coding: [
                  { system: LEVEL, code: 'outpatient', display: 'Outpatient (weekly)' },
                  { system: ASAM, code: '1' },
                ],
                text: 'Outpatient (weekly)',
              },
            ],
            diagnosis: [{ condition: { reference: 'Condition/c1' }, rank: 1 }],
            patient: { reference: 'Patient/p1' },
            managingOrganization: { reference: 'Organization/org-adult-iop' },
            period: { start: '2026-12-12' },
            careManager: {
              reference: 'Practitioner/pr-therapist-1',
              display: 'Avery Lanternfield',
            },
          },
          request: { method: 'POST', url: 'EpisodeOfCare' },
        },
      ],
    });
  });

  it('sends the version the user saw even when handed a resource read at another', () => {
    const bundle = buildTransitionBundle(input({ seenVersionId: '2' }));
    expect(bundle.entry[0].request.ifMatch).toBe('W/"2"');
  });

  it('leaves the input untouched (store state is frozen)', () => {
    const frozen = Object.freeze(current());
    const before = JSON.stringify(frozen);
    buildTransitionBundle(input({ current: frozen }));
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('replaces an earlier plan in place and changes its planned episode instead of making another', () => {
    const earlier = {
      url: EXTENSIONS.plannedTransition,
      extension: [
        { url: 'targetLevel', valueCoding: { system: LEVEL, code: 'aftercare' } },
        { url: 'plannedDate', valueDate: '2026-12-30' },
        { url: 'plannedEpisode', valueReference: { reference: 'EpisodeOfCare/ep-planned' } },
      ],
    };
    const withEarlier = current({
      extension: [earlier, { url: 'https://ehr.example.org/x', valueString: 'kept' }, earlier],
    });
    const planned = {
      resourceType: 'EpisodeOfCare',
      id: 'ep-planned',
      meta: { versionId: '1' },
      identifier: [{ system: 'urn:ehr:episode', value: 'EP-0002' }],
      status: 'planned',
      type: [levelType('aftercare')],
      patient: { reference: 'Patient/p1' },
      period: { start: '2026-12-30' },
    } as EpisodeOfCare;
    const bundle = buildTransitionBundle(
      input({
        current: withEarlier,
        plannedEpisode: planned,
        plan: { ...input().plan, note: ' ' },
      }),
    );
    expect(bundle.entry[0].resource.extension).toEqual([
      plannedExtension('EpisodeOfCare/ep-planned', false),
      { url: 'https://ehr.example.org/x', valueString: 'kept' },
    ]);
    expect(bundle.entry[1]).toEqual({
      resource: {
        ...planned,
        type: [levelType('outpatient')],
        period: { start: '2026-12-12' },
      } as EpisodeOfCare,
      request: { method: 'PUT', url: 'EpisodeOfCare/ep-planned', ifMatch: 'W/"1"' },
    });
  });

  it('makes a new planned episode when the earlier one started, was cancelled, or is not this client\u2019s', () => {
    const planned = {
      resourceType: 'EpisodeOfCare',
      id: 'ep-planned',
      meta: { versionId: '1' },
      status: 'planned',
      patient: { reference: 'Patient/p1' },
    } as EpisodeOfCare;
    const ep = current();
    expect(isReusablePlannedEpisode(ep, planned)).toBeTrue();
    expect(isReusablePlannedEpisode(ep, { ...planned, status: 'active' })).toBeFalse();
    expect(isReusablePlannedEpisode(ep, { ...planned, status: 'cancelled' })).toBeFalse();
    expect(
      isReusablePlannedEpisode(ep, { ...planned, patient: { reference: 'Patient/p2' } }),
    ).toBeFalse();
    expect(isReusablePlannedEpisode(ep, { ...planned, meta: {} })).toBeFalse();
    expect(isReusablePlannedEpisode(ep, { ...planned, id: undefined })).toBeFalse();
    expect(isReusablePlannedEpisode(ep, undefined)).toBeFalse();
    expect(
      isReusablePlannedEpisode(current({ patient: { display: 'no reference' } }), {
        ...planned,
        patient: { display: 'no reference' },
      }),
    ).toBeFalse();
    const bundle = buildTransitionBundle(
      input({ plannedEpisode: { ...planned, status: 'active' } }),
    );
    expect(bundle.entry[1].request).toEqual({ method: 'POST', url: 'EpisodeOfCare' });
  });

  it('copies only what the current episode has onto the new planned episode', () => {
    const bare = {
      resourceType: 'EpisodeOfCare',
      id: 'ep-1',
      meta: { versionId: '7' },
      status: 'active',
      patient: { reference: 'Patient/p1' },
      period: { start: '2026-10-05' },
    } as EpisodeOfCare;
    const bundle = buildTransitionBundle(
      input({ current: bare, seenVersionId: '7', plan: { ...input().plan, targetLevel: 'php' } }),
    );
    expect(bundle.entry[1].resource).toEqual({
      resourceType: 'EpisodeOfCare',
      status: 'planned',
      type: [
        {
          coding: [
            { system: LEVEL, code: 'php', display: 'Partial hospitalization' },
            { system: ASAM, code: '2.5' },
          ],
          text: 'Partial hospitalization',
        },
      ],
      patient: { reference: 'Patient/p1' },
      period: { start: '2026-12-12' },
    });
    expect(bundle.entry[0].resource.extension?.length).toBe(1);
  });

  it('codes aftercare with Waypoint\u2019s code alone (no ASAM level)', () => {
    expect(levelType('aftercare')).toEqual({
      coding: [{ system: LEVEL, code: 'aftercare', display: 'Aftercare' }],
      text: 'Aftercare',
    });
  });

  it('refuses an episode without an id', () => {
    expect(() =>
      buildTransitionBundle(input({ current: current({ id: undefined }) })),
    ).toThrowError('The current episode has no id.');
  });

  it('finds the planned episode a plan points at', () => {
    const built = buildTransitionBundle(
      input({
        plannedEpisode: {
          resourceType: 'EpisodeOfCare',
          id: 'ep-9',
          meta: { versionId: '2' },
          status: 'planned',
          patient: { reference: 'Patient/p1' },
        } as EpisodeOfCare,
      }),
    );
    expect(plannedEpisodeIdOf(built.entry[0].resource)).toBe('ep-9');
    expect(plannedEpisodeIdOf(current())).toBeUndefined();
    expect(
      plannedEpisodeIdOf(
        current({
          extension: [
            {
              url: EXTENSIONS.plannedTransition,
              extension: [{ url: 'plannedEpisode', valueReference: { reference: 'Patient/p1' } }],
            },
          ],
        }),
      ),
    ).toBeUndefined();
  });

  it('round-trips through the episode mapper: the plan, who recorded it and when', () => {
    const written = buildTransitionBundle(
      input({
        plannedEpisode: {
          resourceType: 'EpisodeOfCare',
          id: 'ep-9',
          meta: { versionId: '2' },
          status: 'planned',
          patient: { reference: 'Patient/p1' },
        } as EpisodeOfCare,
      }),
    ).entry[0].resource;
    expect(mapEpisodeOfCare(written).value?.plannedTransition).toEqual({
      targetLevel: 'outpatient',
      plannedDate: '2026-12-12',
      reason: 'Treatment goals met',
      note: 'Keep Thursday group until the step-down',
      recordedBy: { practitionerId: 'pr-therapist-1', display: 'Avery Lanternfield' },
      recordedAt: NOW,
      plannedEpisodeId: 'ep-9',
    });
  });
});
