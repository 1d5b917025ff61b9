import { HttpClient, HttpContext, HttpErrorResponse, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  Observable,
  catchError,
  defer,
  from,
  map,
  mergeMap,
  of,
  switchMap,
  throwError,
  toArray,
} from 'rxjs';
import { FhirBase } from './fhir-base';
import { FhirCapabilities } from './fhir-capabilities';
import { FhirError, statusSentence, toFhirError } from './fhir-error';
import { Bundle, FhirResource, isBundle, isFhirResource } from './fhir-resource';
import { includeRule, parseReference, referencesAt } from './include-rules';
import { FHIR_RETRY_LISTENER } from './retry-interceptor';
import {
  QueryParam,
  SearchParams,
  encodeQuery,
  hasParam,
  splitLongestOrList,
  toQueryParams,
} from './search-query';
import { SearchOutcome, SearchResultSet, pageFailedReason } from './search-results';

export type { SearchOutcome } from './search-results';
export type { AllOf, SearchParamValue, SearchParams, SearchValue } from './search-query';

export interface SearchOptions {
  /** Most pages followed, per search and per fetch that replaces an include. Default 50. */
  readonly pageCap?: number;
  /** `_count` sent when `params` names none. Default 1000; servers lower it to their maximum. */
  readonly pageSize?: number;
  /** Longest GET query string before POST `_search` or chunked GETs take over. Default 1800. */
  readonly maxQueryLength?: number;
  /**
   * Called with each page's resources as it arrives, before the search has ended (the result
   * still comes whole, at the end): a caller can start on them while later pages load.
   */
  readonly onPage?: (resources: readonly FhirResource[]) => void;
}

export type WriteOutcome =
  | { readonly kind: 'saved'; readonly resource: FhirResource }
  | { readonly kind: 'conflict'; readonly message: string; readonly current?: FhirResource };

/**
 * What a transaction came to: the server's `transaction-response`, or a conflict (412 for a
 * stale `ifMatch` in any entry, or 409), after which nothing in the Bundle was written.
 */
export type TransactionOutcome =
  | { readonly kind: 'saved'; readonly response: Bundle }
  | { readonly kind: 'conflict'; readonly message: string };

/** A Bundle to send, its entries typed however the caller's own FHIR types describe them. */
export interface OutgoingBundle {
  readonly resourceType: 'Bundle';
  readonly type: string;
  readonly entry?: readonly object[];
}

export const DEFAULT_PAGE_CAP = 50;
export const DEFAULT_PAGE_SIZE = 1000;
/** Under the ~2,000 characters some proxies and EHR gateways still cap URLs at, with room for the base. */
export const DEFAULT_MAX_QUERY_LENGTH = 1800;

const FHIR_JSON = 'application/fhir+json';
const ACCEPT = { Accept: FHIR_JSON };
/** A page's resources, for `SearchOptions.onPage`. */
function pageResources(bundle: Bundle): FhirResource[] {
  const resources: FhirResource[] = [];
  for (const entry of bundle.entry ?? []) {
    const resource = entry?.resource;
    if (
      typeof resource === 'object' &&
      resource !== null &&
      typeof resource.resourceType === 'string'
    )
      resources.push(resource);
  }
  return resources;
}

/** Parallel requests for the chunks of one split search or the fetches replacing includes. */
const CONCURRENCY = 4;
/** Answers to POST `_search` that mean "not here", not "your search is wrong". */
const POST_SEARCH_REFUSED: ReadonlySet<number> = new Set([404, 405, 501]);
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const RESOURCE_ID = /^[A-Za-z0-9\-.]{1,64}$/;

interface Run {
  readonly pageCap: number;
  readonly pageSize: number;
  readonly maxQueryLength: number;
  readonly serverBase?: string;
  readonly onPage?: (resources: readonly FhirResource[]) => void;
  requests: number;
}

interface RevIncludeFetch {
  readonly source: string;
  readonly param: string;
}

/** How a search's `_include`/`_revinclude` values are served: by the server, or by fetches. */
interface IncludePlan {
  readonly query: QueryParam[];
  readonly includes: string[];
  readonly revIncludes: RevIncludeFetch[];
  readonly dropped: string[];
}

function invalidRequest(message: string): FhirError {
  return new FhirError({ kind: 'invalid', status: 0, message });
}

