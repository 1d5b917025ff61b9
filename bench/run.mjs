// `npm run bench`: Waypoint at program scale (issue #10). Runs every part in order, prints one
// table of figure / value / target / pass, and writes bench/results/latest.json.
//
//   npm run bench                       every part (20,000-episode runs left out)
//   npm run bench -- --large            also the 20,000-episode runs
//   npm run bench -- --only=bundle,server-load
//   npm run bench -- --runs=5           repetitions per browser figure (median reported)
//
// Parts: bundle, lighthouse, scale-data, caseload, outcomes, client-page, interaction,
// server-load. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild } from './lib/build.mjs';
import { ROOT, log, round } from './lib/util.mjs';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    skip: { type: 'string' },
    large: { type: 'boolean', default: false },
    runs: { type: 'string' },
    out: { type: 'string', default: 'bench/results/latest.json' },
    rebuild: { type: 'boolean', default: false },
  },
});

const PARTS = [
  ['bundle', './parts/bundle.mjs'],
  ['scale-data', './parts/scale-data.mjs'],
  ['lighthouse', './parts/lighthouse.mjs'],
  ['caseload', './parts/caseload-ready.mjs'],
  ['outcomes', './parts/outcomes.mjs'],
  ['client-page', './parts/client-page.mjs'],
  ['interaction', './parts/interaction.mjs'],
  ['server-load', './parts/server-load.mjs'],
];

const only = values.only?.split(',').map((s) => s.trim());
const skip = values.skip?.split(',').map((s) => s.trim()) ?? [];
const selected = PARTS.filter(([name]) => (!only || only.includes(name)) && !skip.includes(name));
const unknown = [...(only ?? []), ...skip].filter((n) => !PARTS.some(([p]) => p === n));
if (unknown.length) {
  console.error(
    `unknown part(s): ${unknown.join(', ')}; parts: ${PARTS.map(([p]) => p).join(', ')}`,
  );
  process.exit(2);
}

const started = Date.now();
const build = ensureBuild({ force: values.rebuild });
log(
  `app: ${build.app}${build.built ? ` (built in ${round(build.buildMs / 1000, 1)} s)` : ' (reused)'}`,
);
const ctx = {
  app: build.app,
  build,
  large: values.large,
  runs: Number(values.runs ?? process.env.BENCH_RUNS ?? 3),
};

const figures = [];
const details = {};
const failures = [];
for (const [name, file] of selected) {
  const t0 = Date.now();
  log(`— ${name}`);
  try {
    const mod = await import(file);
    const { figures: f, detail } = await mod.run(ctx);
    figures.push(...f);
    details[name] = { ...detail, seconds: round((Date.now() - t0) / 1000, 1) };
  } catch (error) {
    log(`${name} failed: ${error.stack ?? error}`);
    failures.push({ part: name, error: String(error.message ?? error) });
    figures.push({
      part: name,
      figure: 'part failed',
      value: NaN,
      unit: '',
      target: '',
      pass: false,
      note: String(error.message ?? error).slice(0, 200),
    });
    details[name] = {
      error: String(error.stack ?? error),
      seconds: round((Date.now() - t0) / 1000, 1),
    };
  }
  log(`${name}: ${round((Date.now() - t0) / 1000, 1)} s`);
}

const seconds = round((Date.now() - started) / 1000, 1);
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
const result = {
  date: new Date().toISOString(),
  machine,
  options: { ...values, runs: ctx.runs },
  app: build,
  seconds,
  figures,
  details,
};
mkdirSync(dirname(resolve(ROOT, values.out)), { recursive: true });
writeFileSync(resolve(ROOT, values.out), `${JSON.stringify(result, null, 2)}\n`);

const mark = (p) => (p === true ? 'pass' : p === false ? 'FAIL' : '—');
const rows = figures.map((f) => ({
  part: f.part,
  figure: f.figure,
  value: `${typeof f.value === 'number' ? f.value.toLocaleString('en-US') : f.value}${f.unit ? ` ${f.unit}` : ''}`,
  target: f.target,
  pass: mark(f.pass),
  note: f.note ?? '',
}));
printTable(rows);
const failed = figures.filter((f) => f.pass === false).length;
const passed = figures.filter((f) => f.pass === true).length;
console.log(
  `\n${passed} figures meet their targets, ${failed} do not; ${figures.length - passed - failed} reported only. ` +
    `${seconds} s in all (${machine.cpus} × ${machine.cpu}, Node ${machine.node}). Written to ${values.out}.`,
);

function printTable(rows) {
  const cols = ['part', 'figure', 'value', 'target', 'pass', 'note'];
  const width = Object.fromEntries(
    cols.map((c) => [
      c,
      Math.min(c === 'note' ? 90 : 60, Math.max(c.length, ...rows.map((r) => String(r[c]).length))),
    ]),
  );
  const line = (r) =>
    cols
      .map((c) => String(r[c]).slice(0, width[c]).padEnd(width[c]))
      .join('  ')
      .trimEnd();
  console.log(`\n${line(Object.fromEntries(cols.map((c) => [c, c])))}`);
  console.log(cols.map((c) => '-'.repeat(width[c])).join('  '));
  for (const r of rows) console.log(line(r));
}
process.exitCode = failures.length ? 1 : 0;
