// about.js: the version of the program and the database it runs on (GET /api/about); where the database is
// and the registry's size only for the system administrator (the server sends them to no one else).

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { state } from '../state.js';
import { pageHeader, card, loading } from '../ui.js';

export async function aboutView({ el, signal }) {
  mount(el, loading());
  const a = await get('/api/about', null, { signal });
  const row = (k, v, key) => h('div', { class: 'facts-item', 'data-item': key }, h('dt', k), h('dd', v === null || v === undefined || v === '' ? '—' : String(v)));
  const dbName = { sqlite: t('SQLite（内置）'), pg: 'PostgreSQL', postgresql: 'PostgreSQL' }[a.database] || a.database;
  const me = state.me;
  mount(
    el,
    h(
      'div',
      { class: 'page page-about' },
      pageHeader({ title: t('关于'), subtitle: t('脱贫（Tuopin）：精准扶贫建档立卡信息系统，开放源代码') }),
      me.role === 'none' ? h('div', { class: 'notice', 'data-notice': 'no-role' }, t('您的账户尚未分配角色：请联系安全管理员分配角色和所辖区划。')) : null,
      h(
        'div',
        { class: 'grid' },
        card(
          t('本系统'),
          h(
            'dl',
            { class: 'facts-grid facts-grid-1' },
            row(t('版本'), a.version, 'version'),
            row(t('数据库'), dbName, 'database'),
            a.location !== undefined ? row(t('数据库位置'), a.location, 'location') : null,
            row(t('数据结构版本'), a.schema, 'schema'),
            a.households !== undefined ? row(t('全库农户（户）'), a.households, 'households') : null,
            a.divisions !== undefined ? row(t('行政区划（个）'), a.divisions, 'divisions') : null,
            row(t('服务器时间'), a.server_time, 'server_time'),
          ),
          { class: 'span-7', name: 'about' },
        ),
        card(
          t('当前用户'),
          h(
            'dl',
            { class: 'facts-grid facts-grid-1' },
            row(t('用户名'), me.name, 'user'),
            row(t('角色'), me.role_label, 'role'),
            row(t('所辖区划'), me.division ? me.division.name : '', 'division'),
          ),
          { class: 'span-5', name: 'me' },
        ),
      ),
    ),
  );
}
