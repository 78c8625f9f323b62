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

/**
 * Every page of a paged CSV route as one file: the first page's bytes, then each next page (X-Next-Token) after
 * its header row, which must be the first page's. Also returns the pages, so a test can count them.
 */
async function apiCsvAll(path) {
  const first = await fetch(BASE + path, { headers: { accept: 'text/csv' } });
  if (!first.ok) throw new Error(`API ${path}: HTTP ${first.status}`);
  const parts = [Buffer.from(await first.arrayBuffer())];
  const header = parts[0].subarray(0, parts[0].indexOf('\r\n') + 2);
  let token = first.headers.get('x-next-token');
  while (token) {
    const next = await fetch(`${BASE}${path}&nextToken=${encodeURIComponent(token)}`, { headers: { accept: 'text/csv' } });
    if (!next.ok) throw new Error(`API ${path} (next page): HTTP ${next.status}`);
    const bytes = Buffer.from(await next.arrayBuffer());
    assert(bytes.subarray(0, header.length).equals(header), `API ${path}: a later page has another header row`);
    parts.push(bytes.subarray(header.length));
    token = next.headers.get('x-next-token');
  }
  return { bytes: Buffer.concat(parts), pages: parts.length };
}

/** The first column of every data row of a CSV file (ids), in order. */
function csvIds(bytes) {
  return bytes.toString('utf8').split('\r\n').slice(1).map((l) => l.split(',')[0]).filter((id) => /^[a-z0-9]+([.-][a-z0-9]+)*$/.test(id));
}

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

/** Every item of a paged JSON list route. */
async function allItems(path) {
  const items = [];
  let token = null;
  do {
    const page = await api(`${path}?limit=100${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`);
    items.push(...page.items);
    token = page.nextToken;
  } while (token);
  return items;
}

/**
 * Clicks the page's CSV link with the API's pages cut to `limit` rows (the page asks for 100), so the download
 * has to follow X-Next-Token; returns the file and the queries the page sent.
 */
