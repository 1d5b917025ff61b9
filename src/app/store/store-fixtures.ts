import { SearchOutcome } from '../core/fhir/fhir-client';
import { FhirResource } from '../core/fhir/fhir-resource';
import { ClinicalData, MappingSummary } from './clinical-data';

/** Test data for store specs: an empty query result to spread overrides into. */
export const EMPTY_DATA: ClinicalData = {
  patients: [],
  episodes: [],
  scores: [],
  unscoredSafetyItems: [],
  sessions: [],
  flags: [],
  carePlans: [],
  careTeams: [],
  conditions: [],
  staff: [],
  roles: [],
  organizations: [],
};

export const NO_PROBLEMS: MappingSummary = { rejected: 0, warnings: 0, examples: [] };

/** A complete one-request search's outcome: these matches, and these included resources. */
export const searchOutcome = (
  matches: FhirResource[],
  includes: FhirResource[] = [],
): SearchOutcome => ({
  matches,
  includes,
  partial: false,
  partialReasons: [],
  requests: 1,
  warnings: [],
});
