import {
  CARE_PLAN_CATEGORIES,
  CARE_TEAM_CATEGORY,
  ENTRY_ROUTES,
  EPISODE_END_REASONS,
  EXTENSIONS,
  LEVEL_SYSTEMS,
  PROBLEM_ICD10,
  RECOVERY_CURVES_LIBRARY,
  SAFETY_FLAG,
  SECURITY_LABELS,
  SYSTEMS,
  modalityCodings,
  staffRoleCodings,
  waypointLevelCoding,
} from '../../src/app/domain/fhir-codes';
import { instrumentById } from '../../src/app/domain/instruments/instrument-catalogue';
import { DEFAULT_LEVEL_CODINGS } from '../../src/app/domain/levels/level-codings';
import { levelDefinition } from '../../src/app/domain/levels/level-of-care';
import { Episode, SessionRecord } from '../../src/app/domain/models';
import { RecoveryCurveSet, serializeCurves } from '../../src/app/domain/recovery/recovery-curves';
import type { Resource } from '../db/resource-store';
import { PROGRAMS, PROVIDER, STAFF } from './roster';
import { SimulatedClient } from './simulate-client';

const ref = (type: string, id: string, display?: string) => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});
const staffName = (id: string) => {
  const s = STAFF.find((x) => x.id === id)!;
  return `${s.given} ${s.family}`;
};

/** Organisations, practitioners and their roles: the provider's staff directory. */
export function directoryResources(): Resource[] {
  const orgs: Resource[] = [
    { resourceType: 'Organization', id: PROVIDER.id, active: true, name: PROVIDER.name },
    ...PROGRAMS.map((p) => ({
      resourceType: 'Organization',
      id: p.id,
      active: true,
      name: p.name,
      partOf: ref('Organization', PROVIDER.id),
    })),
  ];
  const people: Resource[] = STAFF.flatMap((s) => [
    {
      resourceType: 'Practitioner',
      id: s.id,
      active: true,
      name: [{ family: s.family, given: [s.given], text: `${s.given} ${s.family}` }],
    },
    {
      resourceType: 'PractitionerRole',
      id: `role-${s.id}`,
      active: true,
      practitioner: ref('Practitioner', s.id, `${s.given} ${s.family}`),
      organization: ref('Organization', s.organizationId),
      code: [{ coding: staffRoleCodings(s.role) }],
    },
  ]);
  return [...orgs, ...people];
}

function levelCodings(level: Episode['level']) {
  const asam = DEFAULT_LEVEL_CODINGS.find(
    (c) => c.system === LEVEL_SYSTEMS.asamBha && c.level === level,
  );
  return [
    { ...waypointLevelCoding(level), display: levelDefinition(level).label },
    ...(asam ? [{ system: asam.system, code: asam.code }] : []),
  ];
}

function episodeResource(
  client: SimulatedClient,
  episode: Episode,
  conditionIds: string[],
): Resource {
  const extension: unknown[] = [];
  if (episode.endReason) {
    extension.push({
      url: EXTENSIONS.episodeEndReason,
      valueCoding: {
        system: SYSTEMS.episodeEndReason,
        code: episode.endReason,
        display: EPISODE_END_REASONS[episode.endReason],
      },
    });
  }
  if (episode.entryRoute) {
    extension.push({
      url: EXTENSIONS.entryRoute,
      valueCoding: {
        system: SYSTEMS.entryRoute,
        code: episode.entryRoute,
        display: ENTRY_ROUTES[episode.entryRoute],
      },
    });
  }
  return {
    resourceType: 'EpisodeOfCare',
    id: episode.id,
    ...(extension.length ? { extension } : {}),
    status: episode.status,
    type: [{ coding: levelCodings(episode.level), text: levelDefinition(episode.level).label }],
    diagnosis: conditionIds.map((id, i) => ({ condition: ref('Condition', id), rank: i + 1 })),
    patient: ref('Patient', client.patient.id),
    ...(episode.programId ? { managingOrganization: ref('Organization', episode.programId) } : {}),
    period: { start: episode.start, ...(episode.end ? { end: episode.end } : {}) },
    ...(episode.careManagerId
      ? {
          careManager: ref('Practitioner', episode.careManagerId, staffName(episode.careManagerId)),
        }
      : {}),
  };
}

const APPOINTMENT_STATUS: Record<SessionRecord['status'], string> = {
  scheduled: 'booked',
  attended: 'fulfilled',
  missed: 'noshow',
  cancelled: 'cancelled',
};

function sessionResources(client: SimulatedClient, session: SessionRecord): Resource[] {
  const end = new Date(Date.parse(session.start) + session.minutes * 60_000).toISOString();
  const practitioner =
    session.modality === 'medication-management'
      ? (client.careTeam.find((id) => id.startsWith('pr-psychiatrist')) ?? client.therapistId)
      : client.therapistId;
  const codings = modalityCodings(session.modality);
  const appointment: Resource = {
    resourceType: 'Appointment',
    id: `appt-${session.id}`,
    status: APPOINTMENT_STATUS[session.status],
    serviceType: [{ coding: codings }],
    start: session.start,
    end,
    minutesDuration: session.minutes,
    participant: [
      { actor: ref('Patient', client.patient.id), status: 'accepted' },
      { actor: ref('Practitioner', practitioner, staffName(practitioner)), status: 'accepted' },
    ],
  };
  if (session.status !== 'attended') return [appointment];
  const encounter: Resource = {
    resourceType: 'Encounter',
    id: `enc-${session.id}`,
    status: 'finished',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: 'AMB',
      display: 'ambulatory',
    },
    type: [{ coding: codings }],
    serviceType: { coding: codings },
    subject: ref('Patient', client.patient.id),
    participant: [{ individual: ref('Practitioner', practitioner, staffName(practitioner)) }],
    appointment: [ref('Appointment', appointment.id!)],
    period: { start: session.start, end },
    length: { value: session.minutes, unit: 'min', system: SYSTEMS.ucum, code: 'min' },
    ...(session.episodeId ? { episodeOfCare: [ref('EpisodeOfCare', session.episodeId)] } : {}),
  };
  return [appointment, encounter];
}

