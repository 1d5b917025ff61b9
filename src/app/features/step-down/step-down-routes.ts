import { Routes } from '@angular/router';
import { StepDownPage } from './step-down-page';

export const STEP_DOWN_ROUTES: Routes = [{ path: '', component: StepDownPage }];
