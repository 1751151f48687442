// notfound.js: an address that leads nowhere — or to a record outside the user's divisions, which the API
// answers exactly as if it did not exist (404), so this page says no more than that.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { icon } from '../ui.js';

export function notFoundView() {
  return h(
    'div',
    { class: 'page page-404', 'data-page': 'not-found' },
    h(
      'div',
      { class: 'state state-404' },
      h('div', { class: 'big-404', 'aria-hidden': 'true' }, '404'),
      h('h1', { class: 'state-title' }, t('页面不存在')),
      h('p', { class: 'state-hint' }, t('您要找的页面不存在，或不在您的管辖范围内。')),
      h('a', { class: 'btn btn-primary', href: '/' }, icon('home'), h('span', t('回到首页'))),
    ),
  );
}
