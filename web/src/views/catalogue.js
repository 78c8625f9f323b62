// Catalogue: every chip in a sortable, filterable table. vendor, workload and minMemoryGB go to
// GET /chips as its own filters (so the CSV link carries the same query); precision chooses the
// compute columns and, with only=1, keeps the chips that have a dense figure at it.
import { h, sourceLink } from '../dom.js';
import { allChips, listChips, getJson, query } from '../api.js';
import { setState, viewHref } from '../state.js';
import { t, date, num, usd } from '../i18n.js';
import { withTip } from '../tooltip.js';
import {
  PRECISIONS, P, unitOf, csvLink, errorBox, field, figure, numberInput, select, sortableTable, sourceList, section,
} from '../ui.js';

function flag(chip) {
  const sparse = chip.sourceGivesOnlySparse;
  const badge = h('span', { class: `badge ${sparse ? 'sparse' : 'dense'}`, 'data-flag': sparse ? 'sparse' : 'dense' },
    t(sparse ? 'flag.sparse' : 'flag.dense'));
  return withTip(badge, () => h('div', { class: 'tip-body' },
    h('p', {}, t(sparse ? 'flag.sparseNote' : 'flag.denseNote')),
    sparse && chip.sparseNote ? h('p', { class: 'tip-note' }, chip.sparseNote) : null));
}

/** The latest dated purchase price of a chip (the API's `prices`, each with its source), or null. */
export function latestPrice(chip) {
  const prices = (chip.prices || []).filter((p) => p.usd != null);
  return prices.length ? [...prices].sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')))[0] : null;
}

function priceBody(p) {
  return h('div', { class: 'tip-body' },
    h('p', { class: 'tip-head' }, `${usd(p.usd)} — ${t(`price.${p.kind}`)}${p.date ? `, ${date(p.date)}` : ''}`),
    p.source ? h('p', {}, h('span', { class: 'tip-title' }, p.source.title),
      h('span', { class: 'tip-asof' }, ` — ${t('asOf', { date: date(p.source.asOf) })}`)) : null,
    p.note ? h('p', { class: 'tip-note' }, p.note) : null);
}

/** The latest purchase price, its kind and date, with its source on hover and focus. */
function priceCell(chip) {
  const p = latestPrice(chip);
  if (!p) return withTip(h('span', { class: 'fig null', 'data-null': '' }, t('none')), () => h('div', { class: 'tip-body' }, t('price.none')));
  return withTip(h('span', { class: 'fig', 'data-price': p.kind }, usd(p.usd)), () => priceBody(p));
}

/** How many measured results the chip has, linked to the Benchmarks view filtered on it. */
function measuredCell(chip) {
  const n = chip.measured?.results ?? 0;
  if (!n) return h('span', { class: 'muted' }, '0');
  return h('a', { href: viewHref('benchmarks', { chipId: chip.id }), 'data-measured': chip.id }, String(n),
    h('span', { class: 'sr-only' }, ` (${t('cat.measuredOf', { name: chip.name })})`));
}

function tierBadge(chip) {
  if (!chip.tier) return t('none');
  return withTip(h('span', { class: `badge tier ${chip.tier}`, 'data-tier': chip.tier }, t(`tier.${chip.tier}`)),
    () => h('div', { class: 'tip-body' }, h('p', {}, t(`tier.${chip.tier}.note`)), chip.epochName ? h('p', { class: 'tip-note' }, t('cat.epochName', { name: chip.epochName })) : null));
}

function pricesSection(chip) {
  const prices = [...(chip.prices || [])].sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')));
  const hourly = chip.chipHourPrices || [];
  return [
    h('h3', {}, t('cat.prices')),
    prices.length ? h('ul', { class: 'sources', 'data-prices': prices.length }, prices.map((p) => h('li', {},
      h('strong', {}, usd(p.usd)), ` — ${t(`price.${p.kind}`)}${p.date ? `, ${date(p.date)}` : ''}. `,
      p.source ? sourceLink(p.source.title, p.source.url) : null, p.source?.asOf ? ` (${t('asOf', { date: date(p.source.asOf) })})` : null,
      p.note ? h('div', { class: 'supports' }, p.note) : null))) : h('p', { class: 'muted' }, t('price.none')),
    h('h3', {}, t('cat.chipHour')),
    hourly.length ? h('ul', { class: 'sources', 'data-chip-hour': hourly.length }, hourly.map((p) => h('li', {},
      h('strong', {}, `${usd(p.usdPerChipHour, 2)}/h`), ` — ${t(`buyer.${p.buyerType}`)}, ${t(`price.${p.kind}`)}${p.asOf ? `, ${date(p.asOf)}` : ''}. `,
      p.source ? sourceLink(p.source.title, p.source.url) : null,
      p.source?.attribution ? h('div', { class: 'supports attribution' }, p.source.attribution) : null,
      p.notes ? h('div', { class: 'supports' }, p.notes) : null))) : h('p', { class: 'muted' }, t('price.noHourly')),
  ];
}

