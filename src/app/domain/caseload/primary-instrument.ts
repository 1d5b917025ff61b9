import { InstrumentDefinition } from '../instruments/instrument';
import { DEFAULT_INSTRUMENTS, instrumentById } from '../instruments/instrument-catalogue';
import { ScoreRecord } from '../models';

/**
 * The measure a client's progress is read on: PHQ-9 when they have one (the program's default
 * primary measure), otherwise the instrument they were scored on most often.
 */
export function primaryInstrument(
  scores: readonly ScoreRecord[],
  catalogue: readonly InstrumentDefinition[] = DEFAULT_INSTRUMENTS,
): InstrumentDefinition {
  const counts = new Map<string, number>();
  for (const s of scores) counts.set(s.instrumentId, (counts.get(s.instrumentId) ?? 0) + 1);
  if (counts.has('phq-9') || counts.size === 0) return instrumentById('phq-9', catalogue)!;
  const [id] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return instrumentById(id, catalogue) ?? instrumentById('phq-9', catalogue)!;
}
