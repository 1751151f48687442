// login.js: the login page (POST /api/login) and the first-login password change (POST /api/me/password).

import { post, ApiError } from '../api.js';
import { h } from '../dom.js';
import { t, getLang, setLang } from '../i18n.js';
import { icon, busyButton } from '../ui.js';

function langLinks(render) {
  const mk = (l, text) =>
    h(
      'button',
      {
        type: 'button',
        class: ['link-btn', getLang() === l && 'active'],
        'data-lang': l,
        on: {
          click: () => {
            setLang(l);
            render();
          },
        },
      },
      text,
    );
  return h('div', { class: 'login-lang' }, icon('globe'), mk('zh', '中文'), h('span', { class: 'sep' }, '|'), mk('en', 'English'));
}

function frame(render, ...content) {
  return h(
    'div',
    { class: 'login-page' },
    h(
      'div',
      { class: 'login-aside' },
      h(
        'div',
        { class: 'login-aside-inner' },
        h('div', { class: 'login-mark', 'aria-hidden': 'true' }, icon('event')),
        h('div', { class: 'login-product' }, t('脱贫')),
        h('div', { class: 'login-product-sub' }, t('精准扶贫建档立卡信息系统')),
        h(
          'ul',
          { class: 'login-points' },
          h('li', t('建档立卡户、人员及全部变动历史')),
          h('li', t('任意日期的“N户M人”统计，县、乡、村逐级查看')),
          h('li', t('导入前逐行检查，全部正确才写入')),
        ),
      ),
    ),
    h('div', { class: 'login-main' }, h('div', { class: 'login-card' }, ...content), langLinks(render)),
  );
}

export function loginView({ next, expired, changed, user, onLogin, render }) {
  const name = h('input', { class: 'input input-lg', name: 'name', autocomplete: 'username', required: true, autofocus: !changed, maxlength: 64 });
  if (changed && user) name.value = user;
  const pw = h('input', { class: 'input input-lg', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 256 });
  const msg = h('div', { class: 'login-error', role: 'alert', hidden: true });
  const btn = h('button', { class: 'btn btn-primary btn-block btn-lg', type: 'submit' }, t('登录'));
  const submit = busyButton(btn, async () => {
    msg.hidden = true;
    try {
      const data = await post('/api/login', { name: name.value.trim(), password: pw.value });
      onLogin(data, next);
    } catch (err) {
      msg.hidden = false;
      msg.textContent = err instanceof ApiError && err.code !== 'network' ? err.message : t('无法连接服务器，请稍后重试。');
      pw.value = '';
      pw.focus();
    }
  });
  const form = h(
    'form',
    { class: 'login-form', on: { submit: (e) => { e.preventDefault(); submit(); } } },
    h('h1', { class: 'login-title' }, t('登录')),
    expired ? h('div', { class: 'login-note' }, icon('info'), h('span', t('登录已过期，请重新登录；登录后回到刚才的页面。'))) : null,
    // after the first login's change: said, and the name kept (it came back to an empty form without a word)
    changed ? h('div', { class: 'login-note login-note-ok', 'data-part': 'password-changed' }, icon('check'), h('span', t('密码已修改，请用新密码登录。'))) : null,
    h('label', { class: 'field-label', for: 'login-name' }, t('用户名')),
    Object.assign(name, { id: 'login-name' }),
    h('label', { class: 'field-label', for: 'login-password' }, t('密码')),
    Object.assign(pw, { id: 'login-password', autofocus: !!changed }),
    msg,
    btn,
    h('p', { class: 'login-help' }, t('首次登录或忘记密码：请分别向系统管理员和安全管理员当面领取一次性码的两段，连起来作为密码输入。')),
  );
  return frame(render, form);
}

export function passwordView({ navigate, next, user, render }) {
  const oldPw = h('input', { class: 'input input-lg', id: 'pw-old', type: 'password', autocomplete: 'current-password', required: true });
  const newPw = h('input', { class: 'input input-lg', id: 'pw-new', type: 'password', autocomplete: 'new-password', required: true });
  const again = h('input', { class: 'input input-lg', id: 'pw-again', type: 'password', autocomplete: 'new-password', required: true });
  const msg = h('div', { class: 'login-error', role: 'alert', hidden: true });
  const btn = h('button', { class: 'btn btn-primary btn-block btn-lg', type: 'submit' }, t('修改密码'));
  const submit = busyButton(btn, async () => {
    msg.hidden = true;
    if (newPw.value !== again.value) {
      msg.hidden = false;
      msg.textContent = t('两次输入的新密码不一致。');
      return;
    }
    try {
      await post('/api/me/password', { old_password: oldPw.value, new_password: newPw.value });
      navigate('/login?' + new URLSearchParams({ next, changed: '1', user: user || '' }), { replace: true });
    } catch (err) {
      msg.hidden = false;
      msg.textContent = err.message || t('请求失败');
    }
  });
  return frame(
    render,
    h(
      'form',
      { class: 'login-form', on: { submit: (e) => { e.preventDefault(); submit(); } } },
      h('h1', { class: 'login-title' }, t('请设置您自己的密码')),
      h('p', { class: 'login-help' }, t('新密码至少 12 个字符，长度比复杂度更重要：可以用一句只有您知道的话（中文也可以）。不能是常见密码、常见词加数字、键盘顺序或纯数字，不能含用户名，也不能与原密码相同。')),
      h('label', { class: 'field-label', for: 'pw-old' }, t('当前密码或一次性码')),
      oldPw,
      h('label', { class: 'field-label', for: 'pw-new' }, t('新密码')),
      newPw,
      h('label', { class: 'field-label', for: 'pw-again' }, t('再次输入新密码')),
      again,
      msg,
      btn,
      // another person's account, or the wrong one: back to the login (the page had no way out)
      h(
        'p',
        { class: 'login-help' },
        h('a', { href: '/login', 'data-action': 'logout', on: { click: async (e) => {
          e.preventDefault();
          try {
            await post('/api/logout', {}, { noRedirect: true });
          } catch {
            /* gone already */
          }
          navigate('/login', { replace: true });
        } } }, t('退出，换一个账户登录')),
      ),
    ),
  );
}
