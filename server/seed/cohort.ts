import { SimulatedClient, SimulationSettings, simulateClient } from './simulate-client';

export const DEFAULT_CLIENTS = 200;
export const DEFAULT_SEED = 20261128;
export const DEFAULT_TIME_ZONE = 'America/Chicago';

/** The whole synthetic cohort: `clients` admissions spread over the past year. */
export function simulateCohort(settings: SimulationSettings, clients: number): SimulatedClient[] {
  return Array.from({ length: clients }, (_, index) => simulateClient(settings, index));
}
