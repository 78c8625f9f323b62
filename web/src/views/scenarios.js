// Scenarios: forms for training, inference and market comparisons (POST /scenarios/compare), each result as
// tables and a chart, and the stored scenarios (GET /scenarios, .../comparison) with their vendor-claim checks.
// The form's values live in the URL, so a comparison can be shared. Every figure shown is the API's: the
// inference chart draws the API's own concurrency sweep (`curve`) and overlays the measured results of
// GET /benchmarks for the same chip, model and precision.
import { h, clear, sourceLink } from '../dom.js';
import { allChips, getJson, listAll, postJson, query } from '../api.js';
import { setState, list, viewHref } from '../state.js';
import { t, num, pct, ratio, date, year, usd } from '../i18n.js';
import { chartFigure, chartWidth, decades, logAxis, CHIP_COLORS, Plot } from '../chart.js';
import { PRECISIONS, P, csvLink, csvPost, errorBox, field, numberInput, select, simpleTable, section } from '../ui.js';
import { withTip } from '../tooltip.js';
import { BUYER_TYPES, MODEL_PRESETS, WORKLOAD_PRESETS, modelName } from '../presets.js';
import { ratioChart } from './compare.js';
import { forecastChart, moneyCell } from './forecasts.js';
import { conditions, generatedPerChip, interactivity, sourceCell, sourceName } from './benchmarks.js';

const KINDS = ['training', 'inference', 'market', 'stored'];
/** Points of the API's concurrency sweep per option (it allows 0-64; its default is 8). */
export const CURVE_POINTS = 24;
const DEFAULTS = {
  training: { opts: 'nvidia-h100-sxm:8000,nvidia-b200:2000', precision: 'bf16', mode: 'days', days: '90', tokensT: '15.6', flop: '1e25',
    model: 'llama-3.1-405b', params: '', active: '', recompute: 'none', util: '', pue: '', buyer: '3yr-rental' },
  inference: { opts: 'nvidia-h100-sxm:fp8,nvidia-b200:fp4,amd-mi300x:fp8', precision: 'fp8', model: 'llama-2-70b', params: '', active: '', bpp: '',
    experts: '', topk: '', workload: 'mlperf-llama2-70b', input: '', output: '', load: 'perUser', batch: '32', perUser: '20', target: '100000',
    buyer: '3yr-rental', util: '' },
  market: { fids: 'vmr-2024-inference-chips,kb-2024-inference-chips', currency: 'USD', from: '2023', to: '2030' },
};

const numberOrNull = (v) => (v == null || v === '' ? null : Number(v));
const color = (i) => CHIP_COLORS[i % CHIP_COLORS.length];

/** `id:count` (training) or `id:precision:chipsPerReplica` (inference, both optional) rows of the `opts` key. */
export function parseOpts(kind, opts) {
  return list(opts).map((o) => {
    const [chipId, a = '', b = ''] = o.split(':');
    return kind === 'training' ? { chipId, count: a } : { chipId, precision: a, tp: b };
  });
}

function formatOpts(kind, rows) {
  return rows.map((r) => (kind === 'training' ? `${r.chipId}:${r.count}` : [r.chipId, r.precision || '', r.tp || ''].join(':').replace(/:+$/, ''))).join(',');
}

function customModel(s, { withBytes }) {
  return { parametersB: numberOrNull(s.params), activeParametersB: numberOrNull(s.active), ...(withBytes ? { bytesPerParameter: numberOrNull(s.bpp),
    experts: numberOrNull(s.experts), expertsPerToken: numberOrNull(s.topk) } : {}) };
}

/** The compare body a form's state stands for; option names are the chips' names. */
export function bodyFor(kind, s, chipsById) {
  const name = (id) => chipsById.get(id)?.name || id;
  if (kind === 'training') {
    const options = parseOpts(kind, s.opts).map(({ chipId, count }) => ({ name: `${Number(count).toLocaleString('en-US')} x ${name(chipId)}`, chipId, count: Number(count) }));
    const body = { kind, precision: s.precision, utilization: numberOrNull(s.util), pue: numberOrNull(s.pue), buyerType: s.buyer || null, options };
    if (s.mode === 'tokens') {
      Object.assign(body, { tokens: numberOrNull(s.tokensT) == null ? null : Number(s.tokensT) * 1e12,
        model: s.model && s.model !== 'custom' ? { preset: s.model } : customModel(s, { withBytes: false }),
        recompute: s.recompute === 'full' ? 'full' : null });
    } else if (s.mode === 'totalFlop') body.totalFlop = numberOrNull(s.flop);
    else body.days = numberOrNull(s.days);
    return body;
  }
  if (kind === 'inference') {
    const body = {
      kind, precision: s.precision, utilization: numberOrNull(s.util), targetTokensPerSecond: numberOrNull(s.target), buyerType: s.buyer || null,
      curvePoints: CURVE_POINTS,
      model: s.model && s.model !== 'custom' ? { preset: s.model } : customModel(s, { withBytes: true }),
      workload: s.workload && s.workload !== 'custom' ? { preset: s.workload } : { inputTokens: numberOrNull(s.input), outputTokens: numberOrNull(s.output) },
      options: parseOpts(kind, s.opts).map(({ chipId, precision, tp }) => ({
        name: precision && precision !== s.precision ? `${name(chipId)} (${P(precision)})` : name(chipId), chipId,
        precision: precision || null, chipsPerReplica: numberOrNull(tp) })),
    };
    if (s.load === 'batch') body.batchSize = numberOrNull(s.batch);
    else if (s.load === 'perUser') body.targetTokensPerSecondPerUser = numberOrNull(s.perUser);
    return body;
  }
  return { kind, forecastIds: list(s.fids), currency: s.currency, from: numberOrNull(s.from), to: numberOrNull(s.to) };
}

/** URL parameters of the form for a stored scenario's request (the inverse of bodyFor). */
export function paramsFromRequest(r) {
  const model = r.model || {};
  const custom = { params: model.parametersB, active: model.activeParametersB, bpp: model.bytesPerParameter, experts: model.experts, topk: model.expertsPerToken };
  if (r.kind === 'training') {
    const mode = r.tokens != null ? 'tokens' : r.totalFlop != null ? 'totalFlop' : 'days';
    return { kind: 'training', opts: formatOpts('training', r.options), precision: r.precision, mode, days: r.days, flop: r.totalFlop,
      tokensT: r.tokens != null ? r.tokens / 1e12 : null, model: r.model ? (model.preset || 'custom') : null, params: custom.params, active: custom.active,
      recompute: r.recompute, util: r.utilization, pue: r.pue, buyer: r.buyerType };
  }
  if (r.kind === 'inference') {
    const load = r.batchSize != null ? 'batch' : r.targetTokensPerSecondPerUser != null ? 'perUser' : 'maxFit';
    const w = r.workload || {};
    return { kind: 'inference', opts: formatOpts('inference', r.options.map((o) => ({ chipId: o.chipId, precision: o.precision, tp: o.chipsPerReplica }))),
      precision: r.precision, util: r.utilization, target: r.targetTokensPerSecond, buyer: r.buyerType, load, batch: r.batchSize,
      perUser: r.targetTokensPerSecondPerUser, model: model.preset || 'custom', ...(model.preset ? {} : custom),
      workload: w.preset || (w.inputTokens != null ? 'custom' : null), input: w.inputTokens, output: w.outputTokens };
  }
  return { kind: 'market', fids: r.forecastIds.join(','), currency: r.currency, from: r.from, to: r.to };
}

