import { Action, ActionReducer, createReducer, on } from '@ngrx/store';
import { AuthApiActions, UserMenuActions } from '../auth/auth-actions';
import { ConfigActions } from '../config/config-actions';
import { IdleActions } from './idle-actions';
import { resetOnSessionEnd } from './session-end';

interface State {
  config: string;
  theme: string;
  router: string;
  clinical: string;
}

const inner: ActionReducer<State, Action> = (state, action) => ({
  config: state?.config ?? 'config-initial',
  theme: state?.theme ?? 'theme-initial',
  router: state?.router ?? 'router-initial',
  clinical: action.type === 'load' ? 'patients' : (state?.clinical ?? 'clinical-initial'),
});

describe('resetOnSessionEnd', () => {
  const reducer = resetOnSessionEnd(inner);
  const loaded: State = { config: 'c', theme: 'dark', router: 'r', clinical: 'patients' };

  for (const end of [
    UserMenuActions.signOutClicked(),
    IdleActions.timedOut(),
    AuthApiActions.refreshFailed({ message: 'x' }),
    AuthApiActions.sessionExpired(),
  ]) {
    it(`drops clinical state and keeps config, theme and router on "${end.type}"`, () => {
      expect(reducer(loaded, end)).toEqual({
        config: 'c',
        theme: 'dark',
        router: 'r',
        clinical: 'clinical-initial',
      });
    });
  }

  it('leaves state alone for other actions', () => {
    expect(reducer(loaded, IdleActions.warningShown())).toEqual(loaded);
    expect(reducer(loaded, ConfigActions.runtimeConfigLoaded({ config: {} as never }))).toEqual(
      loaded,
    );
  });

  it('works with real feature reducers that start from undefined', () => {
    const counter = createReducer(
      0,
      on(IdleActions.warningShown, (n): number => n + 1),
    );
    const combined = resetOnSessionEnd((state: { n: number } | undefined, action: Action) => ({
      n: counter(state?.n, action),
    }));
    const warned = combined({ n: 3 }, IdleActions.warningShown());
    expect(warned).toEqual({ n: 4 });
    expect(combined(warned, IdleActions.timedOut())).toEqual({ n: 0 });
  });
});
