import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { StaffRoleCode } from '../../domain/fhir-codes';
import {
  Practitioner,
  PractitionerRole,
  StaffRole,
  mapPractitioner,
  mapPractitionerRoles,
} from '../../fhir-mapping';
import { FhirClient } from '../fhir/fhir-client';
import { SignedInUser } from './signed-in-user';
import { SignInError } from './smart-session';

/** Which role wins when a practitioner holds several: the widest view first. */
const ROLE_PRECEDENCE: readonly StaffRoleCode[] = ['director', 'psychiatrist', 'therapist'];

/**
 * Who the signed-in practitioner is: the name from their Practitioner resource and the role
 * from their PractitionerRoles (SMART's `fhirUser` names the person, not the role). Loaded
 * lazily by `SmartAuth`, so the FHIR client and mappers stay out of the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class StaffIdentity {
  private readonly fhir = inject(FhirClient);

  async load(practitionerRef: string): Promise<SignedInUser> {
    const id = practitionerRef.replace(/^Practitioner\//, '');
    const [practitioner, roles] = await Promise.all([
      firstValueFrom(this.fhir.read('Practitioner', id)),
      firstValueFrom(this.fhir.search('PractitionerRole', { practitioner: practitionerRef })),
    ]);
    const active = mapPractitionerRoles(roles.matches as PractitionerRole[]).items.filter(
      (r) => r.active && r.practitionerId === id,
    );
    return {
      practitionerRef,
      name: mapPractitioner(practitioner as Practitioner).value?.name ?? practitionerRef,
      role: roleOf(active),
      organizationRefs: [
        ...new Set(
          active
            .map((r) => r.organizationId)
            .filter((org): org is string => !!org)
            .map((org) => `Organization/${org}`),
        ),
      ],
    };
  }
}

export function roleOf(roles: readonly StaffRole[]): StaffRoleCode {
  const role = ROLE_PRECEDENCE.find((candidate) => roles.some((r) => r.role === candidate));
  if (!role) {
    throw new SignInError(
      'Your account has no therapist, psychiatrist or program director role in this FHIR server, so Waypoint cannot tell what to show. Ask an administrator to add a PractitionerRole.',
    );
  }
  return role;
}
