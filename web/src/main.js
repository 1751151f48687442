// main.js: the application shell (side navigation, top bar with search, "as of" date, language and the
// user), the router (history API; the server answers every address without a dot with index.html), and
// the session: who is logged in, where a user lands, and the way back after the session expires.

import './styles/app.css';
import { get, post, setCsrf, setExpiredHandler, onProgress, ApiError } from './api.js';
import { h, mount } from './dom.js';
import { t, getLang, setLang } from './i18n.js';
import { state, can, isDataRole, asOf, link } from './state.js';
import { icon, errorBox, dateInput } from './ui.js';
import { today, setClock } from './format.js';
import { disposeCharts } from './charts.js';
import { loginView, passwordView } from './views/login.js';
import { dashboardView } from './views/dashboard.js';
import { householdsView } from './views/households.js';
import { householdView } from './views/household.js';
import { changesView, changeHouseholdsView } from './views/changes.js';
import { reportsView } from './views/reports.js';
import { importView } from './views/import.js';
import { usersView, rolesView } from './views/users.js';
import { auditView } from './views/audit.js';
import { findingsView, findingView, rulesView } from './views/findings.js';
import { campaignsView, campaignView } from './views/campaign.js';
import { externalView } from './views/external.js';
import { aboutView } from './views/about.js';
import { notFoundView } from './views/notfound.js';
import { proposalsView, proposalView } from './views/proposals.js';
import { assistanceView, assistanceHouseholdsView, cadresView, ledgerView } from './views/assistance.js';
import { recordsView } from './views/assistance-records.js';
import { supervisionView } from './views/supervision.js';
import { monitorView } from './views/monitor.js';
import { handbookPage, cardPage } from './views/handbook.js';

const app = document.getElementById('app');

// path pattern, view, who may see it: 'data' (read), 'import', 'compare' (other departments' lists), 'users'
// (users or roles), 'audit', 'any'
const ROUTES = [
  ['/', dashboardView, 'data'],
  ['/divisions/:code', dashboardView, 'data'],
  ['/households', householdsView, 'data'],
  ['/households/:no', householdView, 'data'],
  ['/households/:no/handbook', handbookPage, 'data'],
  ['/households/:no/card', cardPage, 'data'],
  ['/changes', changesView, 'data'],
  ['/changes/households', changeHouseholdsView, 'data'],
  ['/reports', reportsView, 'data'],
  ['/proposals', proposalsView, 'data'],
  ['/proposals/:id', proposalView, 'data'],
  ['/monitor', monitorView, 'data'],
  ['/assistance', assistanceView, 'data'],
  ['/assistance/households', (ctx) => assistanceHouseholdsView(ctx, false), 'data'],
  ['/assistance/mine', (ctx) => assistanceHouseholdsView(ctx, true), 'cadre'],
  ['/assistance/cadres', cadresView, 'data'],
  ['/assistance/ledger', ledgerView, 'data'],
  ['/assistance/records/:kind', recordsView, 'data'],
  ['/supervision', supervisionView, 'supervise'],
  ['/findings', findingsView, 'data'],
  ['/findings/:id', findingView, 'data'],
  ['/rules', rulesView, 'data'],
  ['/campaigns', campaignsView, 'data'],
  ['/campaigns/:name', campaignView, 'data'],
  ['/external-lists', externalView, 'compare'],
  ['/import', importView, 'import'],
  ['/users', usersView, 'users'],
  ['/roles', rolesView, 'users'],
  ['/audit', auditView, 'audit'],
  ['/about', aboutView, 'any'],
];

function allowed(who) {
  switch (who) {
    case 'data':
      return isDataRole();
    case 'import':
      return can('import');
    case 'compare':
      return can('compare');
    case 'users':
      return can('users') || can('roles');
    case 'audit':
      return can('audit');
    case 'supervise':
      return can('supervise');
    case 'cadre':
      return state.me && state.me.role === 'cadre';
    default:
      return true;
  }
}

