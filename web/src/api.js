// The ChipCast API on the same origin (connect-src 'self'). Answers are cached for the page's life:
// the data change once a day at most, and views re-render often.

export class ApiError extends Error {
  constructor(status, code, message, parameter) {
    super(message);
    this.status = status;
    this.code = code;
    this.parameter = parameter;
  }
}

const cache = new Map();

async function answer(response) {
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: `HTTP_${response.status}`, message: String(body).slice(0, 200) };
    throw new ApiError(response.status, error.code, error.message, error.parameter);
  }
  return body;
}

export function getJson(path) {
  if (!cache.has(path)) {
    const pending = fetch(path, { headers: { accept: 'application/json' } }).then(answer);
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return cache.get(path);
}

export function postJson(path, body) {
  const key = `POST ${path} ${JSON.stringify(body)}`;
  if (!cache.has(key)) {
    const pending = fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(answer);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return cache.get(key);
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value != null && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Every item of a paged list route (`items`, `nextToken`) with these filters, pages of 100. */
export async function listAll(path, filters = {}) {
  const items = [];
  let nextToken = null;
  do {
    const page = await getJson(`${path}${query({ ...filters, limit: 100, nextToken })}`);
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

/** Every page of GET /chips with these filters. */
export const listChips = (filters = {}) => listAll('/chips', filters);

export const allChips = () => listChips();
