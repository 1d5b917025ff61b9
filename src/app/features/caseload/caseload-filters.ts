import { Params } from '@angular/router';
import { ATTENTION_KINDS, AttentionKind } from '../../domain/caseload/attention-flags';
import { compareByNeed } from '../../domain/caseload/triage';
import { isLevelOfCare } from '../../domain/levels/level-of-care';
import { LevelOfCare } from '../../domain/models';
import { CaseloadRow } from './caseload-row';

export const SORT_KEYS = [
  'need',
  'name',
  'level',
  'score',
  'change',
  'attendance',
  'next',
] as const;
export type CaseloadSort = (typeof SORT_KEYS)[number];

/** The caseload view as the URL carries it, so a view can be bookmarked and shared. */
export interface CaseloadFilters {
  /** Text search on the client's name. */
  readonly q: string;
  /** Quick filter: flagged clients, or one kind of flag. */
  readonly flag: AttentionKind | 'flagged' | null;
  readonly level: LevelOfCare | null;
  /** A director's choice of therapist (care manager id) and program (organization id). */
  readonly therapist: string | null;
  readonly program: string | null;
  readonly sort: CaseloadSort;
  readonly dir: 'asc' | 'desc';
}

/** The longest search kept (the box accepts no more). */
export const MAX_SEARCH_LENGTH = 100;

export const DEFAULT_FILTERS: CaseloadFilters = {
  q: '',
  flag: null,
  level: null,
  therapist: null,
  program: null,
  sort: 'need',
  dir: 'asc',
};

const one = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : undefined;

/** Reads the view from query parameters; anything unknown falls back to the default. */
export function filtersFromParams(params: Params): CaseloadFilters {
  const flag = one(params['flag']);
  const level = one(params['level']);
  const sort = one(params['sort']);
  return {
    q: (one(params['q']) ?? '').slice(0, MAX_SEARCH_LENGTH),
    flag:
      flag === 'flagged' || ATTENTION_KINDS.includes(flag as AttentionKind)
        ? (flag as CaseloadFilters['flag'])
        : null,
    level: isLevelOfCare(level) ? level : null,
    therapist: one(params['therapist']) || null,
    program: one(params['program']) || null,
    sort: SORT_KEYS.includes(sort as CaseloadSort) ? (sort as CaseloadSort) : 'need',
    dir: one(params['dir']) === 'desc' ? 'desc' : 'asc',
  };
}

/** The query parameters of a view: defaults are left out, so the plain URL is the default view. */
export function paramsFromFilters(filters: CaseloadFilters): Params {
  const params: Params = {};
  if (filters.q) params['q'] = filters.q;
  if (filters.flag) params['flag'] = filters.flag;
  if (filters.level) params['level'] = filters.level;
  if (filters.therapist) params['therapist'] = filters.therapist;
  if (filters.program) params['program'] = filters.program;
  if (filters.sort !== 'need') params['sort'] = filters.sort;
  if (filters.dir !== 'asc') params['dir'] = filters.dir;
  return params;
}

const hasSafety = (row: CaseloadRow) => row.attention.flags.some((f) => f.kind === 'safety');

/** The therapist and program a director chose: the scope the summary strip counts. */
export function scopeRows(
  rows: readonly CaseloadRow[],
  filters: Pick<CaseloadFilters, 'therapist' | 'program'>,
): CaseloadRow[] {
  return rows.filter(
    (r) =>
      (!filters.therapist || r.careManagerId === filters.therapist) &&
      (!filters.program || r.programId === filters.program),
  );
}

/** A row in table order, with what the quick filters and search test worked out once. */
export interface OrderedRow {
  readonly row: CaseloadRow;
  readonly safety: boolean;
  /** The name lower-cased, so a keystroke compares strings and converts none. */
  readonly nameKey: string;
}

/**
 * Rows in table order: clients with a safety signal first whatever the sort, then the chosen
 * sort, then need. Depends on the sort only, so typing in the search box or choosing a quick
 * filter does not sort again.
 */
export function orderRows(
  rows: readonly CaseloadRow[],
  filters: Pick<CaseloadFilters, 'sort' | 'dir'>,
): OrderedRow[] {
  const compare = comparator(filters.sort);
  const sign = filters.dir === 'desc' ? -1 : 1;
  return rows
    .map((row) => ({ row, safety: hasSafety(row), nameKey: row.name.toLocaleLowerCase() }))
    .sort(
      (a, b) =>
        Number(b.safety) - Number(a.safety) ||
        sign * compare(a.row, b.row) ||
        compareByNeed(a.row, b.row),
    );
}

/**
 * The ordered rows the quick filters and search leave, order kept: they narrow the scope, but a
 * client with a safety signal is never hidden by them.
 */
export function matchRows(
  ordered: readonly OrderedRow[],
  filters: Pick<CaseloadFilters, 'q' | 'level' | 'flag'>,
): CaseloadRow[] {
  const q = filters.q.trim().toLocaleLowerCase();
  const { level, flag } = filters;
  const shown: CaseloadRow[] = [];
  for (const { row, safety, nameKey } of ordered) {
    if (
      safety ||
      ((!q || nameKey.includes(q)) &&
        (!level || row.level === level) &&
        (!flag ||
          (flag === 'flagged'
            ? row.attention.flags.length > 0
            : row.attention.flags.some((f) => f.kind === flag))))
    )
      shown.push(row);
  }
  return shown;
}

/**
 * The rows the table shows: the quick filters and search narrow the scope, but a client with a
 * safety signal is never hidden by them, and always comes first whatever the sort.
 */
export function visibleRows(rows: readonly CaseloadRow[], filters: CaseloadFilters): CaseloadRow[] {
  return matchRows(orderRows(scopeRows(rows, filters), filters), filters);
}

/** Missing values sort last in ascending order. */
function byNumber(value: (row: CaseloadRow) => number | undefined) {
  return (a: CaseloadRow, b: CaseloadRow) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return x - y;
  };
}

function comparator(sort: CaseloadSort): (a: CaseloadRow, b: CaseloadRow) => number {
  switch (sort) {
    case 'need':
      return compareByNeed;
    case 'name':
      return (a, b) => a.name.localeCompare(b.name);
    case 'level':
      return (a, b) =>
        a.levelLabel.localeCompare(b.levelLabel) || a.attention.week - b.attention.week;
    case 'score':
      return byNumber((r) => r.attention.latest?.score);
    case 'change':
      return byNumber((r) => r.attention.improvement);
    case 'attendance':
      return byNumber((r) => r.attention.attendance.rate);
    case 'next':
      return (a, b) =>
        (a.attention.nextSession ?? '~').localeCompare(b.attention.nextSession ?? '~');
  }
}
