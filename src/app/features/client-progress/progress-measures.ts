import { primaryInstrument } from '../../domain/caseload/primary-instrument';
import { InstrumentDefinition } from '../../domain/instruments/instrument';
import { thresholdFor } from '../../domain/instruments/reliable-change';
import { CalendarDay, ScoreRecord } from '../../domain/models';
import { MeasureSeries, measureSeries } from '../../domain/progress/measure-series';
import { describeMeasure } from '../../domain/progress/measure-summary';
import { RecoveryCurveSet } from '../../domain/recovery/curve-types';
import { expectedTrajectory } from '../../domain/recovery/expected-trajectory';
import { MeasureView } from './progress-view-model';

export interface MeasureContext {
  readonly timeZone: string;
  readonly today: CalendarDay;
  readonly episodeStart?: CalendarDay;
  readonly curves?: RecoveryCurveSet;
  readonly catalogue: readonly InstrumentDefinition[];
}

/** Instruments the client has any score on, the primary measure first, then catalogue order. */
export function instrumentsOf(
  scores: readonly ScoreRecord[],
  catalogue: readonly InstrumentDefinition[],
): InstrumentDefinition[] {
  const present = new Set(scores.map((s) => s.instrumentId));
  const primary = primaryInstrument(scores, catalogue);
  const rest = catalogue.filter((i) => present.has(i.id) && i.id !== primary.id);
  return present.has(primary.id) ? [primary, ...rest] : rest;
}

function clamp(instrument: InstrumentDefinition, score: number): number {
  return Math.min(instrument.range.max, Math.max(instrument.range.min, score));
}

export function measureView(
  series: MeasureSeries,
  context: MeasureContext,
  primary: boolean,
): MeasureView {
  const { instrument, baseline } = series;
  const threshold = thresholdFor(instrument);
  const sign = instrument.direction === 'higher-is-worse' ? -1 : 1;
  const trajectory = baseline
    ? expectedTrajectory(instrument, context.curves, { day: baseline.day, total: baseline.total })
    : undefined;
  return {
    instrumentId: instrument.id,
    name: instrument.name,
    shortName: instrument.shortName,
    primary,
    direction: instrument.direction,
    range: instrument.range,
    bands: instrument.bands.map((b) => ({
      min: b.min,
      max: b.max,
      label: b.label,
      level: b.level,
    })),
    ...(instrument.caseness !== undefined ? { caseness: instrument.caseness } : {}),
    ...(baseline ? { baseline: { day: baseline.day, total: baseline.total } } : {}),
    ...(threshold !== undefined ? { reliableChangeThreshold: threshold } : {}),
    ...(baseline && threshold !== undefined
      ? {
          reliableChangeLines: {
            improved: clamp(instrument, baseline.total + sign * threshold),
            deteriorated: clamp(instrument, baseline.total - sign * threshold),
          },
        }
      : {}),
    points: series.points.map((p) => ({
      id: p.record.id,
      day: p.day,
      total: p.total,
      ...(p.band ? { severity: p.band.label, severityLevel: p.band.level } : {}),
      ...(p.changeFromBaseline !== undefined ? { changeFromBaseline: p.changeFromBaseline } : {}),
      ...(p.reliableChange ? { reliableChange: p.reliableChange } : {}),
    })),
    ...(trajectory ? { expected: trajectory.points, expectedSource: trajectory.source } : {}),
    ...(series.change ? { change: series.change } : {}),
    summary: describeMeasure(series),
    modalities: instrument.modalities,
    setAside: series.setAside.length,
  };
}

/** Every measure the client has, as series read against the current episode's baseline. */
export function progressMeasures(
  scores: readonly ScoreRecord[],
  context: MeasureContext,
): { series: MeasureSeries[]; views: MeasureView[] } {
  const instruments = instrumentsOf(scores, context.catalogue);
  const primary = primaryInstrument(scores, context.catalogue);
  const series = instruments.map((instrument) =>
    measureSeries(instrument, scores, {
      timeZone: context.timeZone,
      today: context.today,
      ...(context.episodeStart ? { episodeStart: context.episodeStart } : {}),
    }),
  );
  return {
    series,
    views: series.map((s) => measureView(s, context, s.instrument.id === primary.id)),
  };
}
