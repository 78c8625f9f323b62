// Benchmarks: the measured results of GET /benchmarks (MLPerf Inference and SemiAnalysis InferenceX), each
// with its whole source (repository, path, commit, URL, licence and the attribution its publisher asks
// for), filtered and paged by the API itself; and the model against the measurements
// (GET /benchmarks/validation): estimate against measured, log-log, with the errors in and out of sample
// and the results the model cannot reproduce.
import { h, sourceLink } from '../dom.js';
import { allChips, getJson, query } from '../api.js';
import { setState, viewHref } from '../state.js';
import { t, num, pct, date } from '../i18n.js';
import { chartFigure, chartWidth, decades, logAxis, Plot } from '../chart.js';
import { P, csvLink, field, select, simpleTable, section } from '../ui.js';
import { MODEL_PRESETS, MLPERF_SCENARIOS, SWEEP_WORKLOADS, SOURCE_KINDS, modelName } from '../presets.js';
import { withTip } from '../tooltip.js';

export const PAGE = 25;
const SOURCE_COLORS = { 'mlperf-inference': '#4e79a7', inferencex: '#e15759' };

/**
 * Generated tokens per second per chip, as the API's validation compares them: MLPerf's LLM throughput counts
 * generated tokens only (its per-chip figure); an InferenceX point's total throughput counts prompt tokens too,
 * so its output throughput per GPU.
 */
export function generatedPerChip(b) {
  if (b.sourceKind === 'inferencex') {
    const out = b.outputThroughput?.value;
    return out != null && b.acceleratorCount ? out / b.acceleratorCount : null;
  }
  return b.throughputPerChip ?? null;
}

/** Tokens per second per user: the result's own figure, else 1000 / its median time per output token (InferenceX's definition). */
export function interactivity(b) {
  if (b.interactivityTokensPerSecondPerUser != null) return b.interactivityTokensPerSecondPerUser;
  const tpot = b.latency?.tpotMedianMs;
  return tpot ? 1000 / tpot : null;
}

/** "MLPerf v5.1 Server" or "InferenceX 1k/1k, 64 users". */
export function conditions(b) {
  if (b.sourceKind === 'inferencex') {
    const w = b.inputTokens != null && b.outputTokens != null ? `${num(b.inputTokens)}/${num(b.outputTokens)}` : '';
    return t('bm.sweepPoint', { w, c: b.concurrency ?? '?' });
  }
  return t('bm.mlperfRun', { round: b.round, scenario: b.scenario ? t(`bm.scenario.${b.scenario}`) : '' });
}

export function sourceName(kind) {
  return t(`bm.source.${kind}`);
}

/** A result's source: its link, where in which repository at which commit, its licence and attribution, verbatim. */
export function sourceCell(b) {
  const s = b.source || {};
  return h('div', { class: 'bm-source', 'data-source': b.id },
    sourceLink(s.title || b.id, s.url),
    s.repository ? h('div', { class: 'supports' }, h('code', {}, `${s.repository}@${(s.commit || '').slice(0, 8)}`), ` ${s.path || ''}`) : null,
    h('div', { class: 'supports' }, `${t('asOf', { date: date(s.asOf ?? b.date) })}`),
    s.licence ? h('div', { class: 'supports' }, h('strong', {}, `${t('bm.licence')}: `), s.licence) : null,
    s.attribution ? h('div', { class: 'supports attribution', 'data-attribution': '' }, h('strong', {}, `${t('bm.attribution')}: `), s.attribution) : null,
    s.systemDescription ? h('div', { class: 'supports' }, sourceLink(t('bm.systemDescription'), s.systemDescription)) : null);
}

function latencyCell(b) {
  const l = b.latency;
  if (!l) return h('span', { class: 'muted' }, t('bm.noLatency'));
  return h('span', {},
    l.tpotMedianMs != null ? h('span', { class: 'pair' }, `TPOT ${num(l.tpotMedianMs, { digits: 3 })} ms`) : null,
    l.tpotP99Ms != null ? h('span', { class: 'muted pair' }, ` (p99 ${num(l.tpotP99Ms, { digits: 3 })})`) : null,
    h('br'),
    l.ttftMedianMs != null ? h('span', { class: 'pair' }, `TTFT ${num(l.ttftMedianMs, { digits: 3 })} ms`) : null,
    l.ttftP99Ms != null ? h('span', { class: 'muted pair' }, ` (p99 ${num(l.ttftP99Ms, { digits: 3 })})`) : null,
    l.constraint ? h('div', { class: 'supports' }, l.constraint) : null);
}

