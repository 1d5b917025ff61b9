import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { createLevelCodeMap } from '../domain/levels/level-code-map';
import { mapEpisodeOfCare, mapEpisodesOfCare } from './episode-mapper';
import { Condition, EpisodeOfCare, PractitionerRole } from './fhir-types';
import { MapResult } from './map-result';
import { indexResources } from './references';

const episode = (name: string) => corpusResource<EpisodeOfCare>(name);
const map = (name: string) => mapEpisodeOfCare(episode(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);
const withBatch = (...names: string[]) =>
  indexResources(
    corpusResources<Condition | PractitionerRole>(...names).map((resource) => ({ resource })),
  );

describe('EpisodeOfCare → Episode', () => {
  it('reads the profile episode: level, dates, care manager, program, extensions, problems, labels', () => {
    const result = mapEpisodeOfCare(episode('episode-waypoint-full'), {
      index: withBatch('condition-depression', 'condition-alcohol'),
    });
    expect(result.value).toEqual({
      id: 'ep-full',
      patientId: 'pt-wren-halloway',
      level: 'iop',
      status: 'active',
      start: '2024-04-01',
      careManagerId: 'pr-lanternfield',
      programId: 'prog-evening-iop',
      entryRoute: 'residential',
      plannedTransition: {
        targetLevel: 'outpatient',
        plannedDate: '2024-06-24',
        reason: 'Goals met; taper agreed',
        note: 'Keep Thursday group until the step-down',
      },
      presentingProblems: ['depression', 'substance-use'],
      securityLabels: ['PSY', 'ETH'],
    });
    expect(reasons(result)).toEqual(['1 diagnosis condition not among the resources given']);
  });

  it('reads the end reason and end date of a finished episode', () => {
    expect(map('episode-waypoint-finished').value).toEqual(
      jasmine.objectContaining({
        level: 'php',
        status: 'finished',
        end: '2024-03-29',
        endReason: 'stepped-down',
      }),
    );
  });

  it('maps ASAM (Colorado BHA) and LOCUS codes through the level code map', () => {
    expect(map('episode-asam-bha').value?.level).toBe('iop');
    expect(map('episode-locus').value?.level).toBe('php');
  });

  it('reads a program\u2019s local level code only when configured, and never guesses a level', () => {
    expect(reasons(map('episode-local-level-code'))).toEqual([
      'unrecognised level-of-care code https://ehr.example.org/levels|IOP-EVE',
    ]);
    const { map: levelCodeMap } = createLevelCodeMap({
      entries: [{ system: 'https://ehr.example.org/levels', code: 'IOP-EVE', level: 'iop' }],
    });
    expect(
      mapEpisodeOfCare(episode('episode-local-level-code'), { levelCodeMap }).value?.level,
    ).toBe('iop');
    expect(reasons(map('episode-asam-early-intervention'))).toEqual([
      'unrecognised level-of-care code http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs|0.5',
    ]);
    expect(reasons(map('episodeofcare-hacc-bulk-synthea-derived'))).toEqual([
      'unrecognised level-of-care code http://terminology.hl7.org/CodeSystem/episodeofcare-type|hacc',
    ]);
    expect(reasons(map('episode-no-type'))).toEqual(['no level-of-care code']);
  });

  it('keeps a partial start date exactly', () => {
    expect(map('episode-partial-start').value?.start).toBe('2024-05');
  });

  it('reports a conditional patient reference as unresolved, without the identifier', () => {
    const result = map('episode-conditional-patient');
    expect(reasons(result)).toEqual([
      'patient is a conditional reference (Patient?identifier=…), which is not resolved',
    ]);
    expect(JSON.stringify(result)).not.toContain('synthea|');
  });

  it('ignores extensions with unknown codes or missing parts, with a warning each', () => {
    const result = map('episode-bad-extensions');
    expect(result.value?.endReason).toBeUndefined();
    expect(result.value?.plannedTransition).toBeUndefined();
    expect(reasons(result)).toEqual([
      'episode-end-reason extension has no known code (https://waypoint.example.org/fhir/CodeSystem/episode-end-reason|moved-away): ignored',
      'planned transition ignored: plannedDate is not a full date',
    ]);
  });

  it('follows a PractitionerRole care manager to its practitioner when the batch holds the role', () => {
    expect(
      mapEpisodeOfCare(episode('episode-role-care-manager'), {
        index: withBatch('role-waypoint-therapist'),
      }).value?.careManagerId,
    ).toBe('pr-lanternfield');
    const alone = map('episode-role-care-manager');
    expect(alone.value?.careManagerId).toBeUndefined();
    expect(reasons(alone)).toEqual([
      'careManager is a PractitionerRole reference, not Practitioner: no care manager',
    ]);
  });

  it('rejects what cannot be an episode', () => {
    expect(reasons(map('episode-entered-in-error'))).toEqual(['status entered-in-error: excluded']);
    expect(reasons(map('episode-no-start'))).toEqual(['no period.start']);
    const odd = { ...episode('episode-asam-bha'), status: 'paused' };
    expect(reasons(mapEpisodeOfCare(odd))).toEqual(['unknown status "paused"']);
    expect(reasons(mapEpisodeOfCare({ ...odd, status: undefined }))).toEqual(['no status']);
    expect(reasons(mapEpisodeOfCare({ ...odd, id: undefined }))).toEqual(['no id']);
    expect(reasons(mapEpisodeOfCare(null as unknown as EpisodeOfCare))).toEqual(['not a resource']);
  });

  it('warns about a bad end date, target level or program reference, and keeps the episode', () => {
    const messy: EpisodeOfCare = {
      ...episode('episode-asam-bha'),
      period: { start: '2024-04-01', end: 'soon' },
      managingOrganization: { reference: 'Organization?identifier=a|b' },
      extension: [
        {
          url: 'https://waypoint.example.org/fhir/StructureDefinition/planned-transition',
          extension: [
            { url: 'targetLevel', valueCoding: { system: 'x', code: 'y' } },
            { url: 'plannedDate', valueDate: '2024-06-01' },
          ],
        },
      ],
    };
    const result = mapEpisodeOfCare(messy);
    expect(result.value).toEqual(jasmine.objectContaining({ id: 'ep-asam', start: '2024-04-01' }));
    expect(result.value?.end).toBeUndefined();
    expect(reasons(result)).toEqual([
      'period.end: "soon" is not a FHIR date: ignored',
      'managingOrganization is a conditional reference (Organization?identifier=…), which is not resolved: no program',
      'planned transition ignored: targetLevel unrecognised level-of-care code x|y',
    ]);
  });

  describe('what a write needs: the version seen and who planned what', () => {
    const PLAN = 'https://waypoint.example.org/fhir/StructureDefinition/planned-transition';
    const LEVEL = 'https://waypoint.example.org/fhir/CodeSystem/level-of-care';
    const planned = (...parts: object[]): EpisodeOfCare => ({
      ...episode('episode-asam-bha'),
      meta: { versionId: '4', lastUpdated: '2026-11-29T15:42:07Z' },
      extension: [
        {
          url: PLAN,
          extension: [
            { url: 'targetLevel', valueCoding: { system: LEVEL, code: 'outpatient' } },
            { url: 'plannedDate', valueDate: '2026-12-12' },
            ...parts,
          ],
        },
      ],
    });

    it('carries meta.versionId, so a write can send the version the user saw as If-Match', () => {
      expect(mapEpisodeOfCare(planned()).value?.versionId).toBe('4');
      expect(map('episode-asam-bha').value).not.toEqual(
        jasmine.objectContaining({ versionId: jasmine.anything() }),
      );
    });

    it('leaves out a version that could not be sent back in an ETag', () => {
      for (const versionId of ['', 'W/"4"', 'a b', 'x'.repeat(65)])
        expect(
          mapEpisodeOfCare({ ...planned(), meta: { versionId } }).value?.versionId,
        ).toBeUndefined();
    });

    it('reads recordedBy, recordedAt and the planned episode of a plan', () => {
      const result = mapEpisodeOfCare(
        planned(
          { url: 'reason', valueString: 'Treatment goals met' },
          {
            url: 'recordedBy',
            valueReference: {
              reference: 'Practitioner/pr-therapist-1',
              display: 'Avery Lanternfield',
            },
          },
          { url: 'recordedAt', valueDateTime: '2026-11-29T15:42:07.000Z' },
          { url: 'plannedEpisode', valueReference: { reference: 'EpisodeOfCare/ep-next' } },
        ),
      );
      expect(result.value?.plannedTransition).toEqual({
        targetLevel: 'outpatient',
        plannedDate: '2026-12-12',
        reason: 'Treatment goals met',
        recordedBy: { practitionerId: 'pr-therapist-1', display: 'Avery Lanternfield' },
        recordedAt: '2026-11-29T15:42:07.000Z',
        plannedEpisodeId: 'ep-next',
      });
      expect(reasons(result)).toEqual([]);
    });

    it('keeps whichever half of recordedBy it can read, and ignores what is not a plan part', () => {
      const read = (...parts: object[]) =>
        mapEpisodeOfCare(planned(...parts)).value?.plannedTransition;
      expect(
        read({ url: 'recordedBy', valueReference: { display: 'Front desk' } })?.recordedBy,
      ).toEqual({
        display: 'Front desk',
      });
      expect(
        read({ url: 'recordedBy', valueReference: { reference: 'Practitioner/pr-2' } })?.recordedBy,
      ).toEqual({ practitionerId: 'pr-2' });
      expect(
        read({ url: 'recordedBy', valueReference: { reference: 'Patient/p1' } })?.recordedBy,
      ).toBeUndefined();
      expect(read({ url: 'recordedBy', valueString: 'Avery' })?.recordedBy).toBeUndefined();
      expect(
        read({ url: 'plannedEpisode', valueReference: { reference: 'Patient/p1' } })
          ?.plannedEpisodeId,
      ).toBeUndefined();
      expect(
        read({
          url: 'plannedEpisode',
          valueReference: { reference: 'urn:uuid:0d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
        })?.plannedEpisodeId,
      ).toBeUndefined();
    });

    it('ignores an unreadable recordedAt with a warning and keeps the plan', () => {
      const result = mapEpisodeOfCare(planned({ url: 'recordedAt', valueDateTime: 'yesterday' }));
      expect(result.value?.plannedTransition?.targetLevel).toBe('outpatient');
      expect(result.value?.plannedTransition?.recordedAt).toBeUndefined();
      expect(reasons(result)).toEqual([
        'planned transition recordedAt: "yesterday" is not a FHIR date: ignored',
      ]);
    });
  });

  it('maps a batch into items and rejected with reasons', () => {
    const batch = mapEpisodesOfCare(
      corpusResources<EpisodeOfCare>('episode-asam-bha', 'episodeofcare-hacc-bulk-synthea-derived'),
    );
    expect(batch.items.map((e) => e.id)).toEqual(['ep-asam']);
    expect(batch.rejected).toEqual([
      {
        item: { resourceType: 'EpisodeOfCare', id: '2d4c6e8a-1b3d-4f5a-9c7e-0a2b4c6d8e10' },
        reason:
          'unrecognised level-of-care code http://terminology.hl7.org/CodeSystem/episodeofcare-type|hacc',
      },
    ]);
  });
});
