// Scenarios: forms for training, inference and market comparisons (POST /scenarios/compare), each
// result as a table and a chart, and the stored scenarios (GET /scenarios, .../comparison) with their
// vendor-claim checks. The form's values live in the URL, so a comparison can be shared.
import { h, clear, sourceLink } from '../dom.js';
import { allChips, getJson, postJson, query } from '../api.js';
import { setState, list, viewHref } from '../state.js';
import { t, num, pct, ratio, date, year } from '../i18n.js';
import { chartFigure, chartWidth, decades, logAxis, CHIP_COLORS, Plot } from '../chart.js';
import { PRECISIONS, P, csvLink, csvPost, errorBox, field, numberInput, select, simpleTable, section } from '../ui.js';
import { ratioChart } from './compare.js';
import { forecastChart, moneyCell } from './forecasts.js';

const KINDS = ['training', 'inference', 'market', 'stored'];
export const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const DEFAULTS = {
  training: { opts: 'nvidia-h100-sxm:8000,nvidia-b200:2000', precision: 'bf16', days: '90', util: '0.4', pue: '1.2' },
  inference: { opts: 'nvidia-h100-sxm,nvidia-b200,nvidia-gb200', precision: 'fp8', params: '1800', active: '280', bpp: '1', batch: '32', target: '100000', util: '0.4' },
  market: { fids: 'vmr-2024-inference-chips,kb-2024-inference-chips', currency: 'USD', from: '2023', to: '2030' },
};

const numberOrNull = (v) => (v == null || v === '' ? null : Number(v));

/** The compare body a form's state stands for; names are the chips' names. */
export function bodyFor(kind, s, chipsById) {
  const name = (id) => chipsById.get(id)?.name || id;
  if (kind === 'training') {
    const options = list(s.opts).map((o) => {
      const [chipId, count] = o.split(':');
      return { name: `${Number(count).toLocaleString('en-US')} x ${name(chipId)}`, chipId, count: Number(count) };
    });
    return { kind, precision: s.precision, days: numberOrNull(s.days), utilization: numberOrNull(s.util), pue: numberOrNull(s.pue), options };
  }
  if (kind === 'inference') {
    return {
      kind, precision: s.precision, utilization: numberOrNull(s.util), batchSize: numberOrNull(s.batch), targetTokensPerSecond: numberOrNull(s.target),
      model: { parametersB: numberOrNull(s.params), activeParametersB: numberOrNull(s.active), bytesPerParameter: numberOrNull(s.bpp) },
      options: list(s.opts).map((chipId) => ({ name: name(chipId), chipId })),
    };
  }
  return { kind, forecastIds: list(s.fids), currency: s.currency, from: numberOrNull(s.from), to: numberOrNull(s.to) };
}

/** URL parameters of the form for a stored scenario's request (the inverse of bodyFor). */
export function paramsFromRequest(r) {
  if (r.kind === 'training') {
    return { kind: 'training', opts: r.options.map((o) => `${o.chipId}:${o.count}`).join(','), precision: r.precision, days: r.days, util: r.utilization, pue: r.pue };
  }
  if (r.kind === 'inference') {
    return { kind: 'inference', opts: r.options.map((o) => o.chipId).join(','), precision: r.precision, util: r.utilization, batch: r.batchSize,
      target: r.targetTokensPerSecond, params: r.model?.parametersB, active: r.model?.activeParametersB, bpp: r.model?.bytesPerParameter };
  }
  return { kind: 'market', fids: r.forecastIds.join(','), currency: r.currency, from: r.from, to: r.to };
}

function withoutNulls(body) {
  return JSON.parse(JSON.stringify(body, (k, v) => (v === null ? undefined : v)));
}

// ------------------------------------------------------------------ results

function trainingResult(resp, width) {
  const options = resp.result.options;
  const keys = ['peakPFLOPS', 'effectivePFLOPS', 'days', 'daysForBaselineFlop', 'itPowerMW', 'facilityPowerMW', 'energyMWh', 'energyCostUsd'];
  const table = simpleTable(t('sc.result'), [t('sc.name'), t('out.count'), ...keys.map((k) => t(`out.${k}`))],
    options.map((o, i) => [o.name, num(o.count), ...keys.map((k) => h('span', {}, num(o[k]), i > 0 ? h('span', { class: 'muted' }, ` ${ratio(o.ratiosToBaseline[k])}`) : null))]),
    { numeric: keys.map((_, i) => i + 2).concat(1) });
  const chartKeys = ['peakPFLOPS', 'daysForBaselineFlop', 'itPowerMW', 'energyMWh'];
  const rows = [];
  for (const key of chartKeys) {
    for (const o of options.slice(1)) {
      const r = o.ratiosToBaseline[key];
      if (r != null) rows.push({ figure: key, label: t(`out.${key}`), chip: o.name, ratio: r });
    }
  }
  const chart = rows.length ? ratioChart({ name: 'scenario-training', title: `${t('sc.ratios')} (${t('sc.baselineNote', { name: options[0].name })})`,
    description: resp.method, rows, chipNames: options.slice(1).map((o) => o.name), width }) : null;
  return [chart, table];
}

