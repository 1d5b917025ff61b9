/**
 * Waypoint's own synthetic FHIR corpus for the mapper specs. Each entry re-creates the shape of
 * a published example (named in `sourceExample`, from `../shared/fhir-examples/`) or is a
 * deliberately messier variant. Nothing is copied from the published files: ids, names and values
 * are invented, and every person in it is fictional.
 */

export type JsonValue = string | number | boolean | null | JsonObject | readonly JsonValue[];
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export interface CorpusEntry {
  /** Unique; an entry re-creating a published example is named after its file (without .json). */
  readonly name: string;
  /** The published example file this entry reproduces the shape of. */
  readonly sourceExample?: string;
  /** What about it is unusual. */
  readonly shows: string;
  readonly resource: JsonObject;
}

/**
 * The published examples the corpus must cover, one file name each. The coverage spec checks this
 * list against the folder when it can read it, and the corpus against this list always.
 */
export const PUBLISHED_EXAMPLE_FILES: readonly string[] = [
  'appointment-booked-spec.json',
  'careplan-narrative-activity-synthea.json',
  'careteam-conditional-refs-synthea.json',
  'encounter-cpt-type-dateonly-davinci-ra.json',
  'encounter-ed-panic-attack-bhp.json',
  'encounter-inpatient-episodeofcare-appointment-spec-r4b.json',
  'episodeofcare-hacc-bulk-synthea-derived.json',
  'flag-safety-inactive-spec.json',
  'observation-anxiety-m3-component-bhp.json',
  'observation-auditc-panel-uscore.json',
  'observation-auditc-total-uscore.json',
  'observation-gad7-total-mii.json',
  'observation-hark-total-duplicate-profile-synthea.json',
  'observation-phq2-total-synthea.json',
  'observation-phq9-item9-uscore.json',
  'observation-phq9-mds-panel-valuecodeableconcept-pacio.json',
  'observation-phq9-mds-total-text-pacio.json',
  'observation-phq9-panel-hasmember-uscore.json',
  'observation-phq9-total-valueinteger-davinci-ra.json',
  'observation-phq9-total-valuequantity-mii.json',
  'observation-phq9-total-valuestring-uscore.json',
  'observation-prapare-panel-components-synthea.json',
  'observation-ptsd-pcptsd-score-localcode-mii.json',
  'patient-no-gender-name-history-uscore.json',
  'practitioner-npi-bhp.json',
  'practitionerrole-psychiatrist-narrative-only-hpi-nz.json',
  'questionnaireresponse-cssrs-bhp.json',
  'questionnaireresponse-phq9-contained-questionnaire-sdc.json',
  'questionnaireresponse-phq9-nested-group-sdc.json',
  'questionnaireresponse-phq9-valuedecimal-total-uscore.json',
];

/** Shared pieces, so entries differ only where the shape under test differs. */
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const SURVEY: JsonObject = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'survey',
      display: 'Survey',
    },
  ],
};

export function published(file: string, shows: string, resource: JsonObject): CorpusEntry {
  return { name: file.replace(/\.json$/, ''), sourceExample: file, shows, resource };
}

export function variant(name: string, shows: string, resource: JsonObject): CorpusEntry {
  return { name, shows, resource };
}