function match(path) {
  for (const [pattern, view, who] of ROUTES) {
    const pp = pattern.split('/');
    const xs = path.split('/');
    if (pp.length !== xs.length) continue;
    const params = {};
    let ok = true;
    for (let i = 0; i < pp.length && ok; i++) {
      if (pp[i].startsWith(':')) {
        if (!xs[i]) ok = false;
        else params[pp[i].slice(1)] = decodeURIComponent(xs[i]);
      } else ok = pp[i] === xs[i];
    }
    if (ok) return { view, who, params };
  }
  return null;
}

// Where a user starts: the dashboard for data roles, their screen for administrators.
function home() {
  if (isDataRole()) return '/';
  if (can('users') || can('roles')) return '/users';
  if (can('audit')) return '/audit';
  return '/about';
}

export function navigate(url, opts = {}) {
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
  if (!opts.keepScroll) window.scrollTo(0, 0);
}

// Links inside the app navigate without reloading.
document.addEventListener('click', (e) => {
  const a = e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/') || a.hasAttribute('download') || a.target) return;
  e.preventDefault();
  navigate(href);
});
window.addEventListener('popstate', () => render());
// A download, or a page the API prints in a new tab (a proposal's 公示 and 双认定分析表), is a plain link (no
// request headers): it names the UI's language, so a file's title, headers and name follow the language chosen
// here, not the browser's.
document.addEventListener(
  'click',
  (e) => {
    const a = e.target.closest('a[download], a[target="_blank"]');
    const href = a && a.getAttribute('href');
    if (!href || !href.startsWith('/api/')) return;
    const u = new URL(href, location.origin);
    u.searchParams.set('lang', getLang() === 'en' ? 'en' : 'zh');
    a.setAttribute('href', u.pathname + u.search);
  },
  true,
);

function currentUrl() {
  return location.pathname + location.search;
}

setExpiredHandler(() => {
  if (location.pathname === '/login') return;
  state.me = null;
  setCsrf(null);
  navigate(`/login?${new URLSearchParams({ next: currentUrl(), expired: '1' })}`, { replace: true });
});

// ---- the top progress bar: shown while a request takes more than a moment ----
const bar = h('div', { class: 'topbar-progress', 'aria-hidden': 'true' });
let barTimer = null;
onProgress((n) => {
  clearTimeout(barTimer);
  if (n > 0) barTimer = setTimeout(() => bar.classList.add('on'), 250);
  else bar.classList.remove('on');
});

// ---- the shell ----

function navItem(href, ic, text, active) {
  return h('a', { class: ['nav-item', active && 'active'], href, 'aria-current': active ? 'page' : null }, icon(ic), h('span', text));
}

function sideNav(path) {
  const items = [];
  if (isDataRole()) {
    items.push(navItem(link('/'), 'dashboard', t('统计概览'), path === '/' || path.startsWith('/divisions')));
    items.push(navItem(link('/households'), 'search', t('户查询'), path.startsWith('/households')));
    items.push(navItem(link('/changes'), 'calendar', t('变动统计'), path === '/changes' || path === '/changes/households'));
    items.push(navItem(link('/reports'), 'table', t('统计报表'), path === '/reports'));
    const inbox = navItem(link('/proposals'), 'event', t('评议审批'), path.startsWith('/proposals'));
    if (state.inbox) inbox.appendChild(h('span', { class: 'nav-count', 'data-inbox': state.inbox, title: t('待我办理') }, String(state.inbox)));
    items.push(inbox);
    items.push(navItem(link('/monitor'), 'eye', t('防返贫监测'), path === '/monitor'));
    if (state.me.role === 'cadre') items.push(navItem(link('/assistance/mine'), 'users', t('我的帮扶户'), path === '/assistance/mine'));
    // the supervision kinds' record lists live under /assistance/records/ but belong to 督查问责
    const supervisionRecords = /^\/assistance\/records\/(case|case_household|case_person|complaint)$/.test(path);
    items.push(navItem(link('/assistance'), 'home', t('帮扶工作'), path.startsWith('/assistance') && path !== '/assistance/mine' && !supervisionRecords));
    if (can('supervise')) items.push(navItem(link('/supervision'), 'shield', t('督查问责'), path === '/supervision' || supervisionRecords));
    items.push(navItem(link('/findings'), 'clipboard', t('数据质量'), path.startsWith('/findings') || path === '/rules'));
    items.push(navItem(link('/campaigns'), 'flag', t('专项行动'), path.startsWith('/campaigns')));
    if (can('compare')) items.push(navItem(link('/external-lists'), 'compare', t('数据比对'), path === '/external-lists'));
    if (can('import')) items.push(navItem(link('/import'), 'upload', t('数据导入'), path === '/import'));
  }
  if (can('users') || can('roles')) {
    items.push(navItem('/users', 'users', t('用户管理'), path === '/users'));
    items.push(navItem('/roles', 'shield', t('角色与权限'), path === '/roles'));
  }
  if (can('audit')) items.push(navItem('/audit', 'log', t('审计日志'), path === '/audit'));
  items.push(navItem(isDataRole() ? link('/about') : '/about', 'info', t('关于'), path === '/about'));
  return items;
}

