/** fast-check arbitraries for FHIR resources and the domain's inputs (see each file). */
export * from './primitives';
export * from './mutate';
export * from './resources';
export * from './batch';
export * from './accounting';
export * from './domain';
export * from './rate-checks';
