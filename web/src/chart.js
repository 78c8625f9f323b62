// Charts: Observable Plot draws SVG; this module wraps each chart in a figure with a caption, a legend
// and SVG / PNG downloads. Plot puts a <style> element inside each SVG; under style-src 'self' the
// browser would refuse it, so it is removed before the SVG is attached and styles.css carries the same
// rules (.cc-plot). The downloaded SVG gets those rules back inside the file.
import * as Plot from '@observablehq/plot';
import { h } from './dom.js';
import { t, num } from './i18n.js';

export { Plot };

const SVG_NS = 'http://www.w3.org/2000/svg';

export const CHIP_COLORS = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#9c755f', '#76b7b2', '#d37295',
  '#edc948', '#1d3557', '#8c564b', '#17becf'];
export const VENDOR_COLORS = {
  nvidia: '#59a14f', amd: '#e15759', intel: '#4e79a7', google: '#f28e2b', aws: '#9c755f', groq: '#b07aa1',
  rebellions: '#17becf', furiosa: '#d37295',
};
export function vendorColor(key) {
  return VENDOR_COLORS[key] || '#7f7f7f';
}

// The rules Plot would have put inline, plus fonts, for the downloaded file.
const EXPORT_CSS = `svg{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR",sans-serif;font-size:11px;overflow:visible;background:#fff}
text,tspan{white-space:pre}`;

/**
 * Tick values for a log axis over [min, max]: the decades, and 2x and 5x between them when the range
 * spans fewer than three decades (otherwise a short axis would show one tick or none).
 */
export function decades(min, max) {
  const out = [];
  const few = Math.log10(max / min) < 3;
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e += 1) {
    for (const m of few ? [1, 2, 5] : [1]) {
      const v = m * 10 ** e;
      if (v >= min && v <= max) out.push(Number(v.toPrecision(12)));
    }
  }
  return out;
}

/**
 * A log axis with exactly these ticks, every one labelled. (Given as scale options, Plot hands a
 * custom tickFormat of a log scale to d3's log tickFormat, which blanks some labels.)
 */
export function logAxis(k, ticks, label, format = (d) => num(d)) {
  const grid = k === 'x' ? Plot.gridX : Plot.gridY;
  const axis = k === 'x' ? Plot.axisX : Plot.axisY;
  return [grid(ticks), axis(ticks, { text: format, label })];
}

let firstChartMarked = false;

function markFirstChart(figure) {
  if (firstChartMarked) return;
  // Two frames: the first runs before the browser paints the new SVG, the second after.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (!firstChartMarked && figure.isConnected) {
      firstChartMarked = true;
      performance.mark('cc:first-chart');
    }
  }));
}

/**
 * Plot's SVG, made fit for this page: its inline <style> removed (see above); each mark's group named
 * by data-mark (the mark's ariaDescription) instead of ARIA attributes, which are not allowed on
 * plain <g> elements: the SVG itself is one role=img with a label and a description.
 */
export function renderPlot(options) {
  const node = Plot.plot({ className: 'cc-plot', figure: false, ...options });
  for (const style of node.querySelectorAll('style')) style.remove();
  for (const el of node.querySelectorAll('[aria-label], [aria-description], [aria-hidden]')) {
    const mark = el.getAttribute('aria-description');
    if (mark && el.parentNode === node) el.setAttribute('data-mark', mark);
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
    el.removeAttribute('aria-hidden');
  }
  return node;
}

function exportText(svg, title) {
  const clone = svg.cloneNode(true);
  clone.setAttribute('xmlns', SVG_NS);
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = EXPORT_CSS;
  const name = document.createElementNS(SVG_NS, 'title');
  name.textContent = title;
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: 0, y: 0, width: '100%', height: '100%', fill: '#ffffff' })) background.setAttribute(k, v);
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(style, clone.firstChild);
  clone.insertBefore(name, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'hidden-link' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function pngBlob(svg, title, scale = 2) {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([exportText(svg, title)], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = h('canvas', { width: width * scale, height: height * scale });
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A legend as a list: {label, color, kind: 'swatch' | 'line' | 'dash' | 'dot' | 'ring' | 'band' | 'square' | 'cross'}. */
export function legend(items) {
  return h('ul', { class: 'legend' }, items.map((item) => h('li', {}, icon(item), h('span', {}, item.label))));
}

function icon({ color, kind = 'swatch' }) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries({ width: 22, height: 12, viewBox: '0 0 22 12', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  const add = (tag, attrs) => {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.append(el);
  };
  if (kind === 'line' || kind === 'dash') add('line', { x1: 1, y1: 6, x2: 21, y2: 6, stroke: color, 'stroke-width': kind === 'line' ? 2.5 : 2, 'stroke-dasharray': kind === 'dash' ? '4 3' : 'none' });
  else if (kind === 'dot') add('circle', { cx: 11, cy: 6, r: 4, fill: color });
  else if (kind === 'ring') add('circle', { cx: 11, cy: 6, r: 4, fill: 'none', stroke: color, 'stroke-width': 2 });
  else if (kind === 'square') add('rect', { x: 7, y: 2, width: 8, height: 8, fill: 'none', stroke: color, 'stroke-width': 2 });
  else if (kind === 'cross') add('path', { d: 'M7 2 L15 10 M15 2 L7 10', stroke: color, 'stroke-width': 2 });
  else if (kind === 'band') add('rect', { x: 1, y: 1, width: 20, height: 10, fill: color, 'fill-opacity': 0.25 });
  else add('rect', { x: 1, y: 1, width: 20, height: 10, fill: color });
  return svg;
}

/**
 * A chart in a figure: caption (title + description), optional legend, the SVG, and downloads.
 * `name` is the file name stem and the data-chart attribute the tests look for.
 */
export function chartFigure({ name, title, description, options, legendItems, extra }) {
  const svg = renderPlot({ ariaLabel: title, ariaDescription: description, ...options });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  const status = h('span', { class: 'status', role: 'status' });
  const svgButton = h('button', { type: 'button', class: 'btn', 'data-download': 'svg', 'aria-label': t('download.label', { what: title, format: 'SVG' }) }, t('download.svg'));
  const pngButton = h('button', { type: 'button', class: 'btn', 'data-download': 'png', 'aria-label': t('download.label', { what: title, format: 'PNG' }) }, t('download.png'));
  svgButton.addEventListener('click', () => {
    download(new Blob([exportText(svg, title)], { type: 'image/svg+xml' }), `${name}.svg`);
  });
  pngButton.addEventListener('click', async () => {
    try {
      download(await pngBlob(svg, title), `${name}.png`);
    } catch (e) {
      status.textContent = e.message;
    }
  });
  const figure = h('figure', { class: 'chart', 'data-chart': name },
    h('figcaption', {}, h('strong', {}, title), description ? h('span', { class: 'desc' }, description) : null),
    legendItems ? legend(legendItems) : null,
    h('div', { class: 'plot-wrap' }, svg),
    h('div', { class: 'toolbar' }, svgButton, pngButton, extra || null, status));
  markFirstChart(figure);
  return figure;
}

/** Width for a chart in `container`, between 320 and 1180 px (the figure's padding and border off). */
export function chartWidth(container) {
  const w = container && container.clientWidth ? container.clientWidth : 900;
  return Math.max(320, Math.min(1180, w - 40));
}
