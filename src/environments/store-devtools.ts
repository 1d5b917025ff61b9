import { provideStoreDevtools } from '@ngrx/store-devtools';

/** Development builds only: `angular.json` swaps this file for `store-devtools.prod.ts`. */
export const storeDevtoolsProviders = [
  provideStoreDevtools({ maxAge: 50, connectInZone: false, trace: false }),
];
