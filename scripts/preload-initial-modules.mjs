// After `ng build`: lists every module the entry script imports statically (directly or not) as a
// `<link rel="modulepreload">` in index.html. The Angular CLI lists only the ten shallowest
// (MODULE_PRELOAD_MAX in @angular/build), which here left Angular core, the router and RxJS
// (300 kB of the 358 kB initial JavaScript) to be discovered only after the entry script had
// downloaded and been parsed: one round trip more before anything renders.
//
//   node scripts/preload-initial-modules.mjs [browser-output-dir]   (default dist/waypoint/browser)
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** esbuild writes a module's static imports first: `import{a as b}from"./x.js";`, `import"./y.js";`. */
const LEADING_IMPORT =
  /\s*(?:import|export)\s*(?:\{[^}]*\}\s*from\s*|\*\s*as\s*[\w$]+\s*from\s*)?"(\.\/[^"]+\.js)";?/y;

export function staticImports(source) {
  const found = [];
  LEADING_IMPORT.lastIndex = 0;
  for (let m = LEADING_IMPORT.exec(source); m; m = LEADING_IMPORT.exec(source))
    found.push(m[1].slice(2));
  return found;
}

/** Every module reachable from `entry` by static imports, excluding the entry itself. */
export function staticGraph(dir, entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const dep of staticImports(readFileSync(join(dir, file), 'utf8')))
      if (dep !== entry && !seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
  }
  return [...seen];
}

export function addModulePreloads(dir) {
  const indexFile = join(dir, 'index.html');
  const html = readFileSync(indexFile, 'utf8');
  const entry = /<script src="([^"]+\.js)" type="module"/.exec(html)?.[1];
  if (!entry) throw new Error(`${indexFile}: no module entry script found`);
  const listed = new Set(
    [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]),
  );
  // Largest first: they take longest, so they should start first.
  const missing = staticGraph(dir, entry)
    .filter((file) => !listed.has(file))
    .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size);
  if (missing.length === 0) return [];
  const links = missing.map((file) => `<link rel="modulepreload" href="${file}">`).join('');
  const at = html.indexOf('<link rel="modulepreload"');
  const anchor = at >= 0 ? at : html.indexOf(`<script src="${entry}"`);
  writeFileSync(indexFile, html.slice(0, anchor) + links + html.slice(anchor));
  return missing;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'dist/waypoint/browser');
  const added = addModulePreloads(dir);
  console.log(
    `index.html: ${added.length} more module preload(s)${added.length ? `: ${added.join(', ')}` : ''}`,
  );
}
