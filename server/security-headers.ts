import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The production security headers: the app's Content-Security-Policy (a per-request nonce for
 * scripts and styles, Trusted Types, `connect-src` built from the runtime configuration) and the
 * headers every response carries. `docs/deploy.md` gives the same policy for nginx.
 */

/**
 * What `src/index.html` puts in `<app-root ngCspNonce="…">`. The production build copies it to
 * every `<script>` and `<style>` it writes (and Angular reads it at run time for the component
 * styles it inserts); the server replaces it with a fresh nonce on every request.
 */
export const NONCE_PLACEHOLDER = 'WAYPOINT_CSP_NONCE';

/**
 * The Trusted Types policies the app creates: `angular` (Angular's sanitiser and template
 * code) and `angular#bundler` (Angular's lazy-loading runtime; the esbuild builder's native
 * `import()` does not use it today, listed as Angular's documentation advises). No other library
 * in the bundle (Material, CDK, NgRx, Chart.js and its plugins, oauth4webapi) creates one.
 */
export const TRUSTED_TYPES_POLICIES = ['angular', 'angular#bundler'] as const;

/** Sent on every response (HSTS only takes effect over HTTPS; see docs/deploy.md). */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * For responses that are not the app's page and set no policy of their own (the FHIR API, static
 * assets): nothing may load, nothing may frame them.
 */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** A fresh 128-bit nonce, base64 (CSP's `nonce-source` grammar). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The page's policy. `'strict-dynamic'`: only scripts carrying the nonce run, and what they
 * import (the lazy route chunks) inherits their trust; no host allow-list, no 'unsafe-inline',
 * no 'unsafe-eval'. `base-uri 'self'`, not 'none': the page's own `<base href="/">` must apply,
 * or deep links such as /clients/123 would resolve the bundle, `config.json` and the icons
 * against /clients/; 'self' still refuses an injected `<base>` pointing anywhere else.
 */
export function appContentSecurityPolicy(nonce: string, connectSources: readonly string[]): string {
  const connect = ["'self'", ...connectSources.filter((s) => s !== "'self'")];
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
  ].join('; ');
}

/**
 * Puts the request's nonce into the page: the build's placeholder (on `<app-root ngCspNonce>`,
 * the scripts and the inline styles), and on the `<link rel="modulepreload">` tags, which the
 * build leaves without one and which `'strict-dynamic'` would otherwise refuse.
 */
export function withNonce(html: string, nonce: string): string {
  return html
    .replaceAll(NONCE_PLACEHOLDER, nonce)
    .replace(
      /<link\b(?![^>]*\bnonce=)(?=[^>]*\brel="?modulepreload\b)/gi,
      `<link nonce="${nonce}"`,
    );
}

/** The runtime configuration fields that name other origins (public/config.json). */
export interface ConnectConfig {
  readonly fhirBaseUrl?: unknown;
}

/** The SMART configuration endpoints the app calls with fetch (the authorise step navigates). */
export interface SmartEndpointUrls {
  readonly token_endpoint?: unknown;
  readonly revocation_endpoint?: unknown;
  readonly introspection_endpoint?: unknown;
  readonly userinfo_endpoint?: unknown;
}

/** `https://ehr.example.org/fhir/R4` → `https://ehr.example.org`; relative or invalid → none. */
export function originOf(url: unknown): string | undefined {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins the app reaches with fetch besides its own: the configured FHIR base (an EHR's,
 * or a path on this origin) and, from its SMART configuration, the token and revocation
 * endpoints (sign-in, refresh, sign-out).
 */
export function connectSourcesFor(
  config: ConnectConfig,
  smart?: SmartEndpointUrls,
  extra: readonly string[] = [],
): string[] {
  const origins = [
    originOf(config.fhirBaseUrl),
    originOf(smart?.token_endpoint),
    originOf(smart?.revocation_endpoint),
    originOf(smart?.introspection_endpoint),
    originOf(smart?.userinfo_endpoint),
    ...extra.map(originOf),
  ].filter((o): o is string => o !== undefined);
  return [...new Set(origins)];
}

/**
 * Reads the SMART configuration of a FHIR base on another origin, for its endpoints' origins.
 * Returns undefined (and the policy then lists the FHIR origin only) when the server cannot be
 * reached in time; the caller logs it.
 */
export async function fetchSmartEndpoints(
  fhirBaseUrl: string,
  timeoutMs = 5000,
  fetchFn: typeof fetch = fetch,
): Promise<SmartEndpointUrls | undefined> {
  const base = fhirBaseUrl.replace(/\/+$/, '');
  const response = await fetchFn(`${base}/.well-known/smart-configuration`, {
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) return undefined;
  const body = (await response.json()) as unknown;
  return body && typeof body === 'object' ? (body as SmartEndpointUrls) : undefined;
}

/**
 * Registers the headers every response gets: the common ones, `RESOURCE_CSP` where the route set
 * no policy of its own (the app's page and the demo sign-in pages set theirs), and
 * `Cache-Control: no-store` where the route said nothing about caching: the FHIR API sets it
 * itself (its answers are PHI), and this covers the rest (SMART discovery, errors and 404s);
 * the app's files set their own (see static-app.ts).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS))
      if (!reply.hasHeader(name)) reply.header(name, value);
    if (!reply.hasHeader('Content-Security-Policy'))
      reply.header('Content-Security-Policy', RESOURCE_CSP);
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