function withoutNulls(body) {
  return JSON.parse(JSON.stringify(body, (k, v) => (v === null ? undefined : v)));
}

/** A value with its ratio to the baseline's beside it (not on the baseline's own row). */
function withRatio(value, r, i, format = (v) => num(v)) {
  return h('span', { class: 'pair' }, format(value), i > 0 && r != null ? h('span', { class: 'muted' }, ` ${ratio(r)}`) : null);
}

/** A figure whose origin (the API's text) shows on hover and focus. */
function explained(text, why, attrs = {}) {
  const el = h('span', { class: 'fig', ...attrs }, text);
  return why ? withTip(el, () => h('div', { class: 'tip-body' }, h('p', {}, why))) : el;
}

/** "option" and "request" are the API's codes for a value the body gave; anything else is its source text. */
function fromText(from) {
  if (from == null) return null;
  return from === 'option' || from === 'request' || from === 'calibration' ? t(`from.${from}`) : from;
}

function notesList(title, items) {
  return items && items.length ? [h('h3', {}, title), h('ul', { class: 'notes-list' }, items.map((a) => h('li', {}, a)))] : null;
}

// ------------------------------------------------------------------ training

function trainingResult(resp, width) {
  const r = resp.result;
  const options = r.options;
  const money = (v) => usd(v);
  const cols = [
    [t('out.count'), (o, i) => withRatio(o.count, o.ratiosToBaseline.count, i)],
    [t('out.utilization'), (o) => explained(pct(o.utilization), fromText(o.utilizationFrom), { 'data-util': o.utilization })],
    [t('out.peakPFLOPS'), (o, i) => withRatio(o.peakPFLOPS, o.ratiosToBaseline.peakPFLOPS, i)],
    [t('out.effectivePFLOPS'), (o, i) => withRatio(o.effectivePFLOPS, o.ratiosToBaseline.effectivePFLOPS, i)],
    [t('out.days'), (o, i) => withRatio(o.days, o.ratiosToBaseline.days, i)],
    [t('out.daysForBaselineFlop'), (o, i) => withRatio(o.daysForBaselineFlop, o.ratiosToBaseline.daysForBaselineFlop, i)],
    [t('out.itPowerMW'), (o, i) => (o.itPowerMW == null ? explained(t('none'), o.powerUnknownReason) : withRatio(o.itPowerMW, o.ratiosToBaseline.itPowerMW, i))],
    [t('out.facilityPowerMW'), (o, i) => (o.facilityPowerMW == null ? t('none') : h('span', {}, withRatio(o.facilityPowerMW, o.ratiosToBaseline.facilityPowerMW, i),
      h('span', { class: 'desc' }, explained(t('out.serverFactor', { f: num(o.serverPowerFactor, { digits: 3 }) }), fromText(o.serverPowerFactorFrom)))))],
    [t('out.energyMWh'), (o, i) => withRatio(o.energyMWh, o.ratiosToBaseline.energyMWh, i)],
    [t('out.energyCostUsd'), (o, i) => withRatio(o.energyCostUsd, o.ratiosToBaseline.energyCostUsd, i, money)],
    [t('out.rentalUsd'), (o, i) => (o.rentalUsd == null ? t('none') : h('span', {}, withRatio(o.rentalUsd, o.ratiosToBaseline.rentalUsd, i, money),
      h('span', { class: 'desc' }, explained(t('out.perHour', { v: usd(o.usdPerChipHour, 2) }), fromText(o.rentalBasis), { 'data-basis': 'rental' }))))],
    [t('out.capexUsd'), (o, i) => (o.capexUsd == null ? explained(t('none'), t('out.noCapex')) : h('span', {}, withRatio(o.capexUsd, o.ratiosToBaseline.capexUsd, i, money),
      h('span', { class: 'desc' }, explained(t('out.basis'), fromText(o.capexBasis), { 'data-basis': 'capex' }))))],
  ];
  const table = simpleTable(t('sc.result'), [t('sc.name'), ...cols.map(([label]) => label)],
    options.map((o, i) => [h('span', {}, o.name, h('span', { class: 'desc' }, `${o.chipId}, ${num(o.denseTFLOPSPerChip)} ${P(r.precision)} TFLOPS`)), ...cols.map(([, cell]) => cell(o, i))]),
    { numeric: cols.map((_, i) => i + 1) });
  const facts = h('dl', { class: 'facts', 'data-training': r.mode },
    h('dt', {}, t('sc.mode')), h('dd', {}, t(`mode.${r.mode}`)),
    r.model || r.parametersB ? [h('dt', {}, t('sc.model')), h('dd', {}, `${r.model ? modelName(r.model) : t('model.custom')}${r.parametersB ? `, ${num(r.parametersB)}B` : ''}`)] : null,
    r.tokens ? [h('dt', {}, t('sc.tokens')), h('dd', {}, num(r.tokens))] : null,
    [h('dt', {}, t('sc.work')), h('dd', {}, `${num(r.totalFlop, { digits: 3 })} FLOP${r.flopFormula ? ` (${r.flopFormula})` : ''}`)],
    h('dt', {}, t('sc.util')), h('dd', {}, `${pct(r.utilization, 1)} — ${fromText(r.utilizationSource)}`),
    h('dt', {}, t('sc.pue')), h('dd', {}, `${num(r.pue)}; ${t('sc.averagePower', { f: pct(r.averagePowerFraction) })} — ${r.powerSource}`),
    h('dt', {}, t('sc.buyer')), h('dd', {}, t(`buyer.${r.buyerType}`)));
  const chartKeys = ['peakPFLOPS', 'daysForBaselineFlop', 'itPowerMW', 'energyMWh', 'rentalUsd', 'capexUsd'];
  const rows = [];
  for (const key of chartKeys) {
    for (const o of options.slice(1)) {
      const v = o.ratiosToBaseline[key];
      if (v != null) rows.push({ figure: key, label: t(`out.${key}`), chip: o.name, ratio: v });
    }
  }
  const chart = rows.length ? ratioChart({ name: 'scenario-training', title: `${t('sc.ratios')} (${t('sc.baselineNote', { name: options[0].name })})`,
    description: r.flopFormula ? `${r.flopFormula}: ${r.assumptions[0]}` : r.assumptions[0], rows, chipNames: options.slice(1).map((o) => o.name), width }) : null;
  return [chart, table, facts, notesList(t('sc.assumptionsList'), r.assumptions), notesList(t('sc.caveats'), r.caveats)];
}

