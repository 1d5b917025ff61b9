/**
 * Patient → PatientSummary: demographics only. A birth date stays the string received (it may be
 * partial); gender may be absent; a data-absent-reason on either is reported as a warning.
 */
import { dataAbsentCode, readFhirDate } from './fhir-date';
import { Patient } from './fhir-types';
import { displayName } from './human-name';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappingContext, resolveContext } from './mapping-context';
import { isObject, list, text } from './read';
import { referencedId } from './references';
import { labelsField } from './security-labels';
import { AdministrativeGender, PatientSummary } from './staff-models';

const GENDERS: readonly AdministrativeGender[] = ['male', 'female', 'other', 'unknown'];

export function mapPatient(patient: Patient, context?: MappingContext): MapResult<PatientSummary> {
  const ctx = resolveContext(context);
  if (!isObject(patient)) return rejected(patient, 'not a resource');
  const id = text(patient.id);
  if (id === undefined) return rejected(patient, 'no id');
  const warnings: MappingProblem[] = [];
  const warn = (reason: string) => warnings.push(problem(patient, 'warning', reason));
  const name = displayName(patient.name);
  if (!name) warn('no current name');
  const birthDate = birthDateOf(patient, warn);
  const gender = genderOf(patient, warn);
  const provider = patient.managingOrganization
    ? referencedId(patient.managingOrganization, 'Organization', 'managingOrganization', ctx.index)
    : undefined;
  if (provider && 'reason' in provider) warn(`${provider.reason}: no provider`);
  return accepted<PatientSummary>(
    {
      id,
      ...(name ? { name } : {}),
      ...(birthDate ? { birthDate } : {}),
      ...(gender ? { gender } : {}),
      ...(provider && 'id' in provider ? { providerId: provider.id } : {}),
      active: patient.active !== false,
      ...labelsField(patient),
    },
    warnings,
  );
}

export function mapPatients(
  patients: readonly Patient[],
  context?: MappingContext,
): MapBatch<PatientSummary> {
  return toBatch(list(patients).map((p) => mapPatient(p, context)));
}

function birthDateOf(patient: Patient, warn: (reason: string) => void): string | undefined {
  if (patient.birthDate === undefined && patient._birthDate === undefined) return undefined;
  const read = readFhirDate(patient.birthDate, 'birth date', patient._birthDate);
  if ('value' in read) return read.value;
  warn(read.reason);
  return undefined;
}

function genderOf(
  patient: Patient,
  warn: (reason: string) => void,
): AdministrativeGender | undefined {
  const absent = dataAbsentCode(patient._gender);
  if (patient.gender === undefined) {
    if (absent) warn(`gender absent (data-absent-reason: ${absent})`);
    return undefined;
  }
  const gender = text(patient.gender);
  if (GENDERS.includes(gender as AdministrativeGender)) return gender as AdministrativeGender;
  warn('gender is not an R4 administrative gender: ignored');
  return undefined;
}
