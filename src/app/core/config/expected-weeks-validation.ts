import { LevelOfCare } from '../../domain/models';
import { ExpectedWeeks } from './app-config';

/**
 * The ladder's ids, spelt out rather than imported from `domain/levels` so the start-up bundle
 * does not carry the whole ladder; the spec checks the two lists agree.
 */
export const LEVEL_IDS = [
  'inpatient',
  'residential',
  'php',
  'iop',
  'outpatient',
  'aftercare',
] as const satisfies readonly LevelOfCare[];

const FIELD = 'clinicalThresholds.expectedWeeks';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositive = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Checks a program's expected lengths of stay (`clinicalThresholds.expectedWeeks`), reporting each
 * bad entry under its own field so the error page says exactly what to fix, and returns the
 * valid ones.
 */
export function validateExpectedWeeks(
  raw: unknown,
  fail: (field: string, message: string) => void,
): Partial<Record<LevelOfCare, ExpectedWeeks>> {
  const valid: Partial<Record<LevelOfCare, ExpectedWeeks>> = {};
  if (raw === undefined) return valid;
  if (!isRecord(raw)) {
    fail(FIELD, 'must be a JSON object by level, such as { "iop": { "min": 8, "max": 12 } }');
    return valid;
  }
  for (const [level, value] of Object.entries(raw)) {
    const field = `${FIELD}.${level}`;
    if (!(LEVEL_IDS as readonly string[]).includes(level)) {
      fail(field, `"${level}" is not a level of care: use ${LEVEL_IDS.join(', ')}`);
      continue;
    }
    if (!isRecord(value)) {
      fail(field, 'must be an object with "min" and "max" in weeks');
      continue;
    }
    const { min, max } = value;
    let ok = true;
    for (const [name, n] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (!isPositive(n)) {
        fail(`${field}.${name}`, 'must be a positive number of weeks');
        ok = false;
      }
    }
    if (!ok) continue;
    if ((min as number) > (max as number)) {
      fail(field, `min (${String(min)}) must not be more than max (${String(max)})`);
      continue;
    }
    valid[level as LevelOfCare] = { min: min as number, max: max as number };
  }
  return valid;
}