// ------------------------------------------------------------------ inference

/**
 * Throughput per chip against tokens/s per user: the API's modelled curve per option, the estimate and the
 * roofline bound at the answer's load, and measured results where chip, model and precision match.
 */
export function inferenceCurve({ modelled, measured = [], highlight = [], bounds = [], names, width }) {
  const all = [...modelled, ...measured, ...highlight, ...bounds].filter((p) => p.interactivity > 0 && p.throughput > 0);
  const xs = all.map((p) => p.interactivity);
  const ys = all.map((p) => p.throughput);
  const xlo = Math.min(...xs) / 1.5;
  const xhi = Math.max(...xs) * 1.5;
  const ylo = Math.min(...ys) / 1.5;
  const yhi = Math.max(...ys) * 1.5;
  const tip = (p) => `${p.chip}: ${num(p.throughput)} ${t('unit.tokPerChip')}, ${num(p.interactivity)} ${t('unit.tokPerUser')}`
    + `${p.concurrency != null ? `, ${t('sc.concurrencyN', { n: num(p.concurrency, { digits: 3 }) })}` : ''}${p.what ? ` — ${p.what}` : ''}`;
  return chartFigure({
    name: 'scenario-inference', title: t('sc.curve'), description: t('sc.curveNote'),
    legendItems: [...names.map((n, i) => ({ label: n, color: color(i), kind: 'line' })),
      { label: t('sc.modelled'), color: '#333', kind: 'dot' }, { label: t('sc.yourLoad'), color: '#333', kind: 'ring' },
      { label: t('sc.boundPoint'), color: '#333', kind: 'cross' },
      { label: measured.length ? t('sc.measured', { n: measured.length }) : t('sc.measuredNone'), color: '#333', kind: 'square' }],
    options: {
      width, height: 460, marginLeft: 64, marginRight: 40,
      x: { type: 'log', domain: [xlo, xhi] },
      y: { type: 'log', domain: [ylo, yhi] },
      color: { domain: names, range: names.map((_, i) => color(i)) },
      marks: [
        ...logAxis('x', decades(xlo, xhi), t('sc.x')),
        ...logAxis('y', decades(ylo, yhi), t('sc.y')),
        Plot.line(modelled, { x: 'interactivity', y: 'throughput', z: 'chip', stroke: 'chip', sort: (p) => p.concurrency, strokeWidth: 2, ariaDescription: 'modelled curves' }),
        Plot.dot(modelled, { x: 'interactivity', y: 'throughput', fill: 'chip', r: 3, ariaDescription: 'modelled points', title: tip }),
        Plot.dot(highlight, { x: 'interactivity', y: 'throughput', stroke: 'chip', r: 8, strokeWidth: 2, ariaDescription: 'your load', title: tip }),
        Plot.dot(bounds, { x: 'interactivity', y: 'throughput', stroke: 'chip', symbol: 'times', r: 6, strokeWidth: 2, ariaDescription: 'roofline bound', title: tip }),
        Plot.dot(measured, { x: 'interactivity', y: 'throughput', stroke: 'chip', fill: 'white', symbol: 'square', r: 5, strokeWidth: 2, ariaDescription: 'measured points', title: tip }),
        Plot.text(measured, { x: 'interactivity', y: 'throughput', text: 'label', dx: 8, textAnchor: 'start', fontSize: 9, fill: 'chip', ariaDescription: 'measured labels' }),
      ],
    },
  });
}

/** Measured results of GET /benchmarks on each option's chip for the preset model, at the option's precision. */
async function measuredFor(result) {
  const preset = result.model.preset;
  if (!preset) return [];
  const chips = [...new Set(result.options.map((o) => o.chipId))];
  const lists = await Promise.all(chips.map((chipId) => listAll('/benchmarks', { chipId, model: preset }).then((items) => [chipId, items])));
  const byChip = new Map(lists);
  return result.options.flatMap((o) => (byChip.get(o.chipId) || []).filter((b) => b.precision === o.precision).map((b) => ({ option: o.name, b })));
}

const limited = (perf) => (perf ? t(`limit.${perf.limitedBy}`) : t('none'));

function performanceTable(r) {
  return simpleTable(t('sc.perfTable'), [t('sc.name'), t('sc.replica'), t('sc.concurrency'), t('sc.boundCol'), t('sc.estimateCol'), t('sc.perUser'),
    t('sc.tpot'), t('sc.ttft'), t('sc.limitedBy'), t('sc.memory')],
  r.options.map((o, i) => [
    h('span', {}, o.name, h('span', { class: 'desc' }, `${o.chipId}, ${P(o.precision)}${o.weightPrecision !== o.precision ? `, ${t('sc.weights')} ${P(o.weightPrecision)}` : ''}, KV ${P(o.kvCachePrecision)}`)),
    h('span', {}, String(o.chipsPerReplica), h('span', { class: 'desc' }, o.chipsPerReplicaGiven ? t('from.request') : t('sc.fewest'))),
    h('span', { 'data-concurrency': o.concurrency }, num(o.concurrency), o.concurrencyCapped ? h('span', { class: 'desc' }, t('sc.capped')) : null,
      o.interactivityTargetMet === false ? h('span', { class: 'desc warn' }, t('sc.targetMissed')) : null),
    withRatio(o.bound.tokensPerSecondPerChip, r.options[0] === o ? null : o.ratiosToBaseline.boundTokensPerSecondPerChip, i),
    h('span', { 'data-estimate': o.estimate.tokensPerSecondPerChip }, withRatio(o.estimate.tokensPerSecondPerChip, o.ratiosToBaseline.estimateTokensPerSecondPerChip, i)),
    h('span', {}, num(o.estimate.tokensPerSecondPerUser), h('span', { class: 'desc' }, `${t('sc.bound')} ${num(o.bound.tokensPerSecondPerUser)}`)),
    h('span', {}, `${num(o.estimate.tpotMs, { digits: 3 })} ms`, h('span', { class: 'desc' }, `${t('sc.bound')} ${num(o.bound.tpotMs, { digits: 3 })} ms`)),
    h('span', {}, `${num(o.estimate.ttftMs, { digits: 3 })} ms`, h('span', { class: 'desc' }, `${t('sc.bound')} ${num(o.bound.ttftMs, { digits: 3 })} ms`)),
    h('span', { 'data-limited': o.estimate.limitedBy }, limited(o.estimate), h('span', { class: 'desc' }, `${t('sc.bound')}: ${limited(o.bound)}`)),
    h('span', {}, t('sc.memoryText', { w: num(o.memory.weightsPerChipGB, { digits: 3 }), u: num(o.memory.usablePerChipGB, { digits: 3 }) }),
      h('span', { class: 'desc' }, t('sc.maxConcurrency', { n: num(o.memory.maxConcurrency), kv: num(o.memory.kvPerSequenceGB, { digits: 3 }) }))),
  ]), { numeric: [1, 2, 3, 4, 5, 6, 7] });
}

