import { createFeature, createReducer, on } from '@ngrx/store';
import { RecoveryCurvesRecord } from '../fhir-mapping';
import { ClinicalApiActions } from './clinical-actions';

/** Per resource type, which writes the server's CapabilityStatement offers. */
export type ServerWrites = Readonly<
  Record<string, { readonly create: boolean; readonly update: boolean }>
>;

export interface ServerState {
  /** Features offer a write only where the server accepts it (null until read). */
  readonly writes: ServerWrites | null;
  /** The program's expected recovery curves, or the documented default with the reason. */
  readonly recoveryCurves: RecoveryCurvesRecord | null;
  readonly recoveryCurvesProblem: string | null;
}

const initialState: ServerState = {
  writes: null,
  recoveryCurves: null,
  recoveryCurvesProblem: null,
};

export const serverFeature = createFeature({
  name: 'server',
  reducer: createReducer(
    initialState,
    on(ClinicalApiActions.serverCapabilitiesLoaded, (state, { writes }): ServerState => ({
      ...state,
      writes,
    })),
    on(ClinicalApiActions.recoveryCurvesLoaded, (state, { curves, problem }): ServerState => ({
      ...state,
      recoveryCurves: curves,
      recoveryCurvesProblem: problem ?? null,
    })),
  ),
});
