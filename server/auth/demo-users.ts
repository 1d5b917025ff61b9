import { PROVIDER, STAFF } from '../seed/roster';

export interface DemoUser {
  readonly practitionerId: string;
  readonly name: string;
  readonly role: 'therapist' | 'psychiatrist' | 'director';
  readonly organizationId: string;
}

/**
 * The demo server's users are the generated staff: every therapist, psychiatrist and the
 * program director, so each signs in to a caseload that exists in the data.
 */
export const DEMO_USERS: readonly DemoUser[] = STAFF.map((s) => ({
  practitionerId: s.id,
  name: `${s.given} ${s.family}`,
  role: s.role,
  organizationId: s.organizationId,
}));

export const PROVIDER_ORGANIZATION = PROVIDER.id;

export function demoUser(practitionerId: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.practitionerId === practitionerId);
}
