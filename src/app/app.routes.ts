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
    canActivate: [signedInGuard],
    // Lazy: the shell (Material's toolbar, sidenav, menu), the clinical store, the FHIR client
    // and the mappers are not needed to decide whether to sign in.
    loadChildren: () => import('./shell/shell-routes').then((m) => m.SHELL_ROUTES),
  },
];