function brand() {
  return h(
    'a',
    { class: 'brand', href: isDataRole() ? link('/') : home() },
    h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, icon('event')),
    h('span', { class: 'brand-text' }, h('span', { class: 'brand-name' }, t('脱贫')), h('span', { class: 'brand-sub' }, t('建档立卡信息系统'))),
  );
}

function langSwitch() {
  const other = getLang() === 'en' ? 'zh' : 'en';
  return h(
    'button',
    {
      class: 'btn btn-ghost lang-switch',
      type: 'button',
      title: other === 'en' ? 'English' : '中文',
      'data-lang': other,
      on: {
        click: () => {
          setLang(other);
          state.me = null; // its role label comes again in the new language
          render();
        },
      },
    },
    icon('globe'),
    h('span', other === 'en' ? 'English' : '中文'),
  );
}

function searchBox() {
  const q = h('input', {
    class: 'input search-input',
    type: 'search',
    name: 'q',
    placeholder: t('户编号、姓名或证件号码'),
    'aria-label': t('查找农户'),
    value: location.pathname === '/households' ? new URLSearchParams(location.search).get('q') || '' : '',
    maxlength: 64,
  });
  return h(
    'form',
    {
      class: 'search',
      role: 'search',
      on: {
        submit: (e) => {
          e.preventDefault();
          const v = q.value.trim();
          navigate(link('/households', { q: v || null }));
        },
      },
    },
    icon('search', 'search-icon'),
    q,
  );
}

function asOfPicker() {
  const picker = dateInput(asOf() || today(), {
    name: 'as_of',
    label: t('统计日期'),
    class: 'asof-date',
    onChange: (v) => {
      const p = new URLSearchParams(location.search);
      if (v && v !== today()) p.set('as_of', v);
      else p.delete('as_of');
      p.delete('page');
      const s = p.toString();
      navigate(location.pathname + (s ? `?${s}` : ''), { keepScroll: true });
    },
  });
  return h('div', { class: 'asof' }, h('span', { class: 'asof-label' }, t('截至')), picker);
}

function userMenu() {
  const me = state.me;
  const div = me.division ? me.division.name : '';
  return h(
    'div',
    { class: 'user' },
    h('div', { class: 'user-avatar', 'aria-hidden': 'true' }, (me.display_name || me.name).slice(0, 1)),
    h('div', { class: 'user-text' }, h('div', { class: 'user-name' }, me.display_name || me.name), h('div', { class: 'user-role' }, [me.role_label, div].filter(Boolean).join(' · '))),
    h(
      'button',
      {
        class: 'icon-btn',
        type: 'button',
        title: t('退出登录'),
        'aria-label': t('退出登录'),
        on: {
          click: async () => {
            try {
              await post('/api/logout', {}, { noRedirect: true });
            } catch {
              /* gone already */
            }
            state.me = null;
            setCsrf(null);
            navigate('/login', { replace: true });
          },
        },
      },
      icon('logout'),
    ),
  );
}

let viewAbort = null;

