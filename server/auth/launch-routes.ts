import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthClient } from './auth-routes';
import { ERROR_PAGE_CSP, errorPage } from './sign-in-page';
import { LaunchContext, TokenRegistry } from './token-registry';

export interface LaunchRouteOptions {
  readonly tokens: TokenRegistry;
  readonly clients: readonly AuthClient[];
  readonly issuerOf: (request: FastifyRequest) => string;
  readonly formOf: (request: FastifyRequest<{ Body: unknown }>) => URLSearchParams | undefined;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

type Parsed = { context: LaunchContext } | { error: string };

/** Reads `patient`, `encounter` and `need_patient_banner`; `Patient/x` is accepted as `x`. */
function contextFrom(get: (name: string) => string | null | undefined): Parsed {
  const idOf = (name: string, type: string): string | undefined | false => {
    const value = get(name);
    if (value === null || value === undefined || value === '') return undefined;
    const id = value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
    return FHIR_ID.test(id) ? id : false;
  };
  const patient = idOf('patient', 'Patient');
  const encounter = idOf('encounter', 'Encounter');
  if (patient === false) return { error: 'patient must be a FHIR id' };
  if (encounter === false) return { error: 'encounter must be a FHIR id' };
  return {
    context: {
      ...(patient ? { patient } : {}),
      ...(encounter ? { encounter } : {}),
      // No real EHR frame shows a banner around the app here, so by default the app must.
      needPatientBanner: String(get('need_patient_banner') ?? 'true') !== 'false',
    },
  };
}

/**
 * Stands in for an EHR starting an EHR launch (SMART App Launch 2 §2.0.1): it creates an opaque
 * launch id bound to a context (patient, encounter), which the app passes back as `launch` to
 * the authorise endpoint and receives again beside its tokens. Creating a context needs no
 * sign-in because it grants nothing: what the signed-in user may reach is still decided by
 * their scopes and care teams.
 *
 * - `POST /auth/launch` (form or JSON) → 201 `{ launch, iss }`.
 * - `GET /auth/launch?launch_url=…&patient=…` → 302 to `launch_url?iss=…&launch=…`, as an EHR
 *   opens an app; `launch_url` must be a registered client location (no open redirect).
 */
export function registerLaunchRoutes(app: FastifyInstance, options: LaunchRouteOptions): void {
  const { tokens, clients } = options;

  app.post('/auth/launch', async (request: FastifyRequest<{ Body: unknown }>, reply) => {
    const form = options.formOf(request);
    const json =
      request.body && typeof request.body === 'object'
        ? (request.body as Record<string, unknown>)
        : undefined;
    if (!form && !json)
      return reply
        .code(400)
        .send({ error: 'invalid_request', error_description: 'a form or JSON body is required' });
    const parsed = contextFrom((name) =>
      form ? form.get(name) : json?.[name] === undefined ? undefined : String(json[name]),
    );
    if ('error' in parsed)
      return reply.code(400).send({ error: 'invalid_request', error_description: parsed.error });
    return reply
      .code(201)
      .header('Cache-Control', 'no-store')
      .send({ launch: tokens.createLaunch(parsed.context), iss: options.issuerOf(request) });
  });

  app.get('/auth/launch', async (request, reply: FastifyReply) => {
    const q = new URL(request.url, 'http://local').searchParams;
    const launchUrl = q.get('launch_url') ?? '';
    const refuse = (message: string) =>
      reply
        .code(400)
        .header('Content-Security-Policy', ERROR_PAGE_CSP)
        .type('text/html; charset=utf-8')
        .send(errorPage('Cannot launch', message));
    if (!clients.some((c) => c.redirectUri.test(launchUrl)))
      return refuse('launch_url is missing or is not a registered application location.');
    const parsed = contextFrom((name) => q.get(name));
    if ('error' in parsed) return refuse(parsed.error);
    const target = new URL(launchUrl);
    target.searchParams.set('iss', options.issuerOf(request));
    target.searchParams.set('launch', tokens.createLaunch(parsed.context));
    return reply.header('Cache-Control', 'no-store').redirect(target.toString(), 302);
  });
}
