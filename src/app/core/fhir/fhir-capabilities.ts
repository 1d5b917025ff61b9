import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Observable, catchError, map, of, shareReplay, tap } from 'rxjs';
import { FhirBase } from './fhir-base';
import { FhirError, toFhirError } from './fhir-error';
import { isFhirResource } from './fhir-resource';

export type WriteInteraction = 'update' | 'create';

export interface TypeCapabilities {
  /** R4 interaction codes: read, vread, update, create, delete, search-type, … */
  readonly interactions: ReadonlySet<string>;
  /** Search parameter names, the rest-level common ones included. */
  readonly searchParams: ReadonlySet<string>;
  readonly searchInclude: readonly string[];
  readonly searchRevInclude: readonly string[];
}

export interface CapabilitySummary {
  /** False for the conservative default used when `[base]/metadata` could not be read. */
  readonly known: boolean;
  /** The base the server names itself by (`implementation.url`), to map its paging links. */
  readonly serverBase?: string;
  readonly types: ReadonlyMap<string, TypeCapabilities>;
}

/**
 * What the app assumes when the CapabilityStatement cannot be read: nothing. Searches then use
 * only what every R4 server must answer (GET searches, `_id` lists instead of unconfirmed
 * includes) and writes are not offered; the server still has the last word on all of it.
 */
export const UNKNOWN_CAPABILITIES: CapabilitySummary = { known: false, types: new Map() };