function shell(path) {
  // a search being typed while the page changes (the new page's shell replaces the top bar) is carried over
  const old = document.activeElement;
  const typing = old && old.matches && old.matches('.topbar input[name="q"]') ? old.value : null;
  const view = h('main', { class: 'view', id: 'view', tabindex: '-1' });
  const top = h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'topbar-left' }, h('div', { class: 'mobile-brand' }, brand()), isDataRole() ? searchBox() : null),
    h('div', { class: 'topbar-right' }, isDataRole() ? asOfPicker() : null, langSwitch(), userMenu()),
    bar,
  );
  mount(
    app,
    h(
      'div',
      { class: 'shell' },
      h('aside', { class: 'side' }, h('div', { class: 'side-inner' }, brand(), h('nav', { class: 'nav', 'aria-label': t('主菜单') }, sideNav(path)))),
      h('div', { class: 'main' }, top, h('nav', { class: 'nav-strip', 'aria-label': t('主菜单') }, sideNav(path)), view),
    ),
  );
  const q = typing !== null && top.querySelector('input[name="q"]');
  if (q) {
    q.value = typing;
    q.focus();
  }
  return view;
}

async function render() {
  if (viewAbort) viewAbort.abort();
  disposeCharts();
  for (const d of document.querySelectorAll('dialog')) d.close();
  viewAbort = new AbortController();
  const signal = viewAbort.signal;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  document.title = t('脱贫 · 建档立卡信息系统');

  if (path === '/login') {
    const sp = new URLSearchParams(location.search);
    mount(app, loginView({ navigate, next: safeNext(), expired: sp.has('expired'), changed: sp.has('changed'), user: sp.get('user') || '', onLogin, render }));
    return;
  }
  if (!state.me) {
    try {
      const me = await get('/api/me', null, { noRedirect: true, signal });
      state.me = me.user;
      setClock(me);
      setCsrf(me.csrf);
    } catch (err) {
      if (err.name === 'AbortError') return;
      if (err instanceof ApiError && err.status === 401) {
        navigate(`/login?${new URLSearchParams({ next: currentUrl() })}`, { replace: true });
        return;
      }
      mount(app, h('div', { class: 'boot-error' }, errorBox(err, () => render())));
      return;
    }
  }
  if (state.me.must_change && path !== '/password') {
    navigate(`/password?${new URLSearchParams({ next: currentUrl() })}`, { replace: true });
    return;
  }
  if (path === '/password') {
    mount(app, passwordView({ navigate, next: safeNext() || home(), user: state.me.name, render }));
    return;
  }
  const m = match(path);
  if (path === '/' && !isDataRole()) {
    navigate(home(), { replace: true });
    return;
  }
  // the inbox count in the navigation: proposals waiting for a step this user may do
  if (isDataRole()) {
    try {
      state.inbox = (await get('/api/proposals', { inbox: 1 }, { signal })).total;
    } catch (err) {
      // aborted by a newer navigation, or the session ended (the login page is on its way)
      if ((err && err.name === 'AbortError') || (err instanceof ApiError && err.status === 401) || !state.me) return;
      state.inbox = 0;
    }
  }
  const view = shell(path);
  if (!m || !allowed(m.who)) {
    mount(view, notFoundView());
    return;
  }
  const query = new URLSearchParams(location.search);
  try {
    await m.view({ el: view, params: m.params, query, signal, navigate, render });
  } catch (err) {
    if (err && err.name === 'AbortError') return;
    if (err instanceof ApiError && err.status === 404) mount(view, notFoundView(err));
    else if (err instanceof ApiError && err.status === 401) return;
    else mount(view, errorBox(err, () => render()));
  }
}

function safeNext() {
  const n = new URLSearchParams(location.search).get('next') || '';
  return n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/login') ? n : '';
}

function onLogin(data, next) {
  state.me = data.user;
  setClock(data);
  setCsrf(data.csrf);
  if (data.user.must_change) navigate(`/password?${new URLSearchParams({ next: next || '' })}`, { replace: true });
  else navigate(next && allowedUrl(next) ? next : home(), { replace: true });
}

function allowedUrl(url) {
  const path = url.split('?')[0];
  const m = match(path.replace(/\/+$/, '') || '/');
  return !m || allowed(m.who);
}

render();
