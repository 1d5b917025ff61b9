import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { FhirBase } from '../fhir/fhir-base';
import { firstValueFrom } from 'rxjs';
import { staffRoleFromCodings } from '../../domain/fhir-codes';
import { SignedInUser, StaffRole } from './signed-in-user';
import { SignInError } from './smart-session';

interface HumanName {
  readonly text?: string;
  readonly given?: readonly string[];
  readonly family?: string;
  readonly prefix?: readonly string[];
  readonly use?: string;
}
interface Coding {
  readonly system?: string;
  readonly code?: string;
}
interface PractitionerResource {
  readonly resourceType: 'Practitioner';
  readonly id?: string;
  readonly name?: readonly HumanName[];
}
interface PractitionerRoleResource {
  readonly resourceType: 'PractitionerRole';
  readonly active?: boolean;
  readonly code?: readonly { readonly coding?: readonly Coding[] }[];
  readonly organization?: { readonly reference?: string };
}
interface SearchBundle {
  readonly entry?: readonly { readonly resource?: { readonly resourceType?: string } }[];
}

/** Which role wins when a practitioner holds several: the widest view first. */
const ROLE_PRECEDENCE: readonly StaffRole[] = ['director', 'psychiatrist', 'therapist'];

/**
 * Who the signed-in practitioner is: the name from their Practitioner resource and the role
 * from their PractitionerRoles (SMART's `fhirUser` names the person, not the role).
 */
@Injectable({ providedIn: 'root' })
export class StaffIdentity {
  private readonly http = inject(HttpClient);
  private readonly base = inject(FhirBase).href;

  async load(practitionerRef: string): Promise<SignedInUser> {
    const [practitioner, roles] = await Promise.all([
      firstValueFrom(this.http.get<PractitionerResource>(`${this.base}/${practitionerRef}`)),
      firstValueFrom(
        this.http.get<SearchBundle>(`${this.base}/PractitionerRole`, {
          params: { practitioner: practitionerRef, _count: 50 },
        }),
      ),
    ]);
    const roleResources = (roles.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is PractitionerRoleResource => r?.resourceType === 'PractitionerRole')
      .filter((r) => r.active !== false);
    return {
      practitionerRef,
      name: displayName(practitioner.name) ?? practitionerRef,
      role: roleOf(roleResources),
      organizationRefs: [
        ...new Set(
          roleResources.map((r) => r.organization?.reference).filter((ref): ref is string => !!ref),
        ),
      ],
    };
  }
}

export function roleOf(roles: readonly PractitionerRoleResource[]): StaffRole {
  const found = new Set(
    roles.map((r) => staffRoleFromCodings((r.code ?? []).flatMap((c) => c.coding ?? []))),
  );
  const role = ROLE_PRECEDENCE.find((candidate) => found.has(candidate));
  if (!role) {
    throw new SignInError(
      'Your account has no therapist, psychiatrist or program director role in this FHIR server, so Waypoint cannot tell what to show. Ask an administrator to add a PractitionerRole.',
    );
  }
  return role;
}

/** The official name if there is one, else the first; its text, else given names and family. */
export function displayName(names: readonly HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return undefined;
  if (name.text) return name.text;
  const parts = [...(name.given ?? []), name.family].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : undefined;
}
