import { Routes } from '@angular/router';
import { provideProgressCharts } from './charts/chart-registration';
import { ClientProgressPage } from './client-progress-page';

/** Chart.js is registered here, so only this lazy chunk carries it. */
export const CLIENT_PROGRESS_ROUTES: Routes = [
  {
    path: '',
    component: ClientProgressPage,
    providers: [provideProgressCharts()],
    data: { needs: ['client'] },
  },
];
