import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideRouterStore, routerReducer } from '@ngrx/router-store';
import { Store, provideState, provideStore } from '@ngrx/store';
import { storeDevtoolsProviders } from '../environments/store-devtools';
import { routes } from './app.routes';
import * as authEffects from './core/auth/auth-effects';
import { authFeature } from './core/auth/auth-feature';
import { authInterceptor } from './core/auth/auth-interceptor';
import { AppConfig, provideAppConfig } from './core/config/app-config';
import { ConfigActions } from './core/config/config-actions';
import { configFeature } from './core/config/config-feature';
import { provideFhir } from './core/fhir/provide-fhir';
import * as idleEffects from './core/session/idle-effects';
import { resetOnSessionEnd } from './core/session/session-end';
import { PageTitleStrategy } from './shell/page-title-strategy';
import * as themeEffects from './shell/theme/theme-effects';
import { themeFeature } from './shell/theme/theme-feature';

/**
 * Every NgRx runtime check is on except `strictActionWithinNgZone`, which asserts that actions
 * are dispatched inside zone.js; this app is zoneless, so that check has nothing to check.
 */
export const STORE_RUNTIME_CHECKS = {
  strictStateImmutability: true,
  strictActionImmutability: true,
  strictStateSerializability: true,
  strictActionSerializability: true,
  strictActionTypeUniqueness: true,
  strictActionWithinNgZone: false,
} as const;

export function createAppConfig(config: AppConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideAppConfig(config),
      provideRouter(routes, withComponentInputBinding()),
      { provide: TitleStrategy, useClass: PageTitleStrategy },
      // Retry and request id wrap the auth interceptor, so each attempt carries the current token.
      provideFhir({ interceptors: [authInterceptor] }),
      provideStore(
        { router: routerReducer },
        { runtimeChecks: STORE_RUNTIME_CHECKS, metaReducers: [resetOnSessionEnd] },
      ),
      provideState(configFeature),
      provideState(authFeature),
      provideState(themeFeature),
      provideEffects(themeEffects, authEffects, idleEffects),
      provideRouterStore(),
      storeDevtoolsProviders,
      provideAppInitializer(() => {
        inject(Store).dispatch(ConfigActions.runtimeConfigLoaded({ config }));
      }),
    ],
  };
}