/** Throughput per chip against interactivity: modelled curves, and measured points once benchmarks exist. */
export function inferenceCurve({ modelled, measured = [], highlight = [], names, width, batches }) {
  const all = [...modelled, ...measured];
  const xs = all.map((p) => p.interactivity);
  const ys = all.map((p) => p.throughput);
  const xlo = Math.min(...xs) / 1.5;
  const xhi = Math.max(...xs) * 1.5;
  const ylo = Math.min(...ys) / 1.5;
  const yhi = Math.max(...ys) * 1.5;
  const color = (i) => CHIP_COLORS[i % CHIP_COLORS.length];
  const tip = (p) => `${p.chip}: ${num(p.throughput)} tok/s/chip, ${num(p.interactivity)} tok/s/user, batch ${p.batch}${p.bound ? ` (${t(`bound.${p.bound}`)})` : ''}`;
  return chartFigure({
    name: 'scenario-inference', title: t('sc.curve'), description: t('sc.curveNote', { batches: batches.join(', ') }),
    legendItems: [...names.map((n, i) => ({ label: n, color: color(i), kind: 'line' })),
      { label: t('sc.modelled'), color: '#333', kind: 'dot' }, { label: t('sc.yourBatch', { b: highlight[0]?.batch ?? '' }), color: '#333', kind: 'ring' },
      { label: t('sc.measured'), color: '#333', kind: 'square' }],
    options: {
      width, height: 440, marginLeft: 64,
      x: { type: 'log', domain: [xlo, xhi] },
      y: { type: 'log', domain: [ylo, yhi] },
      color: { domain: names, range: names.map((_, i) => color(i)) },
      marks: [
        ...logAxis('x', decades(xlo, xhi), t('sc.x')),
        ...logAxis('y', decades(ylo, yhi), t('sc.y')),
        Plot.line(modelled, { x: 'interactivity', y: 'throughput', z: 'chip', stroke: 'chip', sort: (p) => p.batch, strokeWidth: 2, ariaDescription: 'modelled curves' }),
        Plot.dot(modelled, { x: 'interactivity', y: 'throughput', fill: 'chip', r: 3.5, ariaDescription: 'modelled points', title: tip }),
        Plot.dot(highlight, { x: 'interactivity', y: 'throughput', stroke: 'chip', r: 8, strokeWidth: 2, ariaDescription: 'your batch', title: tip }),
        // Benchmarks issue: measured results go here, same axes, their own symbol.
        Plot.dot(measured, { x: 'interactivity', y: 'throughput', stroke: 'chip', symbol: 'square', r: 5, strokeWidth: 2, ariaDescription: 'measured points', title: tip }),
      ],
    },
  });
}

async function inferenceResult(resp, body, width) {
  const options = resp.result.options;
  const keys = ['tokensPerSecondPerChip', 'bound', 'chipsToFitWeights', 'chipsNeeded', 'itPowerKW', 'energyPerMillionTokensKWh'];
  const table = simpleTable(t('sc.result'), [t('sc.name'), ...keys.map((k) => t(`out.${k}`))],
    options.map((o, i) => [o.name, ...keys.map((k) => (k === 'bound' ? t(`bound.${o.bound}`)
      : h('span', {}, num(o[k]), i > 0 && o.ratiosToBaseline[k] != null ? h('span', { class: 'muted' }, ` ${ratio(o.ratiosToBaseline[k])}`) : null)))]),
    { numeric: [1, 3, 4, 5, 6] });
  const batches = [...new Set([...BATCHES, body.batchSize])].sort((a, b) => a - b);
  const sweeps = await Promise.all(batches.map((b) => postJson('/scenarios/compare', { ...body, batchSize: b }).then((r) => [b, r], () => null)));
  const modelled = [];
  for (const entry of sweeps) {
    if (!entry) continue;
    const [b, r] = entry;
    for (const o of r.result.options) {
      modelled.push({ chip: o.name, batch: b, throughput: o.tokensPerSecondPerChip, interactivity: (o.tokensPerSecondPerChip * o.chipsToFitWeights) / b, bound: o.bound });
    }
  }
  const highlight = modelled.filter((p) => p.batch === body.batchSize);
  const chart = inferenceCurve({ modelled, measured: [], highlight, names: options.map((o) => o.name), width, batches });
  return [chart, table];
}

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
  return [chart, table, summary];
}

