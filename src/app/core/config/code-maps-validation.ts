import { LEVEL_IDS } from './expected-weeks-validation';

/** A program's own level-of-care coding: its `EpisodeOfCare.type` code and the level it means. */
export interface LevelCodeEntry {
  readonly system: string;
  readonly code: string;
  readonly level: (typeof LEVEL_IDS)[number];
}

/** The code maps a program may configure; every one is optional. */
export interface CodeMaps {
  /** Local level-of-care codes, added to (and overriding) the built-in ones. */
  readonly levelOfCare?: readonly LevelCodeEntry[];
}

const FIELD = 'codeMaps.levelOfCare';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Checks `codeMaps` at start-up, each bad entry under its own field. The checks mirror the
 * domain's `createLevelCodeMap`, which the store builds the map with; they are repeated here so
 * the start-up bundle does not carry the ladder's codings.
 */
export function validateCodeMaps(
  raw: unknown,
  fail: (field: string, message: string) => void,
): CodeMaps {
  if (!isRecord(raw) || raw['levelOfCare'] === undefined) return {};
  const list = raw['levelOfCare'];
  if (!Array.isArray(list)) {
    fail(FIELD, 'must be a list of { "system", "code", "level" } entries');
    return {};
  }
  const entries: LevelCodeEntry[] = [];
  list.forEach((entry: unknown, i) => {
    const where = `${FIELD}[${i}]`;
    if (!isRecord(entry)) return fail(where, 'must be a { "system", "code", "level" } object');
    const { system, code, level } = entry;
    if (!text(code)) return fail(`${where}.code`, 'is required');
    if (!text(system))
      return fail(`${where}.system`, 'is required (codes are only unique within a system)');
    if (!LEVEL_IDS.includes(level as LevelCodeEntry['level']))
      return fail(`${where}.level`, `"${String(level)}" is not one of ${LEVEL_IDS.join(', ')}`);
    entries.push({
      system: system.trim(),
      code: code.trim(),
      level: level as LevelCodeEntry['level'],
    });
  });
  return { levelOfCare: entries };
}
