import { FhirError, issueText } from './fhir-error';
import { Bundle, FhirResource, OperationOutcomeIssue, issuesOf } from './fhir-resource';

export interface SearchOutcome {
  readonly matches: FhirResource[];
  readonly includes: FhirResource[];
  /** The server's `Bundle.total` (see SearchResultSet.merge for split searches). */
  readonly total?: number;
  /** True when some of what was asked for is missing: never show the data as complete then. */
  readonly partial: boolean;
  /** Why, in sentences fit to show. */
  readonly partialReasons: string[];
  /** HTTP calls made, retries included. */
  readonly requests: number;
  /** The server's search warnings (OperationOutcome entries), readable and de-duplicated. */
  readonly warnings: string[];
}

/** What a search of each type returns, in words for staff (a missing page names them). */
const RECORDS_OF_TYPE: Readonly<Record<string, string>> = {
  Appointment: 'appointments',
  CarePlan: 'care plans',
  CareTeam: 'care teams',
  Condition: 'diagnoses',
  Encounter: 'sessions',
  EpisodeOfCare: 'episodes of care',
  Flag: 'safety flags',
  Library: 'libraries',
  Observation: 'scores',
  Organization: 'programs',
  Patient: 'clients',
  Practitioner: 'staff',
  PractitionerRole: 'staff roles',
  QuestionnaireResponse: 'questionnaire answers',
};

export function recordsOfType(type: string): string {
  return RECORDS_OF_TYPE[type] ?? `${type} records`;
}

/**
 * Why a search is partial when page `page` failed after earlier pages were read: what is
 * missing (how many of which records) and why, without the server's wording, which may be long.
 */
export function pageFailedReason(
  type: string,
  set: SearchResultSet,
  page: number,
  error: FhirError,
): string {
  const outOf = set.total !== undefined ? ` of ${set.total}` : '';
  const cause =
    error.kind === 'network'
      ? 'the connection was lost'
      : error.status >= 400
        ? `the server answered HTTP ${error.status}`
        : 'the answer was not search results';
  return `Only ${set.matchCount}${outOf} ${recordsOfType(type)} were loaded: page ${page} of the results failed (${cause}).`;
}

/** Issue codes that say the result set was cut short or filtered. */
const TRUNCATION_CODES: ReadonlySet<string> = new Set([
  'incomplete',
  'too-costly',
  'too-long',
  'throttled',
  'suppressed',
  'timeout',
]);
const TRUNCATION_TEXT = /truncat|incomplete|partial|not included|withheld|too many|limit/i;

function truncates(issue: OperationOutcomeIssue): boolean {
  if (issue.severity === 'error' || issue.severity === 'fatal') return true;
  if (issue.severity !== 'warning') return false;
  return (
    TRUNCATION_CODES.has(issue.code) ||
    TRUNCATION_TEXT.test(`${issue.diagnostics ?? ''} ${issue.details?.text ?? ''}`)
  );
}

/**
 * Collects the pages of one search, and merges searches (chunks, include fetches): resources
 * are kept once per type/id, a resource that is both a match and an include counts as a
 * match, and warnings and reasons are kept once each.
 */
export class SearchResultSet {
  private readonly matchByKey = new Map<string, FhirResource>();
  private readonly includeByKey = new Map<string, FhirResource>();
  private readonly reasons = new Set<string>();
  private readonly warnings = new Set<string>();
  private anonymous = 0;
  private skipped = 0;
  total?: number;

  constructor(readonly type: string) {}

  get matchCount(): number {
    return this.matchByKey.size;
  }

  get partial(): boolean {
    return this.reasons.size > 0;
  }

  get matches(): FhirResource[] {
    return [...this.matchByKey.values()];
  }

  has(type: string, id: string): boolean {
    const key = `${type}/${id}`;
    return this.matchByKey.has(key) || this.includeByKey.has(key);
  }

  addMatch(resource: FhirResource): void {
    const key = this.keyOf(resource);
    this.includeByKey.delete(key);
    this.matchByKey.set(key, resource);
  }

