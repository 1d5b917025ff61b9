import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { ActionReducer, provideState } from '@ngrx/store';
import * as clinicalEffects from './clinical-effects';
import { CLINICAL_SLICES } from './clinical-slices';
import { queriesFeature } from './queries-feature';
import { serverFeature } from './server-feature';

/** The clinical store: entity slices, query status, server facts, and the effects that load them. */
export function provideClinicalStore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    ...CLINICAL_SLICES.map((slice) =>
      provideState(slice.feature.name, slice.feature.reducer as ActionReducer<unknown>),
    ),
    provideState(queriesFeature),
    provideState(serverFeature),
    provideEffects(clinicalEffects),
  ]);
}
