import { EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createFeatureSelector, createReducer, on } from '@ngrx/store';
import { ClinicalApiActions } from './clinical-actions';
import { ClinicalData } from './clinical-data';
import { addDays } from '../domain/time/calendar-day';

interface SliceOptions<T> {
  /** Which records of a loaded query belong to this slice. */
  readonly pick: (data: ClinicalData) => readonly T[];
  /** For records that may share an id across resource types (Appointment and Encounter). */
  readonly selectId?: (record: NoInfer<T>) => string;
  /** Records of one patient: a query replaces the records of the patients it covered. */
  readonly patientOf?: (record: NoInfer<T>) => string;
  /**
   * For records a query may read from a day on only (sessions): such a query replaces a
   * covered patient's records from that day on and keeps the older ones another load brought.
   */
  readonly dateOf?: (record: NoInfer<T>) => string | undefined;
}

/**
 * One NgRx entity slice of clinical records, filled from `[Clinical API] Query Loaded`. When a
 * query covers a patient, their records are replaced (so a refresh drops what the server no
 * longer has), sessions only from the day the query read from when it read recent ones only
 * (the caseload), so a client's whole record loaded by their page is not cut back;
 * records not tied to a patient (staff, organisations) are set, replacing any with their id.
 */
export function createEntitySlice<T extends { readonly id: string }, N extends string>(
  name: N,
  options: SliceOptions<T>,
) {
  const adapter = createEntityAdapter<T>({
    selectId: options.selectId ?? ((record) => record.id),
  });
  const feature = createFeature({
    name,
    reducer: createReducer<EntityState<T>>(
      adapter.getInitialState(),
      on(
        ClinicalApiActions.queryLoaded,
        (state, { data, patientIds, historyFrom }): EntityState<T> => {
          const { patientOf, dateOf } = options;
          let next = state;
          if (patientOf && patientIds.length) {
            const covered = new Set(patientIds);
            // A day's slack: a record on the first day may have been outside the server's
            // bound in its time zone, so it is kept (and replaced if it came back).
            const replaceFrom = historyFrom && dateOf ? addDays(historyFrom, 1) : undefined;
            const replaced = (record: T) => {
              if (!covered.has(patientOf(record))) return false;
              const day = replaceFrom ? dateOf!(record) : undefined;
              // Lexical order of ISO dates: a record dated before the bound is older history.
              return !day || !replaceFrom || day >= replaceFrom;
            };
            next = adapter.removeMany(replaced, next);
          }
          // Set, not upsert: an upsert merges into a new object per record already held, so the
          // store and this action (which the store's action stream keeps until the next one)
          // each held a copy of every record of the load. A record is mapped whole from its
          // resource, so replacing it loses nothing that merging kept.
          return adapter.setMany(options.pick(data) as T[], next);
        },
      ),
    ),
  });
  const selectors = adapter.getSelectors(createFeatureSelector<EntityState<T>>(name));
  return { feature, ...selectors };
}