function costCell(o, i) {
  const c = o.cost;
  if (c.usdPerMillionTokens == null) return explained(t('none'), c.unknownReason, { 'data-cost': 'unknown' });
  const why = h('div', { class: 'tip-body' },
    h('p', { class: 'tip-head' }, `${t('out.perHour', { v: usd(c.usdPerChipHour, 2) })} — ${t(`cost.${c.basis}`)}${c.kind ? `, ${t(`price.${c.kind}`)}` : ''}`),
    c.buyerType ? h('p', {}, t(`buyer.${c.buyerType}`)) : null,
    c.asOf ? h('p', { class: 'tip-asof' }, t('asOf', { date: date(c.asOf) })) : null,
    c.source ? h('p', {}, `${t('source')}: ${c.source}`) : null);
  return h('span', {}, withTip(h('span', { class: 'fig', 'data-cost': c.basis }, usd(c.usdPerMillionTokens, 3)), () => why),
    i > 0 && o.ratiosToBaseline.usdPerMillionTokens != null ? h('span', { class: 'muted' }, ` ${ratio(o.ratiosToBaseline.usdPerMillionTokens)}`) : null,
    h('span', { class: 'desc' }, `${t('out.perHour', { v: usd(c.usdPerChipHour, 2) })}, ${c.kind ? t(`price.${c.kind}`) : t(`cost.${c.basis}`)}${c.asOf ? `, ${date(c.asOf)}` : ''}`));
}

function fleetTable(r) {
  return simpleTable(t('sc.fleetTable'), [t('sc.name'), t('sc.replicas'), t('out.chipsNeeded'), t('sc.allIn'), t('sc.facilityKW'), t('sc.perMW'),
    t('out.energyPerMillionTokensKWh'), t('sc.usdPerM')],
  r.options.map((o, i) => {
    const p = o.power;
    const noPower = () => explained(t('none'), p.unknownReason);
    return [o.name,
      o.sizing ? num(o.sizing.replicas) : t('none'),
      o.sizing ? h('span', { 'data-chips': o.sizing.chips }, withRatio(o.sizing.chips, o.ratiosToBaseline.chips, i)) : t('none'),
      p.allInWattsPerChip == null ? noPower() : h('span', {}, `${num(p.allInWattsPerChip)} W`,
        h('span', { class: 'desc' }, explained(t('sc.factorText', { tdp: num(p.tdpWatts), f: num(p.serverPowerFactor, { digits: 3 }) }), fromText(p.serverPowerFactorFrom)))),
      p.facilityKW == null ? (p.allInWattsPerChip == null ? noPower() : t('none')) : withRatio(p.facilityKW, o.ratiosToBaseline.facilityKW, i),
      p.tokensPerSecondPerMW == null ? noPower() : withRatio(p.tokensPerSecondPerMW, o.ratiosToBaseline.tokensPerSecondPerMW, i),
      p.energyPerMillionTokensKWh == null ? noPower() : h('span', {}, num(p.energyPerMillionTokensKWh, { digits: 3 }),
        h('span', { class: 'desc' }, t('sc.electricity', { v: usd(p.electricityCostPerMillionTokensUsd, 3) }))),
      costCell(o, i)];
  }), { numeric: [1, 2, 3, 4, 5, 6, 7] });
}

function inferenceFacts(r) {
  const m = r.model;
  const e = r.efficiencies;
  return h('dl', { class: 'facts', 'data-inference': '' },
    h('dt', {}, t('sc.model')), h('dd', {}, `${m.name} — ${num(m.parametersB)}B${m.activeParametersB !== m.parametersB ? `, ${num(m.activeParametersB)}B ${t('sc.activeShort')}` : ''}`
      + `${m.experts ? `, ${t('sc.expertsText', { e: m.experts, k: m.expertsPerToken })}` : ''}${m.attention ? `, ${m.attention.toUpperCase()}` : ''}`,
    m.source?.title ? [' — ', sourceLink(m.source.title, m.source.url)] : null,
    m.kvCacheModelled ? null : h('span', { class: 'desc warn' }, t('sc.noKv'))),
    h('dt', {}, t('sc.workload')), h('dd', {}, t('sc.workloadText', { i: num(r.workload.inputTokens), o: num(r.workload.outputTokens) }), ` — ${r.workload.source}`),
    h('dt', {}, t('sc.load')), h('dd', { 'data-load': r.load.mode }, t(`load.${r.load.mode}`, { b: r.load.batchSize, u: num(r.load.targetTokensPerSecondPerUser) })),
    r.targetTokensPerSecond ? [h('dt', {}, t('sc.target')), h('dd', {}, num(r.targetTokensPerSecond))] : null,
    h('dt', {}, t('sc.efficiencies')), h('dd', {}, t('sc.effText', { b: pct(e.bandwidth, 1), c: pct(e.compute, 1), o: num(e.stepOverheadMs, { digits: 3 }) }),
      ` (${[['bandwidth', e.bandwidthFrom], ['compute', e.computeFrom], ['overhead', e.stepOverheadFrom]].map(([k, f]) => `${t(`eff.${k}`)}: ${fromText(f)}`).join('; ')})`,
      h('div', { class: 'supports' }, e.calibration, ' ', h('a', { href: viewHref('benchmarks') }, t('sc.seeValidation')))),
    h('dt', {}, t('sc.powerBasis')), h('dd', {}, `PUE ${num(r.power.pue)}, ${usd(r.power.electricityUsdPerKWh, 3)}/kWh — ${r.power.source}`),
    h('dt', {}, t('sc.costBasis')), h('dd', {}, `${t(`buyer.${r.cost.buyerType}`)}, ${t('sc.amortise', { y: num(r.cost.amortizationYears) })} — ${r.cost.source}`));
}

function measuredTable(matched, chipsById) {
  return simpleTable(t('sc.measuredTable'), [t('sc.name'), t('bm.conditions'), t('bm.tokPerChip'), t('sc.perUser'), t('bm.onChart'), t('source')],
    matched.map(({ option, b }) => {
      const x = interactivity(b);
      return [h('span', {}, option, h('code', { class: 'desc' }, b.id)), h('span', {}, sourceName(b.sourceKind), h('br'), conditions(b), h('span', { class: 'desc' }, b.system)),
        num(generatedPerChip(b)), x == null ? t('none') : num(x),
        x == null ? h('span', { class: 'muted' }, t('bm.noLatencyShort')) : t('bm.yes'), sourceCell(b)];
    }), { numeric: [2, 3] });
}

