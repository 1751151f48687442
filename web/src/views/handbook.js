// handbook.js: a household's 扶贫手册 (/households/:no/handbook) and 明白卡 (/households/:no/card) as print
// views (GET /api/households/:no/handbook[?card=1]): the sections of DOMAIN.md §7.6 from the same records as
// every other screen — family, members (ID numbers masked as everywhere), the cadre, the measures by category
// with room for the head's signature, income by year (the card: K = L + M + N + P, S = K − R, T = S ÷ A), when
// it exited. The page prints on A4 without the application's frame.

import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { asOf, can, link } from '../state.js';
import { loading, icon } from '../ui.js';

const money = (v) => (v === null || v === undefined ? '' : Number(v).toFixed(2));

function sheet(title, ...body) {
  return h('section', { class: 'hb-section' }, h('h2', { class: 'hb-h2' }, title), body);
}

function grid(rows) {
  return h(
    'table',
    { class: 'hb-table hb-kv' },
    h(
      'tbody',
      rows.map((r) => h('tr', r.map((c, i) => (i % 2 === 0 ? h('th', c) : h('td', c))))),
    ),
  );
}

function list(cols, rows, cls) {
  return h(
    'table',
    { class: ['hb-table', cls] },
    h('thead', h('tr', cols.map((c) => h('th', { class: c.cls }, c.title)))),
    h(
      'tbody',
      rows.length ? rows.map((r) => h('tr', cols.map((c) => h('td', { class: c.cls }, c.render(r))))) : h('tr', h('td', { colspan: cols.length, class: 'hb-empty' }, t('无'))),
    ),
  );
}

function family(d) {
  const head = d.members.find((m) => m.relation === t('户主') || m.relation === '户主') || d.members[0];
  return grid([
    [t('户主姓名'), head ? head.name : '', t('户编号'), d.hh_no],
    [t('家庭住址'), [d.town ? d.town.name : '', d.village ? d.village.name : ''].join(''), t('家庭人口'), t('{n} 人', { n: d.members.length })],
    [t('贫困户属性'), d.attribute ? d.attribute.label : '', t('识别标准'), d.id_standard || ''],
    [t('主要致贫原因'), d.cause_main ? d.cause_main.label : '', t('其他致贫原因'), (d.cause_other || []).join(t('、'))],
    [t('当前状态'), d.status ? d.status.label : '', t('联系电话'), d.phone || ''],
  ]);
}

function members(d) {
  return list(
    [
      { title: t('姓名'), render: (m) => m.name },
      { title: t('与户主关系'), render: (m) => m.relation },
      { title: t('性别'), render: (m) => m.sex },
      { title: t('年龄'), cls: 'num', render: (m) => (m.age === null ? '' : String(m.age)) },
      { title: t('文化程度'), render: (m) => m.education },
      { title: t('劳动能力'), render: (m) => m.labor },
      { title: t('健康状况'), render: (m) => (m.health_withheld ? t('（已隐去）') : m.health) },
      { title: t('证件号码'), cls: 'mono', render: (m) => m.id_no },
      { title: t('医保'), render: (m) => (m.ins_medical ? '✓' : '') },
      { title: t('养老'), render: (m) => (m.ins_pension ? '✓' : '') },
      { title: t('低保'), render: (m) => (m.dibao ? '✓' : '') },
    ],
    d.members,
    'hb-members',
  );
}

function cadre(d) {
  const c = d.cadre;
  if (!c) return h('p', { class: 'hb-empty' }, t('未落实帮扶责任人'));
  return grid([
    [t('帮扶责任人'), c.name, t('职务'), c.post || ''],
    [t('工作单位'), c.unit || '', t('联系电话'), c.phone || ''],
  ]);
}

function measures(d) {
  if (!d.measures.length) return h('p', { class: 'hb-empty' }, t('无'));
  return d.measures.map((g) =>
    h(
      'div',
      { class: 'hb-cat', 'data-category': g.category },
      h('h3', { class: 'hb-h3' }, g.label),
      list(
        [
          { title: t('项目'), render: (x) => (x.health_withheld ? t('（已隐去）') : x.item || '') },
          { title: t('帮扶内容'), render: (x) => (x.health_withheld ? t('（已隐去）') : x.content || '') },
          { title: t('帮扶单位'), render: (x) => x.unit || '' },
          { title: t('时间'), cls: 'nowrap', render: (x) => x.date || String(x.year || '') },
          { title: t('金额（元）'), cls: 'num', render: (x) => money(x.amount) },
          { title: t('户主签名'), cls: 'hb-sign', render: (x) => (x.signed ? t('已签') : '') },
        ],
        g.items,
      ),
    ),
  );
}

function incomes(d, isCard) {
  if (!d.incomes.length) return h('p', { class: 'hb-empty' }, t('无'));
  return list(
    [
      { title: t('年度'), render: (x) => String(x.year) },
      { title: t('工资性 L'), cls: 'num', render: (x) => money(x.wage) },
      { title: t('生产经营性 M'), cls: 'num', render: (x) => money(x.business) },
      { title: t('财产性 N'), cls: 'num', render: (x) => money(x.property) },
      { title: t('转移性 P'), cls: 'num', render: (x) => money(x.transfer) },
      { title: t('总收入 K'), cls: 'num', render: (x) => money(x.total) },
      { title: t('经营支出 R'), cls: 'num', render: (x) => money(x.cost) },
      { title: t('纯收入 S'), cls: 'num', render: (x) => money(x.net) },
      { title: t('人口 A'), cls: 'num', render: (x) => (x.size ? String(x.size) : '') },
      { title: t('人均纯收入 T'), cls: 'num strong', render: (x) => money(x.net_pc) },
    ],
    d.incomes,
    isCard ? 'hb-income hb-income-card' : 'hb-income',
  );
}

