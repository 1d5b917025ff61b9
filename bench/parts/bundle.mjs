// 1. Bundle: the initial JavaScript (what index.html loads: main, polyfills and every chunk
// they import statically) raw and gzip (zlib level 9, as a server would compress it; the
// Angular CLI's "estimated transfer size" is close), whether Chart.js is in it, and each lazy
// chunk (every `import()` target) with what loading it adds beyond the initial files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, figure, kB } from '../lib/util.mjs';

const CHART_JS = ['Canvas is already in use', 'datasetElementType'];

export async function run({ app }) {
  const dir = join(ROOT, app);
  const files = new Map();
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    files.set(name, {
      name,
      raw: Buffer.byteLength(text),
      gzip: gzipSync(text, { level: 9 }).length,
      text,
      statics: [
        ...text.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([\w.-]+\.js)["']/g),
      ].map((m) => m[1]),
      dynamics: [...text.matchAll(/import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g)].map((m) => m[1]),
    });
  }
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const entryScripts = [...index.matchAll(/<script[^>]*src="([^"]+\.js)"/g)].map((m) => m[1]);
  const styles = [
    ...new Set(
      [...index.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1]),
    ),
  ];
  const closure = (roots, exclude = new Set()) => {
    const seen = new Set();
    const visit = (n) => {
      if (seen.has(n) || exclude.has(n) || !files.has(n)) return;
      seen.add(n);
      files.get(n).statics.forEach(visit);
    };
    roots.forEach(visit);
    return seen;
  };
  const initial = closure(entryScripts);
  const sum = (names, key) => [...names].reduce((s, n) => s + files.get(n)[key], 0);
  const initialRaw = sum(initial, 'raw');
  const initialGzip = sum(initial, 'gzip');
  const stylesRaw = styles.reduce((s, n) => s + (files.get(n)?.raw ?? 0), 0);
  const chartInInitial = [...initial].filter((n) =>
    CHART_JS.some((s) => files.get(n).text.includes(s)),
  );

  const lazyNames = new Set([...files.values()].flatMap((f) => f.dynamics));
  const lazy = [...lazyNames]
    .filter((n) => files.has(n) && !initial.has(n))
    .map((n) => {
      const f = files.get(n);
      const adds = closure([n], initial);
      const pages = [
        ...new Set([...f.text.matchAll(/"(app-[a-z-]+-page|app-shell)"/g)].map((m) => m[1])),
      ];
      return {
        chunk: n,
        label: pages.length ? pages.join(' + ') : '(no page component)',
        raw: f.raw,
        gzip: f.gzip,
        loadRaw: sum(adds, 'raw'),
        loadGzip: sum(adds, 'gzip'),
        chartJs: [...adds].some((a) => CHART_JS.some((s) => files.get(a).text.includes(s))),
      };
    })
    .sort((a, b) => b.raw - a.raw);
  const routes = lazy.filter((l) => l.label !== '(no page component)');
  const P = '1 bundle';
  const figures = [
    figure(P, 'initial JS, raw', kB(initialRaw), 'kB', {
      op: '<=',
      limit: 400,
      note: `${initial.size} files; + ${kB(stylesRaw)} kB CSS`,
    }),
    figure(P, 'initial JS, gzip', kB(initialGzip), 'kB', { op: '<=', limit: 120 }),
    figure(P, 'Chart.js in initial JS', chartInInitial.length ? 1 : 0, 'files', {
      op: '==',
      limit: 0,
      target: 'none',
      note: chartInInitial.join(' '),
    }),
    ...routes.map((r) =>
      figure(P, `route chunk ${r.label}`, kB(r.raw), 'kB', {
        op: '<=',
        limit: 250,
        note: `${r.chunk}; gzip ${kB(r.gzip)} kB; loading it adds ${kB(r.loadRaw)} kB raw / ${kB(r.loadGzip)} kB gzip${r.chartJs ? ' (incl. Chart.js)' : ''}`,
      }),
    ),
    figure(P, 'largest lazy chunk (any)', kB(lazy[0]?.raw ?? 0), 'kB', {
      op: '<=',
      limit: 250,
      note: `${lazy[0]?.chunk} ${lazy[0]?.label}`,
    }),
  ];
  return {
    figures,
    detail: {
      initial: [...initial].map((n) => ({
        file: n,
        raw: files.get(n).raw,
        gzip: files.get(n).gzip,
      })),
      initialRaw,
      initialGzip,
      stylesRaw,
      lazy,
    },
  };
}
