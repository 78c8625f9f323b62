// One shared tooltip (#tip, role=tooltip) for figures: it opens on hover AND on keyboard focus, closes
// on Escape, blur or leaving, and stays while the pointer is over it (WCAG 1.4.13). It is placed with
// CSSOM properties (element.style.left), which a CSP without 'unsafe-inline' allows; no style attribute
// is ever written.
import { append, clear } from './dom.js';

let owner = null;
let hideTimer = 0;

function tipEl() {
  return document.getElementById('tip');
}

function place(tip, target) {
  const r = target.getBoundingClientRect();
  const width = Math.min(420, window.innerWidth - 16);
  tip.style.maxWidth = `${width}px`;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
  tip.style.left = `${left}px`;
  const below = r.bottom + 6;
  const height = tip.offsetHeight;
  tip.style.top = `${below + height > window.innerHeight && r.top - height - 6 > 0 ? r.top - height - 6 : below}px`;
}

function show(target, build) {
  clearTimeout(hideTimer);
  const tip = tipEl();
  owner = target;
  clear(tip);
  append(tip, [build()]);
  tip.hidden = false;
  place(tip, target);
}

function hide(now) {
  clearTimeout(hideTimer);
  const run = () => {
    const tip = tipEl();
    if (tip) tip.hidden = true;
    owner = null;
  };
  if (now) run();
  else hideTimer = setTimeout(run, 200);
}

/** Makes `el` focusable and shows build()'s nodes in the tooltip on hover and focus. */
export function withTip(el, build) {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
  el.setAttribute('aria-describedby', 'tip');
  el.classList.add('has-tip');
  el.addEventListener('mouseenter', () => show(el, build));
  el.addEventListener('focus', () => show(el, build));
  el.addEventListener('mouseleave', () => hide(false));
  el.addEventListener('blur', () => hide(true));
  return el;
}

export function installTooltip() {
  const tip = tipEl();
  tip.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  tip.addEventListener('mouseleave', () => hide(false));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && owner) hide(true);
  });
  // Scrolling moves the figure: the tip follows it while it is on screen (focusing a figure below the fold
  // scrolls it into view, which must not close the tip it just opened), and closes once it is off screen.
  window.addEventListener('scroll', () => {
    if (!owner) return;
    const r = owner.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) hide(true);
    else place(tipEl(), owner);
  }, { passive: true });
}
