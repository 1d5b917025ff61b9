// Small helpers shared by the benchmark parts: statistics, formatting, logging, timing.
import { performance } from 'node:perf_hooks';

export const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Type-7 quantile (linear interpolation), q in [0, 1]. */
export function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const h = (v.length - 1) * q;
  const lo = Math.floor(h);
  return v[lo] + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]) - v[lo]);
}

export const round = (x, digits = 0) =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x;

export function log(...args) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${args.join(' ')}\n`);
}

export async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const kB = (bytes) => round(bytes / 1000, 1);

/**
 * One line of the results table. `limit` with `op` ('<=' or '>=' or '==') makes the pass/fail;
 * without it the figure is reported only.
 */
export function figure(part, name, value, unit, { op, limit, note, target } = {}) {
  let pass = null;
  if (op && Number.isFinite(value)) {
    if (op === '<=') pass = value <= limit;
    else if (op === '>=') pass = value >= limit;
    else if (op === '==') pass = value === limit;
  } else if (op) pass = false;
  return {
    part,
    figure: name,
    value,
    unit,
    target: target ?? (op ? `${op} ${limit}${unit ? ` ${unit}` : ''}` : ''),
    pass,
    ...(note ? { note } : {}),
  };
}
