// Forecasts: one market definition's published forecasts as lines (reported points marked,
// interpolated solid, extrapolated dashed), the consensus band (min-max) and median, in USD or KRW.
// KRW is also written as Korean readers write it (21조 1,752억 원).
import { h, sourceLink } from '../dom.js';
import { getJson, listAll, query } from '../api.js';
import { setState, viewHref } from '../state.js';
import { t, num, pct, money, krwKorean, language, year, date } from '../i18n.js';
import { chartFigure, chartWidth, CHIP_COLORS, Plot } from '../chart.js';
import { csvLink, field, numberInput, select, simpleTable, sourceList } from '../ui.js';

export const DEFAULT_MARKET = 'ai-inference-chips';

/** A value in billions of `currency`; in English, KRW also in Korean notation. */
export function moneyCell(value, currency) {
  if (currency === 'KRW' && language() !== 'ko' && value != null) {
    return h('span', { class: 'money' }, money(value, currency), h('span', { class: 'krw-ko', lang: 'ko', 'data-krw': '' }, krwKorean(value)));
  }
  return h('span', { class: 'money', 'data-krw': currency === 'KRW' ? '' : null }, money(value, currency));
}

/** The chart's y value: USD billions, or KRW trillions (조 원) so the axis reads like the press. */
const scaleValue = (value, currency) => (currency === 'KRW' ? value / 1000 : value);

/**
 * Lines for forecast series: [{id, label, series: [{year, value, kind}]}] ->
 * solid and dashed two-point segments (dashed when either end is extrapolated) and reported points.
 */
export function seriesMarks(forecasts, currency) {
  const solid = [];
  const dashed = [];
  const reported = [];
  const all = [];
  for (const f of forecasts) {
    const series = [...f.series].sort((a, b) => a.year - b.year);
    series.forEach((p, i) => {
      const point = { id: f.id, label: f.label, year: p.year, value: p.value, y: scaleValue(p.value, currency), kind: p.kind };
      all.push(point);
      if (p.kind === 'reported') reported.push(point);
      const next = series[i + 1];
      if (next) {
        const seg = p.kind === 'extrapolated' || next.kind === 'extrapolated' ? dashed : solid;
        const z = `${f.id}#${i}`;
        seg.push({ ...point, z }, { id: f.id, label: f.label, year: next.year, value: next.value, y: scaleValue(next.value, currency), kind: next.kind, z });
      }
    });
  }
  return { solid, dashed, reported, all };
}

export function forecastChart({ name, title, description, forecasts, consensus, currency, width }) {
  const { solid, dashed, reported, all } = seriesMarks(forecasts, currency);
  const ids = forecasts.map((f) => f.id);
  const color = (i) => CHIP_COLORS[i % CHIP_COLORS.length];
  const band = (consensus || []).map((y) => ({ year: y.year, min: scaleValue(y.min, currency), max: scaleValue(y.max, currency), median: scaleValue(y.median, currency), count: y.count }));
  const unit = t(`fc.unit.${currency}`);
  const years = [...all.map((p) => p.year), ...band.map((b) => b.year)];
  const legendItems = [
    ...forecasts.map((f, i) => ({ label: f.label, color: color(i), kind: 'line' })),
    { label: t('fc.reported'), color: '#333', kind: 'dot' },
    { label: t('fc.interpolated'), color: '#333', kind: 'line' },
    { label: t('fc.extrapolated'), color: '#333', kind: 'dash' },
  ];
  if (band.length) legendItems.push({ label: t('fc.band'), color: '#4d4d4d', kind: 'band' }, { label: t('fc.median'), color: '#4d4d4d', kind: 'line' });
  const tip = (p) => `${p.label}, ${year(p.year)}: ${money(p.value, currency)}${currency === 'KRW' && language() !== 'ko' ? ` (${krwKorean(p.value)})` : ''} — ${t(`fc.${p.kind}`)}`;
  const marks = [];
  if (band.length) {
    marks.push(Plot.areaY(band, { x: 'year', y1: 'min', y2: 'max', fill: '#4d4d4d', fillOpacity: 0.16, ariaDescription: 'consensus band' }),
      Plot.lineY(band, { x: 'year', y: 'median', stroke: '#4d4d4d', strokeWidth: 4, strokeOpacity: 0.55, ariaDescription: 'consensus median' }),
      Plot.dot(band, { x: 'year', y: 'median', r: 8, fill: 'transparent', ariaDescription: 'consensus hover',
        title: (b) => `${t('fc.median')} ${year(b.year)}: ${num(b.median)} ${unit} (${t('fc.min')} ${num(b.min)}, ${t('fc.max')} ${num(b.max)}; ${t('fc.count')} ${b.count})` }));
  }
  marks.push(
    Plot.line(solid, { x: 'year', y: 'y', z: 'z', stroke: 'id', strokeWidth: 2, ariaDescription: 'interpolated' }),
    Plot.line(dashed, { x: 'year', y: 'y', z: 'z', stroke: 'id', strokeWidth: 2, strokeDasharray: '5 4', ariaDescription: 'extrapolated' }),
    Plot.dot(reported, { x: 'year', y: 'y', fill: 'id', r: 4.5, stroke: 'white', ariaDescription: 'reported', title: tip }),
    Plot.dot(all, { x: 'year', y: 'y', r: 7, fill: 'transparent', ariaDescription: 'series hover', title: tip }),
  );
  return chartFigure({
    name, title, description, legendItems,
    options: {
      width, height: 420, marginLeft: 64, marginRight: 20,
      x: { label: t('fc.year'), tickFormat: (d) => String(d), ticks: Math.min(12, new Set(years).size), domain: [Math.min(...years), Math.max(...years)] },
      y: { label: t('fc.value', { unit }), grid: true, zero: true, tickFormat: (d) => num(d) },
      color: { domain: ids, range: ids.map((_, i) => color(i)) },
      marks,
    },
  });
}

