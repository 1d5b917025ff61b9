import { MODIFIERS_BY_TYPE } from '../db/search-query';
import { COMMON_PARAMS, SEARCH_PARAMS, includeTargets, revIncludeSources } from './search-params';

/** OAuth endpoints for the SMART security section: absolute URLs, or paths on the server's origin. */
export interface SmartEndpoints {
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl?: string;
  readonly introspectUrl?: string;
  readonly registerUrl?: string;
  readonly manageUrl?: string;
}

/** The instant this server process started: the CapabilityStatement's date. */
const STARTED = new Date().toISOString();

/**
 * The CapabilityStatement, generated from the same parameter table the server indexes and
 * searches with, so it lists exactly the interactions, search parameters and includes that
 * work: nothing more (R4 clients rely on it to decide what to ask).
 */
export function capabilityStatement(baseUrl: string, smart?: SmartEndpoints) {
  const origin = new URL(baseUrl).origin;
  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${origin}${url}`);
  const endpoints: [string, string | undefined][] = smart
    ? [
        ['authorize', smart.authorizeUrl],
        ['token', smart.tokenUrl],
        ['revoke', smart.revokeUrl],
        ['introspect', smart.introspectUrl],
        ['register', smart.registerUrl],
        ['manage', smart.manageUrl],
      ]
    : [];
  const oauthUris = endpoints.flatMap(([url, value]) =>
    value === undefined ? [] : [{ url, valueUri: absolute(value) }],
  );
  const security = {
    cors: false,
    ...(smart
      ? {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                  display: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: oauthUris,
            },
          ],
          description:
            'SMART App Launch (authorization code with PKCE S256); see .well-known/smart-configuration',
        }
      : { description: 'Open mode: no authorisation (development only)' }),
  };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: STARTED,
    publisher: 'Waypoint',
    kind: 'instance',
    software: { name: 'Waypoint development FHIR server' },
    implementation: { description: 'Synthetic intensive outpatient program data', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        resource: Object.entries(SEARCH_PARAMS).map(([type, params]) => ({
          type,
          interaction: ['read', 'vread', 'update', 'delete', 'create', 'search-type'].map(
            (code) => ({ code }),
          ),
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: true,
          conditionalCreate: true,
          conditionalRead: 'not-supported',
          conditionalUpdate: false,
          conditionalDelete: 'not-supported',
          referencePolicy: ['literal', 'local'],
          searchInclude: includeTargets(type),
          searchRevInclude: revIncludeSources(type),
          searchParam: [
            ...COMMON_PARAMS.map((p) => ({
              name: p.name,
              type: p.type,
              documentation: p.documentation,
            })),
            ...params.map((p) => ({
              name: p.name,
              type: p.type,
              documentation: `${p.documentation}${
                MODIFIERS_BY_TYPE[p.type].length > 0
                  ? ` (modifiers: ${MODIFIERS_BY_TYPE[p.type].map((m) => `:${m}`).join(', ')})`
                  : ''
              }`,
            })),
          ],
        })),
      },
    ],
  };
}
