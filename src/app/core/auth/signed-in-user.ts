export type StaffRole = 'therapist' | 'psychiatrist' | 'director';

/** The member of staff using Waypoint; filled by the sign-in flow (SMART `fhirUser`). */
export interface SignedInUser {
  /** FHIR reference to the Practitioner, e.g. `Practitioner/123`. */
  readonly practitionerRef: string;
  readonly name: string;
  readonly role: StaffRole;
}

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  therapist: 'Therapist',
  psychiatrist: 'Psychiatrist',
  director: 'Program director',
};