async function inferenceResult(resp, width, chipsById) {
  const r = resp.result;
  const names = r.options.map((o) => o.name);
  const modelled = r.options.flatMap((o) => (o.curve || []).map((p) => ({ chip: o.name, concurrency: p.concurrency, throughput: p.tokensPerSecondPerChip,
    interactivity: p.tokensPerSecondPerUser, what: `TPOT ${num(p.tpotMs, { digits: 3 })} ms, TTFT ${num(p.ttftMs, { digits: 3 })} ms` })));
  const highlight = r.options.map((o) => ({ chip: o.name, concurrency: o.concurrency, throughput: o.estimate.tokensPerSecondPerChip,
    interactivity: o.estimate.tokensPerSecondPerUser, what: `${t('sc.yourLoad')}, ${t(`limit.${o.estimate.limitedBy}`)}` }));
  const bounds = r.options.map((o) => ({ chip: o.name, concurrency: o.concurrency, throughput: o.bound.tokensPerSecondPerChip,
    interactivity: o.bound.tokensPerSecondPerUser, what: `${t('sc.boundPoint')}, ${t(`limit.${o.bound.limitedBy}`)}` }));
  let matched = [];
  let measuredError = null;
  try {
    matched = await measuredFor(r);
  } catch (e) {
    measuredError = e;
  }
  const measured = matched.map(({ option, b }) => ({ chip: option, throughput: generatedPerChip(b), interactivity: interactivity(b), concurrency: b.concurrency,
    label: b.sourceKind === 'inferencex' ? `InferenceX c${b.concurrency}` : `MLPerf ${b.round} ${b.scenario}`,
    what: `${sourceName(b.sourceKind)} ${conditions(b)}, ${b.system} — ${b.source?.title || b.id}` }))
    .filter((p) => p.throughput != null && p.interactivity != null);
  const chart = inferenceCurve({ modelled, measured, highlight, bounds, names, width });
  const notes = r.options.filter((o) => o.notes?.length).map((o) => h('li', {}, h('strong', {}, `${o.name}: `), o.notes.join(' ')));
  return [chart, inferenceFacts(r), performanceTable(r), fleetTable(r),
    notes.length ? [h('h3', {}, t('sc.optionNotes')), h('ul', { class: 'notes-list' }, notes)] : null,
    r.model.preset ? [h('h3', {}, t('sc.measuredTable')), h('p', { class: 'muted' }, t('sc.measuredIntro', { model: modelName(r.model.preset) })),
      measuredError ? errorBox(measuredError) : matched.length ? measuredTable(matched, chipsById) : h('p', { class: 'muted', 'data-measured-none': '' }, t('sc.measuredNone'))] : null,
    notesList(t('sc.assumptionsList'), r.assumptions), notesList(t('sc.caveats'), r.caveats)];
}

// ------------------------------------------------------------------ market

function marketResult(resp, width) {
  const { result } = resp;
  const sources = new Map((resp.sources || []).map((s) => [s.id, s]));
  const forecasts = result.forecastIds.map((id) => {
    const s = sources.get(id) || {};
    const known = new Set((s.knownPoints || []).map((p) => p.year));
    const extrapolated = new Set(s.extrapolatedYears || []);
    return {
      id, label: `${(s.publisher || id).replace(/ \(.*\)$/, '')} (${s.publicationDate || ''})`,
      series: result.years.map((y) => ({ year: y.year, value: y.values.find((v) => v.forecastId === id)?.value }))
        .filter((p) => p.value != null)
        .map((p) => ({ ...p, kind: known.has(p.year) ? 'reported' : extrapolated.has(p.year) ? 'extrapolated' : 'interpolated' })),
    };
  });
  const chart = forecastChart({ name: 'scenario-market', title: `${t('sc.market')}: ${result.forecastIds.join(' vs ')} (${resp.currency})`,
    description: resp.method, forecasts, consensus: [], currency: resp.currency, width });
  const headers = [t('sc.year'), ...result.forecastIds.flatMap((id, i) => (i === 0 ? [id] : [id, t('sc.gap'), t('sc.ratio')]))];
  const table = simpleTable(t('sc.result'), headers, result.years.map((y) => [year(y.year), ...y.values.flatMap((v, i) => (i === 0
    ? [moneyCell(v.value, resp.currency)]
    : [moneyCell(v.value, resp.currency), moneyCell(v.gapToFirst, resp.currency), ratio(v.ratioToFirst)]))]),
  { numeric: headers.map((_, i) => i).slice(1) });
  const summary = simpleTable(t('sc.cagr'), [t('fc.table'), t('sc.cagr'), t('sc.cumulative')],
    result.sources.map((s) => [s.forecastId, pct(s.cagr), s.cumulative != null ? moneyCell(s.cumulative, resp.currency) : (s.cumulativeNote || t('none'))]), { numeric: [1, 2] });
  const sourceList = (resp.sources || []).map((f) => h('li', {}, h('code', {}, f.id), ` ${f.publisher} (${f.publicationDate || ''}): `,
    f.source ? sourceLink(f.source.title, f.source.url) : null, f.source?.asOf ? ` — ${t('asOf', { date: date(f.source.asOf) })}` : null,
    f.supersededBy ? h('span', { class: 'badge sparse' }, t('fc.supersededBy', { id: f.supersededBy })) : null,
    f.fx ? h('span', { class: 'desc' }, `${f.fx.pair} ${num(f.fx.rate)} (${date(f.fx.asOf)})`) : null));
  return [chart, table, summary, h('h3', {}, t('sources')), h('ul', { class: 'sources' }, sourceList), notesList(t('sc.caveats'), resp.warnings)];
}

// ------------------------------------------------------------------ claim checks

const DIFFERS = ['model', 'workload', 'latency', 'subject precision', 'baseline precision', 'systems', 'software', 'availability'];

/** One way a measured pair differs from the claim: its kind translated, the API's text as published. */
function differs(text) {
  const at = text.indexOf(': ');
  const kind = at > 0 ? text.slice(0, at) : null;
  if (!DIFFERS.includes(kind)) return h('li', {}, text);
  return h('li', { 'data-differs': kind }, h('strong', {}, `${t(`differs.${kind}`)}: `), text.slice(at + 2));
}

