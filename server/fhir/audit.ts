import { Resource, ResourceStore } from '../db/resource-store';
import { AccessContext } from './access';

/**
 * One AuditEvent per read or search that returned patient data: who, what (the patients, by
 * reference only), when, and the request id. No resource content is copied into it.
 */
export function auditAccess(
  store: ResourceStore,
  access: AccessContext,
  details: {
    requestId: string;
    subtype: 'read' | 'vread' | 'search-type';
    query: string;
    patientIds: readonly string[];
  },
): void {
  if (details.patientIds.length === 0) return;
  const event: Resource = {
    resourceType: 'AuditEvent',
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: details.subtype }],
    action: 'R',
    recorded: new Date().toISOString(),
    outcome: '0',
    agent: [
      {
        requestor: true,
        who: access.actor
          ? { reference: access.actor.reference, display: access.actor.display }
          : { display: 'anonymous (open mode)' },
      },
    ],
    source: { observer: { display: 'Waypoint development FHIR server' } },
    entity: [
      ...[...new Set(details.patientIds)].map((id) => ({ what: { reference: `Patient/${id}` } })),
      {
        what: { identifier: { system: 'urn:waypoint:request-id', value: details.requestId } },
        description: details.query.slice(0, 500),
      },
    ],
  };
  store.create(event);
}
