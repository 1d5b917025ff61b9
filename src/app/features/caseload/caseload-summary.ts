import { LevelOfCare } from '../../domain/models';
import { CaseloadRow } from './caseload-row';

export interface CaseloadSummary {
  readonly clients: number;
  readonly byLevel: readonly {
    readonly level: LevelOfCare;
    readonly label: string;
    readonly count: number;
  }[];
  readonly flagged: number;
  /** Mean of the clients' 14-day attendance rates (clients with sessions due only). */
  readonly averageAttendance?: number;
  /** Clients with a measure due or missing (from the missing-measure flag and due dates). */
  readonly measuresDue: number;
}

export function summarise(rows: readonly CaseloadRow[]): CaseloadSummary {
  const levels = new Map<LevelOfCare, { label: string; count: number }>();
  for (const r of rows) {
    const entry = levels.get(r.level) ?? { label: r.levelLabel, count: 0 };
    entry.count++;
    levels.set(r.level, entry);
  }
  const rates = rows
    .map((r) => r.attention.attendance.rate)
    .filter((r): r is number => r !== undefined);
  return {
    clients: rows.length,
    byLevel: [...levels.entries()].map(([level, v]) => ({ level, ...v })),
    flagged: rows.filter((r) => r.attention.flags.length > 0).length,
    ...(rates.length ? { averageAttendance: rates.reduce((a, b) => a + b, 0) / rates.length } : {}),
    measuresDue: rows.filter((r) => r.attention.measuresDue > 0).length,
  };
}
