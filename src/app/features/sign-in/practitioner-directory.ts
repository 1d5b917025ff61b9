import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { FhirClient } from '../../core/fhir/fhir-client';
import { ROLE_LABELS } from '../../core/auth/signed-in-user';
import {
  Practitioner,
  PractitionerRole,
  mapPractitionerRoles,
  mapPractitioners,
} from '../../fhir-mapping';

/** One entry of the open-mode picker. */
export interface PickablePractitioner {
  readonly practitionerRef: string;
  readonly name: string;
  readonly roleLabel: string;
}

/**
 * Open mode only (a FHIR server without security, for development): every practitioner with a
 * staff role, so a developer can pick whose view to see.
 */
@Injectable({ providedIn: 'root' })
export class PractitionerDirectory {
  private readonly fhir = inject(FhirClient);

  list(): Observable<PickablePractitioner[]> {
    return this.fhir.search('PractitionerRole', { _include: 'PractitionerRole:practitioner' }).pipe(
      map((outcome) => {
        const names = new Map(
          mapPractitioners(outcome.includes as Practitioner[]).items.map((p) => [p.id, p.name]),
        );
        const byId = new Map<string, PickablePractitioner>();
        for (const role of mapPractitionerRoles(outcome.matches as PractitionerRole[]).items) {
          if (!role.active || byId.has(role.practitionerId)) continue;
          byId.set(role.practitionerId, {
            practitionerRef: `Practitioner/${role.practitionerId}`,
            name: names.get(role.practitionerId) ?? `Practitioner/${role.practitionerId}`,
            roleLabel: ROLE_LABELS[role.role],
          });
        }
        return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
      }),
    );
  }
}
