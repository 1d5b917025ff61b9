import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import * as boardEffects from './board/transition-board-effects';
import { provideTransitionPlanning } from './planning/provide-transition-planning';
import { provideStepDownCharts } from './step-down-chart-registration';
import { StepDownPage } from './step-down-page';

export const STEP_DOWN_ROUTES: Routes = [
  {
    path: '',
    component: StepDownPage,
    providers: [provideEffects(boardEffects), provideTransitionPlanning(), provideStepDownCharts()],
  },
];
