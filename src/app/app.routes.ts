import { Routes } from '@angular/router';
import { AppShell } from './shell/app-shell';

export const routes: Routes = [
  {
    path: '',
    component: AppShell,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'caseload' },
      {
        path: 'caseload',
        title: 'Caseload',
        loadChildren: () =>
          import('./features/caseload/caseload-routes').then((m) => m.CASELOAD_ROUTES),
      },
      {
        path: 'step-down',
        title: 'Step-down',
        loadChildren: () =>
          import('./features/step-down/step-down-routes').then((m) => m.STEP_DOWN_ROUTES),
      },
      {
        path: 'outcomes',
        title: 'Outcomes',
        loadChildren: () =>
          import('./features/outcomes/outcomes-routes').then((m) => m.OUTCOMES_ROUTES),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./shell/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
