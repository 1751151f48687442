// api.js: the one way the UI talks to the server. JSON envelopes in, data or an ApiError out; the session
// cookie goes by itself (same origin), the CSRF token from the login answer goes in X-CSRF-Token on every
// state-changing request, and the language of the messages follows the UI's. A 401 on any call but the
// login itself means the session is gone: the app sends the user to the login page and back afterwards.

import { getLang } from './i18n.js';

let csrf = null;
let onExpired = () => {};
let pending = 0;
const progressListeners = new Set();

export class ApiError extends Error {
  constructor(status, error, data) {
    super(error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = error?.code || 'network';
    this.field = error?.field || '';
    this.data = data || null;
  }
  // Field problems of a registry write (data.problems[] with field, message).
  get problems() {
    return Array.isArray(this.data?.problems) ? this.data.problems : [];
  }
}

export function setCsrf(token) {
  csrf = token || null;
}

export function setExpiredHandler(fn) {
  onExpired = fn;
}

// Listeners get the number of requests in flight (the top progress bar).
export function onProgress(fn) {
  progressListeners.add(fn);
  return () => progressListeners.delete(fn);
}

function busy(delta) {
  pending += delta;
  for (const fn of progressListeners) fn(pending);
}

function headers(method, json) {
  const hdr = { Accept: 'application/json', 'Accept-Language': getLang() === 'en' ? 'en' : 'zh-CN' };
  if (json) hdr['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrf) hdr['X-CSRF-Token'] = csrf;
  return hdr;
}

async function envelope(res) {
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (body && body.ok === true) return body.data;
  const err = new ApiError(res.status, body?.error || { code: 'http', message: `HTTP ${res.status}` }, body?.data);
  throw err;
}

function expired(err, path) {
  return err.status === 401 && path !== '/api/login' && (err.code === 'session_expired' || err.code === 'unauthorized');
}

// A query string from an object; empty values are left out.
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function request(method, path, body, opts = {}) {
  busy(1);
  try {
    let res;
    try {
      res = await fetch(path, {
        method,
        headers: headers(method, body !== undefined),
        body: body !== undefined ? JSON.stringify(body) : undefined,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, { code: 'network', message: '' });
    }
    try {
      return await envelope(res);
    } catch (err) {
      if (err instanceof ApiError && expired(err, path) && !opts.noRedirect) onExpired(err);
      throw err;
    }
  } finally {
    busy(-1);
  }
}

export const get = (path, params, opts) => request('GET', path + qs(params), undefined, opts);
export const post = (path, body, opts) => request('POST', path, body ?? {}, opts);
export const patch = (path, body, opts) => request('PATCH', path, body ?? {}, opts);
export const put = (path, body, opts) => request('PUT', path, body ?? {}, opts);

// POST a file as the body with upload progress (fetch cannot report it). onProgress(loaded, total) while the
// file goes up; onSent() once it is all sent and the server is checking it. Resolves with data or rejects
// with an ApiError whose data is the import report.
export function upload(path, file, { onProgress: progress, onSent, signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLang() === 'en' ? 'en' : 'zh-CN');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => progress && progress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => onSent && onSent();
    xhr.onerror = () => {
      busy(-1);
      reject(new ApiError(0, { code: 'network', message: '' }));
    };
    xhr.onabort = () => {
      busy(-1);
      reject(new DOMException('aborted', 'AbortError'));
    };
    xhr.onload = () => {
      busy(-1);
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (body && body.ok) return resolve(body.data);
      const err = new ApiError(xhr.status, body?.error || { code: 'http', message: `HTTP ${xhr.status}` }, body?.data);
      if (expired(err, path)) onExpired(err);
      reject(err);
    };
    if (signal) signal.addEventListener('abort', () => xhr.abort());
    busy(1);
    xhr.send(file);
  });
}
