import { formatDay } from '../../../domain/progress/measure-summary';
import { JourneyTimelineView } from './journey-timeline-view';

/* The tables behind the journey chart: the same stays and scores it draws, as text. */

/** A row of the stays table: the same stays the lanes draw, the plan last. */
export interface StayRow {
  readonly id: string;
  readonly level: string;
  readonly start: string;
  readonly end: string;
  readonly days: string;
  readonly began: string;
  readonly ended: string;
}

const NONE = '—';

export function stayRows(view: JourneyTimelineView): StayRow[] {
  const rows: StayRow[] = view.stays.map((s) => ({
    id: s.episodeId,
    level: s.levelName,
    start: formatDay(s.from),
    end: s.to ? formatDay(s.to) : 'ongoing',
    days: String(s.days),
    began: s.beganLabel,
    ended: s.ended,
  }));
  const p = view.planned;
  if (p)
    rows.push({
      id: 'planned',
      level: `${view.lanes.find((l) => l.level === p.to)?.label ?? p.to} (planned)`,
      start: formatDay(p.day),
      end: NONE,
      days: NONE,
      began: p.label,
      ended: p.passed ? 'Planned date passed' : 'Planned, not started',
    });
  return rows;
}

export interface ScoreRow {
  readonly id: string;
  readonly date: string;
  readonly score: string;
  readonly severity: string;
}

export function scoreRows(view: JourneyTimelineView): ScoreRow[] {
  return (view.measure?.points ?? []).map((p) => ({
    id: p.id,
    date: formatDay(p.day),
    score: String(p.total),
    severity: p.severity ?? NONE,
  }));
}
