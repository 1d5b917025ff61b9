import { LevelOfCare } from '../models';
import { isLevelOfCare } from './level-of-care';
import { DEFAULT_LEVEL_CODINGS, LevelCodingEntry } from './level-codings';

export interface LevelCodeMap {
  readonly lookup: ReadonlyMap<string, LevelOfCare>;
}

export type LevelMapping = { readonly level: LevelOfCare } | { readonly unknown: string };

export interface LevelCodeMapConfig {
  /** Extra or overriding entries: `{ system, code, level }`. */
  readonly entries?: readonly { system: string; code: string; level: string }[];
}

const key = (system: string | undefined, code: string) => `${system ?? ''}|${code.trim()}`;

/** A code as it may appear in a reason: a server can send any length. */
const short = (value: string, max: number) =>
  value.length > max ? `${value.slice(0, max)}…` : value;

/**
 * Builds the map from codings to the ladder: the defaults plus a program's own entries, which
 * win. Mapping codes to levels is configuration, not code (CLINICAL.md).
 */
export function createLevelCodeMap(config: LevelCodeMapConfig = {}): {
  map: LevelCodeMap;
  errors: string[];
} {
  const lookup = new Map<string, LevelOfCare>();
  for (const entry of DEFAULT_LEVEL_CODINGS) lookup.set(key(entry.system, entry.code), entry.level);
  const errors: string[] = [];
  (config.entries ?? []).forEach((entry, i) => {
    const where = `codeMaps.levelOfCare[${i}]`;
    if (!entry || typeof entry.code !== 'string' || entry.code.trim() === '') {
      errors.push(`${where}.code is required`);
    } else if (typeof entry.system !== 'string' || entry.system.trim() === '') {
      errors.push(`${where}.system is required (codes are only unique within a system)`);
    } else if (!isLevelOfCare(entry.level)) {
      errors.push(
        `${where}.level "${String(entry.level)}" is not one of inpatient, residential, php, iop, outpatient, aftercare`,
      );
    } else {
      lookup.set(key(entry.system, entry.code), entry.level);
    }
  });
  return { map: { lookup }, errors };
}

/**
 * The level the first recognised coding names. Unknown codes are reported, never guessed, so
 * the data-quality count can show them.
 */
export function mapLevel(
  map: LevelCodeMap,
  codings: readonly { system?: string; code?: string }[],
): LevelMapping {
  // Codings come from the wire: a code or system of another JSON type is no level, not a crash.
  const coded = codings.filter(
    (c): c is { system?: string; code: string } =>
      typeof c.code === 'string' &&
      c.code.trim() !== '' &&
      (c.system === undefined || typeof c.system === 'string'),
  );
  for (const coding of coded) {
    const level = map.lookup.get(key(coding.system, coding.code));
    if (level) return { level };
  }
  const described = coded
    .slice(0, 4)
    .map((c) => `${short(c.system ?? '(no system)', 160)}|${short(c.code, 60)}`);
  const more = coded.length > 4 ? ` and ${coded.length - 4} more` : '';
  return {
    unknown: described.length
      ? `unrecognised level-of-care code ${described.join(', ')}${more}`
      : 'no level-of-care code',
  };
}

export type { LevelCodingEntry };
