export type StaffRole = 'therapist' | 'psychiatrist' | 'director';

/** The member of staff using Waypoint; filled by the sign-in flow (SMART `fhirUser`). */
export interface SignedInUser {
  /** FHIR reference to the Practitioner, e.g. `Practitioner/123`. */
  readonly practitionerRef: string;
  readonly name: string;
  readonly role: StaffRole;
  /** Organisations (programs, or the provider for a director) of the user's active roles. */
  readonly organizationRefs: readonly string[];
}

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  therapist: 'Therapist',
  psychiatrist: 'Psychiatrist',
  director: 'Program director',
};
