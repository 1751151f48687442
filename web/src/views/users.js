// users.js: accounts and roles for the administrators (三员分立). The system administrator creates accounts,
// locks and unlocks them and resets passwords; the security administrator gives roles and divisions. Each
// sees only the buttons of their own job (capabilities "users" / "roles" of GET /api/me), and the server
// refuses the rest anyway.

import { get, post, patch, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { can, state } from '../state.js';
import { pageHeader, card, table, loading, icon, dialog, field, input, select, showProblems, clearProblems, banner, busyButton, toast, empty } from '../ui.js';

const CAP_TEXT = {
  read: '查看本辖区农户与统计',
  write: '录入、修改、记录变动',
  import: '导入文件',
  export: '导出名单',
  full_id: '查看完整证件号码（留痕）',
  users: '账户：新建、锁定、重置密码',
  roles: '角色与所辖区划',
  audit: '查看和核验审计日志',
};

function accountState(u) {
  if (u.locked) return h('span', { class: 'tag tag-red' }, t('已停用'));
  if (u.locked_out) return h('span', { class: 'tag tag-amber' }, t('暂时锁定'));
  if (u.must_change) return h('span', { class: 'tag tag-blue' }, t('待改初始密码'));
  return h('span', { class: 'tag tag-green' }, t('正常'));
}

function errorsOf(err) {
  if (err instanceof ApiError) return [{ field: err.field || '', message: err.message }];
  return [{ field: '', message: t('请求失败') }];
}

function formDialog(title, nodes, okText, send, done) {
  const form = h('form', { class: 'form', novalidate: true, id: 'dlg-form' }, banner(), h('div', { class: 'form-grid' }, nodes));
  const ok = h('button', { class: 'btn btn-primary', type: 'submit', form: 'dlg-form', 'data-action': 'save' }, okText);
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const dlg = dialog({ title, body: form, footer: [cancel, ok] });
  cancel.addEventListener('click', () => dlg.close());
  const run = busyButton(ok, async () => {
    clearProblems(form);
    try {
      await send();
      dlg.close();
      toast(t('已保存'));
      done();
    } catch (err) {
      showProblems(form, errorsOf(err));
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
}

function roleOptions(roles) {
  return roles.map((r) => ({ code: r.code, label: r.label }));
}

function createUser(roles, done) {
  const name = input('', { maxlength: 32, autocomplete: 'off' });
  const display = input('', { maxlength: 50 });
  const pw = input('', { type: 'password', autocomplete: 'new-password' });
  const role = select(roleOptions(roles), '', { blank: t('请选择'), name: 'role' });
  const division = input('', { maxlength: 40, placeholder: t('区划代码或名称，如 371399100201') });
  formDialog(
    t('新建用户'),
    [
      field({ name: 'name', label: t('用户名'), control: name, required: true, hint: t('字母、数字、下划线') }),
      field({ name: 'display_name', label: t('姓名'), control: display }),
      field({ name: 'password', label: t('初始密码'), control: pw, required: true, hint: t('至少 10 位、三类字符；用户首次登录时须修改') }),
      field({ name: 'role', label: t('角色'), control: role, required: true }),
      field({ name: 'division', label: t('所辖区划'), control: division, hint: t('县、乡镇、村级角色必填；管理员留空'), wide: true }),
    ],
    t('创建'),
    () => post('/api/users', { name: name.value.trim(), display_name: display.value.trim() || undefined, password: pw.value, role: role.value, division: division.value.trim() || null }),
    done,
  );
}

function resetPassword(u, done) {
  const pw = input('', { type: 'password', autocomplete: 'new-password' });
  formDialog(
    t('重置密码：{name}', { name: u.name }),
    [field({ name: 'password', label: t('新密码'), control: pw, required: true, wide: true, hint: t('用户下次登录时须修改；其现有会话立即结束') })],
    t('重置'),
    () => patch(`/api/users/${encodeURIComponent(u.name)}`, { password: pw.value }),
    done,
  );
}

function changeRole(u, roles, done) {
  const role = select(roleOptions(roles), u.role, { name: 'role' });
  const division = input(u.division || '', { maxlength: 40, placeholder: t('区划代码或名称') });
  formDialog(
    t('角色与区划：{name}', { name: u.name }),
    [field({ name: 'role', label: t('角色'), control: role, required: true }), field({ name: 'division', label: t('所辖区划'), control: division })],
    t('保存'),
    () => patch(`/api/users/${encodeURIComponent(u.name)}`, { role: role.value, division: division.value.trim() || null }),
    done,
  );
}

export async function usersView({ el, render, signal }) {
  mount(el, loading());
  const [users, roles] = await Promise.all([get('/api/users', null, { signal }), get('/api/roles', null, { signal })]);
  const me = state.me.name;
  const done = () => render();
  const cols = [
    { title: t('用户名'), key: 'name', cls: 'mono', render: (u) => u.name },
    { title: t('姓名'), key: 'display_name', render: (u) => u.display_name },
    { title: t('角色'), key: 'role', render: (u) => u.role_label },
    { title: t('所辖区划'), key: 'division', render: (u) => (u.division ? [u.division_name || '', ' ', h('span', { class: 'muted mono' }, u.division)] : h('span', { class: 'muted' }, '—')) },
    { title: t('状态'), key: 'state', render: accountState },
    { title: t('更新时间'), key: 'updated_at', cls: 'nowrap muted', render: (u) => u.updated_at },
    {
      title: h('span', { class: 'sr' }, t('操作')),
      key: 'actions',
      cls: 'actions nowrap',
      render: (u) => {
        const b = [];
        if (can('users')) {
          b.push(h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': 'reset', on: { click: () => resetPassword(u, done) } }, t('重置密码')));
          if (u.name !== me)
            b.push(
              h(
                'button',
                {
                  class: 'btn btn-sm btn-ghost',
                  type: 'button',
                  'data-action': u.locked ? 'unlock' : 'lock',
                  on: {
                    click: async () => {
                      try {
                        await patch(`/api/users/${encodeURIComponent(u.name)}`, { locked: !u.locked });
                        toast(u.locked ? t('已启用 {name}', { name: u.name }) : t('已停用 {name}', { name: u.name }));
                        done();
                      } catch (err) {
                        toast(err.message, 'error');
                      }
                    },
                  },
                },
                u.locked ? t('启用') : t('停用'),
              ),
            );
        }
        if (can('roles') && u.name !== me) b.push(h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': 'role', on: { click: () => changeRole(u, roles, done) } }, t('角色与区划')));
        return b;
      },
    },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-users' },
      pageHeader({
        title: t('用户管理'),
        subtitle: can('users') ? t('系统管理员：新建账户、停用与启用、重置密码') : t('安全管理员：为账户分配角色和所辖区划'),
        actions: can('users') ? h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'create-user', on: { click: () => createUser(roles, done) } }, icon('plus'), h('span', t('新建用户'))) : null,
      }),
      card(t('账户（{n}）', { n: users.length }), users.length ? table(cols, users, { rowData: (u) => ({ user: u.name }) }) : empty(t('没有账户')), { flush: true, name: 'users' }),
    ),
  );
}

export async function rolesView({ el, signal }) {
  mount(el, loading());
  const roles = await get('/api/roles', null, { signal });
  const cols = [
    { title: t('角色'), key: 'label', render: (r) => h('strong', r.label) },
    { title: t('代码'), key: 'code', cls: 'mono muted', render: (r) => r.code },
    { title: t('所辖区划'), key: 'div', render: (r) => (r.needs_division ? t('须指定（县、乡镇或村）') : t('不限（不接触农户数据）')) },
    { title: t('可以做什么'), key: 'caps', render: (r) => h('div', { class: 'chips' }, (r.capabilities || []).map((c) => h('span', { class: 'tag tag-soft' }, t(CAP_TEXT[c] || c)))) },
  ];
  mount(
    el,
    h(
      'div',
      { class: 'page page-roles' },
      pageHeader({ title: t('角色与权限'), subtitle: t('三员分立：系统管理员、安全管理员、审计管理员各司其职，均不能查看或修改农户数据') }),
      card(t('角色'), table(cols, roles), { flush: true, name: 'roles' }),
    ),
  );
}