function throughputCell(b) {
  const g = generatedPerChip(b);
  const el = h('span', { class: 'fig', 'data-generated': g ?? '' }, num(g));
  return withTip(el, () => h('div', { class: 'tip-body' },
    h('p', {}, t('bm.generatedNote')),
    b.throughput ? h('p', {}, `${t('bm.published')}: ${num(b.throughput.value)} ${b.throughput.unit} — ${b.throughput.metric}`) : null,
    b.outputThroughput ? h('p', {}, `${t('bm.output')}: ${num(b.outputThroughput.value)} ${b.outputThroughput.unit} — ${b.outputThroughput.metric}`) : null,
    b.acceleratorCount ? h('p', {}, t('bm.perChipOf', { n: b.acceleratorCount })) : null));
}

/** The table of one page of results. */
export function resultsTable(caption, items, { chipsById }) {
  return simpleTable(caption, [t('bm.result'), t('col.chip'), t('bm.model'), t('bm.conditions'), t('bm.tokPerChip'),
    t('bm.latency'), t('bm.software'), t('source')],
  items.map((b) => [
    h('span', { 'data-result': b.id }, h('span', {}, b.system), h('code', { class: 'desc' }, b.id),
      b.division ? h('span', { class: 'desc' }, `${t('bm.division')}: ${b.division}${b.availability ? `, ${b.availability}` : ''}${b.resultId ? `, ${t('bm.resultId')} ${b.resultId}` : ''}`) : null,
      b.notes ? h('details', { class: 'notes' }, h('summary', {}, t('cat.notes')), h('p', { class: 'note' }, b.notes)) : null),
    h('span', {}, chipsById.get(b.chipId)?.name || b.chipId, h('span', { class: 'desc' }, `${b.acceleratorCount ?? '?'} × ${b.acceleratorName || ''}`)),
    h('span', {}, `${modelName(b.model)}, ${b.precision ? P(b.precision) : t('none')}`, h('span', { class: 'desc' }, b.modelAsPublished)),
    h('span', {}, sourceName(b.sourceKind), h('br'), conditions(b)),
    throughputCell(b),
    latencyCell(b),
    h('span', {}, b.submitter, h('span', { class: 'desc' }, b.softwareAsPublished || [b.framework, b.frameworkVersion].filter(Boolean).join(' ')),
      h('span', { class: 'desc date' }, b.date ? date(b.date) : t('bm.undated'))),
    sourceCell(b),
  ]), { numeric: [4] });
}

