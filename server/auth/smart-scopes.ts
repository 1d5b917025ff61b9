/**
 * SMART App Launch scopes: v2 (`user/Observation.rs`, `user/*.cruds`) and v1 (`user/*.read`,
 * `user/Patient.write`) resource scopes, and the identity and launch scopes the server supports.
 */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface GrantedScopes {
  /** The scope string as granted (requested ∩ supported). */
  readonly granted: string;
  readonly openid: boolean;
  readonly fhirUser: boolean;
  readonly refresh: boolean;
  allows(resourceType: string, permission: Permission): boolean;
}

const IDENTITY_SCOPES = new Set([
  'openid',
  'fhirUser',
  'profile',
  'online_access',
  'offline_access',
  'launch',
  'launch/patient',
]);
const RESOURCE_SCOPE = /^(user|patient|system)\/([A-Z][A-Za-z]+|\*)\.(read|write|\*|c?r?u?d?s?)$/;

export function parseScopes(requested: string, supportedTypes: readonly string[]): GrantedScopes {
  const rules: { type: string; permissions: Set<Permission> }[] = [];
  const granted: string[] = [];
  for (const scope of requested.split(/\s+/).filter(Boolean)) {
    if (IDENTITY_SCOPES.has(scope)) {
      granted.push(scope);
      continue;
    }
    const match = RESOURCE_SCOPE.exec(scope);
    // Only user-level scopes: this server has no patient-facing launch or system clients.
    if (!match || match[1] !== 'user' || match[3] === '') continue;
    const [, , type, access] = match;
    if (type !== '*' && !supportedTypes.includes(type)) continue;
    const permissions = new Set<Permission>(
      access === 'read'
        ? ['r', 's']
        : access === 'write'
          ? ['c', 'u', 'd']
          : access === '*'
            ? ['c', 'r', 'u', 'd', 's']
            : (access.split('') as Permission[]),
    );
    rules.push({ type, permissions });
    granted.push(scope);
  }
  const set = new Set(granted);
  return {
    granted: granted.join(' '),
    openid: set.has('openid'),
    fhirUser: set.has('fhirUser'),
    refresh: set.has('online_access') || set.has('offline_access'),
    allows: (resourceType, permission) =>
      rules.some(
        (r) => (r.type === '*' || r.type === resourceType) && r.permissions.has(permission),
      ),
  };
}
