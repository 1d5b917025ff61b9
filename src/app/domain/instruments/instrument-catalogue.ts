import { SYSTEMS } from '../fhir-codes';
import { InstrumentDefinition } from './instrument';

const loinc = SYSTEMS.loinc;

/** PHQ-9: Kroenke, Spitzer & Williams 2001; caseness, reliable change: NHS Talking Therapies manual. */
const PHQ9: InstrumentDefinition = {
  id: 'phq-9',
  name: 'Patient Health Questionnaire-9 (depression)',
  shortName: 'PHQ-9',
  codes: {
    system: loinc,
    total: '44261-6',
    // CMS MDS "Total Severity Score" and panel, as nursing-facility servers send them.
    totalAlternates: [{ system: loinc, code: '54654-9' }],
    panel: '44249-1',
    panelAlternates: [{ system: loinc, code: '54635-8' }],
    items: {
      '1': '44250-9',
      '2': '44255-8',
      '3': '44259-0',
      '4': '44254-1',
      '5': '44251-7',
      '6': '44258-2',
      '7': '44252-5',
      '8': '44253-3',
      '9': '44260-8',
    },
  },
  range: { min: 0, max: 27 },
  bands: [
    { min: 0, max: 4, label: 'Minimal', level: 0 },
    { min: 5, max: 9, label: 'Mild', level: 1 },
    { min: 10, max: 14, label: 'Moderate', level: 2 },
    { min: 15, max: 19, label: 'Moderately severe', level: 3 },
    { min: 20, max: 27, label: 'Severe', level: 4 },
  ],
  caseness: 10,
  reliableChange: 6,
  // Remission PHQ-9 < 5: HEDIS / NCQA depression remission measures.
  remissionBelow: 5,
  direction: 'higher-is-worse',
  modalities: ['cbt', 'individual-therapy', 'medication-management'],
  expectedFrequencyDays: 7,
  itemCount: 9,
  itemRange: { min: 0, max: 3 },
  source:
    'Kroenke et al. 2001; NHS Talking Therapies manual (caseness 10, reliable change 6); HEDIS remission < 5',
};

/** GAD-7: Spitzer et al. 2006; caseness 8 and reliable change 4: NHS Talking Therapies manual. */
const GAD7: InstrumentDefinition = {
  id: 'gad-7',
  name: 'Generalized Anxiety Disorder-7',
  shortName: 'GAD-7',
  codes: {
    system: loinc,
    total: '70274-6',
    panel: '69737-5',
    items: {
      '1': '69725-0',
      '2': '68509-9',
      '3': '69733-4',
      '4': '69734-2',
      '5': '69735-9',
      '6': '69689-8',
      '7': '69736-7',
    },
  },
  range: { min: 0, max: 21 },
  bands: [
    { min: 0, max: 4, label: 'Minimal', level: 0 },
    { min: 5, max: 9, label: 'Mild', level: 1 },
    { min: 10, max: 14, label: 'Moderate', level: 2 },
    { min: 15, max: 21, label: 'Severe', level: 4 },
  ],
  caseness: 8,
  reliableChange: 4,
  // Waypoint choice: GAD-7 < 5 (the minimal band) as remission, by analogy with PHQ-9.
  remissionBelow: 5,
  direction: 'higher-is-worse',
  modalities: ['cbt', 'individual-therapy', 'medication-management'],
  expectedFrequencyDays: 7,
  itemCount: 7,
  itemRange: { min: 0, max: 3 },
  source: 'Spitzer et al. 2006; NHS Talking Therapies manual (caseness 8, reliable change 4)',
};

/**
 * PCL-5: probable PTSD at 31–33 (National Center for PTSD) — Waypoint uses 33 as caseness,
 * configurable; reliable change 15 (Marx et al. 2022; 18 in some samples, configurable);
 * <= 28 "more likely without PTSD" for clinically significant change.
 */
