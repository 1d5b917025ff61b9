import { ResourceStore } from '../db/resource-store';
import { AccessContext, AccessResolver } from '../fhir/access';
import { RESOURCE_TYPES } from '../fhir/search-params';
import { DemoUser } from './demo-users';
import { parseScopes } from './smart-scopes';
import { TokenRegistry } from './token-registry';

/** Who a practitioner may see, from the data itself. */
export class PatientScopeSource {
  constructor(private readonly store: ResourceStore) {}

  /** Patients on whose active CareTeam the practitioner is a participant. */
  careTeamPatients(practitionerId: string): string[] {
    const rows = this.store.db
      .prepare(
        `SELECT DISTINCT r.patient_id AS id FROM idx_reference x
         JOIN resources r ON r.type = x.type AND r.id = x.id
         WHERE x.type = 'CareTeam' AND x.param = 'participant' AND x.target_type = 'Practitioner' AND x.target_id = ?
           AND r.deleted = 0 AND r.patient_id IS NOT NULL
           AND r.id IN (SELECT t.id FROM idx_token t WHERE t.type = 'CareTeam' AND t.param = 'status' AND t.code = 'active')`,
      )
      .all(practitionerId) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Patients managed by the organisation or any organisation that is part of it. */
  organisationPatients(organizationId: string): string[] {
    const rows = this.store.db
      .prepare(
        `WITH RECURSIVE orgs(id) AS (
           SELECT ? UNION SELECT x.id FROM idx_reference x JOIN orgs ON x.target_id = orgs.id
           WHERE x.type = 'Organization' AND x.param = 'partof')
         SELECT DISTINCT x.id FROM idx_reference x WHERE x.type = 'Patient' AND x.param = 'organization' AND x.target_id IN (SELECT id FROM orgs)`,
      )
      .all(organizationId) as { id: string }[];
    return rows.map((r) => r.id);
  }
}

const SCOPE_CACHE_MS = 30_000;

/**
 * Resolves a Bearer token to what its holder may do: the SMART scopes granted, and the patients
 * reachable — a therapist's or psychiatrist's care teams, a director's whole organisation. The
 * patient set is cached per token for 30 s so a page of parallel requests queries it once.
 */
export function createSmartAccessResolver(
  tokens: TokenRegistry,
  source: PatientScopeSource,
): AccessResolver {
  const cache = new Map<string, { at: number; scope: ReadonlySet<string> }>();
  const scopeFor = (token: string, user: DemoUser): ReadonlySet<string> => {
    const hit = cache.get(token);
    if (hit && Date.now() - hit.at < SCOPE_CACHE_MS) return hit.scope;
    const ids =
      user.role === 'director'
        ? source.organisationPatients(user.organizationId)
        : source.careTeamPatients(user.practitionerId);
    const scope = new Set(ids);
    cache.set(token, { at: Date.now(), scope });
    return scope;
  };
  return async ({ authorization }) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match)
      return { status: 401, message: 'an access token is required (Authorization: Bearer …)' };
    const grant = tokens.lookupAccess(match[1]);
    if (grant === 'expired') return { status: 401, message: 'the access token has expired' };
    if (!grant) return { status: 401, message: 'the access token is not valid' };
    const scopes = parseScopes(grant.scope, RESOURCE_TYPES);
    const context: AccessContext = {
      actor: {
        reference: `Practitioner/${grant.user.practitionerId}`,
        display: grant.user.name,
        role: grant.user.role,
      },
      clientId: grant.clientId,
      canRead: (type) => scopes.allows(type, 'r') || scopes.allows(type, 's'),
      canWrite: (type, action) =>
        scopes.allows(type, action === 'create' ? 'c' : action === 'update' ? 'u' : 'd'),
      patientScope: scopeFor(match[1], grant.user),
    };
    return context;
  };
}
