// Compare: 2-10 chips from GET /chips/compare as ratio bars against the baseline (the first id).
import { h } from '../dom.js';
import { allChips, getJson } from '../api.js';
import { setState, list } from '../state.js';
import { t, ratio } from '../i18n.js';
import { chartFigure, chartWidth, CHIP_COLORS, Plot } from '../chart.js';
import { PRECISIONS, P, unitOf, chipPicker, csvLink, field, select, figure, simpleTable } from '../ui.js';

export const DEFAULT_IDS = ['nvidia-h100-sxm', 'nvidia-b200', 'amd-mi300x', 'intel-gaudi3'];

export function figureKeys(precision) {
  return ['memoryGB', 'memoryBandwidthTBs', 'tdpWatts', 'interconnectGBs', `denseTFLOPS.${precision}`, `tflopsPerWatt.${precision}`];
}

export function figureLabel(key) {
  const [head, p] = key.split('.');
  if (head === 'denseTFLOPS') return t('fig.dense', { p: P(p), unit: unitOf(p) });
  if (head === 'tflopsPerWatt') return t('fig.perWatt', { p: P(p), unit: unitOf(p) });
  return t(`fig.${key}`);
}

/**
 * Ratio bars on a log axis from 1x (the baseline's rule) to each ratio; one facet row per figure.
 * rows: [{figure, label, chip, ratio, value}] with non-null ratios, baseline excluded.
 */
export function ratioChart({ name, title, description, rows, chipNames, width }) {
  const values = rows.map((r) => r.ratio);
  const lo = Math.min(1, ...values) / 1.6;
  const hi = Math.max(1, ...values) * 1.6;
  const color = { domain: chipNames, range: CHIP_COLORS };
  return chartFigure({
    name, title, description,
    legendItems: chipNames.map((n, i) => ({ label: n, color: CHIP_COLORS[i % CHIP_COLORS.length] })),
    options: {
      width, height: Math.max(160, 28 + rows.length * 22 + new Set(rows.map((r) => r.label)).size * 8),
      marginLeft: Math.min(240, 12 + 6.5 * Math.max(...rows.map((r) => r.label.length))), marginRight: 56,
      x: { type: 'log', domain: [lo, hi], label: t('sc.ratios'), grid: true, tickFormat: (d) => ratio(d) },
      y: { axis: null, domain: chipNames },
      fy: { label: null, axis: 'left', domain: [...new Set(rows.map((r) => r.label))] },
      color,
      marks: [
        Plot.barX(rows, { x1: 1, x2: 'ratio', y: 'chip', fy: 'label', fill: 'chip', ariaDescription: 'ratio bars',
          title: (r) => `${r.chip}: ${r.label} ${ratio(r.ratio)}` }),
        Plot.text(rows, { x: 'ratio', y: 'chip', fy: 'label', text: (r) => ratio(r.ratio), dx: 4, textAnchor: 'start', ariaDescription: 'ratio labels',
          fill: 'currentColor' }),
        Plot.ruleX([1], { stroke: '#333', strokeWidth: 1.5, ariaDescription: 'baseline' }),
      ],
      marginTop: 8,
      facet: { label: null },
    },
  });
}

export async function render(root, state, ctx) {
  const precision = PRECISIONS.includes(state.precision) ? state.precision : 'bf16';
  const ids = state.ids ? list(state.ids) : DEFAULT_IDS;
  const chips = await allChips();
  const picker = chipPicker(chips, ids, { max: 10, legendText: t('cmp.chips'), baseline: true,
    onChange: (next) => setState({ ids: next.join(',') }) });
  const controls = h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
    field(t('cat.precision'), select('precision', PRECISIONS.map((p) => [p, P(p)]), precision, (v) => setState({ precision: v }))));
  root.append(h('h1', {}, t('cmp.title')), h('p', { class: 'intro' }, t('cmp.intro')), controls);
  if (ids.length < 2 || ids.length > 10) {
    root.append(h('p', { class: 'error', role: 'alert' }, ids.length < 2 ? t('cmp.pickMore') : t('cmp.tooMany')), picker);
    return;
  }
  const path = `/chips/compare?ids=${ids.map(encodeURIComponent).join(',')}`;
  const comparison = await getJson(path);
  const keys = figureKeys(precision);
  const [base, ...others] = comparison.chips;
  const names = comparison.chips.map((c) => c.name);
  const rows = [];
  for (const key of keys) {
    for (const c of others) {
      const r = c.ratioToBaseline[key];
      if (r != null) rows.push({ figure: key, label: figureLabel(key), chip: c.name, ratio: r, value: c.figures[key] });
    }
  }
  const chart = ratioChart({ name: 'compare', title: t('cmp.chart', { name: base.name }), description: comparison.note,
    rows, chipNames: names.slice(1), width: chartWidth({ clientWidth: ctx.width }) });
  const table = simpleTable(t('cmp.title'), [t('cmp.figure'), ...names],
    keys.map((key) => [figureLabel(key), ...comparison.chips.map((c) => h('span', { class: 'pair' },
      figure(c.figures[key], c.sources), c === base || c.figures[key] == null ? null : h('span', { class: 'muted' }, ` ${ratio(c.ratioToBaseline[key])}`)))]),
    { numeric: names.map((_, i) => i + 1) });
  root.append(chart,
    h('div', { class: 'toolbar' }, csvLink(path, 'chipcast-compare.csv')),
    table, h('p', { class: 'muted' }, comparison.note), picker);
}
