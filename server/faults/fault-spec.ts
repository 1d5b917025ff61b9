/**
 * The faults the development server can inject (only when started with `--faults`), as set
 * through `PUT /__faults`. Each is checked here before it is installed, so a typo in a test
 * fails loudly instead of injecting nothing.
 */
export const FAULT_KINDS = [
  'latency',
  '429',
  '500',
  '503',
  'page-fail',
  'drop',
  'expire-token',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultMatch {
  /** Only requests for this resource type (a `_getpages` request counts as its search's type). */
  readonly resourceType?: string;
  /** Only the later pages of searches (`[base]?_getpages=…`). */
  readonly pagesOnly?: boolean;
}

export interface FaultSpec {
  readonly kind: FaultKind;
  readonly match?: FaultMatch;
  /**
   * How many requests the fault hits before it stops (for `expire-token`: how many access
   * tokens it expires). Absent: until `DELETE /__faults`.
   */
  readonly times?: number;
  /** `latency`: the delay added to each request hit (default 500 ms). */
  readonly ms?: number;
  /** `429` (default 1) and `503` (sent only when given): the `Retry-After` seconds. */
  readonly retryAfter?: number;
  /** `page-fail`: which page fails, the first page of a search being 1 (default: any later page). */
  readonly page?: number;
  /** `page-fail`: the status of the failed page (default 500). */
  readonly status?: 500 | 503;
  /** `expire-token`: 'fail' makes refresh-token grants fail too, so the session ends. */
  readonly refresh?: 'ok' | 'fail';
}

const KEYS: ReadonlySet<string> = new Set([
  'kind',
  'match',
  'times',
  'ms',
  'retryAfter',
  'page',
  'status',
  'refresh',
]);

function wholeNumber(value: unknown, name: string, min: number, max: number): string | undefined {
  if (value === undefined) return undefined;
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? undefined
    : `${name} must be a whole number from ${min} to ${max}`;
}

/** The faults in a `PUT /__faults` body (one fault or a list), or the problems with it. */
export function parseFaults(body: unknown): { faults: FaultSpec[] } | { problems: string[] } {
  const items = Array.isArray(body) ? body : [body];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const at = Array.isArray(body) ? `fault ${index + 1}: ` : '';
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${at}a fault is a JSON object`);
      return;
    }
    const fault = item as Record<string, unknown>;
    for (const key of Object.keys(fault))
      if (!KEYS.has(key)) problems.push(`${at}unknown field "${key}"`);
    if (!FAULT_KINDS.includes(fault['kind'] as FaultKind))
      problems.push(`${at}kind must be one of ${FAULT_KINDS.join(', ')}`);
    const match = fault['match'];
    if (match !== undefined) {
      if (typeof match !== 'object' || match === null || Array.isArray(match))
        problems.push(`${at}match is an object`);
      else {
        const m = match as Record<string, unknown>;
        for (const key of Object.keys(m))
          if (key !== 'resourceType' && key !== 'pagesOnly')
            problems.push(`${at}unknown match field "${key}"`);
        if (
          m['resourceType'] !== undefined &&
          !/^[A-Z][A-Za-z]{1,63}$/.test(String(m['resourceType']))
        )
          problems.push(`${at}match.resourceType must be a FHIR resource type`);
        if (m['pagesOnly'] !== undefined && typeof m['pagesOnly'] !== 'boolean')
          problems.push(`${at}match.pagesOnly must be true or false`);
      }
    }
    for (const problem of [
      wholeNumber(fault['times'], 'times', 1, 1_000_000),
      wholeNumber(fault['ms'], 'ms', 0, 120_000),
      wholeNumber(fault['retryAfter'], 'retryAfter', 0, 86_400),
      wholeNumber(fault['page'], 'page', 2, 10_000),
    ])
      if (problem) problems.push(`${at}${problem}`);
    if (fault['status'] !== undefined && fault['status'] !== 500 && fault['status'] !== 503)
      problems.push(`${at}status must be 500 or 503`);
    if (fault['refresh'] !== undefined && fault['refresh'] !== 'ok' && fault['refresh'] !== 'fail')
      problems.push(`${at}refresh must be "ok" or "fail"`);
  });
  return problems.length ? { problems } : { faults: items as FaultSpec[] };
}
