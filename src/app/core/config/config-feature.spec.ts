import { AppConfig } from './app-config';
import { ConfigActions } from './config-actions';
import { configFeature } from './config-feature';

const config: AppConfig = {
  fhirBaseUrl: '/fhir',
  auth: 'open',
  clientId: '',
  scopes: '',
  idleTimeoutMinutes: 15,
  programTimeZone: 'America/Denver',
  programName: 'Mesa IOP',
  codeMaps: {},
  clinicalThresholds: {},
};

describe('configFeature', () => {
  const initial = configFeature.reducer(undefined, { type: '@@init' });

  it('starts empty with safe defaults for its selectors', () => {
    const state = { config: initial };
    expect(initial.config).toBeNull();
    expect(configFeature.selectProgramName(state)).toBe('');
    expect(configFeature.selectProgramTimeZone(state)).toBe('UTC');
    expect(configFeature.selectAuthMode(state)).toBeNull();
  });

  it('stores the runtime config when it is loaded', () => {
    const loaded = configFeature.reducer(initial, ConfigActions.runtimeConfigLoaded({ config }));
    const state = { config: loaded };
    expect(configFeature.selectConfig(state)).toBe(config);
    expect(configFeature.selectProgramName(state)).toBe('Mesa IOP');
    expect(configFeature.selectProgramTimeZone(state)).toBe('America/Denver');
    expect(configFeature.selectAuthMode(state)).toBe('open');
  });

  it('names its action as an event from its source', () => {
    expect(ConfigActions.runtimeConfigLoaded({ config }).type).toBe(
      '[App Bootstrap] Runtime Config Loaded',
    );
  });
});
