import { csvPreamble, csvText } from '../../ui/csv/csv';
import { CaseloadRow } from './caseload-row';

const HEADER = [
  'Client',
  'Age',
  'Presenting problems',
  'Level of care',
  'Week',
  'Measure',
  'Latest score',
  'Severity',
  'Change since baseline',
  'Reliable change',
  'Attendance (14 days)',
  'Hours (14 days)',
  'Next session',
  'Flags',
];

/**
 * The current view as CSV: the visible rows in their order, one column per table column, with
 * the PHI notice first and, when any row carries substance-use records, the Part 2 notice.
 */
export function caseloadCsv(rows: readonly CaseloadRow[], generated: string): string {
  const lines = csvPreamble(
    rows.some((r) => r.substanceUse),
    generated,
  );
  lines.push(HEADER);
  for (const r of rows) {
    const a = r.attention;
    lines.push([
      r.name,
      r.age?.toString() ?? '',
      r.problems.join('; '),
      r.levelLabel,
      r.weekLabel,
      r.primary.shortName,
      a.latest?.score.toString() ?? '',
      a.latest?.band?.label ?? '',
      a.improvement === undefined ? '' : signed(a.improvement),
      a.change?.replace(/-/g, ' ') ?? '',
      a.attendance.rate === undefined ? '' : `${Math.round(a.attendance.rate * 100)}%`,
      (Math.round(a.attendance.attendedHours * 10) / 10).toString(),
      a.nextSession ?? '',
      a.flags.map((f) => `${f.label}: ${f.reason}`).join(' | '),
    ]);
  }
  return csvText(lines);
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
