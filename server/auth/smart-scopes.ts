/**
 * SMART App Launch scopes: v2 (`user/Observation.rs`, `user/*.cruds`) and v1 (`user/*.read`,
 * `user/Patient.write`) resource scopes, and the identity and launch scopes the server supports.
 * Granted = requested ∩ supported: anything this server cannot honour is left out of the grant
 * rather than silently promised.
 */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface GrantedScopes {
  /** The scope string as granted (requested ∩ supported), in request order, without repeats. */
  readonly granted: string;
  readonly openid: boolean;
  readonly fhirUser: boolean;
  readonly profile: boolean;
  readonly refresh: boolean;
  allows(resourceType: string, permission: Permission): boolean;
}

export interface ScopeOptions {
  /**
   * Whether the request carried an EHR launch context: only then is `launch` granted (SMART:
   * the `launch` scope asks for the context of an EHR launch; standalone it means nothing).
   */
  readonly ehrLaunch?: boolean;
}

/**
 * Non-resource scopes honoured. `launch/patient` (a standalone patient picker) is deliberately
 * absent: the server has no picker, so it does not grant it.
 */
export const IDENTITY_SCOPES: readonly string[] = [
  'openid',
  'fhirUser',
  'profile',
  'online_access',
  'offline_access',
  'launch',
];

/** What discovery advertises: the identity scopes and the resource-scope shapes understood. */
export const SCOPES_SUPPORTED: readonly string[] = [
  ...IDENTITY_SCOPES,
  'user/*.cruds',
  'user/*.rs',
  'user/*.read',
  'user/*.write',
  'user/*.*',
];

// v2 permissions must appear in c-r-u-d-s order (SMART App Launch 2 §3.3); v1 is read/write/*.
const RESOURCE_SCOPE = /^(user|patient|system)\/([A-Z][A-Za-z]+|\*)\.(read|write|\*|c?r?u?d?s?)$/;

export function parseScopes(
  requested: string,
  supportedTypes: readonly string[],
  options: ScopeOptions = {},
): GrantedScopes {
  const rules: { type: string; permissions: ReadonlySet<Permission> }[] = [];
  const granted = new Set<string>();
  for (const scope of requested.split(/\s+/).filter(Boolean)) {
    if (IDENTITY_SCOPES.includes(scope)) {
      if (scope !== 'launch' || options.ehrLaunch) granted.add(scope);
      continue;
    }
    const match = RESOURCE_SCOPE.exec(scope);
    // Only user-level scopes: this server has no patient-facing apps or backend-service clients,
    // and v2 granular scopes (`?category=…`) fail the pattern, so they are not granted either.
    if (!match || match[1] !== 'user' || match[3] === '') continue;
    const [, , type, access] = match;
    if (type !== '*' && !supportedTypes.includes(type)) continue;
    rules.push({ type, permissions: permissionsOf(access) });
    granted.add(scope);
  }
  return {
    granted: [...granted].join(' '),
    openid: granted.has('openid'),
    fhirUser: granted.has('fhirUser'),
    profile: granted.has('profile'),
    refresh: granted.has('online_access') || granted.has('offline_access'),
    allows: (resourceType, permission) =>
      rules.some(
        (r) => (r.type === '*' || r.type === resourceType) && r.permissions.has(permission),
      ),
  };
}

/** v1 `read` is v2 `rs`, v1 `write` is `cud` (SMART App Launch 2 §3.3.1, scope equivalence). */
function permissionsOf(access: string): ReadonlySet<Permission> {
  if (access === 'read') return new Set(['r', 's']);
  if (access === 'write') return new Set(['c', 'u', 'd']);
  if (access === '*') return new Set(['c', 'r', 'u', 'd', 's']);
  return new Set(access.split('') as Permission[]);
}

/**
 * A refresh request may narrow the grant but never widen it (RFC 6749 §6): every scope asked
 * for must be one of the scopes originally granted. Returns the narrowed scope string, or
 * undefined when something new was asked for.
 */
export function narrowScope(original: string, requested: string): string | undefined {
  const had = new Set(original.split(/\s+/).filter(Boolean));
  const asked = [...new Set(requested.split(/\s+/).filter(Boolean))];
  return asked.every((s) => had.has(s)) ? asked.join(' ') : undefined;
}