function detail(chip) {
  const rows = [
    [t('cat.architecture'), chip.architecture], [t('cat.process'), chip.processNode],
    [t('col.launch'), chip.launchDate ? date(chip.launchDate) : null], [t('cat.launchNote'), chip.launchDateNote],
    [t('cat.memoryType'), chip.memoryType], [t('cat.formFactor'), chip.formFactor], [t('cat.confidence'), chip.confidence],
    [t('col.interconnect'), chip.interconnect ? `${chip.interconnect.name ?? ''} ${chip.interconnect.GBs != null ? num(chip.interconnect.GBs) : ''}` : null],
    [t('col.deviceKind'), chip.deviceKind ? t(`device.${chip.deviceKind}`) : null], [t('cat.perDevice'), chip.perDeviceNote],
    [t('col.tier'), chip.tier ? t(`tier.${chip.tier}`) : null], [t('cat.epochNameLabel'), chip.epochName],
    [t('cat.memoryPhysical'), chip.memoryPhysicalGB != null ? num(chip.memoryPhysicalGB) : null], [t('cat.fp64Kind'), chip.fp64Kind],
    [t('col.measured'), chip.measured?.results ? h('a', { href: viewHref('benchmarks', { chipId: chip.id }), 'data-measured-detail': chip.id },
      t('cat.measuredLink', { n: chip.measured.results, name: chip.name })) : '0'],
  ];
  return section(`${chip.vendor} ${chip.name}`,
    h('a', { class: 'btn', href: `/?${new URLSearchParams([...new URLSearchParams(location.search)].filter(([k]) => k !== 'chip'))}`, 'data-close': '' }, t('cat.close')),
    h('dl', { class: 'facts' }, rows.filter(([, v]) => v != null && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {}, t('cat.denseAll')),
    h('p', { class: 'muted' }, t('cat.unitNote'), ' ', flag(chip)),
    h('dl', { class: 'facts precisions' }, PRECISIONS.map((p) => [h('dt', {}, `${P(p)} (${unitOf(p)})`),
      h('dd', {}, figure(chip.denseTFLOPS[p], chip.sources))])),
    chip.sparseNote ? [h('h3', {}, t('cat.sparseNote')), h('p', { class: 'note', 'data-note': 'sparse' }, chip.sparseNote)] : null,
    chip.notes ? [h('h3', {}, t('cat.notes')), h('p', { class: 'note', 'data-note': 'notes' }, chip.notes)] : null,
    pricesSection(chip),
    h('h3', {}, t('sources')), sourceList(chip.sources));
}

export async function render(root, state) {
  const precision = PRECISIONS.includes(state.precision) ? state.precision : 'bf16';
  const filters = { vendor: state.vendor, workload: state.workload, minMemoryGB: state.minMemoryGB };
  const [everything, listed, selected] = await Promise.all([
    allChips(), listChips(filters), state.chip ? getJson(`/chips/${encodeURIComponent(state.chip)}`).catch((e) => e) : null]);
  const vendors = [...new Map(everything.map((c) => [c.vendorKey, c.vendor])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const rows = state.only === '1' ? listed.filter((c) => c.denseTFLOPS[precision] != null) : listed;
  const unit = unitOf(precision);

  const controls = h('form', { class: 'controls', 'aria-label': t('cat.title'), onsubmit: (e) => e.preventDefault() },
    field(t('cat.vendor'), select('vendor', [['', t('all')], ...vendors], state.vendor, (v) => setState({ vendor: v, chip: null }))),
    field(t('cat.workload'), select('workload', [['', t('all')], ...['training', 'inference', 'both'].map((w) => [w, t(`workload.${w}`)])],
      state.workload, (v) => setState({ workload: v, chip: null }))),
    field(t('cat.minMemory'), numberInput('minMemoryGB', state.minMemoryGB, { min: 0, max: 1000000, onChange: (v) => setState({ minMemoryGB: v, chip: null }) })),
    field(t('cat.precision'), select('precision', PRECISIONS.map((p) => [p, P(p)]), precision, (v) => setState({ precision: v }))),
    h('div', { class: 'field check' }, h('label', {},
      h('input', { type: 'checkbox', name: 'only', checked: state.only === '1', onchange: (e) => setState({ only: e.target.checked ? '1' : null }) }),
      ` ${t('cat.only')}`)));

  const link = (c) => {
    const params = new URLSearchParams(location.search);
    params.set('view', 'catalogue');
    params.set('chip', c.id);
    return h('a', { href: `/?${params}`, 'data-chip': c.id }, c.name);
  };
  const columns = [
    { key: 'name', label: t('col.chip'), value: (c) => c.name, cell: link },
    { key: 'vendor', label: t('col.vendor'), value: (c) => c.vendor },
    { key: 'workload', label: t('col.workload'), value: (c) => c.workload, cell: (c) => t(`workload.${c.workload}`) },
    { key: 'launch', label: t('col.launch'), value: (c) => c.launchDate, cell: (c) => h('span', { class: 'date' }, c.launchDate ? date(c.launchDate) : t('none')) },
    { key: 'memoryGB', label: t('col.memory'), num: true, value: (c) => c.memoryGB, cell: (c) => figure(c.memoryGB, c.sources) },
    { key: 'memoryBandwidthTBs', label: t('col.bandwidth'), num: true, value: (c) => c.memoryBandwidthTBs, cell: (c) => figure(c.memoryBandwidthTBs, c.sources) },
    { key: 'tdpWatts', label: t('col.tdp'), num: true, value: (c) => c.tdpWatts, cell: (c) => figure(c.tdpWatts, c.sources) },
    { key: 'dense', label: t('col.dense', { p: P(precision), unit }), num: true, value: (c) => c.denseTFLOPS[precision],
      cell: (c) => figure(c.denseTFLOPS[precision], c.sources, { note: c.sourceGivesOnlySparse ? t('flag.sparseNote') : null }) },
    { key: 'perWatt', label: t('col.perWatt', { p: P(precision), unit }), num: true, value: (c) => c.derived?.tflopsPerWatt?.[precision],
      cell: (c) => figure(c.derived?.tflopsPerWatt?.[precision] ?? null, c.sources, { digits: 3 }) },
    { key: 'ridge', label: t('col.ridge', { p: P(precision) }), num: true, value: (c) => c.derived?.ridgePointFlopPerByte?.[precision],
      cell: (c) => figure(c.derived?.ridgePointFlopPerByte?.[precision] ?? null, c.sources, { digits: 3 }) },
    { key: 'interconnectGBs', label: t('col.interconnect'), num: true, value: (c) => c.interconnect?.GBs, cell: (c) => figure(c.interconnect?.GBs ?? null, c.sources) },
    { key: 'flag', label: t('col.flag'), value: (c) => (c.sourceGivesOnlySparse ? 1 : 0), cell: flag },
    { key: 'deviceKind', label: t('col.deviceKind'), value: (c) => c.deviceKind, cell: (c) => (c.deviceKind ? t(`device.${c.deviceKind}`) : t('none')) },
    { key: 'tier', label: t('col.tier'), value: (c) => c.tier, cell: tierBadge },
    { key: 'price', label: t('col.price'), num: true, value: (c) => latestPrice(c)?.usd, cell: priceCell },
    { key: 'measured', label: t('col.measured'), num: true, value: (c) => c.measured?.results ?? 0, cell: measuredCell },
  ];
  const sort = columns.some((c) => c.key === state.sort) ? state.sort : 'name';
  const dir = state.dir === 'desc' ? 'desc' : 'asc';
  const table = sortableTable({
    caption: `${t('cat.title')}: ${t('cat.count', { n: rows.length })}`, columns, rows, sort, dir,
    onSort: (key, d) => setState({ sort: key, dir: d }, { replace: true }),
    rowAttrs: (c) => ({ 'data-row': c.id, class: state.chip === c.id ? 'current' : null }),
  });

  root.append(
    h('h1', {}, t('cat.title')), h('p', { class: 'intro' }, t('cat.intro')),
    controls,
    h('div', { class: 'toolbar' }, h('span', { class: 'count', 'data-count': rows.length }, t('cat.count', { n: rows.length })),
      csvLink(`/chips${query({ ...filters, limit: 100 })}`, 'chipcast-chips.csv')),
    table);
  if (selected instanceof Error) root.append(errorBox(selected));
  else if (selected) root.append(h('div', { id: 'detail', 'data-detail': selected.id }, detail(selected)));
}
