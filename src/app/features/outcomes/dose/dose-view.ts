import { instrumentById } from '../../../domain/instruments/instrument-catalogue';
import { ModalityDoseResponse, OutcomeByDose } from '../../../domain/outcomes/dose-response';
import { SMALL_GROUP_SIZE } from '../../../domain/outcomes/breakdown';
import { modalityLabel } from '../../../ui/clinical-labels';
import { rateCell } from '../breakdowns/breakdown-view';
import { DoseView } from '../outcomes-view-model';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Dose and response as tables: hours per week against the minimum, and modality sessions. */
export function doseView(
  dose: OutcomeByDose,
  modalities: readonly ModalityDoseResponse[],
): DoseView {
  const leftOut = [
    dose.tooShort.length ? `${plural(dose.tooShort.length, 'stay')} shorter than a week` : '',
    dose.noMinimum.length
      ? `${plural(dose.noMinimum.length, 'stay')} at a level with no weekly minimum`
      : '',
  ].filter(Boolean);
  return {
    byHours: dose.bands.map((b) => ({
      id: b.band.id,
      label: b.band.label,
      n: b.n,
      small: b.n < SMALL_GROUP_SIZE,
      response: rateCell(b.response),
      reliableImprovement: rateCell(b.reliableImprovement),
      meanImprovement: b.meanImprovement,
    })),
    leftOut: leftOut.length ? `Not in these bands: ${leftOut.join('; ')}.` : undefined,
    modalities: modalities.map((m) => ({
      modality: m.modality,
      label: modalityLabel(m.modality),
      instrument: instrumentById(m.instrumentId)?.shortName ?? m.instrumentId,
      bands: m.bands.map((b, index) => ({
        index,
        label: b.band.label,
        n: b.n,
        small: b.n < SMALL_GROUP_SIZE,
        meanChange: b.meanChange,
        reliableImprovement: rateCell(b.reliableImprovement),
      })),
    })),
    reading: dose.reading.hint,
  };
}
