import { Routes } from '@angular/router';
import { provideClinicalStore } from '../store/provide-clinical-store';
import { AppShell } from './app-shell';

/** Everything behind sign-in: the shell layout, its pages, and the clinical store they share. */
export const SHELL_ROUTES: Routes = [
  {
    path: '',
    component: AppShell,
    providers: [provideClinicalStore()],
    // Every page under the shell shows the caseload's data status bar, with its Refresh (see
    // store/query-key.ts); a client's page does not wait for it (store/clinical-effects.ts).
    data: { needs: ['caseload'] },
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'caseload' },
      {
        path: 'caseload',
        title: 'Caseload',
        loadChildren: () =>
          import('../features/caseload/caseload-routes').then((m) => m.CASELOAD_ROUTES),
      },
      {
        path: 'step-down',
        title: 'Step-down',
        loadChildren: () =>
          import('../features/step-down/step-down-routes').then((m) => m.STEP_DOWN_ROUTES),
      },
      {
        path: 'outcomes',
        title: 'Outcomes',
        loadChildren: () =>
          import('../features/outcomes/outcomes-routes').then((m) => m.OUTCOMES_ROUTES),
      },
      {
        path: 'clients/:patientId',
        title: 'Client progress',
        loadChildren: () =>
          import('../features/client-progress/client-progress-routes').then(
            (m) => m.CLIENT_PROGRESS_ROUTES,
          ),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
