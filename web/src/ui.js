// Pieces the views share: CSV links, error boxes, source tooltips, form controls, the chip picker.
import { h, sourceLink, uid } from './dom.js';
import { t, date, num } from './i18n.js';
import { download } from './chart.js';
import { withTip } from './tooltip.js';

export const PRECISIONS = ['fp64', 'fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp6', 'fp4', 'int8', 'int4'];
export const unitOf = (p) => (p === 'int8' || p === 'int4' ? 'TOPS' : 'TFLOPS');
export const P = (p) => p.toUpperCase();

/**
 * A CSV download of an API route: `<route>?...&format=csv`, answered by the API itself (RFC 4180, UTF-8 with a
 * byte order mark). The file is the API's bytes; a paged route's next pages (the `X-Next-Token` header) are
 * appended without their header rows, so the file holds every row of the query.
 */
export function csvLink(path, filename, label = t('download.csv')) {
  const href = `${path}${path.includes('?') ? '&' : '?'}format=csv`;
  const status = h('span', { class: 'status', role: 'status' });
  const a = h('a', { class: 'btn', href, download: filename, 'data-csv': href, 'aria-label': `${label} (${filename})` }, label);
  a.addEventListener('click', async (e) => {
    e.preventDefault();
    await saveCsv((token) => fetch(token ? `${href}&nextToken=${encodeURIComponent(token)}` : href,
      { headers: { accept: 'text/csv' } }), filename, status);
  });
  return h('span', { class: 'csv' }, a, status);
}

/** The same for POST /scenarios/compare: the body is posted with Accept: text/csv (one answer, no pages). */
export function csvPost(path, body, filename) {
  const url = `${path}?format=csv`;
  const status = h('span', { class: 'status', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn', 'data-csv': `POST ${url}` }, t('download.csv'));
  button.addEventListener('click', () => saveCsv(() => fetch(url, {
    method: 'POST', headers: { accept: 'text/csv', 'content-type': 'application/json' }, body: JSON.stringify(body),
  }), filename, status));
  return h('span', { class: 'csv' }, button, status);
}

const CSV_TYPE = 'text/csv';

/** The bytes after the first CRLF: a later page without its byte order mark and header row. */
function withoutHeader(bytes) {
  for (let i = 0; i + 1 < bytes.length; i += 1) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) return bytes.subarray(i + 2);
  }
  return new Uint8Array(0);
}

async function saveCsv(request, filename, status) {
  status.textContent = '';
  try {
    const parts = [];
    let token = null;
    do {
      const response = await request(token);
      const type = response.headers.get('content-type') || '';
      if (!response.ok || !type.startsWith(CSV_TYPE)) {
        status.textContent = t('csv.failed', { message: await failure(response, type) });
        return;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      parts.push(parts.length === 0 ? bytes : withoutHeader(bytes));
      token = response.headers.get('x-next-token');
    } while (token && parts.length < 100);
    download(new Blob(parts, { type: 'text/csv;charset=utf-8' }), filename);
  } catch (e) {
    status.textContent = t('csv.failed', { message: e.message });
  }
}

async function failure(response, type) {
  if (type.includes('json')) {
    const body = await response.json();
    if (body && body.error) return `${body.error.code}: ${body.error.message}`;
  }
  return `HTTP ${response.status}, ${type || 'no content type'}`;
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' },
    t('error', { status: error.status ?? '', code: error.code ?? error.name, message: error.message }));
}

/** The tooltip body for a chip's figure: every source with its as-of date and what it supports. */
export function sourcesBody(sources, { note } = {}) {
  return h('div', { class: 'tip-body' },
    note ? h('p', { class: 'tip-note' }, note) : null,
    h('p', { class: 'tip-head' }, t('sources')),
    h('ul', {}, (sources || []).map((s) => h('li', {},
      h('span', { class: 'tip-title' }, s.title),
      h('span', { class: 'tip-asof' }, ` — ${t('asOf', { date: date(s.asOf) })}${s.asOfKind ? ` (${t(`asOf.${s.asOfKind}`)})` : ''}`),
      s.supports ? h('span', { class: 'tip-supports' }, t('supports', { text: s.supports })) : null))),
    h('p', { class: 'tip-foot' }, t('sourcesPerChip')));
}