function claimPanel(cc, width) {
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
  return section(t('sc.claim'),
    h('blockquote', { class: 'claim', 'data-claim': claim.id }, h('p', {}, claim.claim),
      h('footer', {}, `${claim.claimant || ''}${claim.date ? `, ${date(claim.date)}` : ''} — `, claim.source ? sourceLink(claim.source.title, claim.source.url) : null,
        claim.source?.asOf ? ` (${t('asOf', { date: date(claim.source.asOf) })})` : null)),
    claim.conditions ? h('p', {}, h('strong', {}, `${t('sc.conditions')}: `), claim.conditions) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, t('sc.claimed')), h('dd', { 'data-claimed': cc.claimedRatio }, ratio(cc.claimedRatio)),
      h('dt', {}, t('sc.best')), h('dd', {}, ratio(cc.bestSpecRatio)),
      h('dt', {}, t('sc.unexplained')), h('dd', {}, ratio(cc.unexplainedFactor))),
    chart,
    simpleTable(t('sc.specRatios'), [t('sc.name'), t('sc.ratio'), t('fc.notes')], rows.map((r) => [r.name, ratio(r.ratio), r.explanation]), { numeric: [1] }),
    h('h3', {}, t('sc.assumptions')), h('ul', {}, (cc.assumptionsToCloseGap || []).map((a) => h('li', {}, a))),
    cc.scope ? h('p', { class: 'muted' }, h('strong', {}, `${t('sc.scope')}: `), cc.scope) : null,
    claim.notes ? h('p', { class: 'note', 'data-note': claim.id }, claim.notes) : null);
}

async function resultFor(resp, body, width) {
  if (resp.kind === 'training') return trainingResult(resp, width);
  if (resp.kind === 'inference') return inferenceResult(resp, body, width);
  return marketResult(resp, width);
}

// ------------------------------------------------------------------ forms

