import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import * as caseloadEffects from './caseload-effects';
import { CaseloadPage } from './caseload-page';
import { caseloadSearchFeature } from './caseload-search-feature';

export const CASELOAD_ROUTES: Routes = [
  {
    path: '',
    component: CaseloadPage,
    providers: [provideState(caseloadSearchFeature), provideEffects(caseloadEffects)],
  },
];