function signatures() {
  return h(
    'div',
    { class: 'hb-signs' },
    [t('村党支部书记'), t('第一书记'), t('帮扶责任人'), t('户主')].map((w) => h('div', { class: 'hb-signline' }, h('span', w), h('span', { class: 'hb-line' }))),
  );
}

export async function handbookView({ el, params, query, signal }, isCard) {
  const timer = setTimeout(() => mount(el, loading()), 150);
  // the full view (numbers and health), as on the household page: asked, allowed and audited
  const full = !!query && query.get('full') === '1' && can('full_id');
  let d;
  try {
    d = await get(`/api/households/${encodeURIComponent(params.no)}/handbook`, { as_of: asOf(), card: isCard ? 1 : null, full: full ? 1 : null }, { signal });
  } finally {
    clearTimeout(timer);
  }
  const head = d.members.find((m) => m.relation === '户主' || m.relation === 'head') || d.members[0];
  const title = isCard ? t('{year} 年帮扶措施明白卡', { year: d.year }) : t('扶贫手册');
  const tools = h(
    'div',
    { class: 'hb-tools' },
    h('a', { class: 'btn', href: link(`/households/${d.hh_no}`) }, icon('back'), h('span', t('返回户页面'))),
    h('a', { class: 'btn', href: link(`/households/${d.hh_no}/${isCard ? 'handbook' : 'card'}`, full ? { full: 1 } : {}) }, icon('file'), h('span', isCard ? t('扶贫手册') : t('明白卡'))),
    can('full_id')
      ? full
        ? h('a', { class: 'btn', href: link(`/households/${d.hh_no}/${isCard ? 'card' : 'handbook'}`) }, icon('eye'), h('span', t('隐藏完整信息')))
        : h('a', { class: 'btn', 'data-action': 'full', href: link(`/households/${d.hh_no}/${isCard ? 'card' : 'handbook'}`, { full: 1 }), title: t('查看完整证件号码、电话、银行账号和健康状况会记入审计日志') }, icon('eye'), h('span', t('显示完整信息')))
      : null,
    h('button', { class: 'btn btn-primary', type: 'button', 'data-action': 'print', on: { click: () => window.print() } }, icon('file'), h('span', t('打印'))),
  );
  const sections = isCard
    ? [
        sheet(t('一、家庭基本情况'), family(d)),
        sheet(t('二、帮扶责任人'), cadre(d)),
        sheet(t('三、{year} 年享受的帮扶措施', { year: d.year }), measures(d)),
        sheet(t('四、家庭收入（K=L+M+N+P，S=K−R，T=S÷A）'), incomes(d, true)),
        signatures(),
      ]
    : [
        sheet(t('一、家庭基本情况'), family(d)),
        sheet(t('二、家庭成员'), members(d)),
        sheet(t('三、帮扶责任人'), cadre(d), d.pairings.length > 1
          ? h('p', { class: 'hb-note' }, t('帮扶责任人变更：'), d.pairings.map((p) => `${p.cadre ? p.cadre.name : ''}（${p.start_date}${t('至')}${p.end_date || t('今')}）`).join(t('；')))
          : null),
        sheet(t('四、帮扶措施（按类别）'), measures(d)),
        sheet(t('五、收入情况'), incomes(d, false)),
        sheet(t('六、走访记录'), list(
          [
            { title: t('日期'), cls: 'nowrap', render: (v) => v.visit_date },
            { title: t('走访人'), render: (v) => (v.cadre ? v.cadre.name : '') },
            { title: t('主题'), render: (v) => v.purpose || '' },
            { title: t('帮扶内容'), render: (v) => v.done || '' },
          ],
          d.visits.slice(0, 20),
        )),
        sheet(t('七、脱贫情况'), h('p', d.exited ? t('{date} 脱贫', { date: d.exited }) : t('尚未脱贫'))),
        signatures(),
      ];
  mount(
    el,
    h(
      'div',
      { class: ['page', 'page-handbook', isCard && 'is-card'], 'data-hh': d.hh_no },
      tools,
      h(
        'article',
        { class: 'hb-paper' },
        h('header', { class: 'hb-head' }, h('div', { class: 'hb-title' }, title), h('div', { class: 'hb-sub' }, [d.town ? d.town.name : '', d.village ? d.village.name : '', ' · ', head ? t('{name}户', { name: head.name }) : '', ' · ', t('户编号 {no}', { no: d.hh_no })].join(''))),
        sections,
        // what it is and what it hides, said as it is (a full view printed "numbers hidden" under whole numbers; the
        // card called itself 本手册)
        h('footer', { class: 'hb-foot', 'data-foot': '' }, full
          ? t(isCard ? '本卡内容与建档立卡信息系统一致，含完整的证件号码、电话、银行账号和健康状况，请妥善保管。' : '本手册内容与建档立卡信息系统一致，含完整的证件号码、电话、银行账号和健康状况，请妥善保管。')
          : t(isCard ? '本卡内容与建档立卡信息系统一致，证件号码、电话、银行账号和健康状况已按规定隐去。' : '本手册内容与建档立卡信息系统一致，证件号码、电话、银行账号和健康状况已按规定隐去。')),
      ),
    ),
  );
}

export const handbookPage = (ctx) => handbookView(ctx, false);
export const cardPage = (ctx) => handbookView(ctx, true);
