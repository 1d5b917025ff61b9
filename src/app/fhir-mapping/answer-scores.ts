/**
 * The score of a coded answer. A weight the source states (the `ordinalValue` extension of R4,
 * renamed `itemWeight` later) wins; otherwise the LOINC answer list of the instrument's own
 * scale, then the same answer's standard wording for sources that send no system (the SDC PHQ-9
 * codes "Not-at-all", "More than half the days"). Each instrument has its own scale, so a "Yes"
 * is never read as a PHQ-9 frequency.
 */
import { Coding, Extension } from './fhir-types';
import { extensionsOf, finiteNumber, ownEntry, text } from './read';

export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const ITEM_WEIGHT_URL = 'http://hl7.org/fhir/StructureDefinition/itemWeight';

export interface AnswerScale {
  /** LOINC answer code → score. */
  readonly loinc: Readonly<Record<string, number>>;
  /** Normalised answer wording → score. */
  readonly wording: Readonly<Record<string, number>>;
}

/** PHQ and GAD frequency answers (LOINC answer list LL358-3). */
const FREQUENCY: AnswerScale = {
  loinc: { 'LA6568-5': 0, 'LA6569-3': 1, 'LA6570-1': 2, 'LA6571-9': 3 },
  wording: {
    'not at all': 0,
    'several days': 1,
    'more than half the days': 2,
    'nearly every day': 3,
  },
};

/** C-SSRS screener items are yes / no. */
const YES_NO: AnswerScale = {
  loinc: { 'LA32-8': 0, 'LA33-6': 1 },
  wording: { no: 0, yes: 1 },
};

/** C-SSRS "Suicide risk level" 93374-7 (LOINC answer list LL465-6: Low, Moderate, High). */
const RISK_LEVEL: AnswerScale = {
  loinc: { 'LA9194-7': 1, 'LA6751-7': 2, 'LA9193-9': 3 },
  wording: { low: 1, moderate: 2, high: 3 },
};

const NO_SCALE: AnswerScale = { loinc: {}, wording: {} };

export function answerScale(instrumentId: string, part: 'item' | 'total'): AnswerScale {
  if (instrumentId === 'c-ssrs') return part === 'total' ? RISK_LEVEL : YES_NO;
  if (part === 'item' && (instrumentId === 'phq-9' || instrumentId === 'gad-7')) return FREQUENCY;
  return NO_SCALE;
}

/** The stated weight in an element's extensions (`ordinalValue` or `itemWeight`). */
export function statedWeight(owner: { readonly extension?: readonly Extension[] } | undefined) {
  const ext = extensionsOf(owner).find(
    (e) => e.url === ORDINAL_VALUE_URL || e.url === ITEM_WEIGHT_URL,
  );
  return ext ? finiteNumber(ext.valueDecimal ?? ext.valueInteger) : undefined;
}

const normalise = (s: string) => s.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Scores a coded answer: its own weight, then `definedWeight` (what a contained Questionnaire or
 * ValueSet says about that code), then the scale's LOINC code, then its wording.
 */
export function scoreAnswerCoding(
  coding: Coding,
  scale: AnswerScale,
  definedWeight?: (coding: Coding) => number | undefined,
): number | undefined {
  const own = statedWeight(coding);
  if (own !== undefined) return own;
  const defined = definedWeight?.(coding);
  if (defined !== undefined) return defined;
  const code = text(coding.code);
  const system = text(coding.system);
  if (code !== undefined && (system === undefined || system === 'http://loinc.org')) {
    const loinc = ownEntry(scale.loinc, code);
    if (loinc !== undefined) return loinc;
  }
  // A code from another system is only read by its wording when it has no system at all.
  if (system !== undefined && system !== 'http://loinc.org') return undefined;
  for (const candidate of [code, text(coding.display)]) {
    const score =
      candidate === undefined ? undefined : ownEntry(scale.wording, normalise(candidate));
    if (score !== undefined) return score;
  }
  return undefined;
}
