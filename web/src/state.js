// state.js: what the whole UI shares: the logged-in user (GET /api/me), the code lists (GET /api/codes, per
// language), and the "as of" date, which lives in the address (?as_of=) so that a link or a reload shows the
// same figures.

import { get } from './api.js';
import { getLang } from './i18n.js';
import { today } from './format.js';

export const state = {
  me: null, // {name, display_name, role, role_label, division, capabilities[], must_change}
  codes: null,
  codesLang: null,
};

export function can(cap) {
  return !!state.me && state.me.capabilities.includes(cap);
}

// Data roles read the registry; the three administrators (三员) never do.
export function isDataRole() {
  return can('read');
}

export function isAdminRole() {
  return can('users') || can('roles') || can('audit');
}

// With require_review on (GET /api/settings), a data role below the county office proposes new households (新识别
// / 应纳未纳, one by one) instead of registering or importing them: the server refuses them otherwise.
export function newHouseholdsViaProposal(settings) {
  return !!settings && settings.require_review === 'on' && !!state.me && state.me.role !== 'county_admin';
}

export async function codes() {
  if (!state.codes || state.codesLang !== getLang()) {
    state.codes = await get('/api/codes');
    state.codesLang = getLang();
  }
  return state.codes;
}

// The "as of" date of the current address, or '' (today, the server's default).
// Other ways of writing a day (2018/10/08, 2018.10.8, 20181008, 2018年10月8日) are read as that day; what is
// not a day is passed on as it is, so that the server refuses it with a message — never silently today.
export function asOf() {
  const v = (new URLSearchParams(location.search).get('as_of') || '').trim();
  if (!v) return '';
  const m = v.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) || v.match(/^(\d{4})(\d{2})(\d{2})$/);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : v;
}

// The day an act is dated by default: the page's 截至 day, never one still to come (the server refuses an act
// dated ahead of today; a 截至 set ahead defaulted the forms to it).
export function actDay() {
  const a = asOf(), d = today();
  return a && /^\d{4}-\d{2}-\d{2}$/.test(a) && a < d ? a : d;
}

// A link inside the app that keeps the "as of" date.
export function link(path, params = {}) {
  const p = new URLSearchParams();
  const a = asOf();
  if (a && !('as_of' in params)) p.set('as_of', a);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
