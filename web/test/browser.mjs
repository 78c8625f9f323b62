#!/usr/bin/env node
// Real-browser tests of the explorer against a running local server (BrowserTest starts one and runs
// this script; by hand: ./run-local.sh --port 3100, then node test/browser.mjs --base http://localhost:3100).
//
//   --base URL          the local server (required)
//   --phase views|xss   views: every view against the seeded data; xss: API text holding markup
//                       (BrowserTest writes those items into the store between the two phases)
//   --screenshots DIR   where the screenshots go (default ../local/target/screenshots)
//   --chromium PATH     default /usr/bin/chromium; this script never downloads a browser
//   --xss-chip ID --xss-forecast ID   the items BrowserTest wrote (phase xss)
//
// The expected numbers come from the API itself (fetched here), never from the page. Every page is
// watched for console errors, uncaught exceptions, CSP violations, failed requests and HTTP errors.
// Prints one line per failure and a closing "N passed, N failed"; exits 1 on any failure.
import { chromium } from 'playwright-core';
import axe from 'axe-core';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(here, '..');
const repo = resolve(webDir, '..');

function options(argv) {
  const out = { phase: 'views', screenshots: join(repo, 'local/target/screenshots'), chromium: '/usr/bin/chromium' };
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  if (!out.base) throw new Error('usage: node test/browser.mjs --base http://localhost:PORT [--phase views|xss]');
  return out;
}

const opt = options(process.argv);
const BASE = opt.base.replace(/\/$/, '');
// The flags that work on these machines (the issue's list), and a fresh profile per browser.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let passed = 0;
const failures = [];

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function api(path, init) {
  const response = await fetch(BASE + path, init);
  if (!response.ok) throw new Error(`API ${path}: HTTP ${response.status}`);
  return response.json();
}

