// `npm test`: every check the project has, in the order that fails fastest, each runner's own
// summary printed as it runs, then one closing line with the counts. Exits non-zero if any stage
// fails. Stages that depend on a failed one (e2e needs the build) are reported as skipped.
import { spawn } from 'node:child_process';

const chromeBin = process.env.CHROME_BIN || '/usr/bin/chromium';
const env = { ...process.env, CHROME_BIN: chromeBin, NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0' };

/** Each stage: the command, and how to read its passed/failed counts from the runner output. */
const stages = [
  { name: 'lint', cmd: 'npm run -s lint', count: () => null },
  {
    name: 'domain specs (Node, two time zones, coverage)',
    cmd: 'npm run -s test:domain',
    count: (out) =>
      sumMatches(out, /(\d+) specs?, (\d+) failures?/g, (m) => [+m[1] - +m[2], +m[2]]),
  },
  {
    name: 'server specs (Node, real server on loopback)',
    cmd: 'npm run -s test:server',
    count: (out) =>
      sumMatches(out, /(\d+) specs?, (\d+) failures?/g, (m) => [+m[1] - +m[2], +m[2]]),
  },
  {
    name: 'unit specs (Karma, headless Chromium, coverage)',
    cmd: 'npm run -s test:unit',
    count: (out) => {
      const m = [...out.matchAll(/Executed (\d+) of (\d+)(?: \((\d+) FAILED\))?/g)].pop();
      return m ? [+m[1] - +(m[3] ?? 0), +(m[3] ?? 0)] : null;
    },
  },
  { name: 'production build (budgets are errors)', cmd: 'npm run -s build', count: () => null },
  {
    name: 'end-to-end (Playwright, Chromium, production build)',
    cmd: 'npm run -s test:e2e',
    needs: 'production build (budgets are errors)',
    count: (out) => {
      const passed = /^\s*(\d+) passed/m.exec(out);
      const failed = /^\s*(\d+) failed/m.exec(out);
      return passed || failed ? [+(passed?.[1] ?? 0), +(failed?.[1] ?? 0)] : null;
    },
  },
];

function sumMatches(out, regex, toCounts) {
  const all = [...out.matchAll(regex)].map(toCounts);
  return all.length ? all.reduce((a, b) => [a[0] + b[0], a[1] + b[1]]) : null;
}

function run(cmd) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, { shell: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const results = [];
let passed = 0;
let failed = 0;
for (const stage of stages) {
  const dependency = stage.needs && results.find((r) => r.name === stage.needs);
  if (dependency && dependency.status !== 'ok') {
    results.push({ name: stage.name, status: 'skipped', seconds: 0 });
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.cmd}`);
  const started = Date.now();
  const { code, output } = await run(stage.cmd);
  const seconds = (Date.now() - started) / 1000;
  const counts = stage.count(output);
  if (counts) {
    passed += counts[0];
    failed += counts[1];
  }
  // A runner that exits non-zero without reporting a failed test still fails the run.
  if (code !== 0 && (!counts || counts[1] === 0)) failed += 1;
  results.push({
    name: stage.name,
    status: code === 0 ? 'ok' : 'FAILED',
    seconds,
    counts,
    failures: code === 0 ? [] : failureLines(output),
  });
}

/**
 * The lines that name what failed, repeated after the summary: a CI log is often read from its
 * end, and a runner's own failure report may be thousands of lines further up.
 */
function failureLines(output) {
  const patterns = [
    /^\d+\) \S/, // Jasmine: "1) suite spec"
    /^\s*Message:$/,
    /^\s+(Expected|Error:|Failed:|TypeError|Timeout)/,
    /FAILED$/, // Karma: "Chrome Headless … suite spec FAILED"
    /^\s*[✘×]\s/, // Playwright list reporter
    /^\s*\d+\) \[chromium\]/, // Playwright failure headings
    /^ERROR|^✘ \[ERROR\]|error TS\d+/, // builds and type checks
    /^\s*\d+:\d+\s+error\s/, // ESLint
  ];
  return output
    .split('\n')
    .filter((line) => patterns.some((p) => p.test(line)))
    .slice(0, 40);
}

console.log('\n=== summary');
for (const r of results) {
  const counts = r.counts ? ` (${r.counts[0]} passed, ${r.counts[1]} failed)` : '';
  console.log(`${r.status.padEnd(7)} ${r.name} ${r.seconds.toFixed(1)} s${counts}`);
  for (const line of r.failures ?? []) console.log(`          ${line.trim().slice(0, 300)}`);
}
const ok = results.every((r) => r.status === 'ok');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