  addInclude(resource: FhirResource): void {
    const key = this.keyOf(resource);
    if (!this.matchByKey.has(key)) this.includeByKey.set(key, resource);
  }

  warn(text: string): void {
    this.warnings.add(text);
  }

  markPartial(reason: string): void {
    this.reasons.add(reason);
  }

  /**
   * One searchset page. R4 makes `search.mode` optional: without it, a resource of the
   * searched type is taken as a match and any other as an include. OperationOutcomes never
   * become data.
   */
  addPage(bundle: Bundle): void {
    if (this.total === undefined && typeof bundle.total === 'number') this.total = bundle.total;
    for (const entry of bundle.entry ?? []) {
      const resource = entry?.resource;
      const mode = entry?.search?.mode;
      if (
        typeof resource !== 'object' ||
        resource === null ||
        typeof resource.resourceType !== 'string'
      ) {
        if (mode !== 'outcome') this.skipped++;
        continue;
      }
      if (mode === 'outcome' || resource.resourceType === 'OperationOutcome') {
        this.addIssues(issuesOf(resource));
        continue;
      }
      if (mode === 'include' || (mode !== 'match' && resource.resourceType !== this.type))
        this.addInclude(resource);
      else this.addMatch(resource);
    }
  }

  /**
   * After the last page read. `reachedEnd`: the server gave no next link, so a searchset that
   * stops short of its total has lost matches.
   */
  finish(countOnly: boolean, reachedEnd: boolean): void {
    if (this.skipped > 0) {
      const text = `${this.skipped} search ${this.skipped === 1 ? 'entry was' : 'entries were'} unreadable and left out.`;
      this.warn(text);
      this.markPartial(text);
    }
    if (reachedEnd && !countOnly && this.total !== undefined && this.matchCount < this.total)
      this.markPartial(
        `The server returned ${this.matchCount} of ${this.total} matches and no link to the rest.`,
      );
  }

  /** Adds another search's resources as includes (fetches that replace `_include`). */
  absorbAsIncludes(other: SearchResultSet): void {
    for (const r of [...other.matchByKey.values(), ...other.includeByKey.values()])
      this.addInclude(r);
    this.absorbNotes(other);
  }

  /**
   * One search run as several (chunks of an OR list). The total is exact (the distinct
   * matches) when every chunk was complete; otherwise the chunks' totals added up, an upper
   * bound as a resource may match in more than one chunk (so is a `_summary=count`).
   */
  static merge(
    type: string,
    parts: readonly SearchResultSet[],
    countOnly: boolean,
  ): SearchResultSet {
    const merged = new SearchResultSet(type);
    for (const part of parts) {
      for (const r of part.matchByKey.values()) merged.addMatch(r);
      for (const r of part.includeByKey.values()) merged.addInclude(r);
      merged.absorbNotes(part);
    }
    const totals = parts.map((p) => p.total);
    if (!merged.partial && !countOnly) merged.total = merged.matchCount;
    else if (totals.every((t): t is number => t !== undefined))
      merged.total = totals.reduce((a, b) => a + b, 0);
    return merged;
  }

  outcome(requests: number): SearchOutcome {
    return {
      matches: [...this.matchByKey.values()],
      includes: [...this.includeByKey.values()],
      ...(this.total !== undefined ? { total: this.total } : {}),
      partial: this.partial,
      partialReasons: [...this.reasons],
      requests,
      warnings: [...this.warnings],
    };
  }

  private absorbNotes(other: SearchResultSet): void {
    other.warnings.forEach((w) => this.warnings.add(w));
    other.reasons.forEach((r) => this.reasons.add(r));
  }

  private addIssues(issues: readonly OperationOutcomeIssue[]): void {
    for (const issue of issues) {
      const text = issueText(issue);
      if (!text) continue;
      this.warn(text);
      if (truncates(issue)) this.markPartial(text);
    }
  }

  private keyOf(resource: FhirResource): string {
    return typeof resource.id === 'string' && resource.id !== ''
      ? `${resource.resourceType}/${resource.id}`
      : `#${this.anonymous++}`;
  }
}
