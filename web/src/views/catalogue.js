// Catalogue: every chip in a sortable, filterable table. vendor, workload and minMemoryGB go to
// GET /chips as its own filters (so the CSV link carries the same query); precision chooses the
// compute columns and, with only=1, keeps the chips that have a dense figure at it.
import { h } from '../dom.js';
import { allChips, listChips, getJson, query } from '../api.js';
import { setState } from '../state.js';
import { t, date, num } from '../i18n.js';
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

function detail(chip) {
  const rows = [
    [t('cat.architecture'), chip.architecture], [t('cat.process'), chip.processNode],
    [t('col.launch'), chip.launchDate ? date(chip.launchDate) : null], [t('cat.launchNote'), chip.launchDateNote],
    [t('cat.memoryType'), chip.memoryType], [t('cat.formFactor'), chip.formFactor], [t('cat.confidence'), chip.confidence],
    [t('col.interconnect'), chip.interconnect ? `${chip.interconnect.name ?? ''} ${chip.interconnect.GBs != null ? num(chip.interconnect.GBs) : ''}` : null],
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
