import { FhirError } from '../db/fhir-error';
import { Resource, ResourceStore, validateResource } from '../db/resource-store';
import { SearchOutcome, createPageSet, parseStored, readPage } from '../db/search';
import { SearchParams } from '../db/search-query';
import { AccessContext, WriteAction } from './access';
import { recordAccess } from './audit';
import { BundleUrls, searchsetEntriesJson, searchsetHeadJson } from './search-bundle';
import { SharedBytes } from './gzip-parts';
import { SearchCache, cacheable, searchCacheKey } from './search-cache';
import { SHARED_TYPES, patientOf } from './search-params';

export interface RequestMeta {
  readonly requestId: string;
  /** `Prefer: handling=strict`: unknown search parameters are refused instead of ignored. */
  readonly strict?: boolean;
}

/**
 * A searchset Bundle as the REST API sends it: its own members (`head`, JSON text of the Bundle
 * without `entry`) and the `entry` array's bytes, which answers from the cache share.
 */
export interface SearchsetAnswer {
  readonly head: string;
  readonly entries: SharedBytes;
}

export interface WriteResult {
  readonly resource: Resource;
  /** True when a resource (or a new one under a client id) was created: 201, not 200. */
  readonly created: boolean;
}

/**
 * The FHIR interactions with access control and audit, independent of HTTP, so the REST routes
 * and the entries of transaction and batch Bundles behave the same. Every method either
 * returns or throws a FhirError carrying the HTTP status and message of its OperationOutcome.
 */
export class FhirInteractions {
  /** `cache`: first pages of searches to answer again while the data is unchanged (REST searches). */
  constructor(
    readonly store: ResourceStore,
    private readonly cache?: SearchCache,
  ) {}

  requireType(type: string): void {
    if (!this.store.isSupported(type))
      throw new FhirError(
        404,
        `resource type ${type.slice(0, 60)} is not supported by this server`,
        'not-supported',
      );
  }

  read(access: AccessContext, type: string, id: string, meta: RequestMeta): Resource {
    this.requireType(type);
    requireRead(access, type);
    const row = this.store.currentRow(type, id);
    if (!row || !inScope(access, type, row.patient_id)) throw notFound(type, id);
    if (row.deleted) throw new FhirError(410, `${type}/${id} has been deleted`, 'deleted');
    const resource = JSON.parse(row.json) as Resource;
    if (type !== 'AuditEvent' && row.patient_id)
      recordAccess(this.store, access, {
        requestId: meta.requestId,
        subtype: 'read',
        query: `${type}/${id}`,
        patientIds: [row.patient_id],
      });
    return resource;
  }

  vread(
    access: AccessContext,
    type: string,
    id: string,
    versionId: string,
    meta: RequestMeta,
  ): Resource {
    this.requireType(type);
    requireRead(access, type);
    const row = this.store.currentRow(type, id);
    if (!row) throw notFound(type, id);
    const version = /^\d{1,9}$/.test(versionId) ? Number(versionId) : -1;
    let resource: Resource | undefined;
    try {
      resource = this.store.vread(type, id, version);
    } catch (error) {
      // A deletion (410) is only news to a caller who may see the resource at all.
      if (!inScope(access, type, row.patient_id)) throw notFound(type, id);
      throw error;
    }
    // A version is visible when it, or (for a deletion) the current row, is in the caller's scope.
    const patient = resource ? (patientOf(resource) ?? null) : row.patient_id;
    if (!inScope(access, type, patient)) throw notFound(type, id);
    if (!resource)
      throw new FhirError(
        404,
        `${type}/${id} has no version ${versionId.slice(0, 20)}`,
        'not-found',
      );
    if (type !== 'AuditEvent' && patient)
      recordAccess(this.store, access, {
        requestId: meta.requestId,
        subtype: 'vread',
        query: `${type}/${id}/_history/${version}`,
        patientIds: [patient],
      });
    return resource;
  }

  search(
    access: AccessContext,
    type: string,
    params: SearchParams,
    meta: RequestMeta,
  ): SearchOutcome {
    this.requireType(type);
    requireRead(access, type);
    const pairs = [...params];
    const outcome = this.store.search(type, pairs, {
      patientScope: access.patientScope,
      canInclude: (t) => access.canRead(t),
      owner: ownerOf(access),
      strict: meta.strict ?? false,
    });
    this.auditSearch(access, type, queryOf(pairs), outcome, meta);
    return outcome;
  }

