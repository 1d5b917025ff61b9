import { ResourceStore } from '../db/resource-store';
import { AccessContext, AccessResolver } from '../fhir/access';
import { RESOURCE_TYPES } from '../fhir/search-params';
import { DemoUser } from './demo-users';
import { roleMayRead, roleMayWrite } from './role-rules';
import { GrantedScopes, parseScopes } from './smart-scopes';
import { TokenRegistry } from './token-registry';

/** Where the patients a practitioner may reach come from (the store, or a fake in tests). */
export interface PatientScopes {
  careTeamPatients(practitionerId: string): readonly string[];
  organisationPatients(organizationId: string): 'all' | readonly string[];
}

/** Who a practitioner may see, from the data itself (the index tables, not JSON scans). */
export class PatientScopeSource implements PatientScopes {
  constructor(private readonly store: ResourceStore) {}

  /** Patients on whose active CareTeam the practitioner is a participant (`participant.member`). */
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

  /**
   * Patients whose `managingOrganization` is the organisation or one below it (`partOf`, any
   * depth). When that is every Patient in the database, the answer is `'all'`: then everything
   * in the database is this organisation's, including resources not in any patient compartment
   * and the AuditEvents, and searches need no id list. A Patient with no managingOrganization
   * belongs to no organisation, so its presence keeps the answer a set.
   */
  organisationPatients(organizationId: string): 'all' | string[] {
    const rows = this.store.db
      .prepare(
        `WITH RECURSIVE orgs(id) AS (
           SELECT ? UNION SELECT x.id FROM idx_reference x JOIN orgs ON x.target_id = orgs.id
           WHERE x.type = 'Organization' AND x.param = 'partof')
         SELECT DISTINCT x.id FROM idx_reference x
         WHERE x.type = 'Patient' AND x.param = 'organization' AND x.target_id IN (SELECT id FROM orgs)`,
      )
      .all(organizationId) as { id: string }[];
    const { total } = this.store.db
      .prepare(`SELECT COUNT(*) AS total FROM resources WHERE type = 'Patient' AND deleted = 0`)
      .get() as { total: number };
    return rows.length === total && total > 0 ? 'all' : rows.map((r) => r.id);
  }
}

export interface SmartAccessOptions {
  /** How long a token's patient set is reused (default 30 s): a page of requests queries once. */
  readonly scopeCacheMs?: number;
  readonly now?: () => number;
}

/**
 * Resolves a Bearer token to what its holder may do: the SMART scopes granted AND the role's
 * rules (role-rules.ts), and the patients reachable — a therapist's or psychiatrist's active care
 * teams, a director's whole organisation. The patient set is cached per token, so a change of
 * care team shows within the cache time.
 */
export function createSmartAccessResolver(
  tokens: TokenRegistry,
  source: PatientScopes,
  options: SmartAccessOptions = {},
): AccessResolver {
  const cacheMs = options.scopeCacheMs ?? 30_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; scope: 'all' | ReadonlySet<string> }>();
  // A grant's scopes are parsed once, not on every request: a token's scope string never
  // changes, and few different ones are in use (one per client and launch kind).
  const grants = new Map<string, GrantedScopes>();
  const scopesOf = (scope: string, ehrLaunch: boolean): GrantedScopes => {
    const key = `${ehrLaunch ? 'launch' : 'standalone'} ${scope}`;
    let granted = grants.get(key);
    if (!granted) {
      if (grants.size >= 100) grants.clear();
      granted = parseScopes(scope, RESOURCE_TYPES, { ehrLaunch });
      grants.set(key, granted);
    }
    return granted;
  };
  const scopeFor = (token: string, user: DemoUser): 'all' | ReadonlySet<string> => {
    const hit = cache.get(token);
    if (hit && now() - hit.at < cacheMs) return hit.scope;
    if (cache.size > 1000)
      for (const [t, entry] of cache) if (now() - entry.at >= cacheMs) cache.delete(t);
    const ids =
      user.role === 'director'
        ? source.organisationPatients(user.organizationId)
        : source.careTeamPatients(user.practitionerId);
    const scope = ids === 'all' ? 'all' : new Set(ids);
    cache.set(token, { at: now(), scope });
    return scope;
  };
  return async ({ authorization }) => {
    const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization ?? '');
    if (!match)
      return { status: 401, message: 'an access token is required (Authorization: Bearer …)' };
    const token = match[1];
    const grant = tokens.lookupAccess(token);
    if (grant === 'expired') {
      cache.delete(token);
      return { status: 401, message: 'the access token has expired' };
    }
    if (!grant) return { status: 401, message: 'the access token is not valid' };
    const scopes = scopesOf(grant.scope, !!grant.launch);
    const role = grant.user.role;
    const context: AccessContext = {
      actor: {
        reference: `Practitioner/${grant.user.practitionerId}`,
        display: grant.user.name,
        role,
      },
      clientId: grant.clientId,
      canRead: (type) =>
        roleMayRead(role, type) && (scopes.allows(type, 'r') || scopes.allows(type, 's')),
      canWrite: (type, action) =>
        roleMayWrite(role, type, action) &&
        scopes.allows(type, action === 'create' ? 'c' : action === 'update' ? 'u' : 'd'),
      patientScope: scopeFor(token, grant.user),
    };
    return context;
  };
}
