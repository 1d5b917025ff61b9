import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { CaseloadRow } from './caseload-row';

/** The words a table row shows that are worked out from its figures. */
export interface CaseloadRowLabels {
  readonly change: string;
  readonly attendance: string;
  readonly next: string;
  readonly trend: string;
}

const CHANGE_LABELS = {
  'reliable-improvement': 'reliable improvement',
  'reliable-deterioration': 'reliable deterioration',
  'no-reliable-change': 'no reliable change',
} as const;

export function caseloadRowLabels(row: CaseloadRow, timeZone: string): CaseloadRowLabels {
  return {
    change: changeLabel(row),
    attendance: attendanceLabel(row),
    next: nextLabel(row, timeZone),
    trend: trendLabel(row),
  };
}

function changeLabel(row: CaseloadRow): string {
  const a = row.attention;
  if (a.improvement === undefined) return '—';
  const points =
    a.improvement > 0
      ? `${a.improvement} better`
      : a.improvement < 0
        ? `${-a.improvement} worse`
        : 'no change';
  return a.change ? `${points}, ${CHANGE_LABELS[a.change]}` : points;
}

function attendanceLabel(row: CaseloadRow): string {
  const a = row.attention.attendance;
  const rate = a.rate === undefined ? 'no sessions due' : `${Math.round(a.rate * 100)}%`;
  const hours = `${Math.round(a.attendedHours * 10) / 10} h`;
  return a.minimumHours === undefined
    ? `${rate} · ${hours}`
    : `${rate} · ${hours} of ${a.minimumHours} h`;
}

function nextLabel(row: CaseloadRow, timeZone: string): string {
  const next = row.attention.nextSession;
  // In the program's time zone, where the session takes place, not the browser's.
  return next ? format(new TZDate(next, timeZone), 'EEE d MMM, HH:mm') : 'none booked';
}

function trendLabel(row: CaseloadRow): string {
  const values = row.attention.sparkline;
  return values.length
    ? `${row.primary.shortName} scores, oldest first: ${values.join(', ')}`
    : 'no scores';
}
