import { LevelOfCare } from '../models';

/**
 * Codings that name a level of care in the EHR data Waypoint reads, each mapped to Waypoint's
 * ladder. `fhir-codes.ts` re-exports these, so keep names unambiguous.
 */
export const LEVEL_SYSTEMS = {
  /** Waypoint's own ladder (codes = `LevelOfCare`). */
  waypoint: 'https://waypoint.example.org/fhir/CodeSystem/level-of-care',
  /** Colorado BHA FHIR IG ASAM level code system (CLINICAL.md). */
  asamBha: 'http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs',
  /** ASAM Criteria 4th edition (2023) levels: no published FHIR code system found; local. */
  asam4: 'https://waypoint.example.org/fhir/CodeSystem/asam-4th-edition-level',
  /** LOCUS (AACP) levels 0–6: no published FHIR code system; local. */
  locus: 'https://waypoint.example.org/fhir/CodeSystem/locus-level',
  /** CMS place-of-service codes. */
  placeOfService:
    'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  hcpcs: 'urn:oid:2.16.840.1.113883.6.285',
  /** NUBC revenue codes. */
  revenue: 'https://www.nubc.org/CodeSystem/RevenueCodes',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

export interface LevelCodingEntry {
  readonly system: string;
  readonly code: string;
  readonly level: LevelOfCare;
  readonly source: string;
}

const entries = (
  system: string,
  source: string,
  pairs: readonly (readonly [string, LevelOfCare])[],
) => pairs.map(([code, level]): LevelCodingEntry => ({ system, code, level, source }));

/** The default maps from each coding to the ladder (CLINICAL.md "Levels of care"). */
export const DEFAULT_LEVEL_CODINGS: readonly LevelCodingEntry[] = [
  ...entries(LEVEL_SYSTEMS.waypoint, 'Waypoint', [
    ['inpatient', 'inpatient'],
    ['residential', 'residential'],
    ['php', 'php'],
    ['iop', 'iop'],
    ['outpatient', 'outpatient'],
    ['aftercare', 'aftercare'],
  ]),
  // ASAM Criteria 3rd ed. via the Colorado BHA IG: 1 outpatient; 2.1 IOP; 2.5 PHP; 3.x
  // residential; 4 inpatient. 0.5 (early intervention) precedes treatment and is left unmapped.
  ...entries(LEVEL_SYSTEMS.asamBha, 'ASAM 3rd ed. (Colorado BHA IG)', [
    ['1', 'outpatient'],
    ['2.1', 'iop'],
    ['2.5', 'php'],
    ['3.1', 'residential'],
    ['3.3', 'residential'],
    ['3.5', 'residential'],
    ['3.7', 'residential'],
    ['4', 'inpatient'],
  ]),
  // ASAM Criteria 4th ed. (2023): 1.5/1.7 outpatient variants; 2.7 high-intensity outpatient
  // (medically managed) sits with PHP; 3.x residential; 4 inpatient.
  ...entries(LEVEL_SYSTEMS.asam4, 'ASAM 4th ed. (2023)', [
    ['1.0', 'outpatient'],
    ['1.5', 'outpatient'],
    ['1.7', 'outpatient'],
    ['2.1', 'iop'],
    ['2.5', 'php'],
    ['2.7', 'php'],
    ['3.1', 'residential'],
    ['3.5', 'residential'],
    ['3.7', 'residential'],
    ['4.0', 'inpatient'],
  ]),
  // LOCUS (AACP): 0 basic services, 1 recovery maintenance, 2 low-intensity community, 3 high-
  // intensity community, 4 medically monitored non-residential, 5 medically monitored residential,
  // 6 medically managed residential.
  ...entries(LEVEL_SYSTEMS.locus, 'LOCUS (AACP)', [
    ['0', 'aftercare'],
    ['1', 'aftercare'],
    ['2', 'outpatient'],
    ['3', 'iop'],
    ['4', 'php'],
    ['5', 'residential'],
    ['6', 'inpatient'],
  ]),
  ...entries(LEVEL_SYSTEMS.placeOfService, 'CMS place of service', [
    ['51', 'inpatient'],
    ['52', 'php'],
    ['55', 'residential'],
    ['56', 'residential'],
    ['11', 'outpatient'],
    ['53', 'outpatient'],
    ['57', 'outpatient'],
  ]),
  ...entries(LEVEL_SYSTEMS.hcpcs, 'HCPCS', [
    ['S9480', 'iop'],
    ['H0015', 'iop'],
    ['H0035', 'php'],
    ['S0201', 'php'],
  ]),
  ...entries(LEVEL_SYSTEMS.revenue, 'NUBC revenue codes', [
    ['0905', 'iop'],
    ['0906', 'iop'],
    ['0912', 'php'],
    ['0913', 'php'],
  ]),
  ...entries(LEVEL_SYSTEMS.actCode, 'HL7 v3 ActCode', [
    ['IMP', 'inpatient'],
    ['ACUTE', 'inpatient'],
  ]),
];

export function waypointLevelCoding(level: LevelOfCare): { system: string; code: string } {
  return { system: LEVEL_SYSTEMS.waypoint, code: level };
}