function measuredRatiosPart(cc, width, chipsById) {
  const rows = cc.measuredRatios || [];
  if (!cc.measuredRatios) return null;
  const name = (id) => chipsById.get(id)?.name || id;
  const short = (id) => name(id).replace(/ \(.*\)$/, '');
  const label = (m) => `${short(m.subjectChipId)} / ${short(m.baselineChipId)} · ${modelName(m.model)} ${m.scenario ? t(`bm.scenario.${m.scenario}`) : ''} · ${m.round}`;
  const points = rows.map((m, i) => ({ ...m, label: `${i + 1}. ${label(m)}` }));
  const values = [...points.map((p) => p.ratio), cc.claimedRatio || 1, cc.bestSpecRatio || 1, 1];
  const lo = Math.min(...values) / 1.6;
  const hi = Math.max(...values) * 1.6;
  const chart = points.length ? chartFigure({
    name: 'claim-measured', title: t('sc.measuredRatios'), description: cc.measuredSummary,
    legendItems: [{ label: t('sc.measuredRatio'), color: '#59a14f', kind: 'dot' }, { label: `${t('sc.claimed')} ${ratio(cc.claimedRatio)}`, color: '#c0392b', kind: 'dash' },
      { label: `${t('sc.best')} ${ratio(cc.bestSpecRatio)}`, color: '#4e79a7', kind: 'dash' }],
    options: {
      width, height: 70 + points.length * 26, marginLeft: Math.min(460, 24 + 6.2 * Math.max(...points.map((p) => p.label.length))), marginRight: 60,
      x: { type: 'log', domain: [lo, hi], grid: true, tickFormat: (d) => ratio(d), label: t('sc.ratios') },
      y: { label: null, domain: points.map((p) => p.label) },
      marks: [
        Plot.ruleX([1], { stroke: '#333' }),
        Plot.ruleX([cc.bestSpecRatio], { stroke: '#4e79a7', strokeWidth: 2, strokeDasharray: '3 3', ariaDescription: 'best datasheet ratio' }),
        Plot.ruleX([cc.claimedRatio], { stroke: '#c0392b', strokeWidth: 2, strokeDasharray: '6 4', ariaDescription: 'claimed ratio' }),
        Plot.dot(points, { x: 'ratio', y: 'label', r: 5, fill: '#59a14f', ariaDescription: 'measured ratios',
          title: (p) => `${p.label}: ${ratio(p.ratio)} (${num(p.subjectTokensPerSecondPerChip)} / ${num(p.baselineTokensPerSecondPerChip)} ${t('unit.tokPerChip')})` }),
        Plot.text(points, { x: 'ratio', y: 'label', text: (p) => ratio(p.ratio), dx: 8, textAnchor: 'start', ariaDescription: 'measured ratio labels' }),
      ],
    },
  }) : null;
  return [h('h3', {}, t('sc.measuredRatios')),
    cc.measuredSummary ? h('p', { class: 'summary', 'data-measured-summary': '' }, cc.measuredSummary) : null,
    chart,
    rows.length ? simpleTable(t('sc.measuredRatios'), ['#', t('sc.pair'), t('bm.conditions'), t('sc.ratio'), t('bm.tokPerChip'), t('sc.differs')],
      rows.map((m, i) => [String(i + 1),
        h('span', {}, `${name(m.subjectChipId)} / ${name(m.baselineChipId)}`),
        h('span', {}, `${sourceName(m.sourceKind)} ${m.round}, ${modelName(m.model)}${m.scenario ? `, ${t(`bm.scenario.${m.scenario}`)}` : ''}`,
          h('span', { class: 'desc' }, h('a', { href: viewHref('benchmarks', { chipId: m.subjectChipId, model: m.model }) }, m.subjectBenchmarkId)),
          h('span', { class: 'desc' }, h('a', { href: viewHref('benchmarks', { chipId: m.baselineChipId, model: m.model }) }, m.baselineBenchmarkId))),
        h('span', { 'data-measured-ratio': m.ratio }, ratio(m.ratio)),
        `${num(m.subjectTokensPerSecondPerChip)} / ${num(m.baselineTokensPerSecondPerChip)}`,
        h('ul', { class: 'differs' }, m.differsFromClaim.map(differs))]), { numeric: [3, 4] })
      : h('p', { class: 'muted' }, t('sc.noMeasuredRatios'))];
}

function claimPanel(cc, width, chipsById) {
  const claim = cc.claim || {};
  const rows = (cc.specRatios || []).map((r) => ({ ...r, label: r.name }));
  const values = [...rows.map((r) => r.ratio), cc.claimedRatio || 1, 1];
  const lo = Math.min(...values) / 1.6;
  const hi = Math.max(...values) * 1.6;
  const chart = rows.length ? chartFigure({
    name: 'claim-check', title: t('sc.specRatios'), description: cc.scope,
    legendItems: [{ label: t('sc.specRatios'), color: '#4e79a7' }, { label: `${t('sc.claimed')} ${ratio(cc.claimedRatio)}`, color: '#c0392b', kind: 'dash' }],
    options: {
      width, height: 60 + rows.length * 34, marginLeft: 250, marginRight: 60,
      x: { type: 'log', domain: [lo, hi], grid: true, tickFormat: (d) => ratio(d), label: t('sc.ratios') },
      y: { label: null, domain: rows.map((r) => r.label), tickFormat: (d) => (d.length > 40 ? `${d.slice(0, 39)}…` : d) },
      marks: [
        Plot.barX(rows, { x1: 1, x2: 'ratio', y: 'label', fill: '#4e79a7', ariaDescription: 'spec ratios', title: (r) => `${r.name}: ${ratio(r.ratio)} — ${r.explanation}` }),
        Plot.text(rows, { x: 'ratio', y: 'label', text: (r) => ratio(r.ratio), dx: 4, textAnchor: 'start', ariaDescription: 'spec ratio labels' }),
        Plot.ruleX([1], { stroke: '#333' }),
        cc.claimedRatio ? Plot.ruleX([cc.claimedRatio], { stroke: '#c0392b', strokeWidth: 2, strokeDasharray: '6 4', ariaDescription: 'claimed ratio' }) : null,
      ].filter(Boolean),
    },
  }) : null;
  const m = cc.mapping || {};
  const verdict = cc.unexplainedFactor > 1 ? 'gap' : 'explained';
  return section(t('sc.claim'),
    h('blockquote', { class: 'claim', 'data-claim': claim.id }, h('p', {}, claim.claim),
      h('footer', {}, `${claim.claimant || ''}${claim.date ? `, ${date(claim.date)}` : ''} — `, claim.source ? sourceLink(claim.source.title, claim.source.url) : null,
        claim.source?.asOf ? ` (${t('asOf', { date: date(claim.source.asOf) })})` : null)),
    claim.conditions ? h('p', {}, h('strong', {}, `${t('sc.conditions')}: `), claim.conditions) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, t('sc.claimed')), h('dd', { 'data-claimed': cc.claimedRatio }, ratio(cc.claimedRatio)),
      h('dt', {}, t('sc.best')), h('dd', {}, ratio(cc.bestSpecRatio)),
      h('dt', {}, t('sc.unexplained')), h('dd', { 'data-verdict': verdict }, ratio(cc.unexplainedFactor), h('span', { class: 'desc' }, t(`verdict.${verdict}`))),
      m.subjectPrecision || m.baselinePrecision ? [h('dt', {}, t('sc.precisions')), h('dd', {}, `${P(m.subjectPrecision || '?')} / ${P(m.baselinePrecision || '?')}`)] : null,
      m.baselineClaimedPowerMW != null ? [h('dt', {}, t('sc.claimedPower')), h('dd', {}, `${num(m.baselineClaimedPowerMW)} / ${num(m.subjectClaimedPowerMW)} MW`)] : null,
      m.baselineDays != null ? [h('dt', {}, t('sc.claimedDays')), h('dd', {}, `${num(m.baselineDays)}${m.subjectDays != null ? ` / ${num(m.subjectDays)}` : ''}`)] : null),
    chart,
    simpleTable(t('sc.specRatios'), [t('sc.name'), t('sc.ratio'), t('fc.notes')], rows.map((r) => [r.name, ratio(r.ratio), r.explanation]), { numeric: [1] }),
    measuredRatiosPart(cc, width, chipsById),
    h('h3', {}, t('sc.assumptions')), h('ul', {}, (cc.assumptionsToCloseGap || []).map((a) => h('li', {}, a))),
    cc.scope ? h('p', { class: 'muted' }, h('strong', {}, `${t('sc.scope')}: `), cc.scope) : null,
    (claim.sources || []).length > 1 ? [h('h3', {}, t('sources')), h('ul', { class: 'sources' }, claim.sources.map((s) => h('li', {}, sourceLink(s.title, s.url),
      s.asOf ? ` — ${t('asOf', { date: date(s.asOf) })}` : null)))] : null,
    claim.notes ? h('p', { class: 'note', 'data-note': claim.id }, claim.notes) : null);
}

