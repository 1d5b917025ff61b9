import { JourneyDose } from '../../domain/attendance/journey-dose';
import { MODALITY_CODES, MODALITIES } from '../../domain/fhir-codes';
import { Modality } from '../../domain/models';
import { MeasureSeries } from '../../domain/progress/measure-series';
import { DoseView, ModalityView } from './progress-view-model';

/** The measure a modality aims to move: the first of the client's measures that lists it. */
function targetOf(modality: Modality, series: readonly MeasureSeries[]): ModalityView['target'] {
  const match = series.find(
    (s) => s.instrument.modalities.includes(modality) && s.points.length > 0,
  );
  if (!match) return undefined;
  return {
    instrumentId: match.instrument.id,
    shortName: match.instrument.shortName,
    ...(match.baseline ? { baseline: match.baseline.total } : {}),
    ...(match.latest ? { latest: match.latest.total } : {}),
    ...(match.change ? { change: match.change } : {}),
  };
}

/** Dose by week and by modality, with each modality's target measure beside it. */
export function doseView(dose: JourneyDose, series: readonly MeasureSeries[]): DoseView {
  const present = new Set(dose.weeks.flatMap((w) => [...w.byModality.keys()]));
  const modalities = MODALITIES.filter((m) => present.has(m)).map((modality): ModalityView => {
    const weeks = dose.weeks.map((w) => {
      const cell = w.byModality.get(modality);
      return {
        week: w.week,
        from: w.from,
        attended: cell?.attended ?? 0,
        missed: cell?.missed ?? 0,
        hours: cell?.hours ?? 0,
      };
    });
    const attended = weeks.reduce((n, w) => n + w.attended, 0);
    const scheduled = attended + weeks.reduce((n, w) => n + w.missed, 0);
    const target = targetOf(modality, series);
    return {
      modality,
      label: MODALITY_CODES[modality].display,
      attended,
      scheduled,
      ...(scheduled > 0 ? { rate: attended / scheduled } : {}),
      hours: weeks.reduce((n, w) => n + w.hours, 0),
      weeks,
      ...(target ? { target } : {}),
    };
  });
  return {
    weeks: dose.weeks.map((w) => ({
      week: w.week,
      from: w.from,
      to: w.to,
      hours: w.hours,
      ...(w.minimum !== undefined ? { minimum: w.minimum } : {}),
      ...(w.level ? { level: w.level } : {}),
    })),
    modalities,
  };
}
