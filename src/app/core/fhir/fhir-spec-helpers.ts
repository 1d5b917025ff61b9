/**
 * Builders shared by the specs of this folder (no jasmine here, so it also compiles with the
 * app). A searchset, a CapabilityStatement and TestBed providers with a fixed FHIR base.
 */
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { AppConfig, provideAppConfig } from '../config/app-config';
import { Bundle, BundleEntry, FhirResource, OperationOutcomeIssue } from './fhir-resource';
import { fhirInterceptors } from './provide-fhir';
import { DEFAULT_RETRY_POLICY, FHIR_RETRY_POLICY, RetryPolicy } from './retry-interceptor';

export const BASE = 'https://fhir.example.org/r4';

export function fhirTestProviders(
  options: { fhirBaseUrl?: string; retry?: Partial<RetryPolicy> } = {},
): (Provider | EnvironmentProviders)[] {
  const config: AppConfig = {
    fhirBaseUrl: options.fhirBaseUrl ?? BASE,
    auth: 'open',
    clientId: 'waypoint',
    scopes: '',
    idleTimeoutMinutes: 15,
    programTimeZone: 'America/Chicago',
    programName: 'Spec',
    codeMaps: {},
    clinicalThresholds: {},
  };
  return [
    provideAppConfig(config),
    provideHttpClient(withInterceptors([...fhirInterceptors])),
    provideHttpClientTesting(),
    {
      provide: FHIR_RETRY_POLICY,
      useValue: { ...DEFAULT_RETRY_POLICY, random: () => 0, ...options.retry },
    },
  ];
}

export interface TypeSpec {
  readonly interactions?: readonly string[];
  readonly params?: readonly string[];
  readonly include?: readonly string[];
  readonly revinclude?: readonly string[];
}

export function capabilityStatement(
  types: Readonly<Record<string, TypeSpec>>,
  implementationUrl = BASE,
): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    implementation: { description: 'spec', url: implementationUrl },
    rest: [
      {
        mode: 'server',
        searchParam: [{ name: '_id', type: 'token' }],
        resource: Object.entries(types).map(([type, spec]) => ({
          type,
          interaction: (spec.interactions ?? ['read', 'search-type']).map((code) => ({ code })),
          searchParam: (spec.params ?? []).map((name) => ({ name, type: 'token' })),
          searchInclude: spec.include ?? [],
          searchRevInclude: spec.revinclude ?? [],
        })),
      },
    ],
  };
}

export function resource(
  type: string,
  id: string,
  extra: Record<string, unknown> = {},
): FhirResource {
  return { resourceType: type, id, ...extra };
}

export function searchset(page: {
  total?: number;
  matches?: readonly FhirResource[];
  includes?: readonly FhirResource[];
  entries?: readonly BundleEntry[];
  next?: string;
}): Bundle {
  const entry: BundleEntry[] = [
    ...(page.matches ?? []).map((r) => ({ resource: r, search: { mode: 'match' as const } })),
    ...(page.includes ?? []).map((r) => ({ resource: r, search: { mode: 'include' as const } })),
    ...(page.entries ?? []),
  ];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(page.total !== undefined ? { total: page.total } : {}),
    link: [
      { relation: 'self', url: `${BASE}/self` },
      ...(page.next ? [{ relation: 'next', url: page.next }] : []),
    ],
    entry,
  };
}

export function outcome(...issues: OperationOutcomeIssue[]): FhirResource {
  return { resourceType: 'OperationOutcome', issue: issues };
}
