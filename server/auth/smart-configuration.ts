import { SCOPES_SUPPORTED } from './smart-scopes';

export interface AuthUrls {
  /** The FHIR base URL: SMART's `aud`, and the issuer of id_tokens. */
  readonly issuer: string;
  /** Origin the /auth endpoints are reached at. */
  readonly authOrigin: string;
}

/**
 * SMART App Launch 2 discovery (`.well-known/smart-configuration`), which is also valid OpenID
 * Connect discovery metadata. Every capability listed is implemented and tested; nothing more:
 * no standalone patient picker (`context-standalone-patient`), no confidential clients, no
 * POST to the authorize endpoint (`authorize-post`), no patient-level or system scopes.
 */
export function smartConfiguration(urls: AuthUrls) {
  const { issuer, authOrigin } = urls;
  return {
    issuer,
    jwks_uri: `${authOrigin}/auth/jwks`,
    authorization_endpoint: `${authOrigin}/auth/authorize`,
    token_endpoint: `${authOrigin}/auth/token`,
    revocation_endpoint: `${authOrigin}/auth/revoke`,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'fhirUser', 'name'],
    // RFC 9207: the authorisation response carries `iss`, so clients can detect mix-ups.
    authorization_response_iss_parameter_supported: true,
    scopes_supported: SCOPES_SUPPORTED,
    capabilities: [
      'launch-standalone',
      'launch-ehr',
      'client-public',
      'context-ehr-patient',
      'context-ehr-encounter',
      'sso-openid-connect',
      'permission-v1',
      'permission-v2',
      'permission-user',
      'permission-offline',
      'permission-online',
    ],
  };
}
