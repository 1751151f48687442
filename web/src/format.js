// format.js: how figures, dates and statuses look. Figures are shown as the API gives them: "N户M人".

import { h } from './dom.js';
import { getLang, t } from './i18n.js';

const nf = () => new Intl.NumberFormat(getLang() === 'en' ? 'en-US' : 'zh-CN', { useGrouping: false });

// "N户M人" with the figures prominent: <span class="nhmr"><b>N</b>户<b>M</b>人</span>. o = {households, persons}.
// Its text is exactly "7户21人" in Chinese (the tests read it), "7 hh · 21 p" in English.
export function nhmr(o, cls) {
  const hh = o ? o.households : 0;
  const p = o ? o.persons : 0;
  const en = getLang() === 'en';
  return h(
    'span',
    { class: ['nhmr', cls, hh === 0 && p === 0 && 'zero'] },
    h('span', { class: 'num' }, nf().format(hh)),
    h('span', { class: 'unit' }, en ? ' hh · ' : '户'),
    h('span', { class: 'num' }, nf().format(p)),
    h('span', { class: 'unit' }, en ? ' p' : '人'),
  );
}

export function nhmrText(o) {
  if (!o) return '';
  return getLang() === 'en' ? `${o.households} hh · ${o.persons} p` : `${o.households}户${o.persons}人`;
}

// The colour group of a status code (CSS class st-…).
export function statusClass(code) {
  switch (code) {
    case 'poor':
      return 'st-poor';
    case 'returned':
      return 'st-returned';
    case 'exited_supported':
      return 'st-exited';
    case 'exited_unsupported':
      return 'st-exited2';
    case 'removed':
    case 'cancelled':
      return 'st-out';
    default:
      return 'st-none';
  }
}

// A status badge from {code, label}.
export function statusBadge(st, extra) {
  if (!st) return h('span', { class: 'badge st-none' }, t('无'));
  return h('span', { class: ['badge', statusClass(st.code), extra] }, st.label);
}

// Today in the browser, YYYY-MM-DD (the default "as of" the server also uses).
export function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function isDate(s) {
  return /^\d{4}-\d{2}-\d{2}$/.test(s || '');
}

// 201401 -> "2014-01".
export function ym(v) {
  if (v === null || v === undefined || v === '') return '';
  const s = String(v);
  return s.length === 6 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}

export function label(x) {
  if (x === null || x === undefined) return '';
  if (typeof x === 'object') return x.label ?? x.name ?? x.code ?? '';
  return String(x);
}

export function yesNo(b) {
  return b ? t('是') : t('否');
}

export function money(s) {
  if (s === null || s === undefined || s === '') return '—';
  return String(s);
}
