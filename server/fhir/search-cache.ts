import { createHash } from 'node:crypto';
import type { ParsedSearch, SearchParams } from '../db/search-query';
import type { AccessContext } from './access';
import type { SharedBytes } from './gzip-parts';
import { RESOURCE_TYPES, paramOf } from './search-params';

/**
 * What two answers to the same search of unchanged data share: everything but the Bundle's id,
 * time and paging links, and the work each request does for itself (access, snapshot, audit).
 */
export interface CachedSearch {
  readonly search: ParsedSearch;
  readonly total: number;
  /** Every page's matches in order (row ids), when there is more than one page: each answer's own snapshot. */
  readonly rids?: readonly number[];
  /** Patients whose data the first page holds, for each answer's AuditEvent. */
  readonly patientIds: ReadonlySet<string>;
  /**
   * The first page's `entry` array as UTF-8 (searchsetEntriesJson), empty when it has none, and
   * its deflated form once an answer has been compressed (gzip-parts.ts).
   */
  readonly entries: SharedBytes;
}

interface Slot {
  readonly value: CachedSearch;
  readonly bytes: number;
}

/**
 * Answers to searches already run, as HAPI FHIR reuses a search's results (its
 * `reuseCachedSearchResultsForMillis`), but never stale: an entry is only good for the data
 * generation it was made in (ResourceStore.dataGeneration), so any write of clinical data drops
 * them all. Least recently used entries go first once they hold more than `maxBytes`.
 */
export class SearchCache {
  private readonly slots = new Map<string, Slot>();
  private bytes = 0;
  private generation = '';

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.slots.size;
  }

  get(key: string, generation: string): CachedSearch | undefined {
    this.sync(generation);
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.value;
  }

  set(key: string, generation: string, value: CachedSearch): void {
    this.sync(generation);
    const bytes =
      2 * key.length +
      // The entries, and room for their deflated copy (FHIR JSON deflates to well under a fifth).
      Math.ceil(1.2 * value.entries.bytes.length) +
      8 * (value.rids?.length ?? 0) +
      64 * value.patientIds.size +
      1024;
    // One answer may not push out most of the others.
    if (bytes > this.maxBytes / 4) return;
    this.remove(key);
    this.slots.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest] of this.slots) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.bytes -= slot.bytes;
  }

  private sync(generation: string): void {
    if (generation === this.generation) return;
    this.slots.clear();
    this.bytes = 0;
    this.generation = generation;
  }
}

/**
 * The cache key of a search: the type, the parameters (GET query and POST form body alike) in
 * a stable order by name (repeats of a name keep theirs: `_include` order is the entries' order,
 * the last `_count` wins), the base the entries' fullUrls use, and what the caller may reach: the
 * patients in scope and the types they may read (includes are limited to both). Undefined for
 * a search whose answer the data generation does not settle: AuditEvents (the server writes
 * them without a new generation) and `ap` dates (approximate to the present moment).
 */
export function searchCacheKey(
  type: string,
  params: SearchParams,
  access: AccessContext,
  base: string,
): string | undefined {
  if (type === 'AuditEvent') return undefined;
  const pairs = [...params];
  if (pairs.some(([, value]) => /(^|,)ap\d/.test(value))) return undefined;
  const readable = RESOURCE_TYPES.map((t) => (access.canRead(t) ? '1' : '0')).join('');
  const ordered = pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([type, base, scopeKey(access.patientScope), readable, ordered]);
}

/**
 * Whether a search run under a key may be kept. Not when it has parameters the server ignores
 * (the warning names them in the order sent, which the key does not keep), nor when an
 * include could bring in AuditEvents.
 */
export function cacheable(search: ParsedSearch): boolean {
  if (search.unknown.length > 0) return false;
  return [...search.includes, ...search.revIncludes].every((spec) => {
    if (spec.source === 'AuditEvent') return false;
    const targets = spec.target
      ? [spec.target]
      : ((paramOf(spec.source, spec.param) as { targets?: readonly string[] } | undefined)
          ?.targets ?? []);
    return !targets.includes('AuditEvent');
  });
}

/** A patient scope's identity, worked out once per set (the resolver keeps one per token). */
const scopeKeys = new WeakMap<ReadonlySet<string>, string>();

function scopeKey(scope: 'all' | ReadonlySet<string>): string {
  if (scope === 'all') return 'all';
  let key = scopeKeys.get(scope);
  if (key === undefined) {
    key = createHash('sha256')
      .update([...scope].sort().join('\n'))
      .digest('base64');
    scopeKeys.set(scope, key);
  }
  return key;
}
