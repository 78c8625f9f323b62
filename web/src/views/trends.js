// Trends: dense throughput at one precision and memory bandwidth against launch date, log scale,
// coloured by vendor (every chip of GET /chips with the figure and a launch date).
import { h } from '../dom.js';
import { allChips, query } from '../api.js';
import { setState } from '../state.js';
import { t, num, date } from '../i18n.js';
import { chartFigure, chartWidth, decades, logAxis, vendorColor, Plot } from '../chart.js';
import { PRECISIONS, P, unitOf, csvLink, field, select } from '../ui.js';

/** "2022-03" -> mid-month; "2024" -> mid-year (flagged yearOnly); anything else -> null. */
export function launch(text) {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(text || '');
  if (!m) return null;
  return m[2] ? { at: new Date(Date.UTC(+m[1], +m[2] - 1, 15)), yearOnly: false } : { at: new Date(Date.UTC(+m[1], 6, 1)), yearOnly: true };
}

function scatter({ name, title, points, vendors, yLabel, width }) {
  const values = points.map((p) => p.y);
  const lo = Math.min(...values) / 1.5;
  const hi = Math.max(...values) * 1.5;
  const years = points.map((p) => p.at.getUTCFullYear());
  return chartFigure({
    name, title, description: t('trend.intro'),
    legendItems: [...vendors.map(([key, label]) => ({ label, color: vendorColor(key), kind: 'dot' })),
      ...(points.some((p) => p.yearOnly) ? [{ label: t('trend.yearOnly'), color: '#555', kind: 'square' }] : [])],
    options: {
      width, height: 380, marginLeft: 64,
      x: { type: 'utc', label: t('trend.launch'), domain: [new Date(Date.UTC(Math.min(...years), 0, 1)), new Date(Date.UTC(Math.max(...years) + 1, 0, 1))],
        tickFormat: (d) => String(d.getUTCFullYear()), ticks: 'year', grid: true },
      y: { type: 'log', domain: [lo, hi] },
      color: { domain: vendors.map(([k]) => k), range: vendors.map(([k]) => vendorColor(k)) },
      marks: [
        ...logAxis('y', decades(lo, hi), yLabel),
        Plot.dot(points, { x: 'at', y: 'y', fill: 'vendorKey', r: 5, stroke: 'white', symbol: (p) => (p.yearOnly ? 'square' : 'circle'), ariaDescription: 'chips',
          title: (p) => `${p.name} (${p.vendor}): ${num(p.y)}, ${date(p.launchDate)}${p.yearOnly ? ` (${t('trend.yearOnly')})` : ''}` }),
        Plot.text(points, { x: 'at', y: 'y', text: 'short', dx: 7, textAnchor: 'start', fontSize: 9, fill: '#333', ariaDescription: 'chip labels' }),
      ],
    },
  });
}

export async function render(root, state, ctx) {
  const precision = PRECISIONS.includes(state.precision) ? state.precision : 'bf16';
  const chips = await allChips();
  const unit = unitOf(precision);
  const base = chips.map((c) => ({ c, l: launch(c.launchDate) })).filter((x) => x.l);
  const point = ({ c, l }, y) => ({ name: c.name, short: c.name.replace(/ \(.*\)$/, '').replace(/^Instinct /, ''), vendor: c.vendor, vendorKey: c.vendorKey, launchDate: c.launchDate, at: l.at, yearOnly: l.yearOnly, y });
  const compute = base.filter(({ c }) => c.denseTFLOPS[precision] != null).map((x) => point(x, x.c.denseTFLOPS[precision]));
  const bandwidth = base.filter(({ c }) => c.memoryBandwidthTBs != null).map((x) => point(x, x.c.memoryBandwidthTBs));
  const vendors = [...new Map(chips.map((c) => [c.vendorKey, c.vendor])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const width = chartWidth({ clientWidth: ctx.width });
  root.append(h('h1', {}, t('trend.title')), h('p', { class: 'intro' }, t('trend.intro')),
    h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
      field(t('cat.precision'), select('precision', PRECISIONS.map((p) => [p, P(p)]), precision, (v) => setState({ precision: v })))));
  if (compute.length) {
    root.append(scatter({ name: `trend-${precision}`, title: t('trend.compute', { p: P(precision), unit }), points: compute, vendors: vendors.filter(([k]) => compute.some((p) => p.vendorKey === k)), yLabel: `${P(precision)} ${unit}`, width }));
  }
  root.append(scatter({ name: 'trend-bandwidth', title: t('trend.bandwidth'), points: bandwidth, vendors: vendors.filter(([k]) => bandwidth.some((p) => p.vendorKey === k)), yLabel: 'TB/s', width }),
    h('div', { class: 'toolbar' }, csvLink(`/chips${query({ limit: 100 })}`, 'chipcast-chips.csv')));
}
