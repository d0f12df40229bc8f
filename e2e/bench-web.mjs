// Times the engine compiled to WebAssembly in headless Chromium: for each size, a generated
// plan (the same as the native bench's) is read, then its fast matrix and its summary are
// computed several times and the medians taken with performance.now(). Prints one line per
// size and writes the figures as JSON for `reachplan-bench --wasm FILE`. Then it times the
// import of a generated Azure Resource Graph dump of 2,000 resources (`--import N`; 0 skips
// it) the way the page imports a dropped file, against the budget of 3 s.
//   node e2e/bench-web.mjs BUILD OUT.json [--seed S] [--import N] SIZE...
// BUILD holds the wasm-bindgen output of the reachplan-bench-web binary (scripts/bench.sh).
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';

const [build, out, ...rest] = process.argv.slice(2);
if (!build || !out) {
  console.error('usage: node e2e/bench-web.mjs BUILD OUT.json [--seed S] SIZE...');
  process.exit(2);
}
let seed = 1;
let resources = 2000;
const sizes = [];
for (let i = 0; i < rest.length; i += 1) {
  if (rest[i] === '--seed') seed = Number(rest[(i += 1)]);
  else if (rest[i] === '--import') resources = Number(rest[(i += 1)]);
  else sizes.push(Number(rest[i]));
}
if (!sizes.length) sizes.push(100, 1000, 10000);
if (![seed, resources, ...sizes].every((n) => Number.isInteger(n) && n >= 0)) {
  console.error('bench-web: sizes and the seed are whole numbers');
  process.exit(2);
}
writeFileSync(path.join(build, 'index.html'), '<!doctype html><meta charset="utf-8"><title>reachplan bench</title>\n');

const server = await serve(build, 0, '127.0.0.1');
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let status = 0;
try {
  const page = await browser.newPage();
  await page.goto(base + 'index.html');
  const version = await browser.version();
  console.log(`reachplan-bench (WebAssembly): Chromium ${version} headless, seed ${seed}`);
  const results = [];
  for (const size of sizes) {
    const row = await page.evaluate(async ({ size, seed }) => {
      const m = await import('/reachplan-bench-web.js');
      const wasm = await m.default();
      const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // The browser's clock is coarse (0.1 ms): a sample of a small plan repeats the call.
      const reps = size <= 100 ? 20 : size <= 1000 ? 4 : 1;
      const time = (runs, f) => {
        const xs = [];
        let last;
        for (let i = 0; i < runs; i += 1) {
          const t = performance.now();
          for (let r = 0; r < reps; r += 1) last = f();
          xs.push((performance.now() - t) / reps);
        }
        return [median(xs), last];
      };
      const text = m.generatePlan(size, seed);
      const runs = size >= 10000 ? 5 : 15;
      const [read] = time(runs, () => m.read(text));
      const bench = new m.Bench(text);
      bench.matrix(); // compiled and warm
      const [matrix, reachable] = time(runs, () => bench.matrix());
      const [summary] = time(runs, () => bench.summary());
      const endpoints = bench.endpoints();
      bench.free();
      return { size, endpoints, reachable, runs, read_ms: read, matrix_ms: matrix, summary_ms: summary,
        memory_mb: wasm.memory.buffer.byteLength / 1048576 };
    }, { size, seed });
    console.log(`  ${row.endpoints} endpoints: fast matrix ${row.matrix_ms.toFixed(2)} ms, summary ${row.summary_ms.toFixed(2)} ms, read ${row.read_ms.toFixed(2)} ms (median of ${row.runs}; ${row.reachable} pairs reachable); WebAssembly memory ${row.memory_mb.toFixed(1)} MB`);
    results.push(row);
  }
  let imported = null;
  if (resources > 0) {
    imported = await page.evaluate(async (n) => {
      const m = await import('/reachplan-bench-web.js');
      await m.default();
      const text = m.resourceGraph(n);
      const xs = [];
      let nodes = 0;
      for (let i = 0; i < 5; i += 1) {
        const t = performance.now();
        nodes = m.importAzure(text);
        xs.push(performance.now() - t);
      }
      xs.sort((a, b) => a - b);
      return { resources: n, mb: text.length / 1e6, nodes, import_ms: xs[2] };
    }, resources);
    const budget = 3000;
    const verdict = imported.import_ms <= budget ? 'within' : 'OVER';
    console.log(`  import of a ${imported.resources}-resource Resource Graph dump (${imported.mb.toFixed(1)} MB): ${imported.import_ms.toFixed(1)} ms (median of 5; ${imported.nodes} nodes), ${verdict} the budget of ${budget} ms`);
  }
  writeFileSync(out, JSON.stringify({ chromium: version, seed, results, import: imported }, null, 2) + '\n');
} catch (e) {
  console.error(`bench-web: ${e.message}`);
  status = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(status);