/** An API answer's bytes, as a file would hold them. */
async function apiBytes(path, init = {}) {
  const response = await fetch(BASE + path, { ...init, headers: { accept: 'text/csv', ...(init.headers || {}) } });
  if (!response.ok) throw new Error(`API ${path}: HTTP ${response.status}`);
  assert((response.headers.get('content-type') || '').startsWith('text/csv; charset=utf-8'), `API ${path}: not CSV`);
  return Buffer.from(await response.arrayBuffer());
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Clicks a CSV button and returns the file the browser saved. */
async function csvDownload(page, selector) {
  const pending = page.waitForEvent('download');
  await page.click(selector);
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

function sameBytes(actual, expected, what) {
  assert(actual.equals(expected), `${what}: the download (${actual.length} bytes) is not the API's CSV (${expected.length} bytes); `
    + `first lines ${JSON.stringify(actual.toString('utf8').slice(0, 160))}`);
}

async function allChips() {
  const items = [];
  let token = null;
  do {
    const page = await api(`/chips?limit=100${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`);
    items.push(...page.items);
    token = page.nextToken;
  } while (token);
  return items;
}

// ------------------------------------------------------------------ browser

const profiles = [];

async function launch(locale) {
  const dir = mkdtempSync(join(tmpdir(), 'chipcast-chromium-'));
  profiles.push(dir);
  return chromium.launchPersistentContext(dir, {
    executablePath: opt.chromium, headless: true, args: FLAGS, locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true,
  });
}

/** A page whose console errors, exceptions, CSP violations and failed or >= 400 requests are collected. */
async function open(context, path, { ready = true } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`); });
  await page.exposeFunction('__cspViolation', (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  page.problems = problems;
  await page.goto(BASE + path);
  if (ready) await waitReady(page);
  return page;
}

async function waitReady(page) {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
}

function clean(page) {
  assert(page.problems.length === 0, `page problems:\n    ${[...new Set(page.problems)].join('\n    ')}`);
}

/** The drawn elements of one mark (faceted charts nest them in a group per facet). */
async function marks(page, chart, mark) {
  return page.locator(`figure[data-chart="${chart}"] svg.cc-plot > g[data-mark="${mark}"] :is(rect, circle, path, line, text)`).count();
}

async function axeCheck(page, label) {
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(serious.length === 0, `axe (${label}): ${serious.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`).join('; ')}`);
}

async function shot(page, name) {
  mkdirSync(opt.screenshots, { recursive: true });
  await page.screenshot({ path: join(opt.screenshots, `${name}.png`), fullPage: true });
}

async function test(name, fn) {
  try {
    await fn();
    passed += 1;
  } catch (e) {
    failures.push(`${name}: ${e.message.split('\n').join('\n  ')}`);
  }
}

function query(page) {
  return new URL(page.url()).searchParams;
}

// ------------------------------------------------------------------ the views

async function viewTests(context, data) {
  const { chips } = data;

  await test('source has no HTML sinks', async () => {
    const files = [];
    const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
    walk(join(webDir, 'src'));
    const sinks = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(|dangerouslySetInnerHTML|\beval\(|new Function\(|setAttribute\(['"]style/;
    const bad = files.filter((f) => sinks.test(readFileSync(f, 'utf8')));
    assert(bad.length === 0, `HTML/eval sinks in ${bad.join(', ')}`);
  });

  await test('catalogue: every chip, flags, sources on hover and keyboard focus', async () => {
    const page = await open(context, '/?view=catalogue');
    equal(await page.locator('tbody tr[data-row]').count(), chips.length, 'rows');
    equal(await page.locator('tbody [data-flag="sparse"]').count(), chips.filter((c) => c.sourceGivesOnlySparse).length, 'sparse flags');
    equal(await page.locator('tbody [data-flag="dense"]').count(), chips.filter((c) => !c.sourceGivesOnlySparse).length, 'dense flags');
    equal(await page.locator('a[data-csv]').getAttribute('href'), '/chips?limit=100&format=csv', 'CSV link');
    const csv = await csvDownload(page, 'a[data-csv]');
    equal(csv.name, 'chipcast-chips.csv', 'CSV file name');
    const apiCsv = await apiBytes('/chips?limit=100&format=csv');
    sameBytes(csv.bytes, apiCsv, 'chip list CSV');
    assert(apiCsv.subarray(0, 3).equals(BOM), 'the API CSV starts with a UTF-8 byte order mark');
    equal(apiCsv.toString('utf8').split('\r\n').filter((l) => /^[a-z0-9]+(-[a-z0-9]+)*,/.test(l)).length, chips.length, 'a CSV row per chip');
    // Keyboard: Tab from the CSV link into the table until a figure has focus; the tooltip names its sources.
    await page.locator('a[data-csv]').focus();
    let focused = null;
    for (let i = 0; i < 60 && !focused; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement.matches('.fig:not(.null)') ? document.activeElement.closest('tr').dataset.row : null));
    }
    assert(focused, 'Tab never reached a figure');
    const chip = chips.find((c) => c.id === focused);
    await page.waitForSelector('#tip:not([hidden])', { timeout: 2000 });
    const tip = await page.locator('#tip').innerText();
    assert(tip.includes(chip.sources[0].title), `focus tooltip lacks the source title: ${tip.slice(0, 200)}`);
    assert(/as of/.test(tip), 'focus tooltip lacks the as-of date');
    await page.keyboard.press('Escape');
    assert(await page.locator('#tip').isHidden(), 'Escape does not close the tooltip');
    // Hover
    const row = page.locator(`tr[data-row="nvidia-h100-sxm"] .fig:not(.null)`).first();
    await row.hover();
    await page.waitForSelector('#tip:not([hidden])', { timeout: 2000 });
    const hoverTip = await page.locator('#tip').innerText();
    const h100 = chips.find((c) => c.id === 'nvidia-h100-sxm');
    assert(h100.sources.every((s) => hoverTip.includes(s.title)), 'hover tooltip lacks a source');
    await page.mouse.move(0, 0);
    await axeCheck(page, 'catalogue');
    await shot(page, 'catalogue');
    clean(page);
    await page.close();
  });

  await test('catalogue: a filter changes the table and the URL, and the URL restores it', async () => {
    const page = await open(context, '/?view=catalogue');
    const amd = (await api('/chips?vendor=amd&limit=100')).items;
    await page.selectOption('select[name="vendor"]', 'amd');
    await page.waitForFunction((n) => document.body.dataset.ready === 'true' && document.querySelectorAll('tbody tr[data-row]').length === n, amd.length);
    equal(query(page).get('vendor'), 'amd', 'vendor in the URL');
    equal(await page.locator('a[data-csv]').getAttribute('href'), '/chips?vendor=amd&limit=100&format=csv', 'CSV link follows the filter');
    await page.reload();
    await waitReady(page);
    equal(await page.locator('tbody tr[data-row]').count(), amd.length, 'rows after reload');
    equal(await page.locator('select[name="vendor"]').inputValue(), 'amd', 'vendor select after reload');
    // Precision filter: only chips with a dense FP4 figure.
    await page.goto(`${BASE}/?view=catalogue&precision=fp4&only=1`);
    await waitReady(page);
    equal(await page.locator('tbody tr[data-row]').count(), chips.filter((c) => c.denseTFLOPS.fp4 != null).length, 'fp4 rows');
    // Sorting by memory, descending: the largest memory first.
    await page.goto(`${BASE}/?view=catalogue`);
    await waitReady(page);
    await page.click('button[data-sort="memoryGB"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('dir') === 'asc' && document.body.dataset.ready === 'true');
    await page.click('button[data-sort="memoryGB"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('dir') === 'desc' && document.body.dataset.ready === 'true');
    const top = [...chips].sort((a, b) => b.memoryGB - a.memoryGB)[0];
    equal(await page.locator('tbody tr[data-row]').first().getAttribute('data-row'), top.id, 'first row sorted by memory');
    // The detail panel shows the chip's notes as text.
    await page.click('a[data-chip="nvidia-h100-sxm"]');
    await page.waitForSelector('[data-detail="nvidia-h100-sxm"]');
    equal(query(page).get('chip'), 'nvidia-h100-sxm', 'chip in the URL');
    equal(await page.locator('[data-note="notes"]').textContent(), h100Notes(chips), 'notes');
    await shot(page, 'catalogue-detail');
    clean(page);
    await page.close();
  });

  await test('catalogue CSV: a paged answer downloads whole, its next pages (X-Next-Token) without their header', async () => {
    const page = await open(context, '/?view=catalogue');
    // The page asks for pages of 100; served pages of 5 here, so the download has to follow the tokens.
    const asked = [];
    await page.route((url) => url.pathname === '/chips' && url.searchParams.get('format') === 'csv', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '5');
      asked.push(url.search);
      route.continue({ url: url.toString() });
    });
    const csv = await csvDownload(page, 'a[data-csv]');
    equal(asked.length, Math.ceil(chips.length / 5), 'CSV pages fetched');
    assert(asked.slice(1).every((q) => q.includes('nextToken=')), `later pages carry the token: ${asked.join(' ')}`);
    sameBytes(csv.bytes, await apiBytes('/chips?limit=100&format=csv'), 'chip list CSV in pages of 5');
    await page.unrouteAll({ behavior: 'wait' });
    clean(page);
    await page.close();
  });

  await test('compare: ratio bars against the baseline', async () => {
    const ids = ['nvidia-h100-sxm', 'nvidia-b200', 'amd-mi300x', 'intel-gaudi3'];
    const cmp = await api(`/chips/compare?ids=${ids.join(',')}`);
    const keys = ['memoryGB', 'memoryBandwidthTBs', 'tdpWatts', 'interconnectGBs', 'denseTFLOPS.bf16', 'tflopsPerWatt.bf16'];
    const expected = cmp.chips.slice(1).reduce((n, c) => n + keys.filter((k) => c.ratioToBaseline[k] != null).length, 0);
    const page = await open(context, '/?view=compare');
    equal(await marks(page, 'compare', 'ratio bars'), expected, 'ratio bars');
    equal(await page.locator('a[data-csv]').getAttribute('href'), `/chips/compare?ids=${ids.join(',')}&format=csv`, 'CSV link');
    // Take Gaudi 3 out: fewer bars, ids in the URL.
    await page.click('input[type="checkbox"][value="intel-gaudi3"]');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !new URL(location.href).searchParams.get('ids').includes('gaudi3'));
    const fewer = cmp.chips.slice(1, 3).reduce((n, c) => n + keys.filter((k) => c.ratioToBaseline[k] != null).length, 0);
    equal(await marks(page, 'compare', 'ratio bars'), fewer, 'ratio bars after removing a chip');
    await axeCheck(page, 'compare');
    await page.goto(`${BASE}/?view=compare`);
    await waitReady(page);
    await shot(page, 'compare');
    clean(page);
    await page.close();
  });

  await test('roofline: one roof and one ridge point per chip with the figures', async () => {
    const ids = ['nvidia-h100-sxm', 'nvidia-b200', 'amd-mi300x', 'google-tpu-v6e', 'intel-gaudi3', 'furiosa-rngd', 'furiosa-warboy'];
    const page = await open(context, `/?view=roofline&precision=fp8&ids=${ids.join(',')}`);
    const drawn = ids.map((id) => chips.find((c) => c.id === id)).filter((c) => c.denseTFLOPS.fp8 != null && c.memoryBandwidthTBs != null);
    equal(await marks(page, 'roofline', 'rooflines'), drawn.length, 'rooflines');
    equal(await marks(page, 'roofline', 'ridge points'), drawn.length, 'ridge points');
    const titles = await page.locator('figure[data-chart="roofline"] g[data-mark="ridge points"] title').allTextContents();
    for (const c of drawn) {
      const ridge = c.derived.ridgePointFlopPerByte.fp8;
      const shown = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(ridge);
      assert(titles.some((tt) => tt.startsWith(c.name) && tt.includes(`ridge ${shown} FLOP/B`)), `ridge of ${c.id} (${shown}) not in ${titles.join(' | ')}`);
    }
    equal(await page.locator('[data-missing]').getAttribute('data-missing'), String(ids.length - drawn.length), 'chips not drawn');
    await axeCheck(page, 'roofline');
    await page.goto(`${BASE}/?view=roofline`);
    await waitReady(page);
    await shot(page, 'roofline');
    clean(page);
    await page.close();
  });

  await test('trends: a dot per chip with the figure and a launch date', async () => {
    const page = await open(context, '/?view=trends&precision=bf16');
    equal(await marks(page, 'trend-bf16', 'chips'), chips.filter((c) => c.launchDate && c.denseTFLOPS.bf16 != null).length, 'bf16 dots');
    equal(await marks(page, 'trend-bandwidth', 'chips'), chips.filter((c) => c.launchDate && c.memoryBandwidthTBs != null).length, 'bandwidth dots');
    await axeCheck(page, 'trends');
    await shot(page, 'trends');
    clean(page);
    await page.close();
  });

  await test('forecasts: reported points, interpolated and extrapolated lines, consensus band', async () => {
    const market = 'ai-inference-chips';
    const listed = (await api(`/forecasts?market=${market}`)).items;
    const to = 2034;
    const reports = await Promise.all(listed.map((f) => {
      const last = Math.max(...f.knownPoints.map((p) => p.year));
      return api(`/forecasts/${f.id}?currency=USD${to > last ? `&to=${to}` : ''}`);
    }));
    const reported = reports.reduce((n, r) => n + r.series.filter((p) => p.kind === 'reported').length, 0);
    const segments = (dashed) => reports.reduce((n, r) => n + r.series.slice(1).filter((p, i) => (p.kind === 'extrapolated' || r.series[i].kind === 'extrapolated') === dashed).length, 0);
    const page = await open(context, `/?view=forecasts&market=${market}&to=${to}`);
    const chart = `forecasts-${market}-USD`;
    equal(await marks(page, chart, 'reported'), reported, 'reported points');
    equal(await marks(page, chart, 'interpolated'), segments(false), 'solid segments');
    equal(await marks(page, chart, 'extrapolated'), segments(true), 'dashed segments');
    equal(await page.locator(`figure[data-chart="${chart}"] g[data-mark="extrapolated"][stroke-dasharray]`).count(), 1, 'extrapolated lines dashed');
    equal(await page.locator(`figure[data-chart="${chart}"] g[data-mark="interpolated"][stroke-dasharray]`).count(), 0, 'interpolated lines solid');
    equal(await marks(page, chart, 'consensus band'), 1, 'consensus band');
    equal(await marks(page, chart, 'consensus median'), 1, 'consensus median');
    const consensus = await api(`/forecasts/consensus?market=${market}&currency=USD`);
    equal(await page.locator('table').nth(1).locator('tbody tr').count(), consensus.years.length, 'consensus rows');
    const hrefs = await page.locator('a[data-csv]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert(hrefs.includes(`/forecasts?market=${market}&format=csv`), `forecast list CSV link missing: ${hrefs}`);
    assert(hrefs.includes(`/forecasts/consensus?market=${market}&currency=USD&format=csv`), 'consensus CSV link missing');
    await axeCheck(page, 'forecasts');
    await shot(page, 'forecasts');
    clean(page);
    await page.close();
  });

  await test('forecasts in KRW: also written as Korean readers write it', async () => {
    const report = await api('/forecasts/vmr-2024-inference-chips?currency=KRW');
    equal(report.knownPoints[0].value, 21175.16, 'API value');
    const page = await open(context, '/?view=forecasts&market=ai-inference-chips&currency=KRW');
    const text = await page.locator('main').innerText();
    assert(text.includes('21조 1,752억 원'), 'KRW 21,175.16bn not shown as 21조 1,752억 원');
    assert(text.includes('₩21,175bn'), 'KRW not shown in English notation');
    const series = '/forecasts/vmr-2024-inference-chips?currency=KRW&format=csv';
    const csv = await csvDownload(page, `a[data-csv="${series}"]`);
    equal(csv.name, 'chipcast-vmr-2024-inference-chips-KRW.csv', 'series CSV file name');
    const apiCsv = await apiBytes(series);
    sameBytes(csv.bytes, apiCsv, 'forecast series CSV');
    const text8 = apiCsv.toString('utf8');
    assert(text8.includes(',2023,21175.16,,reported,15.8,USD,') && text8.includes('시사위크'), 'the series CSV holds the KRW values and the Korean source');
    clean(page);
    await page.close();
  });

  await test('scenarios: training form, result table and chart', async () => {
    const body = { kind: 'training', precision: 'bf16', days: 90, utilization: 0.4, pue: 1.2,
      options: [{ name: 'a', chipId: 'nvidia-h100-sxm', count: 8000 }, { name: 'b', chipId: 'nvidia-b200', count: 2000 }] };
    const resp = await api('/scenarios/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const keys = ['peakPFLOPS', 'daysForBaselineFlop', 'itPowerMW', 'energyMWh'];
    const page = await open(context, '/?view=scenarios&kind=training');
    equal(await marks(page, 'scenario-training', 'ratio bars'), keys.filter((k) => resp.result.options[1].ratiosToBaseline[k] != null).length, 'training bars');
    equal(await page.locator('section.panel table tbody tr').count(), 2, 'result rows');
    // Submit the form with another duration: the URL and the result follow.
    await page.fill('input[name="days"]', '30');
    await page.click('form[data-form="training"] button[type="submit"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('days') === '30' && document.body.dataset.ready === 'true');
    const days = await page.locator('section.panel table tbody tr').first().locator('td').nth(3).innerText();
    equal(days.trim(), '30', 'days of the baseline after the submit');
    await axeCheck(page, 'scenarios training');
    await page.goto(`${BASE}/?view=scenarios&kind=training`);
    await waitReady(page);
    await shot(page, 'scenarios-training');
    clean(page);
    await page.close();
  });

  await test('scenarios: inference curve, one modelled point per chip and batch', async () => {
    const page = await open(context, '/?view=scenarios&kind=inference');
    const batches = new Set([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 32]).size;
    equal(await marks(page, 'scenario-inference', 'modelled points'), 3 * batches, 'modelled points');
    equal(await marks(page, 'scenario-inference', 'your batch'), 3, 'highlighted batch');
    equal(await marks(page, 'scenario-inference', 'modelled curves'), 3, 'curves');
    assert(await page.locator('button[data-csv="POST /scenarios/compare?format=csv"]').count() === 1, 'CSV button for the POST');
    const csv = await csvDownload(page, 'button[data-csv="POST /scenarios/compare?format=csv"]');
    const lines = csv.bytes.toString('utf8').split('\r\n');
    assert(csv.bytes.subarray(0, 3).equals(BOM) && lines[0].startsWith('\ufeffscenarioId,precision,'), `inference CSV header: ${lines[0].slice(0, 80)}`);
    equal(lines.filter((l) => l.startsWith(',fp8,')).length, 3, 'a CSV row per chip of the form');
    await axeCheck(page, 'scenarios inference');
    await shot(page, 'scenarios-inference');
    clean(page);
    await page.close();
  });

  await test('scenarios: market comparison', async () => {
    const page = await open(context, '/?view=scenarios&kind=market');
    equal(await marks(page, 'scenario-market', 'reported'), 4, 'reported points of VMR and KB 2023/2030');
    equal(await page.locator('section.panel table').first().locator('tbody tr').count(), 8, 'years 2023-2030');
    await axeCheck(page, 'scenarios market');
    await shot(page, 'scenarios-market');
    clean(page);
    await page.close();
  });

  await test('scenarios: stored scenarios with their claim checks', async () => {
    const stored = (await api('/scenarios')).items;
    const resp = await api('/scenarios/gtc-2024-inference-30x/comparison');
    const page = await open(context, '/?view=scenarios&kind=stored&scenario=gtc-2024-inference-30x');
    equal(await page.locator('a[data-scenario]').count(), stored.length, 'stored scenarios listed');
    equal(await marks(page, 'claim-check', 'spec ratios'), resp.claimCheck.specRatios.length, 'spec ratio bars');
    equal(await marks(page, 'claim-check', 'claimed ratio'), 1, 'claimed ratio rule');
    equal(await page.locator('[data-claimed]').innerText(), '×30', 'claimed ratio');
    assert((await page.locator('blockquote.claim').innerText()).includes(resp.claimCheck.claim.claim), 'claim quoted');
    equal(await page.locator('a[data-csv]').getAttribute('href'), '/scenarios/gtc-2024-inference-30x/comparison?format=csv', 'CSV link');
    sameBytes((await csvDownload(page, 'a[data-csv]')).bytes, await apiBytes('/scenarios/gtc-2024-inference-30x/comparison?format=csv'),
      'stored scenario CSV');
    await axeCheck(page, 'scenarios stored');
    await shot(page, 'scenarios-stored');
    await page.click('a[data-scenario="gtc-2024-training"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'gtc-2024-training' && document.body.dataset.ready === 'true');
    const training = await api('/scenarios/gtc-2024-training/comparison');
    equal(await marks(page, 'claim-check', 'spec ratios'), training.claimCheck.specRatios.length, 'training spec ratio bars');
    clean(page);
    await page.close();
  });

  await test('every chart has its SVG and PNG downloads', async () => {
    for (const view of ['compare', 'roofline', 'trends', 'forecasts', 'scenarios&kind=training', 'scenarios&kind=inference',
      'scenarios&kind=market', 'scenarios&kind=stored&scenario=gtc-2024-inference-30x']) {
      const page = await open(context, `/?view=${view}`);
      const charts = await page.locator('figure[data-chart]').count();
      assert(charts > 0, `${view}: no chart`);
      equal(await page.locator('figure[data-chart] button[data-download="svg"]').count(), charts, `${view}: SVG buttons`);
      equal(await page.locator('figure[data-chart] button[data-download="png"]').count(), charts, `${view}: PNG buttons`);
      clean(page);
      await page.close();
    }
  });

  await test('charts download as SVG and PNG', async () => {
    const page = await open(context, '/?view=roofline');
    const svgDownload = page.waitForEvent('download');
    await page.click('figure[data-chart="roofline"] button[data-download="svg"]');
    const svg = await svgDownload;
    equal(svg.suggestedFilename(), 'roofline.svg', 'SVG file name');
    const svgText = readFileSync(await svg.path(), 'utf8');
    assert(svgText.startsWith('<?xml') && svgText.includes('<svg') && svgText.includes('ridge points'), 'SVG content');
    const pngDownload = page.waitForEvent('download');
    await page.click('figure[data-chart="roofline"] button[data-download="png"]');
    const png = await pngDownload;
    equal(png.suggestedFilename(), 'roofline.png', 'PNG file name');
    const bytes = readFileSync(await png.path());
    assert(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && bytes.length > 5000, 'PNG content');
    clean(page);
    await page.close();
  });

  await test('language switch shows Korean, with Korean number and date formats', async () => {
    const page = await open(context, '/?view=catalogue&vendor=nvidia');
    await page.selectOption('#lang', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko' && document.body.dataset.ready === 'true');
    equal(query(page).get('lang'), 'ko', 'lang in the URL');
    equal(query(page).get('vendor'), 'nvidia', 'the filter is kept');
    equal(await page.locator('h1').innerText(), '칩 목록', 'Korean heading');
    equal(await page.locator('a[data-nav="forecasts"]').innerText(), '시장 전망', 'Korean navigation');
    assert((await page.locator('tbody').innerText()).includes('2022년 3월'), 'Korean date format');
    assert((await page.locator('a[data-nav="compare"]').getAttribute('href')).includes('lang=ko'), 'links keep the language');
    await axeCheck(page, 'catalogue ko');
    await shot(page, 'catalogue-ko');
    await page.goto(`${BASE}/?view=forecasts&currency=KRW&lang=ko`);
    await waitReady(page);
    assert((await page.locator('main').innerText()).includes('21조 1,752억 원'), 'Korean KRW in Korean');
    await shot(page, 'forecasts-krw-ko');
    clean(page);
    await page.close();
  });

  await test('the API reference at /docs and the document at /openapi.yaml', async () => {
    const yaml = readFileSync(join(repo, 'docs/openapi.yaml'), 'utf8');
    const served = await (await fetch(`${BASE}/openapi.yaml`)).text();
    equal(served, yaml, '/openapi.yaml');
    const operations = (yaml.match(/^ {4}(get|head|post|put|delete|patch):/gm) || []).length;
    const page = await open(context, '/docs', { ready: false });
    await page.waitForSelector('.opblock', { timeout: 20000 });
    equal(await page.locator('.opblock').count(), operations, 'operations rendered');
    await axeCheck(page, 'docs');
    await shot(page, 'docs');
    clean(page);
    await page.close();
  });
}

function h100Notes(chips) {
  return chips.find((c) => c.id === 'nvidia-h100-sxm').notes;
}

async function koreanDefaultTest() {
  await test('the browser language picks Korean when no lang is given', async () => {
    const context = await launch('ko-KR');
    try {
      const page = await open(context, '/?view=trends');
      equal(await page.evaluate(() => document.documentElement.lang), 'ko', 'html lang');
      equal(await page.locator('h1').innerText(), '추세', 'Korean heading');
      clean(page);
    } finally {
      await context.close();
    }
  });
}

// ------------------------------------------------------------------ API text holding markup

async function xssTests(context) {
  const chip = await api(`/chips/${opt.xssChip}`);
  const forecast = await api(`/forecasts/${opt.xssForecast}`);
  const injected = (page) => page.evaluate(() => ({
    flag: window.__xss ?? null,
    elements: document.querySelectorAll('#injected, img[src="x"], main script, iframe, a[href^="javascript:"]').length,
  }));

  await test('a chip whose texts hold markup shows them as text', async () => {
    assert(/<img|<script/.test(chip.notes), 'the seeded chip has no markup in its notes');
    const page = await open(context, `/?view=catalogue&chip=${opt.xssChip}`);
    equal(await page.locator('[data-note="notes"]').textContent(), chip.notes, 'notes shown verbatim');
    equal(await page.locator('[data-note="sparse"]').textContent(), chip.sparseNote, 'sparse note shown verbatim');
    equal(await page.locator(`a[data-chip="${opt.xssChip}"]`).textContent(), chip.name, 'name shown verbatim');
    await page.locator(`tr[data-row="${opt.xssChip}"] .fig:not(.null)`).first().hover();
    await page.waitForSelector('#tip:not([hidden])');
    assert((await page.locator('#tip').textContent()).includes(chip.sources[0].title), 'source title shown verbatim in the tooltip');
    await page.waitForTimeout(300);
    const found = await injected(page);
    equal(found.flag, null, 'no injected script ran');
    equal(found.elements, 0, 'no injected element or javascript: link');
    await shot(page, 'xss-catalogue');
    clean(page);
    await page.close();
  });

  await test('a forecast whose note holds markup shows it as text', async () => {
    const page = await open(context, `/?view=forecasts&market=${forecast.market}`);
    const note = await page.locator(`[data-note="${opt.xssForecast}"]`).textContent();
    assert(note.startsWith(forecast.notes), `forecast note not shown verbatim: ${note.slice(0, 120)}`);
    await page.waitForTimeout(300);
    const found = await injected(page);
    equal(found.flag, null, 'no injected script ran');
    equal(found.elements, 0, 'no injected element');
    clean(page);
    await page.close();
  });
}

// ------------------------------------------------------------------ main

async function main() {
  if (!existsSync(opt.chromium)) {
    console.log(`Chromium not found at ${opt.chromium}: apt-get install -y chromium chromium-driver`);
    process.exit(1);
  }
  const context = await launch('en-US');
  try {
    if (opt.phase === 'xss') {
      await xssTests(context);
    } else {
      const chips = await allChips();
      await viewTests(context, { chips });
      await koreanDefaultTest();
    }
  } finally {
    await context.close();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  }
  for (const f of failures) console.log(`FAILED ${f}`);
  console.log(`browser (${opt.phase}): ${passed} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.log(`browser test crashed: ${e.stack}`);
  process.exit(1);
});