function lastYear(f) {
  return Math.max(...f.knownPoints.map((p) => p.year));
}

/** The FX rates of GET /fx-rates, each with its date and source; the ones the forecasts used are marked. */
function fxSection(rates, used, open) {
  const key = (r) => `${r.pair}|${r.rate}|${r.asOf}`;
  return h('details', { class: 'panel fx', open, 'data-fx': rates.length },
    h('summary', {}, t('fc.fxRates', { n: rates.length })),
    h('p', { class: 'muted' }, t('fc.fxIntro')),
    simpleTable(t('fc.fxRates', { n: rates.length }), [t('fc.pair'), t('fc.rate'), t('fc.rateAsOf'), t('source'), t('fc.notes'), t('fc.used')],
      rates.map((r) => [r.pair, num(r.rate), h('span', { class: 'date' }, date(r.asOf)),
        h('span', {}, r.source ? sourceLink(r.source.title, r.source.url) : t('none'), r.source?.asOf ? h('span', { class: 'desc' }, t('asOf', { date: date(r.source.asOf) })) : null),
        r.note || '', used.has(key(r)) ? h('span', { class: 'badge dense', 'data-fx-used': '' }, t('fc.usedYes')) : '']), { numeric: [1] }));
}

function editionCell(r) {
  return h('span', {}, r.edition ? date(r.edition) : t('fc.undatedEdition'),
    r.editionOf ? h('code', { class: 'desc' }, r.editionOf) : null,
    r.supersededBy ? h('span', { class: 'badge sparse', 'data-superseded': r.id }, t('fc.supersededBy', { id: r.supersededBy }))
      : h('span', { class: 'badge dense', 'data-latest': r.id }, t('fc.latest')));
}

