import { createActionGroup, emptyProps, props } from '@ngrx/store';
import { RecoveryCurvesRecord } from '../fhir-mapping';
import { ClinicalData, MappingSummary } from './clinical-data';
import { QueryKey } from './query-key';
import { ServerWrites } from './server-feature';

/** A route declared the data it needs (route `data.needs`). */
export const RouteDataActions = createActionGroup({
  source: 'Route',
  events: {
    'Data Needed': props<{ query: QueryKey }>(),
  },
});

export const DataStatusActions = createActionGroup({
  source: 'Data Status',
  events: {
    'Refresh Clicked': emptyProps(),
  },
});

/** What the FHIR server answered. */
export const ClinicalApiActions = createActionGroup({
  source: 'Clinical API',
  events: {
    'Query Started': props<{ query: QueryKey; startedAt: number }>(),
    'Query Loaded': props<{
      query: QueryKey;
      data: ClinicalData;
      /** Patients the query covered: their earlier records are replaced, not merged. */
      patientIds: readonly string[];
      loadedAt: number;
      partial: boolean;
      partialReasons: readonly string[];
      requests: number;
      mapping: MappingSummary;
      /** Sessions were read from this day on only (see `QueryRun.historyFrom`). */
      historyFrom?: string;
    }>(),
    'Query Failed': props<{ query: QueryKey; message: string; forbidden: boolean }>(),
    'Recovery Curves Loaded': props<{ curves: RecoveryCurvesRecord; problem?: string }>(),
    'Server Capabilities Loaded': props<{ writes: ServerWrites }>(),
  },
});