/** Estimate against measurement, log-log: one dot per validated result, y = x and +-25 % lines. */
export function validationChart(report, width) {
  const rows = report.results.map((r) => ({ ...r, x: r.measuredTokensPerSecondPerChip, y: r.estimateTokensPerSecondPerChip }));
  const values = rows.flatMap((r) => [r.x, r.y]);
  const lo = Math.min(...values) / 1.5;
  const hi = Math.max(...values) * 1.5;
  const diagonal = [{ x: lo, y: lo }, { x: hi, y: hi }];
  const band = (f) => [{ x: lo, y: lo * f }, { x: hi, y: hi * f }];
  const tip = (r) => `${r.benchmarkId}\n${r.chipId}, ${modelName(r.model)}, ${r.scenario}: ${t('bm.measured')} ${num(r.x)}, ${t('bm.estimate')} ${num(r.y)} `
    + `(${r.estimateError >= 0 ? '+' : ''}${pct(r.estimateError, 0)})${r.inFit ? '' : ` — ${t('bm.notFitted')}`}`;
  return chartFigure({
    name: 'benchmark-validation', title: t('bm.validationTitle'), description: t('bm.validationNote', { n: rows.length }),
    legendItems: [
      ...SOURCE_KINDS.filter((k) => rows.some((r) => r.sourceKind === k)).map((k) => ({ label: sourceName(k), color: SOURCE_COLORS[k], kind: 'dot' })),
      ...(rows.some((r) => !r.inFit) ? [{ label: t('bm.notFitted'), color: '#333', kind: 'ring' }] : []),
      { label: t('bm.diagonal'), color: '#333', kind: 'line' }, { label: t('bm.band'), color: '#777', kind: 'dash' }],
    options: {
      width, height: Math.min(560, Math.max(360, width * 0.6)), marginLeft: 70,
      x: { type: 'log', domain: [lo, hi] },
      y: { type: 'log', domain: [lo, hi] },
      marks: [
        ...logAxis('x', decades(lo, hi), t('bm.xMeasured')),
        ...logAxis('y', decades(lo, hi), t('bm.yEstimate')),
        Plot.line(diagonal, { x: 'x', y: 'y', stroke: '#333', strokeWidth: 1.5, ariaDescription: 'y = x' }),
        Plot.line(band(1.25), { x: 'x', y: 'y', stroke: '#777', strokeDasharray: '4 3', ariaDescription: 'plus 25 percent' }),
        Plot.line(band(0.75), { x: 'x', y: 'y', stroke: '#777', strokeDasharray: '4 3', ariaDescription: 'minus 25 percent' }),
        Plot.dot(rows, { x: 'x', y: 'y', r: 4.5, stroke: (r) => SOURCE_COLORS[r.sourceKind] || '#555', strokeWidth: 1.5,
          fill: (r) => (r.inFit ? SOURCE_COLORS[r.sourceKind] || '#555' : 'white'), fillOpacity: 0.75, ariaDescription: 'validated results', title: tip }),
      ],
    },
  });
}

function errorsTable(report) {
  const rows = [{ name: t('bm.inSample'), calibratedOn: t('bm.allUsable'), reportedOn: t('bm.same'), errors: report.inSample, fit: report.served, note: null },
    ...report.outOfSample];
  return simpleTable(t('bm.errors'), [t('bm.split'), t('bm.calibratedOn'), t('bm.reportedOn'), t('bm.results'), t('bm.median'), t('bm.worst'),
    t('bm.fit'), t('fc.notes')],
  rows.map((r) => [r.name, r.calibratedOn, r.reportedOn, String(r.errors.results), h('span', { 'data-median': r.errors.medianAbsError }, pct(r.errors.medianAbsError)),
    h('span', {}, pct(r.errors.worstAbsError), h('code', { class: 'desc' }, r.errors.worstBenchmarkId)),
    t('bm.fitText', { b: num(r.fit.bandwidthEfficiency, { digits: 3 }), c: num(r.fit.computeEfficiency, { digits: 3 }), o: num(r.fit.stepOverheadMs, { digits: 3 }) }),
    r.note || '']), { numeric: [3, 4, 5] });
}

async function validationSection(root, width) {
  const report = await getJson('/benchmarks/validation');
  const served = report.served;
  root.append(section(t('bm.validation'),
    h('p', { class: 'intro' }, t('bm.validationIntro')),
    validationChart(report, width),
    h('dl', { class: 'facts', 'data-served': '' },
      h('dt', {}, t('bm.served')), h('dd', {}, t('bm.fitText', { b: num(served.bandwidthEfficiency, { digits: 3 }), c: num(served.computeEfficiency, { digits: 3 }), o: num(served.stepOverheadMs, { digits: 3 }) }),
        ' ', h('span', { class: 'muted' }, t('bm.fittedOn', { n: served.fittedOn }))),
      h('dt', {}, t('source')), h('dd', {}, served.source),
      h('dt', {}, t('bm.method')), h('dd', {}, report.method)),
    errorsTable(report),
    simpleTable(t('bm.fittedInputs'), [t('bm.model'), t('bm.fittedTokens'), t('bm.maxTokens'), t('source')],
      report.fittedInputTokens.map((f) => [modelName(f.model), num(f.fittedInputTokens), num(f.maxInputTokens), f.maxSource]), { numeric: [1, 2] }),
    h('h3', {}, t('bm.excluded', { n: report.excluded.length })),
    h('ul', { class: 'sources', 'data-excluded': report.excluded.length }, report.excluded.map((x) => h('li', {},
      h('code', {}, x.benchmarkId), ` (${x.chipId}, ${modelName(x.model)}): `, x.reason))),
    h('details', { class: 'all-results' }, h('summary', {}, t('bm.everyResult', { n: report.results.length })),
      simpleTable(t('bm.everyResult', { n: report.results.length }), [t('bm.result'), t('col.chip'), t('bm.conditions'), t('bm.measured'), t('bm.bound'), t('bm.estimate'), t('bm.error')],
        report.results.map((r) => [h('code', {}, r.benchmarkId), r.chipId, `${modelName(r.model)}, ${r.scenario}, ${P(r.precision)}`, num(r.measuredTokensPerSecondPerChip),
          num(r.boundTokensPerSecondPerChip), num(r.estimateTokensPerSecondPerChip),
          `${r.estimateError >= 0 ? '+' : ''}${pct(r.estimateError, 0)}${r.inFit ? '' : ` (${t('bm.notFitted')})`}`]), { numeric: [3, 4, 5, 6] })),
    h('h3', {}, t('bm.caveats')), h('ul', {}, report.caveats.map((c) => h('li', {}, c)))));
}

