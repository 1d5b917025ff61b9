import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { AppConfig } from './app-config';
import { ConfigActions } from './config-actions';

export interface ConfigState {
  readonly config: AppConfig | null;
}

const initialState: ConfigState = { config: null };

export const configFeature = createFeature({
  name: 'config',
  reducer: createReducer(
    initialState,
    on(ConfigActions.runtimeConfigLoaded, (_state, { config }): ConfigState => ({ config })),
  ),
  extraSelectors: ({ selectConfig }) => ({
    selectProgramName: createSelector(selectConfig, (config) => config?.programName ?? ''),
    selectProgramTimeZone: createSelector(
      selectConfig,
      (config) => config?.programTimeZone ?? 'UTC',
    ),
    selectAuthMode: createSelector(selectConfig, (config) => config?.auth ?? null),
    /**
     * The program's expected length of stay per level (`clinicalThresholds.expectedWeeks`);
     * levels it leaves out keep Waypoint's defaults.
     */
    selectExpectedWeeks: createSelector(
      selectConfig,
      (config) => config?.clinicalThresholds.expectedWeeks ?? {},
    ),
  }),
});
