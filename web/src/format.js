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

// The office's clock. The browser never decides what day it is: the server says its zone, its today and
// its time (GET /api/me, POST /api/login), and today() follows the server's clock in the server's zone, so a
// laptop set to UTC or to another zone shows the same day as the server, also after midnight passes.
const clock = { tz: '', skew: 0, offsetMin: null, serverToday: '' };

// Take the clock fields of an answer ({today, tz, server_time: "2026-12-05T03:30:00+08:00"}).
export function setClock(data) {
  if (!data || !data.today) return;
  clock.serverToday = data.today;
  clock.tz = data.tz || '';
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-])(\d{2}):(\d{2})$/.exec(data.server_time || '');
  if (m) {
    clock.offsetMin = (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
    const serverMs = Date.parse(`${m[1]}Z`) - clock.offsetMin * 60000;
    clock.skew = serverMs - Date.now();
  }
}

export function clockZone() {
  return clock.tz;
}

const pad = (n) => String(n).padStart(2, '0');

// Today in the office's zone, YYYY-MM-DD (the default "as of" the server also uses).
export function today() {
  return officeDay(Date.now() + clock.skew, clock.serverToday);
}

// The office's day of an instant (ms since the epoch, UTC), YYYY-MM-DD: a token's creation, say (its UTC day
// was the day before in the office's morning).
export function dayOfEpoch(seconds) {
  return officeDay(seconds * 1000, '');
}

function officeDay(ms, fallback) {
  const now = new Date(ms);
  if (clock.tz) {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: clock.tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
      const get = (type) => parts.find((p) => p.type === type).value;
      return `${get('year')}-${get('month')}-${get('day')}`;
    } catch (e) {
      // a zone this browser does not know: the offset the server gave
    }
  }
  if (clock.offsetMin !== null) {
    const d = new Date(now.getTime() + clock.offsetMin * 60000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (fallback) return fallback;
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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

// Who acted, in words: a command-line run (cli:USER on the server) is the system's, not an account to show.
export function actorText(a) {
  if (!a) return '';
  return String(a).startsWith('cli:') ? t('命令行（系统）') : String(a);
}

export function yesNo(b) {
  return b ? t('是') : t('否');
}

export function money(s) {
  if (s === null || s === undefined || s === '') return '—';
  return String(s);
}
