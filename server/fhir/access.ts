/**
 * The contract between the FHIR API (server/fhir) and whoever decides access (server/auth).
 * The FHIR layer never reads tokens itself: it asks an AccessResolver for an AccessContext on
 * every request and enforces what that context says.
 */

/** Who is asking, for AuditEvent.agent and for write provenance. */
export interface Actor {
  /** e.g. `Practitioner/pr-therapist-1`. */
  readonly reference: string;
  readonly display?: string;
  readonly role: 'therapist' | 'psychiatrist' | 'director' | 'system';
}

export type WriteAction = 'create' | 'update' | 'delete';

export interface AccessContext {
  /** Undefined in `--open` mode, where nobody signed in. */
  readonly actor?: Actor;
  /** The OAuth client the token was issued to, if any. */
  readonly clientId?: string;
  /** SMART v2 read/search scope check for a resource type (`user/Observation.rs`). */
  canRead(resourceType: string): boolean;
  /** SMART v2 create/update/delete scope check plus role rules. */
  canWrite(resourceType: string, action: WriteAction): boolean;
  /**
   * Patients whose compartment this actor may reach: `'all'` (open mode, or a director whose
   * organisation covers everyone) or a set of Patient ids (a therapist's care teams, a director's
   * organisation). Resources outside it are excluded from searches and are 404 on read.
   */
  readonly patientScope: 'all' | ReadonlySet<string>;
}

/** Why a request was refused before it reached the FHIR layer. */
export interface AccessRefusal {
  readonly status: 401 | 403;
  readonly message: string;
}

export interface RequestInfo {
  readonly authorization?: string;
  readonly requestId: string;
}

export type AccessResolver = (request: RequestInfo) => Promise<AccessContext | AccessRefusal>;

export function isRefusal(value: AccessContext | AccessRefusal): value is AccessRefusal {
  return 'status' in value;
}

/** `--open` mode: everything readable and writable, no actor. */
export const OPEN_ACCESS: AccessContext = {
  canRead: () => true,
  canWrite: () => true,
  patientScope: 'all',
};
