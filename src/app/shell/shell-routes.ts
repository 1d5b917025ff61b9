import { Routes } from '@angular/router';
import { provideClinicalStore } from '../store/provide-clinical-store';
import { AppShell } from './app-shell';

/** Everything behind sign-in: the shell layout, its pages, and the clinical store they share. */
export const SHELL_ROUTES: Routes = [
  {
    path: '',
    component: AppShell,
    providers: [provideClinicalStore()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'caseload' },
      {
        // Pages that do not read the caseload (outcomes, a client's page) do not load it.
        path: 'caseload',
        title: 'Caseload',
        data: { needs: ['caseload'] },
        loadChildren: () =>
          import('../features/caseload/caseload-routes').then((m) => m.CASELOAD_ROUTES),
      },
      {
        path: 'step-down',
        title: 'Step-down',
        data: { needs: ['caseload', 'journey'] },
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
