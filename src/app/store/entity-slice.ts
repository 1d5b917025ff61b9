import { EntityState, createEntityAdapter } from '@ngrx/entity';
import { createFeature, createFeatureSelector, createReducer, on } from '@ngrx/store';
import { ClinicalApiActions } from './clinical-actions';
import { ClinicalData } from './clinical-data';

interface SliceOptions<T> {
  /** Which records of a loaded query belong to this slice. */
  readonly pick: (data: ClinicalData) => readonly T[];
  /** For records that may share an id across resource types (Appointment and Encounter). */
  readonly selectId?: (record: NoInfer<T>) => string;
  /** Records of one patient: a query replaces the records of the patients it covered. */
  readonly patientOf?: (record: NoInfer<T>) => string;
}

/**
 * One NgRx entity slice of clinical records, filled from `[Clinical API] Query Loaded`. When a
 * query covers a patient, their records are replaced (so a refresh drops what the server no
 * longer has); records not tied to a patient (staff, organisations) are upserted.
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
      on(ClinicalApiActions.queryLoaded, (state, { data, patientIds }): EntityState<T> => {
        const { patientOf } = options;
        let next = state;
        if (patientOf && patientIds.length) {
          const covered = new Set(patientIds);
          next = adapter.removeMany((record) => covered.has(patientOf(record)), next);
        }
        return adapter.upsertMany(options.pick(data) as T[], next);
      }),
    ),
  });
  const selectors = adapter.getSelectors(createFeatureSelector<EntityState<T>>(name));
  return { feature, ...selectors };
}
