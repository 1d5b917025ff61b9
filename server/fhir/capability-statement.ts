import { SEARCH_PARAMS, includeTargets } from './search-params';

export interface SmartEndpoints {
  readonly authorize: string;
  readonly token: string;
}

/** Generated from the same search-parameter table the server executes, so it cannot overstate. */
export function capabilityStatement(baseUrl: string, smart?: SmartEndpoints) {
  const security = smart
    ? {
        service: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                code: 'SMART-on-FHIR',
              },
            ],
          },
        ],
        extension: [
          {
            url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
            extension: [
              { url: 'authorize', valueUri: smart.authorize },
              { url: 'token', valueUri: smart.token },
            ],
          },
        ],
      }
    : undefined;
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-28',
    kind: 'instance',
    software: { name: 'Waypoint development FHIR server' },
    implementation: { description: 'Synthetic IOP data for Waypoint development', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        ...(security ? { security } : {}),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        resource: Object.entries(SEARCH_PARAMS).map(([type, params]) => ({
          type,
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: true,
          conditionalUpdate: false,
          interaction: ['read', 'vread', 'search-type', 'create', 'update', 'delete'].map(
            (code) => ({ code }),
          ),
          searchInclude: includeTargets(type),
          searchRevInclude: Object.keys(SEARCH_PARAMS).flatMap((source) =>
            (SEARCH_PARAMS[source] ?? [])
              .filter((d) => d.type === 'reference')
              .map((d) => `${source}:${d.name}`),
          ),
          searchParam: [
            { name: '_id', type: 'token' },
            { name: '_lastUpdated', type: 'date' },
            ...params.map((p) => ({ name: p.name, type: p.type, documentation: p.documentation })),
          ],
        })),
      },
    ],
  };
}
