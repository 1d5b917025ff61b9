import { CaseloadRow } from './caseload-row';

/** 42 CFR 2.32(a)(2): the short redisclosure notice that must accompany Part 2 records. */
export const PART_2_NOTICE =
  '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

export const PHI_NOTICE =
  'Contains protected health information (PHI). Store and share it only as your organisation’s privacy policy allows.';

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
  const lines: string[][] = [[PHI_NOTICE]];
  if (rows.some((r) => r.substanceUse)) lines.push([PART_2_NOTICE]);
  lines.push([`Generated ${generated}`], HEADER);
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
  return lines.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
