/** Production builds ship no store devtools (see angular.json fileReplacements). */
export const storeDevtoolsProviders = [];
