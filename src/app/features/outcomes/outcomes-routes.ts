import { Routes } from '@angular/router';
import { provideOutcomesCharts } from './outcomes-chart-registration';
import { OutcomesEntry } from './outcomes-entry';

/** Chart.js parts are registered here, so only this lazy chunk carries the trend charts'. */
export const OUTCOMES_ROUTES: Routes = [
  { path: '', component: OutcomesEntry, providers: [provideOutcomesCharts()] },
];