  /**
   * A search as the REST API answers it, the searchset Bundle's JSON: the first page of a search
   * this caller's reach has already run on the same data comes from the cache (search-cache.ts).
   * An answer from the cache is still an answer of its own: access is checked, and it gets its
   * own Bundle id, snapshot for paging and AuditEvent, as a search run again would.
   */
  searchset(
    access: AccessContext,
    type: string,
    params: SearchParams,
    meta: RequestMeta,
    urls: BundleUrls,
  ): SearchsetAnswer {
    this.requireType(type);
    requireRead(access, type);
    const pairs = [...params];
    const key = this.cache && searchCacheKey(type, pairs, access, urls.base);
    if (!this.cache || key === undefined) {
      const outcome = this.search(access, type, pairs, meta);
      return {
        head: searchsetHeadJson(outcome, urls),
        entries: { bytes: Buffer.from(searchsetEntriesJson(outcome, urls.base)), level: 1 },
      };
    }
    const generation = this.store.dataGeneration();
    const cached = this.cache.get(key, generation);
    if (cached) {
      const outcome: SearchOutcome = {
        search: cached.search,
        matches: [],
        includes: [],
        total: cached.total,
        offset: 0,
        ...(cached.rids
          ? {
              pageSetId: createPageSet(
                this.store,
                cached.search,
                cached.rids,
                ownerOf(access),
                Date.now(),
              ),
            }
          : {}),
        patientIds: cached.patientIds,
        withheldIncludeTypes: [],
      };
      this.auditSearch(access, type, queryOf(pairs), outcome, meta);
      return { head: searchsetHeadJson(outcome, urls), entries: cached.entries };
    }
    const outcome = this.search(access, type, pairs, meta);
    const keep = cacheable(outcome.search);
    const bytes = Buffer.from(searchsetEntriesJson(outcome, urls.base));
    // Kept entries are deflated at the level worth it for bytes sent again (gzip-parts.ts).
    const entries: SharedBytes = keep ? { bytes } : { bytes, level: 1 };
    if (keep) {
      const rids = outcome.pageSetId && this.store.pageSets.get(outcome.pageSetId)?.rids;
      this.cache.set(key, generation, {
        search: outcome.search,
        total: outcome.total,
        ...(rids ? { rids } : {}),
        patientIds: outcome.patientIds,
        entries,
      });
    }
    return { head: searchsetHeadJson(outcome, urls), entries };
  }

  /** A later page of a search (`_getpages`), for the same caller only. */
  page(
    access: AccessContext,
    setId: string,
    offset: number,
    count: number,
    meta: RequestMeta,
  ): SearchOutcome {
    const outcome = readPage(this.store, setId, offset, count, {
      patientScope: access.patientScope,
      canInclude: (t) => access.canRead(t),
      owner: ownerOf(access),
    });
    requireRead(access, outcome.search.type);
    this.auditSearch(
      access,
      outcome.search.type,
      `_getpages=${setId}&_getpagesoffset=${offset}`,
      outcome,
      meta,
    );
    return outcome;
  }

  /**
   * Create. With `ifNoneExist` (conditional create) an existing match is returned instead
   * (200), and more than one match is 412. `keepId` is for transactions, which assign ids first.
   */
  create(
    access: AccessContext,
    type: string,
    body: unknown,
    options: { ifNoneExist?: string; keepId?: boolean; meta: RequestMeta },
  ): WriteResult {
    this.requireType(type);
    validateResource(body);
    if (body.resourceType !== type)
      throw new FhirError(
        400,
        `resourceType ${body.resourceType} does not match the URL (${type})`,
        'invalid',
      );
    requireWrite(access, body, 'create');
    if (options.ifNoneExist !== undefined) {
      const existing = this.matchOne(
        access,
        type,
        options.ifNoneExist,
        'If-None-Exist',
        options.meta,
      );
      if (existing) return { resource: existing, created: false };
    }
    return { resource: this.store.create(body, { keepId: options.keepId }), created: true };
  }