export async function render(root, state, ctx) {
  const [markets, rates] = await Promise.all([listAll('/markets'), listAll('/fx-rates')]);
  const byKey = new Map(markets.map((m) => [m.key, m]));
  const market = byKey.has(state.market) ? state.market : DEFAULT_MARKET;
  const info = byKey.get(market);
  const currency = state.currency === 'KRW' ? 'KRW' : 'USD';
  const editions = state.editions === 'all' ? 'all' : 'latest';
  const to = /^\d{4}$/.test(state.to || '') ? Number(state.to) : null;
  const listed = (await getJson(`/forecasts${query({ market })}`)).items;
  const paths = listed.map((f) => `/forecasts/${encodeURIComponent(f.id)}${query({ currency, to: to && to > lastYear(f) ? to : null })}`);
  const consensusPath = `/forecasts/consensus${query({ market, currency, editions: editions === 'all' ? 'all' : null })}`;
  const [reports, consensus] = await Promise.all([Promise.all(paths.map((p) => getJson(p))), getJson(consensusPath)]);
  const superseded = new Map(listed.map((f) => [f.id, f.supersededBy]));
  const items = reports.map((r) => ({ ...r, supersededBy: superseded.get(r.id) ?? null,
    edition: listed.find((f) => f.id === r.id)?.edition ?? null, editionOf: listed.find((f) => f.id === r.id)?.editionOf ?? null }));
  const drawn = items.filter((r) => editions === 'all' || !r.supersededBy);
  const forecasts = drawn.map((r) => ({ id: r.id, label: `${r.publisher.replace(/ \(.*\)$/, '')} (${r.publicationDate})`, series: r.series }));

  root.append(h('h1', {}, t('fc.title')), h('p', { class: 'intro' }, t('fc.intro')),
    h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
      field(t('fc.market'), select('market', markets.map((m) => [m.key, t('fc.marketOption', { name: m.name, n: m.latestEditionCount, all: m.forecastCount })]), market,
        (v) => setState({ market: v }))),
      field(t('fc.currency'), select('currency', [['USD', 'USD'], ['KRW', 'KRW']], currency, (v) => setState({ currency: v }))),
      field(t('fc.editions'), select('editions', [['latest', t('fc.editions.latest')], ['all', t('fc.editions.all')]], editions,
        (v) => setState({ editions: v === 'all' ? 'all' : null }))),
      field(t('fc.to'), numberInput('to', to, { min: 1990, max: 2100, step: 1, onChange: (v) => setState({ to: v }) }))));

  if (info) {
    root.append(h('dl', { class: 'facts market', 'data-market': market },
      h('dt', {}, t('fc.covers')), h('dd', {}, info.covers || t('none')),
      info.caveats ? [h('dt', {}, t('fc.caveats')), h('dd', {}, info.caveats)] : null,
      h('dt', {}, t('fc.counts')), h('dd', {}, t('fc.countsText', { f: info.forecastCount, s: info.seriesCount, l: info.latestEditionCount, a: info.firstYear, b: info.lastYear })),
      h('dt', {}, t('fc.publishers')), h('dd', {}, info.publishers.join(', '))));
  }
  root.append(forecastChart({
    name: `forecasts-${market}-${currency}`, title: `${t('fc.title')}: ${info?.name || market} (${currency})`,
    description: `${t(editions === 'all' ? 'fc.drawnAll' : 'fc.drawnLatest')} ${consensus.method}`,
    forecasts, consensus: consensus.years, currency, width: chartWidth({ clientWidth: ctx.width }),
  }));
  if (editions === 'latest' && (consensus.superseded || []).length) {
    root.append(h('p', { class: 'muted', 'data-left-out': consensus.superseded.length },
      t('fc.leftOut', { list: consensus.superseded.map((x) => `${x.id} → ${x.supersededBy}`).join(', ') }), ' ',
      h('a', { href: viewHref('forecasts', { market, currency, to, editions: 'all' }), 'data-editions': 'all' }, t('fc.showAll'))));
  }
  if ((consensus.warnings || []).length) root.append(h('ul', { class: 'warnings' }, consensus.warnings.map((w) => h('li', {}, w))));
  root.append(h('div', { class: 'toolbar' }, csvLink(`/forecasts${query({ market })}`, `chipcast-forecasts-${market}.csv`)));

  const headers = [t('fc.publisher'), t('fc.edition'), t('fc.definition'), t('source'), t('fc.points'), t('fc.implied'), t('fc.stated'), t('fc.fx'), t('fc.notes'), t('download.csv')];
  root.append(simpleTable(t('fc.table'), headers, items.map((r, i) => [
    h('span', {}, r.publisher, h('br'), h('code', {}, r.id)),
    editionCell(r),
    r.marketDefinition,
    sourceList([r.source]),
    h('ul', { class: 'points' }, r.knownPoints.map((p) => h('li', {}, `${year(p.year)}: `, moneyCell(p.value, currency),
      p.sourceCurrency !== currency ? h('span', { class: 'muted' }, ` (${p.sourceCurrency} ${num(p.sourceValue)})`) : null))),
    r.cagr != null ? pct(r.cagr) : t('none'),
    r.statedCagr ? h('span', {}, r.statedCagr.text ?? pct(r.statedCagr.percent / 100), ' ',
      r.statedCagrConsistent == null ? null : h('span', { class: `badge ${r.statedCagrConsistent ? 'dense' : 'sparse'}` },
        r.statedCagrConsistent ? t('fc.consistent') : t('fc.inconsistent', { g: num(r.statedCagrGapPoints, { digits: 3 }) }))) : t('none'),
    r.fx ? h('span', {}, `${r.fx.pair} ${num(r.fx.rate)} (${date(r.fx.asOf)})`) : t('none'),
    h('span', { class: 'note', 'data-note': r.id }, [r.notes, r.computedOnTheFly ? t('fc.computed', { why: r.computedOnTheFly }) : null].filter(Boolean).join(' ')),
    csvLink(paths[i], `chipcast-${r.id}-${currency}.csv`, t('fc.series')),
  ])));

  root.append(simpleTable(t('fc.consensus'), [t('fc.year'), t('fc.min'), t('fc.medianCol'), t('fc.max'), t('fc.count')],
    consensus.years.map((y) => [year(y.year), moneyCell(y.min, currency), moneyCell(y.median, currency), moneyCell(y.max, currency), String(y.count)]),
    { numeric: [1, 2, 3, 4] }),
  h('div', { class: 'toolbar' }, csvLink(consensusPath, `chipcast-consensus-${market}-${currency}${editions === 'all' ? '-all-editions' : ''}.csv`)));
  const used = new Set(reports.filter((r) => r.fx).map((r) => `${r.fx.pair}|${r.fx.rate}|${r.fx.asOf}`));
  root.append(fxSection(rates, used, currency === 'KRW'));
}