async function downloadInPages(page, pathname, limit) {
  const asked = [];
  await page.route((url) => url.pathname === pathname && url.searchParams.get('format') === 'csv', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', String(limit));
    asked.push(url.search);
    route.continue({ url: url.toString() });
  });
  const csv = await csvDownload(page, 'a[data-csv]');
  await page.unrouteAll({ behavior: 'wait' });
  assert(asked.slice(1).every((q) => q.includes('nextToken=')), `later pages carry the token: ${asked.join(' ')}`);
  return { csv, asked };
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
  // The compare bodies the page posts for JSON, so a test can ask the API the same question.
  page.posted = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/scenarios/compare' && !(r.headers().accept || '').includes('text/csv')) {
      page.posted.push(JSON.parse(r.postData()));
    }
  });
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
    // Issue 13's catalogue: tier, device kind, the latest sourced price, the measured results (linked to the Benchmarks view).
    equal(await page.locator('tbody [data-tier]').count(), chips.filter((c) => c.tier).length, 'tier badges');
    equal(await page.locator('tbody [data-price]').count(), chips.filter((c) => (c.prices || []).some((p) => p.usd != null)).length, 'price cells');
    equal(await page.locator('tbody a[data-measured]').count(), chips.filter((c) => c.measured?.results > 0).length, 'measured links');
    equal(await page.locator('a[data-measured="nvidia-h100-sxm"]').getAttribute('href'), '/?view=benchmarks&chipId=nvidia-h100-sxm', 'measured link');
    // The CSV: more chips than one page of 100, so the file is every page the API serves for the query.
    const csv = await csvDownload(page, 'a[data-csv]');
    equal(csv.name, 'chipcast-chips.csv', 'CSV file name');
    const apiCsv = await apiCsvAll('/chips?limit=100&format=csv');
    assert(apiCsv.pages === Math.ceil(chips.length / 100), `the API's chip list is ${apiCsv.pages} pages of 100`);
    sameBytes(csv.bytes, apiCsv.bytes, 'chip list CSV');
    assert(apiCsv.bytes.subarray(0, 3).equals(BOM), 'the API CSV starts with a UTF-8 byte order mark');
    equal(csvIds(apiCsv.bytes).join(' '), chips.map((c) => c.id).join(' '), 'a CSV row per chip, in the JSON\'s order');
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
    const { csv, asked } = await downloadInPages(page, '/chips', 5);
    equal(asked.length, Math.ceil(chips.length / 5), 'CSV pages fetched');
    sameBytes(csv.bytes, (await apiCsvAll('/chips?limit=100&format=csv')).bytes, 'chip list CSV in pages of 5');
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
    const all = (await api(`/forecasts?market=${market}`)).items;
    // Drawn by default: the latest edition of each series (the consensus counts those); the table lists every edition.
    const listed = all.filter((f) => !f.supersededBy);
    assert(listed.length < all.length, 'the market has a superseded edition');
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
    equal(await page.locator('table').first().locator('tbody tr').count(), all.length, 'every edition in the table');
    equal(await page.locator('[data-superseded]').count(), all.length - listed.length, 'superseded editions marked');
    equal(await page.locator('[data-left-out]').getAttribute('data-left-out'), String(consensus.superseded.length), 'editions the consensus leaves out');
    // The market picker is GET /markets; the FX rates of GET /fx-rates are listed with their dates, the ones used marked.
    const markets = (await api('/markets?limit=100')).items;
    equal(await page.locator('select[name="market"] option').count(), markets.length, 'a market option per GET /markets item');
    const rates = (await api('/fx-rates')).items;
    equal(await page.locator('details[data-fx] tbody tr').count(), rates.length, 'FX rates listed');
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

  await test('forecasts: every edition on request, and the consensus over every edition', async () => {
    const market = 'ai-inference-chips';
    const all = (await api(`/forecasts?market=${market}`)).items;
    const page = await open(context, `/?view=forecasts&market=${market}`);
    await page.click('a[data-editions="all"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('editions') === 'all' && document.body.dataset.ready === 'true');
    const reports = await Promise.all(all.map((f) => api(`/forecasts/${f.id}?currency=USD`)));
    const chart = `forecasts-${market}-USD`;
    equal(await marks(page, chart, 'reported'), reports.reduce((n, r) => n + r.series.filter((p) => p.kind === 'reported').length, 0), 'reported points of every edition');
    const consensus = await api(`/forecasts/consensus?market=${market}&currency=USD&editions=all`);
    equal(consensus.editions, 'all', 'the API counted every edition');
    const hrefs = await page.locator('a[data-csv]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert(hrefs.includes(`/forecasts/consensus?market=${market}&currency=USD&editions=all&format=csv`), `consensus CSV of every edition missing: ${hrefs}`);
    equal(await page.locator('table').nth(1).locator('tbody tr').count(), consensus.years.length, 'consensus rows');
    clean(page);
    await page.close();
  });

  await test('scenarios: training form, result table and chart', async () => {
    const page = await open(context, '/?view=scenarios&kind=training');
    const body = page.posted.find((b) => b.kind === 'training');
    const resp = await api('/scenarios/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const keys = ['peakPFLOPS', 'daysForBaselineFlop', 'itPowerMW', 'energyMWh', 'rentalUsd', 'capexUsd'];
    equal(await marks(page, 'scenario-training', 'ratio bars'), keys.filter((k) => resp.result.options[1].ratiosToBaseline[k] != null).length, 'training bars');
    equal(await page.locator('section.panel table tbody tr').count(), resp.result.options.length, 'result rows');
    // The training model's fields with their origins: MFU (Epoch's default), rental and capex with their bases.
    equal(await page.locator('[data-util]').first().getAttribute('data-util'), String(resp.result.options[0].utilization), 'MFU as used');
    equal(await page.locator('[data-basis="rental"]').count(), resp.result.options.filter((o) => o.rentalUsd != null).length, 'rental bases');
    equal(await page.locator('[data-basis="capex"]').count(), resp.result.options.filter((o) => o.capexUsd != null).length, 'capex bases');
    await page.locator('[data-basis="rental"]').first().focus();
    await page.waitForSelector('#tip:not([hidden])', { timeout: 2000 });
    equal((await page.locator('#tip').innerText()).trim(), resp.result.options[0].rentalBasis, 'the rental price\'s source on focus');
    await page.keyboard.press('Escape');
    // Submit the form with another duration: the URL and the result follow.
    await page.fill('input[name="days"]', '30');
    await page.click('form[data-form="training"] button[type="submit"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('days') === '30' && document.body.dataset.ready === 'true');
    const days = await page.locator('section.panel table tbody tr').first().locator('td').nth(4).innerText();
    equal(days.trim(), '30', 'days of the baseline after the submit');
    await axeCheck(page, 'scenarios training');
    // Tokens mode with a model preset: 6ND.
    await page.goto(`${BASE}/?view=scenarios&kind=training&mode=tokens&model=llama-3.1-405b&tokensT=15.6`);
    await waitReady(page);
    equal(await page.locator('[data-training]').getAttribute('data-training'), 'tokens', 'tokens mode');
    const tokens = await api('/scenarios/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(page.posted.at(-1)) });
    equal(tokens.result.flopFormula, '6ND', 'the API worked in 6ND');
    const shownDays = await page.locator('section.panel table tbody tr').first().locator('td').nth(4).innerText();
    equal(shownDays.trim(), new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }).format(tokens.result.options[0].days), 'days for 15.6T tokens');
    await page.goto(`${BASE}/?view=scenarios&kind=training`);
    await waitReady(page);
    await shot(page, 'scenarios-training');
    clean(page);
    await page.close();
  });

  await test('scenarios: inference, the API\'s curve per option and the measured results overlaid', async () => {
    // Llama 2 70B on H100 (FP8), B200 (FP4) and MI300X (FP8): MLPerf has Server and Interactive results for each.
    const page = await open(context, '/?view=scenarios&kind=inference');
    const body = page.posted.find((b) => b.kind === 'inference');
    equal(body.model.preset, 'llama-2-70b', 'the form\'s default model');
    const resp = await api('/scenarios/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const options = resp.result.options;
    equal(await marks(page, 'scenario-inference', 'modelled points'), options.reduce((n, o) => n + o.curve.length, 0), 'a modelled point per curve point of the API');
    equal(await marks(page, 'scenario-inference', 'modelled curves'), options.length, 'curves');
    equal(await marks(page, 'scenario-inference', 'your load'), options.length, 'the estimate at the load');
    equal(await marks(page, 'scenario-inference', 'roofline bound'), options.length, 'the bound at the load');
    // Measured: the results of the same chip, model and precision that have a median TPOT (MLPerf Offline has none).
    let measured = 0;
    let listedMeasured = 0;
    for (const o of options) {
      const results = (await api(`/benchmarks?chipId=${o.chipId}&model=llama-2-70b&limit=100`)).items.filter((b) => b.precision === o.precision);
      listedMeasured += results.length;
      measured += results.filter((b) => b.latency?.tpotMedianMs).length;
    }
    assert(measured > 0, 'the default inference form has measured results to overlay');
    equal(await marks(page, 'scenario-inference', 'measured points'), measured, 'measured points');
    const labels = await page.locator('figure[data-chart="scenario-inference"] g[data-mark="measured labels"] text').allTextContents();
    assert(labels.every((l) => /^(MLPerf v\d|InferenceX)/.test(l)), `measured points are labelled with their source: ${labels.join(' | ')}`);
    equal(await page.locator('[data-source]').count(), listedMeasured, 'every matching result listed with its source');
    equal(await page.locator('[data-attribution]').count(), listedMeasured, 'and its attribution');
    // Bound and estimate, limited by, sizing, cost with the price's source.
    for (const [i, o] of options.entries()) {
      equal(await page.locator('[data-limited]').nth(i).getAttribute('data-limited'), o.estimate.limitedBy, `limitedBy of ${o.name}`);
      equal(await page.locator('[data-chips]').nth(i).getAttribute('data-chips'), String(o.sizing.chips), `chips of ${o.name}`);
    }
    const cost = page.locator('[data-cost="sourced"]').first();
    await cost.focus();
    await page.waitForSelector('#tip:not([hidden])', { timeout: 2000 });
    const costTip = await page.locator('#tip').innerText();
    const sourced = options.find((o) => o.cost.basis === 'sourced');
    assert(costTip.includes(sourced.cost.source) && costTip.includes('as of'), `the price's source and date on focus: ${costTip.slice(0, 300)}`);
    await page.keyboard.press('Escape');
    assert(await page.locator('button[data-csv="POST /scenarios/compare?format=csv"]').count() === 1, 'CSV button for the POST');
    const csv = await csvDownload(page, 'button[data-csv="POST /scenarios/compare?format=csv"]');
    sameBytes(csv.bytes, await apiBytes('/scenarios/compare?format=csv', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      'inference comparison CSV');
    const lines = csv.bytes.toString('utf8').split('\r\n').filter((l) => l.length > 0);
    equal(lines.length - 1, options.length, 'a CSV row per option');
    await axeCheck(page, 'scenarios inference');
    await shot(page, 'scenarios-inference');
    clean(page);
    await page.close();
  });

  await test('scenarios: the inference form takes a model preset, a workload preset and a load mode', async () => {
    const models = JSON.parse(readFileSync(join(repo, 'data/models.json'), 'utf8'));
    const page = await open(context, '/?view=scenarios&kind=inference');
    const presets = await page.locator('select[name="model"] option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    equal(JSON.stringify(presets.filter(([v]) => v !== 'custom')), JSON.stringify(models.map((m) => [m.id, m.name])), 'the model presets are data/models.json\'s');
    await page.selectOption('select[name="model"]', 'llama-3.1-70b');
    await page.selectOption('select[name="workload"]', '1k/1k');
    await page.selectOption('select[name="load"]', 'batch');
    assert(await page.locator('input[name="batch"]').isVisible(), 'the batch field shows for the batch mode');
    await page.fill('input[name="batch"]', '64');
    await page.click('form[data-form="inference"] button[type="submit"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('load') === 'batch' && document.body.dataset.ready === 'true');
    const body = page.posted.at(-1);
    equal(JSON.stringify([body.model, body.workload, body.batchSize, body.targetTokensPerSecondPerUser]), JSON.stringify([{ preset: 'llama-3.1-70b' }, { preset: '1k/1k' }, 64, undefined]), 'the body');
    equal(await page.locator('[data-load]').getAttribute('data-load'), 'batchSize', 'the answer\'s load');
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
    // The measured per-chip ratios (issue 12) against the claim, each pair's differences with their kinds translated.
    const ratios = resp.claimCheck.measuredRatios;
    assert(ratios.length > 0, 'the 30x claim has measured ratios');
    equal(await marks(page, 'claim-measured', 'measured ratios'), ratios.length, 'measured ratio dots');
    equal(await page.locator('[data-measured-ratio]').count(), ratios.length, 'measured ratio rows');
    equal(await page.locator('[data-measured-summary]').innerText(), resp.claimCheck.measuredSummary, 'the measured summary');
    equal(await page.locator('[data-differs]').count(), ratios.reduce((n, m) => n + m.differsFromClaim.length, 0), 'every difference, by its kind');
    equal(await marks(page, 'scenario-inference', 'modelled points'), resp.result.options.reduce((n, o) => n + o.curve.length, 0), 'the stored comparison\'s curves');
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

  await test('benchmarks: the measured results with their sources, paged by the API, and the validation chart', async () => {
    const first = await api('/benchmarks?limit=25');
    const report = await api('/benchmarks/validation');
    const page = await open(context, '/?view=benchmarks');
    equal(await page.locator('[data-result]').count(), first.items.length, 'a row per result of the first page');
    equal(JSON.stringify(await page.locator('[data-result]').evaluateAll((els) => els.map((e) => e.dataset.result))), JSON.stringify(first.items.map((b) => b.id)), 'the API\'s order');
    equal(await page.locator('[data-attribution]').count(), first.items.filter((b) => b.source?.attribution).length, 'each result\'s attribution shown');
    const b0 = first.items[0];
    const cell = await page.locator(`[data-source="${b0.id}"]`).innerText();
    for (const part of [b0.source.repository, b0.source.commit.slice(0, 8), b0.source.path, b0.source.licence, b0.source.attribution]) {
      assert(cell.includes(part), `source cell of ${b0.id} lacks ${part}: ${cell.slice(0, 300)}`);
    }
    equal(await page.locator(`[data-source="${b0.id}"] a`).first().getAttribute('href'), b0.source.url, 'the result links to its source');
    // The model against the measurements: one mark per validated result, y = x, every excluded result with its reason.
    equal(await marks(page, 'benchmark-validation', 'validated results'), report.results.length, 'a dot per validated result');
    equal(await marks(page, 'benchmark-validation', 'y = x'), 1, 'the diagonal');
    equal(await page.locator('[data-excluded]').getAttribute('data-excluded'), String(report.excluded.length), 'results not reproduced');
    equal(await page.locator('[data-median]').count(), 1 + report.outOfSample.length, 'in-sample and out-of-sample errors');
    await axeCheck(page, 'benchmarks');
    await shot(page, 'benchmarks');
    // Next page: the API's token in the URL, the API's second page on screen.
    await page.click('a[data-page="next"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('token') && document.body.dataset.ready === 'true');
    const second = await api(`/benchmarks?limit=25&nextToken=${encodeURIComponent(first.nextToken)}`);
    equal(JSON.stringify(await page.locator('[data-result]').evaluateAll((els) => els.map((e) => e.dataset.result))), JSON.stringify(second.items.map((b) => b.id)), 'the second page');
    // A filter is the API's: H100 with Llama 2 70B; the URL keeps it and the first page comes back.
    await page.selectOption('select[name="chipId"]', 'nvidia-h100-sxm');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('chipId') === 'nvidia-h100-sxm' && document.body.dataset.ready === 'true');
    equal(query(page).get('token'), null, 'a new filter starts at the first page');
    await page.selectOption('select[name="model"]', 'llama-2-70b');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('model') === 'llama-2-70b' && document.body.dataset.ready === 'true');
    const h100 = await api('/benchmarks?chipId=nvidia-h100-sxm&model=llama-2-70b&limit=25');
    equal(await page.locator('[data-result]').count(), h100.items.length, 'filtered rows');
    await page.selectOption('select[name="condition"]', 'scenario:Server');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'Server' && document.body.dataset.ready === 'true');
    const server = await api('/benchmarks?chipId=nvidia-h100-sxm&model=llama-2-70b&scenario=Server&limit=25');
    equal(await page.locator('[data-result]').count(), server.items.length, 'Server rows');
    // The CSV is the API's, every page of the filtered query.
    const href = '/benchmarks?chipId=nvidia-h100-sxm&model=llama-2-70b&scenario=Server&limit=100&format=csv';
    equal(await page.locator('a[data-csv]').getAttribute('href'), href, 'CSV link follows the filters');
    const csv = await csvDownload(page, 'a[data-csv]');
    equal(csv.name, 'chipcast-benchmarks.csv', 'benchmark CSV file name');
    sameBytes(csv.bytes, (await apiCsvAll(href)).bytes, 'filtered benchmark CSV');
    clean(page);
    await page.close();
  });

  await test('benchmarks CSV: every result, its pages (X-Next-Token) appended without their header', async () => {
    const page = await open(context, '/?view=benchmarks');
    const { csv, asked } = await downloadInPages(page, '/benchmarks', 20);
    const all = await apiCsvAll('/benchmarks?limit=100&format=csv');
    sameBytes(csv.bytes, all.bytes, 'benchmark CSV in pages of 20');
    const count = (await allItems('/benchmarks')).length;
    equal(asked.length, Math.ceil(count / 20), 'CSV pages fetched');
    equal(csvIds(all.bytes).length, count, 'a CSV row per result');
    clean(page);
    await page.close();
  });

  await test('every chart has its SVG and PNG downloads', async () => {
    for (const view of ['compare', 'roofline', 'trends', 'forecasts', 'scenarios&kind=training', 'scenarios&kind=inference',
      'scenarios&kind=market', 'scenarios&kind=stored&scenario=gtc-2024-inference-30x', 'benchmarks']) {
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

  await test('Korean on the new views: benchmarks, inference, claim checks', async () => {
    const page = await open(context, '/?view=benchmarks&lang=ko');
    equal(await page.locator('h1').innerText(), '실측 벤치마크', 'Korean heading');
    equal(await page.locator('a[data-nav="benchmarks"]').innerText(), '벤치마크', 'Korean navigation');
    const text = await page.locator('main').innerText();
    for (const label of ['모델과 실측 비교', '출처 표기', '라이선스', '재현하지 못한 결과']) assert(text.includes(label), `benchmarks in Korean lacks ${label}`);
    await axeCheck(page, 'benchmarks ko');
    await shot(page, 'benchmarks-ko');
    await page.goto(`${BASE}/?view=scenarios&kind=inference&lang=ko`);
    await waitReady(page);
    const inference = await page.locator('main').innerText();
    for (const label of ['입력한 부하에서의 성능', '플릿, 전력, 비용', '실측(', '병목']) assert(inference.includes(label), `inference in Korean lacks ${label}`);
    await shot(page, 'scenarios-inference-ko');
    await page.goto(`${BASE}/?view=scenarios&kind=stored&scenario=gtc-2024-inference-30x&lang=ko`);
    await waitReady(page);
    const stored = await page.locator('main').innerText();
    for (const label of ['주장 대비 칩당 실측 배율', '주장과 다른 점', '데이터시트로 설명되지 않는 배율']) assert(stored.includes(label), `claim check in Korean lacks ${label}`);
    await page.goto(`${BASE}/?view=catalogue&chip=nvidia-h100-sxm&lang=ko`);
    await waitReady(page);
    const detail = await page.locator('[data-detail]').innerText();
    for (const label of ['구매 가격(칩당 USD)', '칩-시간당 가격(달러)', '등급']) assert(detail.includes(label), `chip detail in Korean lacks ${label}`);
    clean(page);
    await page.close();
  });

  await test('every message in English and Korean, and one for every code the data uses', async () => {
    const { messages } = await import('../src/i18n.js');
    const en = Object.keys(messages.en);
    const ko = Object.keys(messages.ko);
    equal(en.filter((k) => !ko.includes(k)).join(', '), '', 'English messages without Korean');
    equal(ko.filter((k) => !en.includes(k)).join(', '), '', 'Korean messages without English');
    const data = (f) => JSON.parse(readFileSync(join(repo, 'data', f), 'utf8'));
    const codes = new Set();
    for (const c of data('chips.json')) {
      if (c.deviceKind) codes.add(`device.${c.deviceKind}`);
      if (c.tier) codes.add(`tier.${c.tier}`);
      for (const p of c.prices || []) codes.add(`price.${p.kind}`);
    }
    for (const p of data('chip-hour-prices.json')) codes.add(`price.${p.kind}`).add(`buyer.${p.buyerType}`);
    for (const b of data('benchmarks.json')) {
      codes.add(`bm.source.${b.sourceKind}`);
      if (b.scenario) codes.add(`bm.scenario.${b.scenario}`);
    }
    for (const k of ['memory', 'compute', 'overhead']) codes.add(`limit.${k}`);
    for (const k of ['batchSize', 'targetTokensPerSecondPerUser', 'maxFit']) codes.add(`load.${k}`);
    for (const k of ['request', 'sourced', 'capex', 'none']) codes.add(`cost.${k}`);
    for (const k of ['days', 'tokens', 'totalFlop']) codes.add(`mode.${k}`);
    equal([...codes].filter((k) => !(k in messages.en) || !(k in messages.ko)).join(', '), '', 'codes without a message');
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
      const chips = await allItems('/chips');
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
