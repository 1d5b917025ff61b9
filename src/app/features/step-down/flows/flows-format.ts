import { Proportion } from '../../../domain/stats/wilson';

/** At most one decimal, none when whole: medians and quartiles of days are often halves. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "2 clients", "1 client". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A share of 0–1 as a whole percentage. A share that rounds to 0 but is not 0 says "<1 %", so
 * one client of a large cohort is not reported as nobody.
 */
export function percent(share: number): string {
  const whole = Math.round(share * 100);
  if (whole === 0 && share > 0) return '<1 %';
  return `${whole} %`;
}

/** "30–63"; a single value when both ends agree. */
export function span(low: number, high: number): string {
  const a = formatNumber(low);
  const b = formatNumber(high);
  return a === b ? a : `${a}–${b}`;
}

/** What a rate cell shows: the text, and why there is none when there is none. */
export interface ProportionCell {
  readonly text: string;
  /** Set when there is no rate: said in words beside the dash, never left to guess. */
  readonly note?: string;
}

export const NO_RATE = '—';
export const NOT_JUDGED_YET = 'no step-downs judged yet';

/**
 * "8 of 10 · 80 % (49–94 %)": the counts first, so no rate is read without its denominator,
 * then the rate and its 95 % interval.
 */
export function proportionCell(p: Proportion): ProportionCell {
  if (p.invalid) return { text: NO_RATE, note: `counts could not be read: ${p.invalid}` };
  if (p.rate === undefined || p.low === undefined || p.high === undefined) {
    return { text: NO_RATE, note: NOT_JUDGED_YET };
  }
  const pct = (value: number) => Math.round(value * 100);
  return {
    text: `${p.successes} of ${p.n} · ${pct(p.rate)} % (${pct(p.low)}–${pct(p.high)} %)`,
  };
}
