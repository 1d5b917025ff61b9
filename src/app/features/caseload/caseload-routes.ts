import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import * as caseloadEffects from './caseload-effects';
import { CaseloadPage } from './caseload-page';

export const CASELOAD_ROUTES: Routes = [
  { path: '', component: CaseloadPage, providers: [provideEffects(caseloadEffects)] },
];
