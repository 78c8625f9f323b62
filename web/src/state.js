// The view's state lives in the query string (view, filters, chips, market, currency, language), so
// every screen is a URL that can be shared. The page is always "/" plus a query: a static host
// (S3 behind CloudFront) serves it with no rewrite rules.

const listeners = new Set();

export function readState() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

export function onStateChange(fn) {
  listeners.add(fn);
}

/** Merges `patch` into the query (null or '' removes a key) and re-renders. */
export function setState(patch, { replace = false } = {}) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value == null || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) {
    history[replace ? 'replaceState' : 'pushState'](null, '', url);
  }
  for (const fn of listeners) fn(readState());
}

/** A link to a view with the given state (the language is kept). */
export function viewHref(view, extra = {}) {
  const params = new URLSearchParams({ view });
  const lang = readState().lang;
  for (const [key, value] of Object.entries(extra)) {
    if (value != null && value !== '') params.set(key, String(value));
  }
  if (lang) params.set('lang', lang);
  return `/?${params}`;
}

export function list(value) {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

window.addEventListener('popstate', () => {
  for (const fn of listeners) fn(readState());
});
