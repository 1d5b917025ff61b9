import { InstrumentDefinition, SeverityBand } from './instrument';
import { DEFAULT_INSTRUMENTS } from './instrument-catalogue';

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Fields a program may override on a published instrument. */
const OVERRIDABLE = [
  'caseness',
  'reliableChange',
  'reliabilityInputs',
  'expectedFrequencyDays',
  'bands',
  'remissionBelow',
] as const;

/**
 * Applies a program's instrument configuration (`clinicalThresholds.instruments` in config.json):
 * an array of `{ id, …overrides }` for catalogue instruments, or complete definitions for new
 * ones. Every problem is reported with the instrument and field; invalid entries are skipped and
 * the defaults stay in force.
 */
export function validateInstrumentOverrides(
  raw: unknown,
  base: readonly InstrumentDefinition[] = DEFAULT_INSTRUMENTS,
): { catalogue: InstrumentDefinition[]; errors: string[] } {
  const catalogue = [...base];
  const errors: string[] = [];
  if (raw === undefined) return { catalogue, errors };
  if (!Array.isArray(raw)) return { catalogue, errors: ['instruments must be an array'] };

  raw.forEach((entry, index) => {
    const where =
      isRecord(entry) && typeof entry['id'] === 'string'
        ? `instrument "${entry['id']}"`
        : `instruments[${index}]`;
    if (!isRecord(entry) || typeof entry['id'] !== 'string' || entry['id'].trim() === '') {
      errors.push(`${where}: id is required`);
      return;
    }
    const existing = catalogue.findIndex((i) => i.id === entry['id']);
    const candidate: Raw = existing >= 0 ? { ...catalogue[existing] } : {};
    const fields = existing >= 0 ? OVERRIDABLE : (Object.keys(entry) as readonly string[]);
    for (const field of Object.keys(entry)) {
      if (field !== 'id' && !fields.includes(field as (typeof OVERRIDABLE)[number])) {
        errors.push(`${where}: field "${field}" cannot be overridden`);
      }
    }
    for (const field of fields) if (field in entry) candidate[field] = entry[field];
    const problems = definitionProblems(candidate);
    if (problems.length > 0) {
      errors.push(...problems.map((p) => `${where}: ${p}`));
      return;
    }
    const definition = candidate as unknown as InstrumentDefinition;
    if (existing >= 0) catalogue[existing] = definition;
    else catalogue.push(definition);
  });
  return { catalogue, errors };
}

function definitionProblems(d: Raw): string[] {
  const problems: string[] = [];
  for (const field of ['id', 'name', 'shortName']) {
    if (typeof d[field] !== 'string' || (d[field] as string).trim() === '')
      problems.push(`${field} is required`);
  }
  const codes = d['codes'];
  if (
    !isRecord(codes) ||
    typeof codes['system'] !== 'string' ||
    typeof codes['total'] !== 'string'
  ) {
    problems.push('codes.system and codes.total are required');
  }
  const range = d['range'];
  if (
    !isRecord(range) ||
    !isNumber(range['min']) ||
    !isNumber(range['max']) ||
    range['min'] >= range['max']
  ) {
    problems.push('range must be { min, max } with min < max');
    return problems;
  }
  if (d['direction'] !== 'higher-is-worse' && d['direction'] !== 'higher-is-better') {
    problems.push('direction must be "higher-is-worse" or "higher-is-better"');
  }
  problems.push(...bandProblems(d['bands'], range['min'] as number, range['max'] as number));
  for (const field of ['caseness', 'remissionBelow'] as const) {
    const v = d[field];
    if (
      v !== undefined &&
      (!isNumber(v) || v < (range['min'] as number) || v > (range['max'] as number))
    ) {
      problems.push(`${field} must be a number within the range`);
    }
  }
  for (const field of ['reliableChange', 'expectedFrequencyDays'] as const) {
    const v = d[field];
    if (v !== undefined && (!isNumber(v) || v <= 0))
      problems.push(`${field} must be a positive number`);
  }
  const inputs = d['reliabilityInputs'];
  if (inputs !== undefined) {
    if (!isRecord(inputs) || !isNumber(inputs['sd']) || inputs['sd'] <= 0)
      problems.push('reliabilityInputs.sd must be positive');
    else if (
      !isNumber(inputs['reliability']) ||
      inputs['reliability'] <= 0 ||
      inputs['reliability'] >= 1
    ) {
      problems.push('reliabilityInputs.reliability must be between 0 and 1');
    }
  }
  if (!Array.isArray(d['modalities'])) d['modalities'] = [];
  if (typeof d['source'] !== 'string') d['source'] = 'Program configuration';
  return problems;
}

/** Bands must run from the range's minimum to its maximum with no gap or overlap. */
export function bandProblems(bands: unknown, min: number, max: number): string[] {
  if (!Array.isArray(bands) || bands.length === 0) return ['bands must be a non-empty array'];
  // Checked before sorting: the sort reads `min` of every entry, and an entry may be null.
  // Bounds are whole scores, as scores are: a band ending at 4.5 next to one from 5.5 would
  // pass the contiguity check below and leave the score 5 in no band.
  if (
    !bands.every(
      (b) =>
        isRecord(b) &&
        isNumber(b['min']) &&
        isNumber(b['max']) &&
        typeof b['label'] === 'string' &&
        b['min'] <= b['max'],
    )
  ) {
    return ['each band needs numeric min <= max and a label'];
  }
  if (!bands.every((b) => Number.isInteger(b.min) && Number.isInteger(b.max)))
    return ['band bounds must be whole scores'];
  const sorted = [...(bands as SeverityBand[])].sort((a, b) => a.min - b.min);
  const problems: string[] = [];
  if (sorted[0].min !== min) problems.push(`bands must start at ${min}`);
  if (sorted[sorted.length - 1].max !== max) problems.push(`bands must end at ${max}`);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].min !== sorted[i - 1].max + 1) {
      problems.push(
        `bands leave a gap or overlap between ${sorted[i - 1].max} and ${sorted[i].min}`,
      );
    }
  }
  return problems;
}