const PCL5: InstrumentDefinition = {
  id: 'pcl-5',
  name: 'PTSD Checklist for DSM-5',
  shortName: 'PCL-5',
  codes: { system: loinc, total: '101698-9', panel: '101697-1' },
  range: { min: 0, max: 80 },
  bands: [
    { min: 0, max: 32, label: 'Below probable-PTSD threshold', level: 1 },
    { min: 33, max: 80, label: 'Probable PTSD', level: 3 },
  ],
  caseness: 33,
  reliableChange: 15,
  clinicallySignificantAtOrBelow: 28,
  direction: 'higher-is-worse',
  modalities: ['trauma-focused'],
  expectedFrequencyDays: 14,
  itemCount: 20,
  itemRange: { min: 0, max: 4 },
  source: 'National Center for PTSD (cut-off 31–33); Marx et al. 2022 (reliable change 15 or 18)',
};

/**
 * DERS-16 (Bjureberg et al. 2016): 16–80, no standard cut-off. Reliable change comes from the
 * Jacobson–Truax formula with the program's own SD and reliability; the defaults (SD 14,
 * r = 0.92) are Waypoint placeholders of the order reported for clinical samples and should be
 * replaced by the program's figures.
 */
const DERS16: InstrumentDefinition = {
  id: 'ders-16',
  name: 'Difficulties in Emotion Regulation Scale-16',
  shortName: 'DERS-16',
  codes: { system: SYSTEMS.instrument, total: 'ders-16-total' },
  range: { min: 16, max: 80 },
  bands: [{ min: 16, max: 80, label: 'No standard cut-off', level: 0 }],
  reliabilityInputs: { sd: 14, reliability: 0.92 },
  direction: 'higher-is-worse',
  modalities: ['dbt-skills'],
  expectedFrequencyDays: 14,
  itemCount: 16,
  itemRange: { min: 1, max: 5 },
  source:
    'Bjureberg et al. 2016 (range); reliable change by Jacobson & Truax 1991 from configured SD and reliability',
};

/** AUDIT-C: positive >= 4 for men, >= 3 for women (Bradley et al. 2007; CLINICAL.md). */
const AUDITC: InstrumentDefinition = {
  id: 'audit-c',
  name: 'Alcohol Use Disorders Identification Test – Consumption',
  shortName: 'AUDIT-C',
  codes: { system: loinc, total: '75626-2', panel: '72109-2' },
  range: { min: 0, max: 12 },
  bands: [
    { min: 0, max: 2, label: 'Negative', level: 0 },
    { min: 3, max: 3, label: 'Positive for women', level: 2 },
    { min: 4, max: 12, label: 'Positive', level: 3 },
  ],
  caseness: 4,
  direction: 'higher-is-worse',
  modalities: ['mi-relapse-prevention'],
  expectedFrequencyDays: 30,
  source: 'Bradley et al. 2007 (positive >= 4 men, >= 3 women)',
};

/** BAM (Cacciola et al. 2013), Likert form: three scales with their own flags (CLINICAL.md). */
const BAM_USE: InstrumentDefinition = {
  id: 'bam-use',
  name: 'Brief Addiction Monitor – Use',
  shortName: 'BAM Use',
  codes: { system: SYSTEMS.instrument, total: 'bam-use' },
  range: { min: 0, max: 12 },
  bands: [
    { min: 0, max: 0, label: 'No use', level: 0 },
    { min: 1, max: 12, label: 'Any use', level: 3 },
  ],
  caseness: 1,
  direction: 'higher-is-worse',
  modalities: ['mi-relapse-prevention'],
  expectedFrequencyDays: 7,
  source: 'Cacciola et al. 2013 (Use >= 1 flags)',
};

const BAM_RISK: InstrumentDefinition = {
  id: 'bam-risk',
  name: 'Brief Addiction Monitor – Risk factors',
  shortName: 'BAM Risk',
  codes: { system: SYSTEMS.instrument, total: 'bam-risk' },
  range: { min: 0, max: 24 },
  bands: [
    { min: 0, max: 11, label: 'Below risk threshold', level: 1 },
    { min: 12, max: 24, label: 'Elevated risk', level: 3 },
  ],
  caseness: 12,
  direction: 'higher-is-worse',
  modalities: ['mi-relapse-prevention'],
  expectedFrequencyDays: 7,
  source: 'Cacciola et al. 2013 (Risk >= 12 flags)',
};

