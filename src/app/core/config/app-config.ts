import { InjectionToken, makeEnvironmentProviders } from '@angular/core';
import { LevelOfCare } from '../../domain/models';
import { CodeMaps } from './code-maps-validation';

/** How Waypoint signs in: SMART App Launch against the FHIR server, or an open (unsecured) server. */
export type AuthMode = 'smart' | 'open';

/**
 * The runtime configuration read from `config.json` before bootstrap, so one production build
 * runs against any FHIR server by changing only that file.
 */
export interface AppConfig {
  /** Base URL of the FHIR R4 server: absolute, or a path on this origin such as `/fhir`. */
  readonly fhirBaseUrl: string;
  readonly auth: AuthMode;
  /** OAuth client id registered with the authorisation server (required for `smart`). */
  readonly clientId: string;
  /** Space-separated SMART scopes requested at sign-in. */
  readonly scopes: string;
  /** Minutes of inactivity before automatic log-off (HIPAA automatic log-off). */
  readonly idleTimeoutMinutes: number;
  /** IANA time zone in which the program counts days and weeks. */
  readonly programTimeZone: string;
  /** Program or site shown in the toolbar. */
  readonly programName: string;
  /** A program's own codes (local level-of-care codes), validated at start-up. */
  readonly codeMaps: CodeMaps;
  /**
   * Clinical thresholds a program may override. `expectedWeeks` is validated here, at start-up;
   * other entries by the domain library that reads them.
   */
  readonly clinicalThresholds: ClinicalThresholds;
}

/** A level's expected length of stay, in weeks (both ends count as within). */
export interface ExpectedWeeks {
  readonly min: number;
  readonly max: number;
}

export interface ClinicalThresholds {
  /**
   * The program's expected length of stay per level, replacing Waypoint's defaults (IOP 8–12
   * weeks, PHP 2–4) for the levels given: `{ "iop": { "min": 6, "max": 10 } }`.
   */
  readonly expectedWeeks?: Readonly<Partial<Record<LevelOfCare, ExpectedWeeks>>>;
  readonly [threshold: string]: unknown;
}

export const APP_CONFIG = new InjectionToken<AppConfig>('AppConfig');

export function provideAppConfig(config: AppConfig) {
  return makeEnvironmentProviders([{ provide: APP_CONFIG, useValue: config }]);
}