type Json = Record<string, unknown>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const objects = (value: unknown): Json[] =>
  Array.isArray(value)
    ? value.filter((v): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
const names = (value: unknown, key: string): string[] =>
  objects(value)
    .map((o) => o[key])
    .filter((v): v is string => typeof v === 'string');

/** Reads the parts of an R4 CapabilityStatement the client acts on; tolerant of omissions. */
export function summarizeCapabilities(statement: unknown): CapabilitySummary {
  if (!isFhirResource(statement) || statement.resourceType !== 'CapabilityStatement')
    return UNKNOWN_CAPABILITIES;
  const rests = objects(statement['rest']);
  const rest = rests.find((r) => r['mode'] === 'server') ?? rests[0];
  if (!rest) return UNKNOWN_CAPABILITIES;
  const common = names(rest['searchParam'], 'name');
  const types = new Map<string, TypeCapabilities>();
  for (const resource of objects(rest['resource'])) {
    const type = resource['type'];
    if (typeof type !== 'string') continue;
    types.set(type, {
      interactions: new Set(names(resource['interaction'], 'code')),
      searchParams: new Set([...common, ...names(resource['searchParam'], 'name')]),
      searchInclude: strings(resource['searchInclude']),
      searchRevInclude: strings(resource['searchRevInclude']),
    });
  }
  const implementation = statement['implementation'];
  const url =
    typeof implementation === 'object' && implementation !== null
      ? (implementation as Json)['url']
      : undefined;
  return { known: true, types, ...(typeof url === 'string' ? { serverBase: url } : {}) };
}

/**
 * Whether an `_include`/`_revinclude` value is in a list the server declared: exactly, as
 * `*`, or without the `:Target` the value narrows to.
 */
function listed(list: readonly string[], value: string): boolean {
  if (list.includes('*') || list.includes(value)) return true;
  const [source, param, target] = value.split(':');
  return target !== undefined && list.includes(`${source}:${param}`);
}

/**
 * The server's CapabilityStatement, read once and kept. Every answer is `undefined` (unknown)
 * until it has loaded; `ready()` waits for it. Searches consult it to choose between
 * `_include` and `_id` fetches and between POST `_search` and chunked GETs.
 */
@Injectable({ providedIn: 'root' })
export class FhirCapabilities {
  private readonly http = inject(HttpClient);
  private readonly base = inject(FhirBase);
  private readonly summaryState = signal<CapabilitySummary | undefined>(undefined);
  private readonly errorState = signal<FhirError | undefined>(undefined);
  private readonly postSearchRefused = signal(false);
  private loading?: Observable<CapabilitySummary>;

  /** The summary once loaded (UNKNOWN_CAPABILITIES after a failure). */
  readonly summary = this.summaryState.asReadonly();
  /** Why the CapabilityStatement could not be read, if it could not. */
  readonly error = this.errorState.asReadonly();

  /** Emits the summary once, loading it on first use; never errors (see UNKNOWN_CAPABILITIES). */
  ready(): Observable<CapabilitySummary> {
    this.loading ??= this.http
      .get<unknown>(this.base.url('metadata'), { headers: { Accept: 'application/fhir+json' } })
      .pipe(
        map((body) => {
          const summary = summarizeCapabilities(body);
          if (!summary.known)
            this.errorState.set(
              new FhirError({
                kind: 'server',
                status: 200,
                message: 'The FHIR server did not describe what it supports.',
              }),
            );
          return summary;
        }),
        catchError((error: unknown) => {
          if (!(error instanceof HttpErrorResponse)) throw error;
          this.errorState.set(toFhirError(error, 'GET'));
          return of(UNKNOWN_CAPABILITIES);
        }),
        tap((summary) => this.summaryState.set(summary)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.loading;
  }

  /** Reads the CapabilityStatement again, e.g. after a failure or a sign-in. */
  reload(): Observable<CapabilitySummary> {
    this.loading = undefined;
    this.errorState.set(undefined);
    this.postSearchRefused.set(false);
    return this.ready();
  }

  searchParams(type: string): readonly string[] | undefined {
    const t = this.typeOf(type);
    return t === undefined ? undefined : [...(t?.searchParams ?? [])];
  }

  includes(type: string): readonly string[] | undefined {
    const t = this.typeOf(type);
    return t === undefined ? undefined : (t?.searchInclude ?? []);
  }

  revIncludes(type: string): readonly string[] | undefined {
    const t = this.typeOf(type);
    return t === undefined ? undefined : (t?.searchRevInclude ?? []);
  }

  interactions(type: string): readonly string[] | undefined {
    const t = this.typeOf(type);
    return t === undefined ? undefined : [...(t?.interactions ?? [])];
  }

  /** False unless the server declared the interaction: buttons for writes appear only then. */
  canWrite(type: string, interaction: WriteInteraction): boolean {
    return this.typeOf(type)?.interactions.has(interaction) ?? false;
  }

  /** True or false per the statement; undefined while unknown. */
  supportsInclude(type: string, include: string): boolean | undefined {
    const t = this.typeOf(type);
    return t === undefined ? undefined : !!t && listed(t.searchInclude, include);
  }

  supportsRevInclude(type: string, revInclude: string): boolean | undefined {
    const t = this.typeOf(type);
    return t === undefined ? undefined : !!t && listed(t.searchRevInclude, revInclude);
  }

  /** True or false when `type` is declared; undefined while unknown. */
  supportsSearchParam(type: string, param: string): boolean | undefined {
    const t = this.typeOf(type);
    return t === undefined ? undefined : !!t && t.searchParams.has(param.split(':')[0]);
  }

  /**
   * R4 makes POST `_search` part of the search interaction, so it is assumed wherever
   * `search-type` is declared, until a server answers one with 404, 405 or 501.
   */
  canPostSearch(type: string): boolean {
    return (
      !this.postSearchRefused() && (this.typeOf(type)?.interactions.has('search-type') ?? false)
    );
  }

  markPostSearchUnavailable(): void {
    this.postSearchRefused.set(true);
  }

  /** undefined: unknown; null: the server does not list the type; else its capabilities. */
  private typeOf(type: string): TypeCapabilities | null | undefined {
    const summary = this.summaryState();
    if (!summary?.known) return undefined;
    return summary.types.get(type) ?? null;
  }
}