function requireType(type: string): void {
  if (!RESOURCE_TYPE.test(type)) throw invalidRequest('That is not a FHIR resource type.');
}

function requireId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !RESOURCE_ID.test(id))
    throw invalidRequest('That is not a FHIR resource id.');
}

function expectSearchset(body: unknown): Bundle {
  if (!isBundle(body) || body.type !== 'searchset')
    throw new FhirError({
      kind: 'server',
      status: 200,
      message: 'The server answered the search with something other than search results.',
    });
  return body;
}

function expectResource(body: unknown, type: string): FhirResource {
  if (!isFhirResource(body) || body.resourceType !== type)
    throw new FhirError({
      kind: 'server',
      status: 200,
      message: `The server answered with something other than a ${type}.`,
    });
  return body;
}

/** `_summary=count` and `_count=0` ask for the total alone: no entries is then complete. */
function isCountOnly(query: readonly QueryParam[]): boolean {
  return query.some(
    (p) =>
      (p.name === '_summary' && p.values[0] === 'count') ||
      (p.name === '_count' && p.values[0] === '0'),
  );
}

/**
 * The FHIR REST client: searches that page, batch and degrade as docs/fhir-profile.md
 * describes, reads, and version-checked writes. Everything goes through HttpClient, so the
 * interceptors (request id, retry, the auth token) apply and unsubscribing cancels. Errors
 * are FhirErrors.
 */
@Injectable({ providedIn: 'root' })
export class FhirClient {
  private readonly http = inject(HttpClient);
  private readonly base = inject(FhirBase);
  private readonly capabilities = inject(FhirCapabilities);