function optionRows(kind, initial, chips) {
  let rows = initial.map((o) => ({ ...o }));
  const box = h('div', { class: 'options' });
  const draw = () => {
    clear(box);
    rows.forEach((row, i) => {
      const chip = select(`chip-${i}`, chips.map((c) => [c.id, `${c.name} (${c.vendor})`]), row.chipId, (v) => { row.chipId = v; });
      const parts = [h('span', { class: 'opt-n' }, t('sc.option', { n: i + 1 })), field(t('sc.chip'), chip)];
      if (kind === 'training') {
        parts.push(field(t('sc.count'), numberInput(`count-${i}`, row.count, { min: 1, max: 10000000, step: 1, onChange: (v) => { row.count = v; } })));
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

function form(kind, s, chips, forecasts) {
  const precision = () => select('precision', PRECISIONS.map((p) => [p, P(p)]), s.precision);
  let opts;
  const fields = [];
  if (kind === 'training' || kind === 'inference') {
    const initial = list(s.opts).map((o) => { const [chipId, count] = o.split(':'); return { chipId, count }; });
    opts = optionRows(kind, initial, chips);
    fields.push(opts.box, field(t('sc.precision'), precision()));
  }
  if (kind === 'training') {
    fields.push(field(t('sc.days'), numberInput('days', s.days, { min: 0, max: 3650 })), field(t('sc.util'), numberInput('util', s.util, { min: 0, max: 1 })),
      field(t('sc.pue'), numberInput('pue', s.pue, { min: 1, max: 3 })));
  } else if (kind === 'inference') {
    fields.push(field(t('sc.params'), numberInput('params', s.params, { min: 0 })), field(t('sc.active'), numberInput('active', s.active, { min: 0 })),
      field(t('sc.bpp'), numberInput('bpp', s.bpp, { min: 0.25, max: 8 })), field(t('sc.batch'), numberInput('batch', s.batch, { min: 1, max: 100000, step: 1 })),
      field(t('sc.target'), numberInput('target', s.target, { min: 0 })), field(t('sc.util'), numberInput('util', s.util, { min: 0, max: 1 })));
  } else {
    const chosen = new Set(list(s.fids));
    fields.push(h('fieldset', { class: 'chip-picker' }, h('legend', {}, t('sc.forecasts')), h('div', { class: 'picks' },
      forecasts.map((f) => h('label', { class: 'pick' }, h('input', { type: 'checkbox', name: 'fid', value: f.id, checked: chosen.has(f.id) }), ` ${f.id}`,
        h('span', { class: 'muted' }, ` (${f.market})`))))),
    field(t('fc.currency'), select('currency', [['USD', 'USD'], ['KRW', 'KRW']], s.currency)),
    field(t('sc.from'), numberInput('from', s.from, { min: 1990, max: 2100, step: 1 })), field(t('sc.to'), numberInput('to', s.to, { min: 1990, max: 2100, step: 1 })));
  }
  const el = h('form', { class: 'controls scenario-form', 'data-form': kind }, fields, h('div', { class: 'field' }, h('button', { type: 'submit', class: 'btn primary' }, t('sc.run'))));
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(el);
    const patch = { kind };
    // The rows are read from the form itself: a count typed and submitted with Enter is there
    // even when its change event has not fired yet.
    const rows = opts ? opts.value().map((_, i) => ({ chipId: data.get(`chip-${i}`), count: data.get(`count-${i}`) })) : [];
    if (kind === 'training') {
      patch.opts = rows.map((r) => `${r.chipId}:${r.count}`).join(',');
      Object.assign(patch, { precision: data.get('precision'), days: data.get('days'), util: data.get('util'), pue: data.get('pue') });
    } else if (kind === 'inference') {
      patch.opts = rows.map((r) => r.chipId).join(',');
      for (const k of ['precision', 'params', 'active', 'bpp', 'batch', 'target', 'util']) patch[k] = data.get(k);
    } else {
      const fids = data.getAll('fid');
      const prior = list(s.fids).filter((id) => fids.includes(id));
      patch.fids = [...prior, ...fids.filter((id) => !prior.includes(id))].join(',');
      for (const k of ['currency', 'from', 'to']) patch[k] = data.get(k);
    }
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

  if (kind === 'stored') {
    const page = await getJson(`/scenarios${query({ limit: 100 })}`);
    const id = state.scenario || page.items[0]?.scenarioId;
    root.append(simpleTable(t('sc.storedList'), [t('sc.name'), t('sc.kind'), t('sc.origin'), t('sc.claimId')], page.items.map((s) => [
      h('span', {}, h('a', { href: viewHref('scenarios', { kind: 'stored', scenario: s.scenarioId }), 'aria-current': s.scenarioId === id ? 'true' : null, 'data-scenario': s.scenarioId }, s.name),
        s.description ? h('span', { class: 'desc' }, s.description) : null),
      t(`sc.${s.kind}`), s.origin, s.claimId || t('none')])));
    if (!id) {
      root.append(h('p', {}, t('sc.pick')));
      return;
    }
    const [stored, resp] = await Promise.all([getJson(`/scenarios/${encodeURIComponent(id)}`), getJson(`/scenarios/${encodeURIComponent(id)}/comparison`)]);
    const parts = await resultFor(resp, stored.request, width);
    root.append(section(`${stored.name}`,
      stored.description ? h('p', { class: 'muted' }, stored.description) : null,
      h('div', { class: 'toolbar' }, h('a', { class: 'btn', href: viewHref('scenarios', paramsFromRequest(stored.request)) }, t('sc.openForm')),
        csvLink(`/scenarios/${encodeURIComponent(id)}/comparison`, `chipcast-scenario-${id}.csv`)),
      parts),
    resp.claimCheck ? claimPanel(resp.claimCheck, width) : null);
    return;
  }

  const s = { ...DEFAULTS[kind] };
  for (const key of Object.keys(s)) if (state[key] != null && state[key] !== '') s[key] = state[key];
  const [chips, catalog] = await Promise.all([allChips(), getJson('/forecasts')]);
  const chipsById = new Map(chips.map((c) => [c.id, c]));
  root.append(form(kind, s, chips, catalog.items));
  const body = withoutNulls(bodyFor(kind, s, chipsById));
  try {
    const resp = await postJson('/scenarios/compare', body);
    const parts = await resultFor(resp, body, width);
    root.append(section(t('sc.result'), h('div', { class: 'toolbar' }, csvPost('/scenarios/compare', body, `chipcast-scenario-${kind}.csv`)), parts));
  } catch (e) {
    root.append(errorBox(e));
  }
}
