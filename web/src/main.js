// ChipCast Explorer: one page at "/", the view and its state in the query string.
import './styles.css';
import { h, clear } from './dom.js';
import { readState, setState, onStateChange, viewHref } from './state.js';
import { pickLanguage, setLanguage, t } from './i18n.js';
import { installTooltip } from './tooltip.js';
import { errorBox } from './ui.js';
import * as catalogue from './views/catalogue.js';
import * as compare from './views/compare.js';
import * as roofline from './views/roofline.js';
import * as trends from './views/trends.js';
import * as forecasts from './views/forecasts.js';
import * as scenarios from './views/scenarios.js';
import * as benchmarks from './views/benchmarks.js';

const VIEWS = { catalogue, compare, roofline, trends, forecasts, scenarios, benchmarks };
// State a view hands on to the next one when its keys mean the same there.
const CARRY = { compare: ['ids', 'precision'], roofline: ['ids', 'precision'], trends: ['precision'], catalogue: ['precision'] };

let renderId = 0;

function renderChrome(view) {
  document.title = `${t(`nav.${view}`)} · ${t('app.title')}`;
  const state = readState();
  const nav = clear(document.getElementById('nav'));
  nav.append(h('ul', {}, Object.keys(VIEWS).map((name) => {
    const carried = {};
    for (const key of CARRY[name] || []) if ((CARRY[view] || []).includes(key) && state[key]) carried[key] = state[key];
    return h('li', {}, h('a', { href: viewHref(name, carried), 'aria-current': name === view ? 'page' : null, 'data-nav': name }, t(`nav.${name}`)));
  })));
  document.getElementById('lang-label').textContent = t('lang.label');
  document.getElementById('lang').value = document.documentElement.lang;
  document.getElementById('docs-link').textContent = t('nav.docs');
  document.getElementById('home').setAttribute('href', viewHref('catalogue'));
  document.querySelector('.skip').textContent = document.documentElement.lang === 'ko' ? '본문으로 건너뛰기' : 'Skip to content';
  const foot = clear(document.getElementById('foot'));
  foot.append(h('p', {}, t('foot.data')));
}

function focusKey(el) {
  if (!el || el === document.body) return null;
  if (el.name) return `[name="${CSS.escape(el.name)}"]${el.type === 'checkbox' ? `[value="${CSS.escape(el.value)}"]` : ''}`;
  if (el.dataset && el.dataset.sort) return `[data-sort="${CSS.escape(el.dataset.sort)}"]`;
  return null;
}

async function render(state) {
  setLanguage(pickLanguage(state.lang));
  const view = VIEWS[state.view] ? state.view : 'catalogue';
  renderChrome(view);
  const id = ++renderId;
  document.body.dataset.ready = 'false';
  const main = document.getElementById('main');
  const container = h('div', { class: 'view', 'data-view': view });
  const ctx = { width: main.clientWidth || 960, isCurrent: () => id === renderId };
  try {
    await VIEWS[view].render(container, state, ctx);
  } catch (e) {
    console.warn(e);
    container.append(errorBox(e));
  }
  if (id !== renderId) return;
  const refocus = main.contains(document.activeElement) ? focusKey(document.activeElement) : null;
  clear(main).append(container);
  if (refocus) {
    const again = main.querySelector(refocus);
    if (again) again.focus({ preventScroll: true });
  }
  document.body.dataset.ready = 'true';
  document.body.dataset.view = view;
}

document.getElementById('lang').addEventListener('change', (e) => setState({ lang: e.target.value }));
// In-page navigation for the view links: the state changes, the page is not reloaded.
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[href^="/?"]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.hasAttribute('download')) return;
  e.preventDefault();
  history.pushState(null, '', a.getAttribute('href'));
  render(readState());
  if (a.dataset.nav) document.getElementById('main').focus({ preventScroll: true });
});
installTooltip();
onStateChange(render);
render(readState());
