import { SYSTEMS } from '../../src/app/domain/fhir-codes';
import type { Resource, ResourceStore } from '../db/resource-store';
import { AccessContext } from './access';

export interface AuditDetails {
  readonly requestId: string;
  readonly subtype: 'read' | 'vread' | 'search-type';
  /** What was asked (`Observation?patient=…`), kept as R4's base64 `entity.query`. */
  readonly query: string;
  readonly patientIds: Iterable<string>;
}

/**
 * Records one AuditEvent for a read or search that returned patient data: who (the actor, or
 * "anonymous" in open mode, and the OAuth client), which patients (references only, never
 * content), when, and the request id. One record per request, however many resources it
 * returned; nothing is written when no patient's data was returned. The record is written at
 * the end of the event-loop turn with the turn's others (ResourceStore.createLater).
 */
export function recordAccess(
  store: ResourceStore,
  access: AccessContext,
  details: AuditDetails,
): void {
  const patients = [...new Set(details.patientIds)].sort();
  if (patients.length === 0) return;
  const event: Resource = {
    resourceType: 'AuditEvent',
    type: { system: SYSTEMS.auditEventType, code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: SYSTEMS.restfulInteraction, code: details.subtype }],
    // R for a read; E (execute) for a search, as IHE's Basic Audit Log Patterns record a query.
    action: details.subtype === 'search-type' ? 'E' : 'R',
    recorded: new Date().toISOString(),
    outcome: '0',
    agent: [
      {
        requestor: true,
        who: access.actor
          ? {
              reference: access.actor.reference,
              ...(access.actor.display ? { display: access.actor.display } : {}),
            }
          : { display: 'anonymous (open mode)' },
      },
      ...(access.clientId
        ? [{ requestor: false, who: { display: `OAuth client ${access.clientId}` } }]
        : []),
    ],
    source: { observer: { display: 'Waypoint development FHIR server' } },
    entity: [
      ...patients.map((id) => ({
        what: { reference: `Patient/${id}` },
        type: {
          system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
          code: '1',
          display: 'Person',
        },
        role: {
          system: 'http://terminology.hl7.org/CodeSystem/object-role',
          code: '1',
          display: 'Patient',
        },
      })),
      {
        what: { identifier: { system: 'urn:waypoint:request-id', value: details.requestId } },
        type: {
          system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
          code: '2',
          display: 'System Object',
        },
        query: Buffer.from(details.query.slice(0, 2000), 'utf8').toString('base64'),
      },
    ],
  };
  store.createLater(event);
}
