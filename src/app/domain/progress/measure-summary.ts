import { format, parseISO } from 'date-fns';
import { ReliableChange } from '../instruments/reliable-change';
import { CalendarDay } from '../models';
import { daysBetween } from '../time/calendar-day';
import { MeasureSeries } from './measure-series';

export const RELIABLE_CHANGE_LABELS: Readonly<Record<ReliableChange, string>> = {
  'reliable-improvement': 'reliable improvement',
  'no-reliable-change': 'no reliable change',
  'reliable-deterioration': 'reliable deterioration',
};

export function formatDay(day: CalendarDay): string {
  return format(parseISO(day), 'd MMM yyyy');
}

function span(from: CalendarDay, to: CalendarDay): string {
  const days = daysBetween(from, to);
  if (days < 14) return `${days} day${days === 1 ? '' : 's'}`;
  return `${Math.floor(days / 7)} weeks`;
}

/**
 * The text alternative of a measure's chart, and its one-line summary: "PHQ-9 fell from 18 to 9
 * over 7 weeks; reliable improvement; now mild". Change is read from the current episode's
 * baseline, as everywhere else in Waypoint.
 */
export function describeMeasure(series: MeasureSeries): string {
  const name = series.instrument.shortName;
  const { baseline, latest, points } = series;
  const severity = (band?: { label: string }) => (band ? ` (${band.label.toLowerCase()})` : '');
  if (points.length === 0) return `${name}: no scores yet`;
  if (baseline && latest) {
    const verb =
      latest.total < baseline.total ? 'fell' : latest.total > baseline.total ? 'rose' : 'stayed';
    const movement =
      verb === 'stayed'
        ? `stayed at ${latest.total}`
        : `${verb} from ${baseline.total} to ${latest.total}`;
    const parts = [`${name} ${movement} over ${span(baseline.day, latest.day)}`];
    if (series.change) parts.push(RELIABLE_CHANGE_LABELS[series.change]);
    if (latest.band) parts.push(`now ${latest.band.label.toLowerCase()}`);
    return parts.join('; ');
  }
  if (baseline) {
    return `${name} baseline ${baseline.total}${severity(baseline.band)} on ${formatDay(baseline.day)}; no later score yet`;
  }
  const last = points[points.length - 1];
  return `${name}: ${points.length} score${points.length === 1 ? '' : 's'}, latest ${last.total}${severity(last.band)} on ${formatDay(last.day)}; none in the current episode`;
}