/** A figure that shows its sources on hover and focus; null shows a dash and says no source gives it. */
export function figure(value, sources, { digits = 4, note } = {}) {
  if (value == null) {
    return withTip(h('span', { class: 'fig null', 'data-null': '' }, t('none')), () => h('div', { class: 'tip-body' }, t('noSource')));
  }
  return withTip(h('span', { class: 'fig' }, num(value, { digits })), () => sourcesBody(sources, { note }));
}

export function sourceList(sources) {
  return h('ul', { class: 'sources' }, (sources || []).map((s) => h('li', {},
    sourceLink(s.title, s.url),
    ` — ${t('asOf', { date: date(s.asOf) })}${s.asOfKind ? ` (${t(`asOf.${s.asOfKind}`)})` : ''}`,
    s.supports ? h('div', { class: 'supports' }, t('supports', { text: s.supports })) : null)));
}

export function field(label, control, { hint } = {}) {
  const id = control.id || uid('f');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', {}, hint) : null);
}

export function select(name, options, value, onChange) {
  const el = h('select', { name },
    options.map(([v, label]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, label)));
  if (onChange) el.addEventListener('change', () => onChange(el.value));
  return el;
}

export function numberInput(name, value, { min, max, step = 'any', onChange } = {}) {
  const el = h('input', { type: 'number', name, value: value ?? '', min, max, step, inputmode: 'decimal' });
  if (onChange) el.addEventListener('change', () => onChange(el.value));
  return el;
}

export function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), children);
}

/**
 * Checkboxes for chips, in the order chosen (`ids`); the first is the baseline where a view has one.
 * onChange gets the new id list.
 */
export function chipPicker(chips, ids, { max = 10, legendText, onChange, baseline = false }) {
  const chosen = new Set(ids);
  const boxes = chips.map((c) => {
    const box = h('input', { type: 'checkbox', value: c.id, checked: chosen.has(c.id), disabled: !chosen.has(c.id) && chosen.size >= max });
    box.addEventListener('change', () => {
      const next = box.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id);
      onChange(next);
    });
    return h('label', { class: 'pick' }, box, ` ${c.name}`, h('span', { class: 'muted' }, ` (${c.vendor})`));
  });
  const parts = [h('legend', {}, legendText), h('div', { class: 'picks' }, boxes)];
  if (baseline && ids.length > 0) {
    const names = new Map(chips.map((c) => [c.id, c.name]));
    parts.push(field(t('cmp.baseline'), select('baseline', ids.map((id) => [id, names.get(id) || id]), ids[0],
      (v) => onChange([v, ...ids.filter((id) => id !== v)]))));
  }
  return h('fieldset', { class: 'chip-picker' }, parts);
}

/**
 * A sortable table: columns [{key, label, num, value(row), cell(row)}]; sort state from the URL.
 * Header buttons call onSort(key, dir).
 */
export function sortableTable({ caption, columns, rows, sort, dir, onSort, rowAttrs }) {
  const col = columns.find((c) => c.key === sort);
  const sorted = [...rows];
  if (col) {
    const factor = dir === 'desc' ? -1 : 1;
    sorted.sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      if (va == null && vb == null) return 0;
      if (va == null) return 1; // unknown figures last, whichever the direction
      if (vb == null) return -1;
      return (typeof va === 'number' ? va - vb : String(va).localeCompare(String(vb))) * factor;
    });
  }
  const head = h('tr', {}, columns.map((c) => {
    const active = c.key === sort;
    const next = active && dir === 'asc' ? 'desc' : 'asc';
    return h('th', { scope: 'col', class: c.num ? 'num' : null, 'aria-sort': active ? (dir === 'desc' ? 'descending' : 'ascending') : null },
      h('button', { type: 'button', class: 'sort', 'data-sort': c.key, 'aria-label': t('sort.by', { col: c.label }), onclick: () => onSort(c.key, next) },
        c.label, h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (dir === 'desc' ? ' ▼' : ' ▲') : ' ↕')));
  }));
  const body = sorted.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {}, columns.map((c, i) => {
    const content = c.cell ? c.cell(row) : c.value(row);
    return i === 0 ? h('th', { scope: 'row' }, content) : h('td', { class: c.num ? 'num' : null }, content);
  })));
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {}, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, body)));
}

/** A plain table: header labels and rows of cells. */
export function simpleTable(caption, headers, rows, { numeric = [] } = {}) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {}, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, x)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => (i === 0
        ? h('th', { scope: 'row' }, c)
        : h('td', { class: numeric.includes(i) ? 'num' : null }, c))))))));
}
