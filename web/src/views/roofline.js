// Roofline: attainable dense throughput = min(peak, bandwidth x arithmetic intensity), log-log, for
// the chosen chips at one precision; each chip's ridge point (peak / bandwidth, the API's
// derived.ridgePointFlopPerByte) is marked. TB/s x FLOP/byte = TFLOP/s, so the units need no factor.
import { h } from '../dom.js';
import { allChips } from '../api.js';
import { setState, list } from '../state.js';
import { t, num } from '../i18n.js';
import { chartFigure, chartWidth, decades, logAxis, CHIP_COLORS, Plot } from '../chart.js';
import { PRECISIONS, P, unitOf, chipPicker, csvLink, field, select, simpleTable, figure } from '../ui.js';

export const DEFAULT_IDS = ['nvidia-h100-sxm', 'nvidia-b200', 'amd-mi300x', 'google-tpu-v6e', 'intel-gaudi3', 'furiosa-rngd'];
const X_MIN = 0.1;
const X_MAX = 10000;

export function roofPoints(chip, precision) {
  const peak = chip.denseTFLOPS[precision];
  const bw = chip.memoryBandwidthTBs;
  if (peak == null || bw == null) return null;
  const ridge = chip.derived?.ridgePointFlopPerByte?.[precision] ?? peak / bw;
  const xs = [X_MIN, ridge, X_MAX].filter((x) => x >= X_MIN && x <= X_MAX).sort((a, b) => a - b);
  return { ridge, peak, bw, line: xs.map((x) => ({ chip: chip.name, x, y: Math.min(peak, bw * x) })) };
}

export async function render(root, state, ctx) {
  const precision = PRECISIONS.includes(state.precision) ? state.precision : 'bf16';
  const ids = state.ids ? list(state.ids) : DEFAULT_IDS;
  const chips = await allChips();
  const byId = new Map(chips.map((c) => [c.id, c]));
  const chosen = ids.map((id) => byId.get(id)).filter(Boolean);
  const drawn = [];
  const missing = [];
  for (const c of chosen) {
    const r = roofPoints(c, precision);
    if (r) drawn.push({ chip: c, ...r });
    else missing.push(c.name);
  }
  const unit = unitOf(precision);
  const names = drawn.map((d) => d.chip.name);
  const lines = drawn.flatMap((d) => d.line);
  const ridges = drawn.map((d) => ({ chip: d.chip.name, x: d.ridge, y: d.peak }));
  const ys = drawn.flatMap((d) => d.line.map((p) => p.y));
  const controls = h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
    field(t('cat.precision'), select('precision', PRECISIONS.map((p) => [p, P(p)]), precision, (v) => setState({ precision: v }))));
  root.append(h('h1', {}, t('roof.title')), h('p', { class: 'intro' }, t('roof.intro')), controls);
  if (drawn.length > 0) {
    const yMin = Math.min(...ys) / 1.5;
    const yMax = Math.max(...ys) * 1.5;
    root.append(chartFigure({
      name: 'roofline', title: `${t('roof.title')}: ${t('roof.y', { unit, p: P(precision) })}`, description: t('roof.intro'),
      legendItems: names.map((n, i) => ({ label: n, color: CHIP_COLORS[i % CHIP_COLORS.length], kind: 'line' })),
      options: {
        width: chartWidth({ clientWidth: ctx.width }), height: 460, marginLeft: 64, marginRight: 24,
        x: { type: 'log', domain: [X_MIN, X_MAX] },
        y: { type: 'log', domain: [yMin, yMax] },
        color: { domain: names, range: CHIP_COLORS },
        marks: [
          ...logAxis('x', decades(X_MIN, X_MAX), t('roof.x')),
          ...logAxis('y', decades(yMin, yMax), t('roof.y', { unit, p: P(precision) })),
          Plot.line(lines, { x: 'x', y: 'y', z: 'chip', stroke: 'chip', strokeWidth: 2, ariaDescription: 'rooflines' }),
          Plot.dot(ridges, { x: 'x', y: 'y', fill: 'chip', r: 5, stroke: 'white', ariaDescription: 'ridge points',
            title: (d) => `${d.chip}: ${t('roof.ridge', { v: num(d.x, { digits: 3 }) })}, ${num(d.y)} ${unit}` }),
          Plot.text(ridges, { x: 'x', y: 'y', text: (d) => num(d.x, { digits: 3 }), dy: -10, fill: 'chip', ariaDescription: 'ridge labels' }),
        ],
      },
    }));
  }
  if (missing.length) root.append(h('p', { class: 'muted', 'data-missing': missing.length }, t('roof.missing', { p: P(precision), names: missing.join(', ') })));
  root.append(
    simpleTable(t('roof.title'), [t('col.chip'), t('col.dense', { p: P(precision), unit }), t('col.bandwidth'), t('col.ridge', { p: P(precision) })],
      drawn.map((d) => [d.chip.name, figure(d.peak, d.chip.sources), figure(d.bw, d.chip.sources), num(d.ridge, { digits: 3 })]),
      { numeric: [1, 2, 3] }),
    h('div', { class: 'toolbar' }, csvLink(`/chips/compare?ids=${chosen.slice(0, 10).map((c) => c.id).join(',')}`, 'chipcast-roofline.csv')),
    chipPicker(chips, ids, { max: 12, legendText: t('roof.chips'), onChange: (next) => setState({ ids: next.join(',') }) }));
}