function scoreResource(
  client: SimulatedClient,
  score: SimulatedClient['scores'][number],
): Resource {
  const instrument = instrumentById(score.instrumentId)!;
  const itemCodes = instrument.codes.items ?? {};
  const components = Object.entries(score.items ?? {})
    .filter(([item]) => itemCodes[item])
    .map(([item, value]) => ({
      code: { coding: [{ system: instrument.codes.system, code: itemCodes[item] }] },
      valueInteger: value,
    }));
  return {
    resourceType: 'Observation',
    id: `obs-${score.id}`,
    status: 'final',
    category: [
      { coding: [{ system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey' }] },
    ],
    code: {
      coding: [
        {
          system: instrument.codes.system,
          code: instrument.codes.total,
          display: `${instrument.shortName} total score`,
        },
      ],
      text: instrument.shortName,
    },
    subject: ref('Patient', client.patient.id),
    effectiveDateTime: score.date,
    valueInteger: score.total,
    ...(components.length ? { component: components } : {}),
  };
}

/** Every FHIR resource of one simulated client, in the profile of docs/fhir-profile.md. */
export function clientResources(client: SimulatedClient): Resource[] {
  const { patient } = client;
  const security = [
    SECURITY_LABELS.psychiatry,
    ...(client.problems.includes('substance-use') ? [SECURITY_LABELS.substanceUse] : []),
  ];
  const conditions: Resource[] = client.problems.map((problem, i) => ({
    resourceType: 'Condition',
    id: `cond-${patient.id}-${i + 1}`,
    meta: { security },
    clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: 'active' }] },
    category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'problem-list-item' }] }],
    code: { coding: [PROBLEM_ICD10[problem][0]] },
    subject: ref('Patient', patient.id),
    onsetDateTime: client.admission,
  }));
  const inCare = client.episodes.some((e) => e.status === 'active');
  return [
    {
      resourceType: 'Patient',
      id: patient.id,
      meta: { security },
      active: true,
      name: [{ use: 'official', family: patient.family, given: [patient.given] }],
      gender: patient.gender,
      birthDate: patient.birthDate,
      managingOrganization: ref('Organization', PROVIDER.id),
    },
    ...conditions,
    {
      resourceType: 'CareTeam',
      id: `ct-${patient.id}`,
      status: inCare ? 'active' : 'inactive',
      category: [{ coding: [CARE_TEAM_CATEGORY] }],
      subject: ref('Patient', patient.id),
      managingOrganization: [ref('Organization', client.programId)],
      participant: client.careTeam.map((id) => ({
        member: ref('Practitioner', id, staffName(id)),
      })),
    },
    ...client.episodes.map((e) =>
      episodeResource(
        client,
        e,
        conditions.map((c) => c.id!),
      ),
    ),
    ...client.sessions.flatMap((s) => sessionResources(client, s)),
    ...client.scores.map((s) => scoreResource(client, s)),
    ...client.flags.map((f): Resource => ({
      resourceType: 'Flag',
      id: `flag-${f.id}`,
      status: f.active ? 'active' : 'inactive',
      category: [{ coding: [SAFETY_FLAG.category] }],
      code: { coding: [SAFETY_FLAG.code], text: f.text },
      subject: ref('Patient', patient.id),
      period: { start: f.start, ...(f.end ? { end: f.end } : {}) },
    })),
    ...client.carePlans.map((p): Resource => ({
      resourceType: 'CarePlan',
      id: `careplan-${p.id}`,
      ...(p.nextReview
        ? { extension: [{ url: EXTENSIONS.nextReview, valueDate: p.nextReview }] }
        : {}),
      status: p.status,
      intent: 'plan',
      category: [{ coding: [CARE_PLAN_CATEGORIES[p.kind]] }],
      title: CARE_PLAN_CATEGORIES[p.kind].display,
      subject: ref('Patient', patient.id),
      created: p.created,
      period: { start: p.created },
      careTeam: [ref('CareTeam', `ct-${patient.id}`)],
    })),
  ];
}

/** Base64 of UTF-8 text (Library.content.data). */
function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function curvesLibrary(curves: RecoveryCurveSet): Resource {
  return {
    resourceType: 'Library',
    id: 'expected-recovery-curves',
    url: RECOVERY_CURVES_LIBRARY.url,
    name: RECOVERY_CURVES_LIBRARY.name,
    title: 'Expected recovery curves',
    status: 'active',
    type: { coding: [RECOVERY_CURVES_LIBRARY.type] },
    date: curves.generated || undefined,
    description:
      'Expected improvement by week and starting severity, computed from the program\u2019s completed episodes.',
    content: [
      { contentType: RECOVERY_CURVES_LIBRARY.contentType, data: base64(serializeCurves(curves)) },
    ],
  };
}