  /**
   * Every match of a search, every page followed (up to `pageCap`), with includes. Array
   * values are OR lists; a query too long for a GET goes by POST `_search`, or is split into
   * GETs when the server takes no POST. Includes the server does not support are fetched by
   * `_id`, revincludes by a search on the source type. The result says when it is partial.
   */
  search(
    type: string,
    params: SearchParams,
    options: SearchOptions = {},
  ): Observable<SearchOutcome> {
    return defer(() => {
      requireType(type);
      const query = toQueryParams(params);
      return this.capabilities.ready().pipe(
        switchMap((summary) => {
          const run: Run = {
            pageCap: Math.max(1, Math.floor(options.pageCap ?? DEFAULT_PAGE_CAP)),
            pageSize: Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE)),
            maxQueryLength: options.maxQueryLength ?? DEFAULT_MAX_QUERY_LENGTH,
            ...(summary.serverBase ? { serverBase: summary.serverBase } : {}),
            ...(options.onPage ? { onPage: options.onPage } : {}),
            requests: 0,
          };
          const plan = this.planIncludes(type, query);
          return this.searchQuery(run, type, plan.query).pipe(
            switchMap((set) => this.resolveIncludes(run, set, plan)),
            map((set) => set.outcome(run.requests)),
          );
        }),
      );
    });
  }

  read(type: string, id: string): Observable<FhirResource> {
    return defer(() => {
      requireType(type);
      requireId(id);
      return this.call(undefined, 'GET', (context) =>
        this.http.get<unknown>(this.base.url(type, id), { headers: ACCEPT, context }),
      );
    }).pipe(map((body) => expectResource(body, type)));
  }

  /**
   * Saves a changed resource only if it is still the version that was read (`If-Match`). A
   * 412 or 409 comes back as a conflict with the current version, for the user to decide:
   * never retried over someone else's change.
   */
  update(resource: FhirResource): Observable<WriteOutcome> {
    return defer(() => {
      const type = resource.resourceType;
      requireType(type);
      requireId(resource.id);
      const id = resource.id;
      const version = resource.meta?.versionId;
      if (typeof version !== 'string' || !/^[^"\\\s]{1,64}$/.test(version))
        throw invalidRequest(
          'This record cannot be saved without the version it was read at, as that could overwrite a change made meanwhile.',
        );
      const headers = { ...ACCEPT, 'Content-Type': FHIR_JSON, 'If-Match': `W/"${version}"` };
      return this.call(undefined, 'PUT', (context) =>
        this.http.put<unknown>(this.base.url(type, id), resource, {
          headers,
          context,
          observe: 'response',
        }),
      ).pipe(
        switchMap((response) => this.savedResource(response, type, id)),
        map((saved): WriteOutcome => ({ kind: 'saved', resource: saved })),
        catchError((error: unknown) => this.conflictOr(error, type, id)),
      );
    });
  }

  /** Creates a resource; the server assigns the id. */
  create(resource: FhirResource): Observable<WriteOutcome> {
    return defer(() => {
      const type = resource.resourceType;
      requireType(type);
      const headers = { ...ACCEPT, 'Content-Type': FHIR_JSON };
      return this.call(undefined, 'POST', (context) =>
        this.http.post<unknown>(this.base.url(type), resource, {
          headers,
          context,
          observe: 'response',
        }),
      ).pipe(
        switchMap((response) => this.savedResource(response, type)),
        map((saved): WriteOutcome => ({ kind: 'saved', resource: saved })),
        catchError((error: unknown) => this.conflictOr(error, type)),
      );
    });
  }

  /**
   * Sends a `transaction` Bundle to the base: every entry is written or none is. A 412 (an
   * entry's `request.ifMatch` is stale) or 409 comes back as a conflict for the user to decide;
   * it is never retried, and the client cannot tell which entry failed, so reading the current
   * versions is left to the caller.
   */
  transaction(bundle: OutgoingBundle): Observable<TransactionOutcome> {
    return defer(() => {
      if (bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction')
        throw invalidRequest('Only a transaction Bundle can be sent as a transaction.');
      const headers = { ...ACCEPT, 'Content-Type': FHIR_JSON };
      return this.call(undefined, 'POST', (context) =>
        this.http.post<unknown>(this.base.url(), bundle, { headers, context }),
      ).pipe(
        map((body): TransactionOutcome => {
          if (!isBundle(body) || body.type !== 'transaction-response')
            throw new FhirError({
              kind: 'server',
              status: 200,
              message: 'The server answered the transaction with something other than its results.',
            });
          return { kind: 'saved', response: body };
        }),
        catchError((error: unknown) => {
          if (!(error instanceof FhirError) || error.kind !== 'conflict')
            return throwError(() => error);
          const message = error.status === 412 ? statusSentence(412) : error.message;
          return of<TransactionOutcome>({ kind: 'conflict', message });
        }),
      );
    });
  }

  private searchQuery(
    run: Run,
    type: string,
    query: readonly QueryParam[],
  ): Observable<SearchResultSet> {
    // An empty OR list matches nothing; sent as `code=` many servers would ignore it and match all.
    if (query.some((p) => p.values.length === 0)) return of(new SearchResultSet(type));
    const full = hasParam(query, '_count')
      ? [...query]
      : [...query, { name: '_count', values: [String(run.pageSize)] }];
    const countOnly = isCountOnly(full);
    const encoded = encodeQuery(full);
    if (encoded.length <= run.maxQueryLength)
      return this.pages(
        run,
        type,
        this.getBundle(run, `${this.base.url(type)}?${encoded}`),
        countOnly,
      );
    if (!this.capabilities.canPostSearch(type)) return this.chunked(run, type, full, countOnly);
    return this.postSearch(run, type, encoded).pipe(
      map((bundle): Bundle | null => bundle),
      catchError((error: unknown) => {
        if (!(error instanceof FhirError) || !POST_SEARCH_REFUSED.has(error.status))
          return throwError(() => error);
        this.capabilities.markPostSearchUnavailable();
        return of(null);
      }),
      switchMap((bundle) =>
        bundle
          ? this.pages(run, type, of(bundle), countOnly)
          : this.chunked(run, type, full, countOnly),
      ),
    );
  }

  /** The same search as several GETs, the longest OR list split to fit; results merged. */
  private chunked(
    run: Run,
    type: string,
    query: readonly QueryParam[],
    countOnly: boolean,
  ): Observable<SearchResultSet> {
    const chunks = splitLongestOrList(query, run.maxQueryLength) ?? [[...query]];
    const get = (chunk: readonly QueryParam[]) =>
      this.pages(
        run,
        type,
        this.getBundle(run, `${this.base.url(type)}?${encodeQuery(chunk)}`),
        countOnly,
      );
    if (chunks.length === 1) return get(chunks[0]);
    return from(chunks).pipe(
      mergeMap((chunk, index) => get(chunk).pipe(map((set) => ({ index, set }))), CONCURRENCY),
      toArray(),
      map((parts) =>
        SearchResultSet.merge(
          type,
          parts.sort((a, b) => a.index - b.index).map((p) => p.set),
          countOnly,
        ),
      ),
    );
  }

  /** Reads a search's pages from the first, following `next` links within the page cap. */
  private pages(
    run: Run,
    type: string,
    first: Observable<Bundle>,
    countOnly: boolean,
  ): Observable<SearchResultSet> {
    return defer(() => {
      const set = new SearchResultSet(type);
      let loaded = 0;
      const step = (page: Observable<Bundle>): Observable<SearchResultSet> =>
        page.pipe(
          // A later page that fails (after the retries) leaves what was read, marked partial:
          // never shown as whole, and not thrown away either. A 401 still ends the session.
          catchError((error: unknown) => {
            if (loaded === 0 || !(error instanceof FhirError) || error.kind === 'unauthorized')
              return throwError(() => error);
            set.finish(countOnly, false);
            set.markPartial(pageFailedReason(type, set, loaded + 1, error));
            return of<Bundle | null>(null);
          }),
          switchMap((bundle) => {
            if (bundle === null) return of(set);
            loaded++;
            set.addPage(bundle);
            if (run.onPage) run.onPage(pageResources(bundle));
            const next = bundle.link?.find((l) => l?.relation === 'next')?.url;
            if (typeof next !== 'string' || next === '') {
              set.finish(countOnly, true);
              return of(set);
            }
            const target = this.base.followLink(next, run.serverBase);
            if (loaded < run.pageCap && target.ok) return step(this.getBundle(run, target.url));
            set.finish(countOnly, false);
            if (!target.ok) set.markPartial(target.reason);
            else {
              const outOf = set.total !== undefined ? ` of ${set.total}` : '';
              set.markPartial(
                `Only the first ${run.pageCap} page${run.pageCap === 1 ? ' was' : 's were'} loaded (${set.matchCount}${outOf} matches).`,
              );
            }
            return of(set);
          }),
        );
      return step(first);
    });
  }

  private getBundle(run: Run, url: string): Observable<Bundle> {
    return this.call(run, 'GET', (context) =>
      this.http.get<unknown>(url, { headers: ACCEPT, context }),
    ).pipe(map(expectSearchset));
  }

  private postSearch(run: Run, type: string, body: string): Observable<Bundle> {
    const headers = { ...ACCEPT, 'Content-Type': 'application/x-www-form-urlencoded' };
    return this.call(run, 'POST', (context) =>
      this.http.post<unknown>(this.base.url(type, '_search'), body, { headers, context }),
    ).pipe(map(expectSearchset));
  }

  /** One HTTP call: counted (retries too), its errors turned into FhirErrors. */
  private call<T>(
    run: Run | undefined,
    method: string,
    send: (context: HttpContext) => Observable<T>,
  ): Observable<T> {
    return defer(() => {
      if (run) run.requests++;
      const context = new HttpContext().set(
        FHIR_RETRY_LISTENER,
        run
          ? () => {
              run.requests++;
            }
          : null,
      );
      return send(context);
    }).pipe(
      catchError((error: unknown) =>
        throwError(() => (error instanceof HttpErrorResponse ? toFhirError(error, method) : error)),
      ),
    );
  }

  /**
   * Sorts `_include`/`_revinclude` values: those the server declares stay in the query; those
   * it does not are fetched afterwards when the client knows how, and otherwise dropped and
   * reported. While the server's capabilities are unknown, a value with no fallback is sent
   * anyway: the server may well support it, and a fallback is certain to work.
   */
  private planIncludes(type: string, query: readonly QueryParam[]): IncludePlan {
    const plan: IncludePlan = { query: [], includes: [], revIncludes: [], dropped: [] };
    for (const param of query) {
      const value = param.values.join(',');
      if (param.name === '_include') {
        const supported = this.capabilities.supportsInclude(type, value);
        if (supported) plan.query.push(param);
        else if (value.split(':')[0] === type && includeRule(value)) plan.includes.push(value);
        else if (supported === undefined) plan.query.push(param);
        else plan.dropped.push(value);
      } else if (param.name === '_revinclude') {
        const supported = this.capabilities.supportsRevInclude(type, value);
        const [source = '', searchParam = ''] = value.split(':');
        if (supported) plan.query.push(param);
        else if (
          RESOURCE_TYPE.test(source) &&
          searchParam !== '' &&
          this.capabilities.supportsSearchParam(source, searchParam) !== false
        )
          plan.revIncludes.push({ source, param: searchParam });
        else plan.dropped.push(value);
      } else plan.query.push(param);
    }
    return plan;
  }

  /** Fetches what unsupported includes would have added, as includes of `set`. */
  private resolveIncludes(
    run: Run,
    set: SearchResultSet,
    plan: IncludePlan,
  ): Observable<SearchResultSet> {
    for (const value of plan.dropped) {
      const text = `The server cannot follow ${value}, so those linked records were not loaded.`;
      set.warn(text);
      set.markPartial(text);
    }
    const bases = [this.base.href, ...(run.serverBase ? [run.serverBase] : [])];
    const wanted = new Map<string, Set<string>>();
    let foreign = 0;
    for (const include of plan.includes) {
      const rule = includeRule(include);
      if (!rule) continue;
      for (const resource of set.matches)
        for (const reference of referencesAt(resource, rule.path)) {
          const key = parseReference(reference, bases);
          if (!key) {
            if (/^https?:/i.test(reference)) foreign++;
            continue;
          }
          if (!rule.targets.includes(key.type) || set.has(key.type, key.id)) continue;
          const ids = wanted.get(key.type) ?? new Set<string>();
          wanted.set(key.type, ids.add(key.id));
        }
    }
    if (foreign > 0)
      set.warn(
        `${foreign} link${foreign === 1 ? '' : 's'} to records on other servers ${foreign === 1 ? 'was' : 'were'} not followed.`,
      );
    const fetches: { type: string; query: QueryParam[] }[] = [...wanted].map(([type, ids]) => ({
      type,
      query: [{ name: '_id', values: [...ids] }],
    }));
    const matchRefs = set.matches
      .filter((r) => r.resourceType === set.type && typeof r.id === 'string')
      .map((r) => `${r.resourceType}/${r.id}`);
    if (matchRefs.length > 0)
      for (const rev of plan.revIncludes)
        fetches.push({ type: rev.source, query: [{ name: rev.param, values: matchRefs }] });
    if (fetches.length === 0) return of(set);
    return from(fetches).pipe(
      mergeMap(
        (fetch, index) =>
          this.searchQuery(run, fetch.type, fetch.query).pipe(
            catchError((error: unknown) => {
              // As a server leaves out includes the caller may not read, so does the fallback.
              if (!(error instanceof FhirError) || error.kind !== 'forbidden')
                return throwError(() => error);
              const withheld = new SearchResultSet(fetch.type);
              withheld.markPartial(
                `Linked ${fetch.type} records were not loaded: you are not permitted to see them.`,
              );
              return of(withheld);
            }),
            map((part) => ({ index, part })),
          ),
        CONCURRENCY,
      ),
      toArray(),
      map((parts) => {
        parts.sort((a, b) => a.index - b.index).forEach((p) => set.absorbAsIncludes(p.part));
        return set;
      }),
    );
  }

  /** The resource a write answered with; read back when the server sent no body (or an OperationOutcome). */
  private savedResource(
    response: HttpResponse<unknown>,
    type: string,
    id?: string,
  ): Observable<FhirResource> {
    const body = response.body;
    if (isFhirResource(body) && body.resourceType === type) return of(body);
    const location = response.headers.get('Location');
    const bases = [this.base.href];
    const key = location ? parseReference(location, bases) : undefined;
    const savedId = key?.type === type ? key.id : id;
    if (savedId) return this.read(type, savedId);
    return throwError(
      () =>
        new FhirError({
          kind: 'server',
          status: response.status,
          message: 'The server saved the record but did not say where.',
        }),
    );
  }

  /**
   * 412 (stale If-Match) and 409 become a conflict outcome, with the record as it is now when
   * it can be read. A 412's message is the plain sentence: servers word theirs for developers.
   */
  private conflictOr(error: unknown, type: string, id?: string): Observable<WriteOutcome> {
    if (!(error instanceof FhirError) || error.kind !== 'conflict') return throwError(() => error);
    const message = error.status === 412 ? statusSentence(412) : error.message;
    if (!id) return of({ kind: 'conflict', message });
    return this.read(type, id).pipe(
      map((current): WriteOutcome => ({ kind: 'conflict', message, current })),
      catchError(() => of<WriteOutcome>({ kind: 'conflict', message })),
    );
  }
}
