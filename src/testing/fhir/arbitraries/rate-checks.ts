/**
 * Invariants every rate the domain reports must keep, checked over a whole result object: each
 * `Proportion` (anything with `successes`, `n`, `rate`, `low`, `high`) is either marked invalid
 * with a reason or has 0 <= successes <= n and 0 <= low <= rate <= high <= 1; each rate's
 * drill-down members have the numerator inside the denominator and the counts of the value.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Floating point may put a bound a hair past the rate; more than this is a real error. */
const EPSILON = 1e-12;

function isProportion(v: Record<string, unknown>): boolean {
  return 'successes' in v && 'n' in v && 'rate' in v && 'low' in v && 'high' in v;
}

export function proportionViolations(p: Record<string, unknown>, where: string): string[] {
  const { successes, n, rate, low, high, invalid } = p as Record<string, number | undefined> & {
    invalid?: unknown;
  };
  if (invalid !== undefined)
    return typeof invalid === 'string' && invalid !== '' && rate === undefined
      ? []
      : [`${where}: invalid without a reason, or with a rate`];
  const out: string[] = [];
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes! < 0 || successes! > n!)
    out.push(`${where}: ${successes} of ${n}`);
  if (n === 0) {
    if (rate !== undefined || low !== undefined || high !== undefined)
      out.push(`${where}: a rate of nothing`);
    return out;
  }
  const inUnit = (x: number | undefined) => typeof x === 'number' && x >= 0 && x <= 1;
  if (!inUnit(rate) || !inUnit(low) || !inUnit(high))
    out.push(`${where}: ${low} ≤ ${rate} ≤ ${high}`);
  else if (low! > rate! + EPSILON || rate! > high! + EPSILON)
    out.push(`${where}: bounds out of order ${low} ≤ ${rate} ≤ ${high}`);
  return out;
}

/** Every Proportion and every rate's members anywhere in `result`. */
export function rateViolations(result: unknown, where = '$', seen = new Set<unknown>()): string[] {
  if (!isRecord(result) || seen.has(result)) return [];
  seen.add(result);
  const out: string[] = [];
  if (!Array.isArray(result) && isProportion(result))
    out.push(...proportionViolations(result, where));
  const value = result['value'];
  const members = result['members'];
  if (isRecord(value) && isProportion(value) && isRecord(members)) {
    const numerator = members['numerator'] as readonly string[];
    const denominator = members['denominator'] as readonly string[];
    const inside = new Set(denominator);
    if (!numerator.every((id) => inside.has(id)))
      out.push(`${where}: numerator outside denominator`);
    if (
      value['invalid'] === undefined &&
      (value['successes'] !== numerator.length || value['n'] !== denominator.length)
    )
      out.push(
        `${where}: members do not match ${String(value['successes'])} of ${String(value['n'])}`,
      );
  }
  for (const [key, child] of Object.entries(result))
    out.push(...rateViolations(child, `${where}.${key}`, seen));
  return out;
}
