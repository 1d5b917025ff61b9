import { Routes } from '@angular/router';
import { signedInGuard } from './core/auth/signed-in-guard';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    loadComponent: () => import('./features/sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'callback',
    title: 'Signing in',
    loadComponent: () => import('./features/sign-in/callback-page').then((m) => m.CallbackPage),
  },
  {
    path: 'launch',
    title: 'Launching',
    loadComponent: () => import('./features/sign-in/launch-page').then((m) => m.LaunchPage),
  },
  {
    path: '',
    // Lazy: Material's toolbar, sidenav and menu are not needed to decide where to go.
    loadComponent: () => import('./shell/app-shell').then((m) => m.AppShell),
    canActivate: [signedInGuard],
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