async function resultFor(resp, width, chipsById) {
  if (resp.kind === 'training') return trainingResult(resp, width);
  if (resp.kind === 'inference') return inferenceResult(resp, width, chipsById);
  return marketResult(resp, width);
}

// ------------------------------------------------------------------ forms

function optionRows(kind, initial, chips) {
  const rows = initial.map((o) => ({ ...o }));
  const box = h('div', { class: 'options' });
  const draw = () => {
    clear(box);
    rows.forEach((row, i) => {
      const chip = select(`chip-${i}`, chips.map((c) => [c.id, `${c.name} (${c.vendor})`]), row.chipId, (v) => { row.chipId = v; });
      const parts = [h('span', { class: 'opt-n' }, t('sc.option', { n: i + 1 })), field(t('sc.chip'), chip)];
      if (kind === 'training') {
        parts.push(field(t('sc.count'), numberInput(`count-${i}`, row.count, { min: 1, max: 10000000, step: 1, onChange: (v) => { row.count = v; } })));
      } else {
        parts.push(field(t('sc.optPrecision'), select(`precision-${i}`, [['', t('sc.asBody')], ...PRECISIONS.map((p) => [p, P(p)])], row.precision, (v) => { row.precision = v; })),
          field(t('sc.tp'), numberInput(`tp-${i}`, row.tp, { min: 1, max: 1024, step: 1, onChange: (v) => { row.tp = v; } }), { hint: t('sc.tpHint') }));
      }
      if (rows.length > 1) {
        parts.push(h('button', { type: 'button', class: 'btn', 'aria-label': t('sc.remove', { n: i + 1 }), onclick: () => { rows.splice(i, 1); draw(); } }, '✕'));
      }
      box.append(h('div', { class: 'option-row' }, parts));
    });
    if (rows.length < 10) {
      box.append(h('button', { type: 'button', class: 'btn', onclick: () => {
        const used = new Set(rows.map((r) => r.chipId));
        rows.push({ chipId: (chips.find((c) => !used.has(c.id)) || chips[0]).id, count: 1000 });
        draw();
      } }, t('sc.add')));
    }
  };
  draw();
  return { box, value: () => rows };
}

/** A select whose choice shows one group of fields and hides the others (hidden attribute, no inline style). */
function switcher(name, label, options, value, groups) {
  const el = select(name, options, value);
  const sync = () => {
    for (const [key, group] of Object.entries(groups)) group.hidden = !key.split('|').includes(el.value);
  };
  el.addEventListener('change', sync);
  queueMicrotask(sync);
  return field(label, el);
}

function group(...fields) {
  return h('div', { class: 'field-group' }, fields);
}

const num0 = (name, value, opts = {}) => numberInput(name, value, { min: 0, ...opts });

function trainingFields(s) {
  const custom = group(field(t('sc.params'), num0('params', s.params)), field(t('sc.active'), num0('active', s.active)));
  const model = switcher('model', t('sc.model'), [...MODEL_PRESETS, ['custom', t('model.custom')]], s.model, { custom });
  const tokens = group(field(t('sc.tokensT'), num0('tokensT', s.tokensT)), model, custom,
    field(t('sc.recompute'), select('recompute', [['none', t('recompute.none')], ['full', t('recompute.full')]], s.recompute)));
  const days = group(field(t('sc.days'), numberInput('days', s.days, { min: 0, max: 3650 })));
  const flop = group(field(t('sc.flop'), num0('flop', s.flop)));
  return [
    switcher('mode', t('sc.mode'), ['days', 'tokens', 'totalFlop'].map((m) => [m, t(`mode.${m}`)]), s.mode, { days, tokens, totalFlop: flop }), days, tokens, flop,
    group(field(t('sc.util'), numberInput('util', s.util, { min: 0, max: 1 }), { hint: t('sc.utilHint') }),
      field(t('sc.pue'), numberInput('pue', s.pue, { min: 1, max: 3 }), { hint: t('sc.pueHint') }),
      field(t('sc.buyer'), select('buyer', BUYER_TYPES.map((b) => [b, t(`buyer.${b}`)]), s.buyer))),
  ];
}

function inferenceFields(s) {
  const custom = group(field(t('sc.params'), num0('params', s.params)), field(t('sc.active'), num0('active', s.active)),
    field(t('sc.experts'), num0('experts', s.experts, { step: 1 })), field(t('sc.topk'), num0('topk', s.topk, { step: 1 })),
    field(t('sc.bpp'), numberInput('bpp', s.bpp, { min: 0.25, max: 8 }), { hint: t('sc.bppHint') }));
  const workload = group(field(t('sc.input'), num0('input', s.input, { step: 1 })), field(t('sc.output'), num0('output', s.output, { step: 1 })));
  const batch = group(field(t('sc.batch'), numberInput('batch', s.batch, { min: 1, max: 100000, step: 1 })));
  const perUser = group(field(t('sc.perUserTarget'), num0('perUser', s.perUser)));
  return [
    group(switcher('model', t('sc.model'), [...MODEL_PRESETS, ['custom', t('model.custom')]], s.model, { custom }),
      switcher('workload', t('sc.workload'), [...WORKLOAD_PRESETS.map((w) => [w, t('workload.preset', { w })]), ['custom', t('workload.custom')]], s.workload, { custom: workload })),
    custom, workload,
    group(switcher('load', t('sc.load'), ['perUser', 'batch', 'maxFit'].map((m) => [m, t(`loadMode.${m}`)]), s.load, { batch, perUser }), batch, perUser,
      field(t('sc.target'), num0('target', s.target), { hint: t('sc.targetHint') })),
    group(field(t('sc.buyer'), select('buyer', BUYER_TYPES.map((b) => [b, t(`buyer.${b}`)]), s.buyer)),
      field(t('sc.computeEff'), numberInput('util', s.util, { min: 0, max: 1 }), { hint: t('sc.computeEffHint') })),
  ];
}

