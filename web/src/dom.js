// DOM building without HTML strings. Text from the API (names, notes, sources) only ever reaches the
// page as text nodes or attribute values: nothing here parses markup, so a note holding "<img onerror>"
// is shown as those characters. No HTML sink (inner/outer HTML, insertAdjacentHTML, document
// writes) appears anywhere in src/: the browser test greps for them.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('td', {class: 'num'}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = tag.startsWith('svg:') ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'style') throw new Error('no inline styles: the page runs under style-src \'self\'');
    if (key.startsWith('on')) {
      // Handlers are functions; an on* attribute would be inline script (and refused by the CSP).
      if (typeof value !== 'function') throw new Error(`${key} must be a function`);
      el.addEventListener(key.slice(2), value);
    }
    else if (key === 'class') el.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') el[key] = value;
    else if (key === 'href' || key === 'src') el.setAttribute(key, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** An http(s) URL from the data, or null: never a javascript: or data: URL as a link. */
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url, location.origin);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link to an outside source, or the plain text when the URL is not http(s). */
export function sourceLink(text, url) {
  const href = safeUrl(url);
  return href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, text) : h('span', {}, text);
}

let ids = 0;
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}
