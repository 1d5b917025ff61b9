import type { Actor, WriteAction } from '../fhir/access';

/**
 * What a staff role may do regardless of the scopes its token carries. Scopes say what the app
 * asked for and the user agreed to; these rules say what the role is allowed at all. Both must
 * hold. Which patients are reachable is a separate matter (patientScope, enforced by the FHIR
 * layer for reads and writes alike).
 */
type Role = Actor['role'];

/** The staff directory comes from the provider's HR data, not from clinicians' edits. */
const DIRECTORY_TYPES = new Set(['Organization', 'Practitioner', 'PractitionerRole']);

export function roleMayRead(role: Role, resourceType: string): boolean {
  // The access log says who looked at which client: an oversight record for the director only.
  if (resourceType === 'AuditEvent') return role === 'director' || role === 'system';
  return true;
}

export function roleMayWrite(role: Role, resourceType: string, _action: WriteAction): boolean {
  // The server writes AuditEvents itself; an audit trail its subjects can edit is worthless.
  if (resourceType === 'AuditEvent') return false;
  // The directory and the program's expected recovery curves (Library) are program-level
  // resources: the director maintains them.
  if (DIRECTORY_TYPES.has(resourceType) || resourceType === 'Library')
    return role === 'director' || role === 'system';
  // Clinical data is written by the care team. A director's reach is organisation-wide for
  // reading, and the contract has one patientScope for reads and writes, so a director writes no
  // clinical data (directors are not on care teams in the demo data).
  return role === 'therapist' || role === 'psychiatrist' || role === 'system';
}