  /** Update, or create under the client's id; `ifMatch` (a version) makes it 412 when stale. */
  update(
    access: AccessContext,
    type: string,
    id: string,
    body: unknown,
    ifMatch?: number,
  ): WriteResult {
    this.requireType(type);
    validateResource(body);
    const existing = this.store.currentRow(type, id);
    const live = existing && !existing.deleted;
    requireWrite(access, body, live ? 'update' : 'create');
    if (live && !inScope(access, type, existing.patient_id))
      throw new FhirError(
        403,
        `not permitted to update ${type}/${id}: it is outside your care teams`,
        'forbidden',
      );
    return this.store.update(type, id, body, ifMatch);
  }

  /** Delete; deleting what is already deleted succeeds (R4 deletes are idempotent). */
  delete(access: AccessContext, type: string, id: string): void {
    this.requireType(type);
    if (!access.canWrite(type, 'delete'))
      throw new FhirError(403, `not permitted to delete ${type}`, 'forbidden');
    const existing = this.store.currentRow(type, id);
    if (!existing) throw notFound(type, id);
    if (!inScope(access, type, existing.patient_id))
      throw new FhirError(
        403,
        `not permitted to delete ${type}/${id}: it is outside your care teams`,
        'forbidden',
      );
    this.store.delete(type, id);
  }

  /**
   * The single resource a conditional query (`identifier=x|y`) matches, as the caller sees it:
   * undefined for none, 412 for several (R4 conditional create and conditional references).
   */
  matchOne(
    access: AccessContext,
    type: string,
    query: string,
    what: string,
    meta: RequestMeta,
  ): Resource | undefined {
    const params = [...new URLSearchParams(query)];
    if (params.length === 0) throw new FhirError(400, `${what} needs search parameters`, 'invalid');
    const outcome = this.search(access, type, [...params, ['_count', '2']], {
      ...meta,
      strict: true,
    });
    if (outcome.total > 1)
      throw new FhirError(
        412,
        `${what} ${type}?${query.slice(0, 100)} matches ${outcome.total} resources, not one`,
        'multiple-matches',
      );
    const match = outcome.matches[0];
    return match && parseStored(match);
  }

  private auditSearch(
    access: AccessContext,
    type: string,
    query: string,
    outcome: SearchOutcome,
    meta: RequestMeta,
  ): void {
    if (type === 'AuditEvent') return;
    recordAccess(this.store, access, {
      requestId: meta.requestId,
      subtype: 'search-type',
      query: `${type}?${query}`,
      patientIds: outcome.patientIds,
    });
  }
}

/** The search as its AuditEvent records it. */
function queryOf(pairs: readonly (readonly [string, string])[]): string {
  return new URLSearchParams(pairs as [string, string][]).toString();
}

function notFound(type: string, id: string): FhirError {
  return new FhirError(404, `${type}/${id.slice(0, 64)} not found`, 'not-found');
}

function requireRead(access: AccessContext, type: string): void {
  if (!access.canRead(type)) throw new FhirError(403, `not permitted to read ${type}`, 'forbidden');
}

/** Whether a resource in `patientId`'s compartment (or none) is within the caller's reach. */
export function inScope(
  access: AccessContext,
  type: string,
  patientId: string | null | undefined,
): boolean {
  return (
    access.patientScope === 'all' ||
    SHARED_TYPES.has(type) ||
    (!!patientId && access.patientScope.has(patientId))
  );
}

function requireWrite(access: AccessContext, resource: Resource, action: WriteAction): void {
  if (!access.canWrite(resource.resourceType, action))
    throw new FhirError(403, `not permitted to ${action} ${resource.resourceType}`, 'forbidden');
  if (!inScope(access, resource.resourceType, patientOf(resource)))
    throw new FhirError(
      403,
      `not permitted to write ${resource.resourceType} for a patient outside your care teams`,
      'forbidden',
    );
}

/** Who may page through a search's snapshot: the same actor through the same client. */
function ownerOf(access: AccessContext): string {
  return `${access.actor?.reference ?? 'anonymous'}|${access.clientId ?? ''}`;
}
