/**
 * Mapping ahead: while a load's later pages are still on the network, the pages already here
 * are mapped resource by resource, so that little is left to map once the last one lands (the
 * searches of a load end within milliseconds of each other, and mapping everything after the
 * last of them was most of the wait between the data and the page).
 *
 * Only what a resource gives on its own is mapped ahead: a session (Appointment or Encounter),
 * an Observation's header and, unless it is one item of an administration, its score. A record
 * is kept only if mapping it asked nothing of the other resources of the batch (the index that
 * resolves `urn:uuid:` references, which the batch is not complete enough to answer yet): then
 * it is the record the whole batch would give. What joins resources (an Encounter that replaces
 * its Appointment, a panel and its members, items and their total, a response and the
 * Observation derived from it) is still done by `mapResources`, which takes each resource's
 * record from the memo (`MappingContext.memo`) instead of mapping it again. The result is the
 * same as without the memo (a spec maps the corpus and generated batches both ways).
 */
import { Appointment, Encounter, Observation } from './fhir-types';
import { MapResult } from './map-result';
import { MappedSession } from './mapped-models';
import { MappingContext, interner, resolveContext } from './mapping-context';
import { PremappedObservation, premapObservation } from './observation-mapper';
import { isRecord } from './read';
import { ResourceIndex } from './references';
import { mapAppointment, mapEncounter } from './session-mapper';
import { Steps, runSteps } from './steps';

export interface MappingMemo {
  /** The batch's strings: records mapped ahead share them with the rest of the batch. */
  readonly intern: <T extends string>(value: T) => T;
  /** Keyed by the resource object itself, so only the very resource mapped ahead is found. */
  readonly sessions: WeakMap<object, MapResult<MappedSession>>;
  readonly observations: WeakMap<object, PremappedObservation>;
  /** The context resources are mapped ahead with: the batch's, with an index that records use. */
  readonly ahead: MappingContext;
  /** Set when mapping the current resource asked the index anything. */
  asked: boolean;
}

/**
 * A memo for one batch. `context` must be the context the batch is then mapped with (with
 * `memo` added), so a record mapped ahead is the one the batch would give.
 */
export function createMappingMemo(context: MappingContext = {}): MappingMemo {
  const memo: Omit<MappingMemo, 'ahead'> & { ahead?: MappingContext } = {
    intern: interner(),
    sessions: new WeakMap(),
    observations: new WeakMap(),
    asked: false,
  };
  // The batch is not all here: any question to its index means the record waits for the batch.
  const index: ResourceIndex = {
    resolve: () => {
      memo.asked = true;
      return undefined;
    },
  };
  memo.ahead = { ...context, index, memo: memo as MappingMemo };
  return memo as MappingMemo;
}

/** Maps ahead what `resources` (one page of a load) give on their own, pausing after each. */
export function* premapInSteps(resources: readonly unknown[], memo: MappingMemo): Steps<void> {
  const ctx = resolveContext(memo.ahead);
  for (const resource of resources) {
    if (!isRecord(resource)) continue;
    const type = resource['resourceType'];
    if (type !== 'Appointment' && type !== 'Encounter' && type !== 'Observation') continue;
    memo.asked = false;
    if (type === 'Observation') {
      const early = premapObservation(resource as unknown as Observation, ctx);
      if (!memo.asked) memo.observations.set(resource, early);
    } else {
      const early =
        type === 'Encounter'
          ? mapEncounter(resource as unknown as Encounter, memo.ahead)
          : mapAppointment(resource as unknown as Appointment, memo.ahead);
      if (!memo.asked) memo.sessions.set(resource, early);
    }
    yield;
  }
}

/** `premapInSteps` in one go. */
export function premap(resources: readonly unknown[], memo: MappingMemo): void {
  runSteps(premapInSteps(resources, memo));
}