const BAM_PROTECTIVE: InstrumentDefinition = {
  id: 'bam-protective',
  name: 'Brief Addiction Monitor – Protective factors',
  shortName: 'BAM Protective',
  codes: { system: SYSTEMS.instrument, total: 'bam-protective' },
  range: { min: 0, max: 24 },
  bands: [
    { min: 0, max: 12, label: 'Low protection', level: 3 },
    { min: 13, max: 24, label: 'Adequate protection', level: 0 },
  ],
  // Higher is better: "caseness" is at or below 12.
  caseness: 12,
  direction: 'higher-is-better',
  modalities: ['mi-relapse-prevention'],
  expectedFrequencyDays: 7,
  source: 'Cacciola et al. 2013 (Protective <= 12 flags)',
};

/**
 * C-SSRS screener: scored here as its risk level, 0 none, 1 low, 2 moderate (method without
 * intent), 3 high (intent or plan in the past month, or behaviour in the past 3 months).
 */
const CSSRS: InstrumentDefinition = {
  id: 'c-ssrs',
  name: 'Columbia Suicide Severity Rating Scale – screener',
  shortName: 'C-SSRS',
  codes: {
    system: loinc,
    total: '93374-7',
    panel: '93373-9',
    items: {
      '1': '93246-7',
      '2': '93247-5',
      '3': '93248-3',
      '4': '93249-1',
      '5': '93250-9',
      '6': '93267-3',
      '6a': '93269-9',
    },
  },
  range: { min: 0, max: 3 },
  bands: [
    { min: 0, max: 0, label: 'No risk identified', level: 0 },
    { min: 1, max: 1, label: 'Low risk', level: 1 },
    { min: 2, max: 2, label: 'Moderate risk', level: 3 },
    { min: 3, max: 3, label: 'High risk', level: 4 },
  ],
  caseness: 2,
  direction: 'higher-is-worse',
  modalities: [],
  source: 'Columbia Lighthouse Project screener triage (CLINICAL.md)',
};

/** OQ-45 (Lambert): 0–180, US cut-off 63/64, RCI 14. Optional. */
const OQ45: InstrumentDefinition = {
  id: 'oq-45',
  name: 'Outcome Questionnaire-45',
  shortName: 'OQ-45',
  codes: { system: SYSTEMS.instrument, total: 'oq-45-total' },
  range: { min: 0, max: 180 },
  bands: [
    { min: 0, max: 63, label: 'Functional range', level: 1 },
    { min: 64, max: 180, label: 'Dysfunctional range', level: 3 },
  ],
  caseness: 64,
  reliableChange: 14,
  direction: 'higher-is-worse',
  modalities: ['individual-therapy'],
  expectedFrequencyDays: 7,
  source: 'Lambert et al. (OQ-45 manual): cut-off 63/64, RCI 14',
};

export const DEFAULT_INSTRUMENTS: readonly InstrumentDefinition[] = [
  PHQ9,
  GAD7,
  PCL5,
  DERS16,
  AUDITC,
  BAM_USE,
  BAM_RISK,
  BAM_PROTECTIVE,
  CSSRS,
  OQ45,
];

export function instrumentById(
  id: string,
  catalogue: readonly InstrumentDefinition[] = DEFAULT_INSTRUMENTS,
): InstrumentDefinition | undefined {
  return catalogue.find((i) => i.id === id);
}

/** The instrument whose total score (or panel) a coding names. */
export function instrumentForCoding(
  system: string | undefined,
  code: string | undefined,
  catalogue: readonly InstrumentDefinition[] = DEFAULT_INSTRUMENTS,
): { instrument: InstrumentDefinition; kind: 'total' | 'panel' } | undefined {
  if (!code) return undefined;
  for (const instrument of catalogue) {
    const c = instrument.codes;
    const same = (s: string) => system === undefined || system === s;
    if (
      (same(c.system) && c.total === code) ||
      c.totalAlternates?.some((a) => same(a.system) && a.code === code)
    ) {
      return { instrument, kind: 'total' };
    }
    if (
      (same(c.system) && c.panel === code) ||
      c.panelAlternates?.some((a) => same(a.system) && a.code === code)
    ) {
      return { instrument, kind: 'panel' };
    }
  }
  return undefined;
}

/** The item number a coding names within an instrument ('9' for PHQ-9 item 9), if any. */
export function itemForCode(instrument: InstrumentDefinition, code: string): string | undefined {
  const items = instrument.codes.items ?? {};
  return Object.keys(items).find((item) => items[item] === code);
}