export async function render(root, state, ctx) {
  const filters = { chipId: state.chipId, model: state.model, scenario: state.scenario, workload: state.workload, sourceKind: state.sourceKind };
  const [chips, page] = await Promise.all([allChips(), getJson(`/benchmarks${query({ ...filters, limit: PAGE, nextToken: state.token })}`)]);
  const chipsById = new Map(chips.map((c) => [c.id, c]));
  const measuredChips = chips.filter((c) => c.measured?.results > 0 || c.id === state.chipId);
  const conditionValue = state.scenario ? `scenario:${state.scenario}` : state.workload ? `workload:${state.workload}` : '';
  const controls = h('form', { class: 'controls', 'aria-label': t('bm.title'), onsubmit: (e) => e.preventDefault() },
    field(t('col.chip'), select('chipId', [['', t('all')], ...measuredChips.map((c) => [c.id, `${c.name} (${c.measured?.results ?? 0})`])], state.chipId,
      (v) => setState({ chipId: v, token: null }))),
    field(t('bm.model'), select('model', [['', t('all')], ...MODEL_PRESETS], state.model, (v) => setState({ model: v, token: null }))),
    field(t('bm.conditions'), select('condition', [['', t('all')], ...MLPERF_SCENARIOS.map((s) => [`scenario:${s}`, `MLPerf ${t(`bm.scenario.${s}`)}`]),
      ...SWEEP_WORKLOADS.map((w) => [`workload:${w}`, t('bm.workload', { w })])], conditionValue, (v) => {
      const [key, value] = v ? v.split(/:(.*)/) : [null, null];
      setState({ scenario: key === 'scenario' ? value : null, workload: key === 'workload' ? value : null, token: null });
    })),
    field(t('bm.sourceKind'), select('sourceKind', [['', t('all')], ...SOURCE_KINDS.map((k) => [k, sourceName(k)])], state.sourceKind,
      (v) => setState({ sourceKind: v, token: null }))));
  const pager = h('nav', { class: 'toolbar pager', 'aria-label': t('bm.pages') },
    h('span', { class: 'count', 'data-count': page.items.length }, t('bm.count', { n: page.items.length })),
    state.token ? h('a', { class: 'btn', href: viewHref('benchmarks', { ...filters, token: null }), 'data-page': 'first' }, t('bm.first')) : null,
    page.nextToken ? h('a', { class: 'btn', href: viewHref('benchmarks', { ...filters, token: page.nextToken }), 'data-page': 'next' }, t('bm.next')) : null,
    csvLink(`/benchmarks${query({ ...filters, limit: 100 })}`, 'chipcast-benchmarks.csv'));
  root.append(h('h1', {}, t('bm.title')), h('p', { class: 'intro' }, t('bm.intro')), controls, pager,
    page.items.length ? resultsTable(t('bm.title'), page.items, { chipsById }) : h('p', { class: 'muted', 'data-empty': '' }, t('bm.none')));
  await validationSection(root, chartWidth({ clientWidth: ctx.width }));
}
