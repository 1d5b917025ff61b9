import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { FhirBase } from '../../core/fhir/fhir-base';
import { Observable, map } from 'rxjs';
import { staffRoleFromCodings } from '../../domain/fhir-codes';
import { ROLE_LABELS } from '../../core/auth/signed-in-user';
import { displayName } from '../../core/auth/staff-identity';

/** One entry of the open-mode picker. */
export interface PickablePractitioner {
  readonly practitionerRef: string;
  readonly name: string;
  readonly roleLabel: string;
}

interface Entry {
  readonly resource?: {
    readonly resourceType?: string;
    readonly id?: string;
    readonly name?: readonly { text?: string; given?: string[]; family?: string }[];
    readonly practitioner?: { readonly reference?: string };
    readonly code?: readonly { readonly coding?: readonly { system?: string; code?: string }[] }[];
  };
}

/**
 * Open mode only (a FHIR server without security, for development): every practitioner with a
 * staff role, so a developer can pick whose view to see.
 */
@Injectable({ providedIn: 'root' })
export class PractitionerDirectory {
  private readonly http = inject(HttpClient);
  private readonly base = inject(FhirBase).href;

  list(): Observable<PickablePractitioner[]> {
    return this.http
      .get<{ entry?: readonly Entry[] }>(`${this.base}/PractitionerRole`, {
        params: { _include: 'PractitionerRole:practitioner', _count: 200 },
      })
      .pipe(map((bundle) => pickable(bundle.entry ?? [])));
  }
}

function pickable(entries: readonly Entry[]): PickablePractitioner[] {
  const names = new Map<string, string>();
  for (const { resource } of entries) {
    if (resource?.resourceType === 'Practitioner' && resource.id) {
      names.set(`Practitioner/${resource.id}`, displayName(resource.name) ?? resource.id);
    }
  }
  const byRef = new Map<string, PickablePractitioner>();
  for (const { resource } of entries) {
    const ref = resource?.practitioner?.reference;
    if (resource?.resourceType !== 'PractitionerRole' || !ref) continue;
    const role = staffRoleFromCodings((resource.code ?? []).flatMap((c) => c.coding ?? []));
    const practitionerRef = ref.replace(/^.*\/(Practitioner\/[^/]+)$/, '$1');
    if (!role || byRef.has(practitionerRef)) continue;
    byRef.set(practitionerRef, {
      practitionerRef,
      name: names.get(practitionerRef) ?? practitionerRef,
      roleLabel: ROLE_LABELS[role],
    });
  }
  return [...byRef.values()].sort((a, b) => a.name.localeCompare(b.name));
}
