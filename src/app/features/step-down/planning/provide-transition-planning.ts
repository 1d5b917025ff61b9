import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { PlanningDialogs } from './planning-dialogs';
import * as planningEffects from './planning-effects';
import { planningFeature } from './planning-feature';

/** Planning a step-down or step-up from the transition board: its state, effects and dialogs. */
export function provideTransitionPlanning(): EnvironmentProviders {
  return makeEnvironmentProviders([
    PlanningDialogs,
    provideState(planningFeature),
    provideEffects(planningEffects),
  ]);
}
