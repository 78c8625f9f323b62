#!/usr/bin/env node
// The explorer's budgets, measured (a benchmark, not a test: mvn verify does not run it).
//
//   1. JS + CSS shipped, gzipped: every script and stylesheet the browser loads for the explorer's
//      views (found by loading them), each file of web/dist gzipped (zlib level 6 and 9) and brotli'd.
//      Budget: <= 350 KB gzipped. /docs is its own bundle, reported apart, outside the budget.
//   2. Time to first chart visible: navigation start to the page's `cc:first-chart` mark (set two
//      animation frames after the first chart is attached, i.e. once it has been painted), per view,
//      with the HTTP cache disabled, at CPU 1x and 4x slowdown. Budget: <= 1.5 s (median).
//
// Needs a running local server with a built explorer:
//   ./run-local.sh --port 3100 &   then   node bench/budget.mjs --base http://localhost:3100 [--runs 15]
// Prints a Markdown report; exits 1 when a budget is missed.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '../dist');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (i % 2 === 0 ? [...pairs, [a.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const BASE = (args.base || 'http://localhost:3100').replace(/\/$/, '');
const RUNS = Number(args.runs || 15);
const SIZE_BUDGET = 350 * 1024;
const TIME_BUDGET = 1500;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const VIEWS = {
  catalogue: null, // a table, no chart: loaded for the size count only
  compare: '/?view=compare',
  roofline: '/?view=roofline',
  trends: '/?view=trends',
  forecasts: '/?view=forecasts',
  'scenarios (inference: 1 POST, 3 benchmark GETs)': '/?view=scenarios&kind=inference',
  'scenarios (stored, claim check)': '/?view=scenarios&kind=stored&scenario=gtc-2024-inference-30x',
  'benchmarks (a page of results, the validation)': '/?view=benchmarks',
};

function sizes(paths) {
  let raw = 0;
  let gz6 = 0;
  let gz9 = 0;
  let br = 0;
  for (const p of paths) {
    const bytes = readFileSync(join(dist, p));
    raw += bytes.length;
    gz6 += gzipSync(bytes, { level: 6 }).length;
    gz9 += gzipSync(bytes, { level: 9 }).length;
    br += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gz6, gz9, br };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1], min: sorted[0] };
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'chipcast-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium || '/usr/bin/chromium', headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
  });
  const out = [];
  let over = false;
  try {
    // 1. What the explorer's views load.
    const shipped = new Set();
    const page = await context.newPage();
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.origin === BASE && /\.(js|css)$/.test(url.pathname)) shipped.add(url.pathname.slice(1));
    });
    for (const path of Object.values(VIEWS).map((v) => v || '/?view=catalogue')) {
      await page.goto(BASE + path);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    }
    const explorer = [...shipped].sort();
    shipped.clear();
    await page.goto(`${BASE}/docs`);
    await page.waitForSelector('.opblock', { timeout: 30000 });
    const docs = [...shipped].sort();
    await page.close();
    const e = sizes(explorer);
    const d = sizes(docs);
    over ||= e.gz6 > SIZE_BUDGET;
    out.push('### Shipped JS + CSS', '', '| page | files | raw | gzip -6 | gzip -9 | brotli 11 | budget (gzip) |', '|---|---|---|---|---|---|---|',
      `| explorer (every view) | ${explorer.join(', ')} | ${kb(e.raw)} | ${kb(e.gz6)} | ${kb(e.gz9)} | ${kb(e.br)} | ${e.gz6 <= SIZE_BUDGET ? 'within' : 'OVER'} 350 KB |`,
      `| /docs (Swagger UI, own bundle) | ${docs.join(', ')} | ${kb(d.raw)} | ${kb(d.gz6)} | ${kb(d.gz9)} | ${kb(d.br)} | outside the budget |`, '');

    // 2. Navigation start to the first chart painted, cache disabled.
    out.push(`### Time to first chart visible (ms, ${RUNS} runs per view, HTTP cache off)`, '',
      '| view | CPU | first run | median | p90 | max | budget |', '|---|---|---|---|---|---|---|');
    for (const [name, path] of Object.entries(VIEWS)) {
      if (!path) continue;
      for (const rate of [1, 4]) {
        const times = [];
        for (let i = 0; i < RUNS; i += 1) {
          const p = await context.newPage();
          const cdp = await context.newCDPSession(p);
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          await p.goto(BASE + path);
          await p.waitForFunction(() => performance.getEntriesByName('cc:first-chart').length > 0, null, { timeout: 30000 });
          times.push(await p.evaluate(() => performance.getEntriesByName('cc:first-chart')[0].startTime));
          await p.close();
        }
        const s = stats(times);
        if (rate === 1) over ||= s.median > TIME_BUDGET;
        out.push(`| ${name} | ${rate}x | ${Math.round(times[0])} | ${Math.round(s.median)} | ${Math.round(s.p90)} | ${Math.round(s.max)} | ${s.median <= TIME_BUDGET ? 'within' : 'OVER'} 1,500 |`);
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(out.join('\n'));
  process.exit(over ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