const FORM_KEYS = {
  training: ['precision', 'mode', 'days', 'tokensT', 'flop', 'model', 'params', 'active', 'recompute', 'util', 'pue', 'buyer'],
  inference: ['precision', 'model', 'params', 'active', 'bpp', 'experts', 'topk', 'workload', 'input', 'output', 'load', 'batch', 'perUser', 'target', 'buyer', 'util'],
  market: ['currency', 'from', 'to'],
};

function form(kind, s, chips, forecasts) {
  let opts;
  const fields = [];
  if (kind === 'training' || kind === 'inference') {
    opts = optionRows(kind, parseOpts(kind, s.opts), chips);
    fields.push(opts.box, field(t('sc.precision'), select('precision', PRECISIONS.map((p) => [p, P(p)]), s.precision)));
  }
  if (kind === 'training') fields.push(...trainingFields(s));
  else if (kind === 'inference') fields.push(...inferenceFields(s));
  else {
    const chosen = new Set(list(s.fids));
    fields.push(h('fieldset', { class: 'chip-picker' }, h('legend', {}, t('sc.forecasts')), h('div', { class: 'picks' },
      forecasts.map((f) => h('label', { class: 'pick' }, h('input', { type: 'checkbox', name: 'fid', value: f.id, checked: chosen.has(f.id) }), ` ${f.id}`,
        h('span', { class: 'muted' }, ` (${f.market}${f.supersededBy ? `; ${t('fc.supersededShort')}` : ''})`))))),
    field(t('fc.currency'), select('currency', [['USD', 'USD'], ['KRW', 'KRW']], s.currency)),
    field(t('sc.from'), numberInput('from', s.from, { min: 1990, max: 2100, step: 1 })), field(t('sc.to'), numberInput('to', s.to, { min: 1990, max: 2100, step: 1 })));
  }
  const el = h('form', { class: 'controls scenario-form', 'data-form': kind }, fields, h('div', { class: 'field' }, h('button', { type: 'submit', class: 'btn primary' }, t('sc.run'))));
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(el);
    const patch = { kind };
    // The rows are read from the form itself: a value typed and submitted with Enter is there even when its
    // change event has not fired yet.
    const rows = opts ? opts.value().map((_, i) => ({ chipId: data.get(`chip-${i}`), count: data.get(`count-${i}`), precision: data.get(`precision-${i}`), tp: data.get(`tp-${i}`) })) : [];
    if (kind === 'market') {
      const fids = data.getAll('fid');
      const prior = list(s.fids).filter((id) => fids.includes(id));
      patch.fids = [...prior, ...fids.filter((id) => !prior.includes(id))].join(',');
    } else patch.opts = formatOpts(kind, rows);
    for (const k of FORM_KEYS[kind]) patch[k] = data.get(k) ?? '';
    setState(patch);
  });
  return el;
}

// ------------------------------------------------------------------ view

export async function render(root, state, ctx) {
  const kind = KINDS.includes(state.kind) ? state.kind : (state.scenario ? 'stored' : 'training');
  const width = chartWidth({ clientWidth: ctx.width });
  root.append(h('h1', {}, t('sc.title')), h('p', { class: 'intro' }, t('sc.intro')),
    h('nav', { class: 'tabs', 'aria-label': t('sc.title') }, h('ul', {}, KINDS.map((k) => h('li', {},
      h('a', { href: viewHref('scenarios', { kind: k }), 'aria-current': k === kind ? 'page' : null, 'data-kind': k }, t(`sc.${k}`)))))));
  const chips = await allChips();
  const chipsById = new Map(chips.map((c) => [c.id, c]));

  if (kind === 'stored') {
    const page = await getJson(`/scenarios${query({ limit: 100 })}`);
    const id = state.scenario || page.items[0]?.scenarioId;
    root.append(simpleTable(t('sc.storedList'), [t('sc.name'), t('sc.kind'), t('sc.origin'), t('sc.claimId')], page.items.map((s) => [
      h('span', {}, h('a', { href: viewHref('scenarios', { kind: 'stored', scenario: s.scenarioId }), 'aria-current': s.scenarioId === id ? 'true' : null, 'data-scenario': s.scenarioId }, s.name),
        s.description ? h('span', { class: 'desc' }, s.description) : null),
      t(`sc.${s.kind}`), t(`origin.${s.origin}`), s.claimId || t('none')])));
    if (!id) {
      root.append(h('p', {}, t('sc.pick')));
      return;
    }
    const [stored, resp] = await Promise.all([getJson(`/scenarios/${encodeURIComponent(id)}`), getJson(`/scenarios/${encodeURIComponent(id)}/comparison`)]);
    const parts = await resultFor(resp, width, chipsById);
    root.append(section(`${stored.name}`,
      stored.description ? h('p', { class: 'muted' }, stored.description) : null,
      h('div', { class: 'toolbar' }, h('a', { class: 'btn', href: viewHref('scenarios', paramsFromRequest(stored.request)), 'data-open-form': '' }, t('sc.openForm')),
        csvLink(`/scenarios/${encodeURIComponent(id)}/comparison`, `chipcast-scenario-${id}.csv`)),
      parts),
    resp.claimCheck ? claimPanel(resp.claimCheck, width, chipsById) : null);
    return;
  }

  // The URL's values, the defaults where the URL has none.
  const s = { ...DEFAULTS[kind] };
  for (const key of Object.keys(s)) if (state[key] != null) s[key] = state[key];
  const catalog = kind === 'market' ? await getJson('/forecasts') : { items: [] };
  root.append(form(kind, s, chips, catalog.items));
  const body = withoutNulls(bodyFor(kind, s, chipsById));
  try {
    const resp = await postJson('/scenarios/compare', body);
    const parts = await resultFor(resp, width, chipsById);
    root.append(section(t('sc.result'), h('div', { class: 'toolbar' }, csvPost('/scenarios/compare', body, `chipcast-scenario-${kind}.csv`)), parts));
  } catch (e) {
    root.append(errorBox(e));
  }
}
