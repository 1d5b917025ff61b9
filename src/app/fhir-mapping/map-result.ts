/**
 * What every mapper returns: what it could read, and what it could not with the reason. Problems
 * name the resource by type and id only — never a name, a display text or any other free text —
 * so they can be logged and counted ("3 observations could not be read") without PHI.
 */
import { Rejected } from '../domain/models';
import { isRecord, text } from './read';

export interface ResourceKey {
  readonly resourceType: string;
  readonly id?: string;
}

export type ProblemSeverity = 'rejected' | 'warning';

export interface MappingProblem extends ResourceKey {
  /** `rejected`: the resource was not mapped; `warning`: it was, but part of it was not read. */
  readonly severity: ProblemSeverity;
  readonly reason: string;
}

export interface MapResult<T> {
  /** Absent when the resource could not be used; the problems then say why. */
  readonly value?: T;
  readonly problems: readonly MappingProblem[];
}

/** Many resources at once: the mapped items, each unusable resource with its reason, and warnings. */
export interface MapBatch<T> {
  readonly items: readonly T[];
  readonly rejected: readonly Rejected<ResourceKey>[];
  readonly warnings: readonly MappingProblem[];
}

/** The type and id of anything that claims to be a resource; ids are cut short, never echoed whole. */
export function keyOf(resource: unknown): ResourceKey {
  if (!isRecord(resource)) return { resourceType: '(not a resource)' };
  const resourceType = text(resource['resourceType']) ?? '(no resourceType)';
  const id = text(resource['id']);
  return id === undefined ? { resourceType } : { resourceType, id: id.slice(0, 64) };
}

export function problem(
  resource: unknown,
  severity: ProblemSeverity,
  reason: string,
): MappingProblem {
  return { ...keyOf(resource), severity, reason };
}

export function accepted<T>(value: T, warnings: readonly MappingProblem[] = []): MapResult<T> {
  return { value, problems: warnings };
}

/** A refusal, keeping any warnings gathered before the reason to refuse was found. */
export function rejected<T>(
  resource: unknown,
  reason: string,
  earlier: readonly MappingProblem[] = [],
): MapResult<T> {
  return { problems: [...earlier, problem(resource, 'rejected', reason)] };
}

/** Folds single results into a batch: rejections become `Rejected<ResourceKey>` for the UI count. */
export function toBatch<T>(results: readonly MapResult<T>[]): MapBatch<T> {
  const items: T[] = [];
  const rejectedItems: Rejected<ResourceKey>[] = [];
  const warnings: MappingProblem[] = [];
  for (const result of results) {
    if (result.value !== undefined) items.push(result.value);
    for (const p of result.problems) {
      if (p.severity === 'warning') warnings.push(p);
      else rejectedItems.push({ item: keyOfProblem(p), reason: p.reason });
    }
  }
  return { items, rejected: rejectedItems, warnings };
}

function keyOfProblem(p: MappingProblem): ResourceKey {
  return p.id === undefined
    ? { resourceType: p.resourceType }
    : { resourceType: p.resourceType, id: p.id };
}
