import { ScoreRecord } from '../models';
import { InstrumentDefinition } from './instrument';

export interface SafetySignal {
  readonly instrumentId: string;
  readonly scoreId: string;
  readonly date: string;
  readonly reason: string;
}

/**
 * Safety signals in one administration: PHQ-9 item 9 (thoughts of self-harm) above 0, or a
 * C-SSRS screen at moderate or high risk (intent or plan in the past month, behaviour in the past
 * 3 months). These must never be missed (CLINICAL.md), so any positive item raises one.
 */
export function safetySignalsIn(
  instrument: InstrumentDefinition,
  score: ScoreRecord,
): SafetySignal[] {
  const signal = (reason: string): SafetySignal => ({
    instrumentId: instrument.id,
    scoreId: score.id,
    date: score.date,
    reason,
  });
  if (instrument.id === 'phq-9') {
    const item9 = score.items?.['9'];
    return item9 !== undefined && item9 > 0
      ? [signal(`PHQ-9 item 9 (thoughts of self-harm) scored ${item9}`)]
      : [];
  }
  if (instrument.id === 'c-ssrs') {
    const signals: SafetySignal[] = [];
    if ((score.items?.['4'] ?? 0) > 0 || (score.items?.['5'] ?? 0) > 0)
      signals.push(signal('C-SSRS: suicidal ideation with intent or plan'));
    if ((score.items?.['6'] ?? 0) > 0 && (score.items?.['6a'] ?? 1) > 0)
      signals.push(signal('C-SSRS: suicidal behaviour in the past 3 months'));
    if (signals.length === 0 && score.total >= 2)
      signals.push(signal(`C-SSRS screen at ${score.total >= 3 ? 'high' : 'moderate'} risk`));
    return signals;
  }
  return [];
}
