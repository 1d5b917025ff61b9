/**
 * Records the domain model has no type for — people, roles, teams, organisations, problems and
 * the curve set — as the mappers produce them. They live here, not in `domain/`, because no
 * clinical calculation reads them; selectors use them for names, access and grouping.
 */
import { PresentingProblem, StaffRoleCode } from '../domain/fhir-codes';
import { FhirDateValue } from '../domain/models';
import { RecoveryCurveSet } from '../domain/recovery/curve-types';
import { Labelled } from './security-labels';

export type AdministrativeGender = 'male' | 'female' | 'other' | 'unknown';

export interface PatientSummary extends Labelled {
  readonly id: string;
  /** The current name as one display string; absent when the resource has none. */
  readonly name?: string;
  /** As received: may be partial ("1987", "1987-02"). */
  readonly birthDate?: FhirDateValue;
  readonly gender?: AdministrativeGender;
  /** The provider (Patient.managingOrganization). */
  readonly providerId?: string;
  readonly active: boolean;
}

export interface StaffMember extends Labelled {
  readonly id: string;
  readonly name?: string;
  readonly npi?: string;
  readonly active: boolean;
}

export interface StaffRole extends Labelled {
  readonly id: string;
  readonly practitionerId: string;
  readonly role: StaffRoleCode;
  /** The program (or, for a director, the provider) the role belongs to. */
  readonly organizationId?: string;
  readonly active: boolean;
}

export interface CareTeamRecord extends Labelled {
  readonly id: string;
  readonly patientId: string;
  readonly status: string;
  /** Practitioner ids of the members who may see the client. */
  readonly memberIds: readonly string[];
  /** True when the team carries the profile's category `iop-treatment-team`. */
  readonly treatmentTeam: boolean;
}

export interface OrganizationRecord extends Labelled {
  readonly id: string;
  readonly name?: string;
  /** A program is an Organization that is `partOf` the provider. */
  readonly kind: 'provider' | 'program';
  readonly partOfId?: string;
  readonly active: boolean;
}

export interface ConditionRecord extends Labelled {
  readonly id: string;
  readonly patientId: string;
  readonly icd10: string;
  readonly problem: PresentingProblem;
  readonly clinicalStatus?: string;
}

export interface RecoveryCurvesRecord {
  readonly set: RecoveryCurveSet;
  /** `default` when the Library was missing or unreadable and the default curves stand in. */
  readonly source: 'library' | 'default';
}
