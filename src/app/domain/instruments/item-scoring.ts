/**
 * Turns item answers and/or a stated total into one valid total, with the domain's
 * `validateScore` as the last word (out-of-range totals are rejected, never clamped).
 *
 * Summed instruments (PHQ-9, GAD-7) are scored only when every item is answered: a prorated or
 * partial sum would chart as an improvement that never happened. When the items and a stated
 * total disagree the item sum is used, because it is reproducible; for the C-SSRS, whose "total"
 * is a risk level, the higher of the two is used so that risk is never understated.
 */
import { InstrumentDefinition } from './instrument';
import { validateScore } from './scoring';

export type ItemScores = Readonly<Record<string, number>>;

export type Scoring =
  | {
      readonly ok: true;
      readonly total: number;
      readonly items?: ItemScores;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly reason: string; readonly notes: readonly string[] };

type Derived = { readonly total: number } | { readonly reason: string };

export function scoreAdministration(
  instrument: InstrumentDefinition,
  stated: number | undefined,
  rawItems: ItemScores,
): Scoring {
  const notes: string[] = [];
  const items = validItems(instrument, rawItems, notes);
  const derived = deriveTotal(instrument, items);
  const fromItems = 'total' in derived ? validateScore(instrument, derived.total) : undefined;
  if (stated === undefined) {
    if (fromItems?.ok) return scored(fromItems.score, items, notes);
    return {
      ok: false,
      reason: fromItems?.ok === false ? fromItems.reason : reasonOf(derived),
      notes,
    };
  }
  const fromStated = validateScore(instrument, stated);
  if (!fromStated.ok) {
    if (!fromItems?.ok) return { ok: false, reason: fromStated.reason, notes };
    notes.push(`stated total rejected (${fromStated.reason}); the item score is used`);
    return scored(fromItems.score, items, notes);
  }
  if (!fromItems?.ok || fromItems.score === fromStated.score)
    return scored(fromStated.score, items, notes);
  const total =
    instrument.id === 'c-ssrs' ? Math.max(fromItems.score, fromStated.score) : fromItems.score;
  notes.push(
    `stated total ${fromStated.score} differs from the item score ${fromItems.score}; ${total} is used`,
  );
  return scored(total, items, notes);
}

/**
 * A scored administration, with its items when any were valid. Written out rather than with a
 * spread: the build lowers object spread to helper calls (docs/architecture.md, "Budgets"), and
 * this runs for every score a caseload or the outcomes page maps.
 */
function scored(total: number, items: Record<string, number>, notes: string[]): Scoring {
  return Object.keys(items).length > 0
    ? { ok: true, total, items, notes }
    : { ok: true, total, notes };
}

const reasonOf = (derived: Derived) => ('reason' in derived ? derived.reason : 'no total');

/** Drops (and notes) item scores outside the instrument's item range. */
function validItems(
  instrument: InstrumentDefinition,
  items: ItemScores,
  notes: string[],
): Record<string, number> {
  const range =
    instrument.itemRange ?? (instrument.id === 'c-ssrs' ? { min: 0, max: 1 } : undefined);
  const kept: Record<string, number> = {};
  for (const [item, score] of Object.entries(items)) {
    const inRange = !range || (score >= range.min && score <= range.max);
    if (Number.isInteger(score) && inRange) kept[item] = score;
    else
      notes.push(
        `${instrument.shortName} item ${item} score ${score} is not a valid answer: dropped`,
      );
  }
  return kept;
}

function deriveTotal(instrument: InstrumentDefinition, items: ItemScores): Derived {
  if (instrument.id === 'c-ssrs') return cssrsRiskLevel(items);
  const expected = Object.keys(instrument.codes.items ?? {});
  if (expected.length === 0)
    return { reason: `${instrument.shortName} has no item scoring, and no total was given` };
  const answered = expected.filter((item) => items[item] !== undefined);
  if (answered.length < expected.length)
    return {
      reason: `only ${answered.length} of ${expected.length} ${instrument.shortName} items answered, and no total was given`,
    };
  return { total: answered.reduce((sum, item) => sum + items[item], 0) };
}

/**
 * The screener's triage (catalogue C-SSRS entry): intent or plan (items 4, 5) or behaviour in the
 * past 3 months (6 with 6a, which counts as recent unless answered no) is high; a method (3) or
 * older behaviour moderate; a wish to be dead or thoughts (1, 2) low.
 */
function cssrsRiskLevel(items: ItemScores): Derived {
  const yes = (item: string) => (items[item] ?? 0) > 0;
  if (
    items['1'] === undefined &&
    items['2'] === undefined &&
    !Object.values(items).some((v) => v > 0)
  )
    return { reason: 'C-SSRS items 1 and 2 not answered, and no risk level was given' };
  const recentBehaviour = yes('6') && (items['6a'] ?? 1) > 0;
  if (yes('4') || yes('5') || recentBehaviour) return { total: 3 };
  if (yes('3') || yes('6')) return { total: 2 };
  return { total: yes('1') || yes('2') ? 1 : 0 };
}
