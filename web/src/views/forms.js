// forms.js: the dialogs that change the registry: register a household with its members (POST /api/households:
// 识别 or 补录), correct a member (PATCH /api/households/:no/members/:id), correct the household (PATCH
// /api/households/:no), add a member (POST .../members) and record a change event (POST .../events, only the
// types the household allows now). The server checks everything; its
// field errors (data.problems[].field) are shown next to the fields, and nothing is written until it accepts.

import { get, patch, post, put, ApiError } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { today } from '../format.js';
import { dialog, field, select, input, dateInput, showProblems, clearProblems, banner, busyButton, toast, icon } from '../ui.js';
import { fieldLabel } from '../fields.js';

// The finding a change fixes: household.js sets it while the page is opened from a finding (?finding=ID).
// Every change saved meanwhile names it; the server links the two in the change's transaction and checks the
// finding's rule again right after, so a finding the change fixed is closed before the answer.
let fixingId = null;
export function setFixing(id) {
  fixingId = id || null;
}
function withFinding(body) {
  if (fixingId) body.finding = fixingId;
  return body;
}

const MEMBER_SELECTS = ['sex', 'relation', 'ethnicity', 'education', 'schooling', 'health', 'labor', 'work_status'];
const MEMBER_BOOLS = ['ins_medical', 'ins_serious', 'ins_pension', 'dibao', 'tekun'];

function checkbox(name, checked) {
  const c = h('input', { type: 'checkbox', name, checked: !!checked, id: `f-${name}` });
  return h('div', { class: 'field field-check', 'data-field': name }, h('label', { class: 'check' }, c, h('span', fieldLabel(name))), h('div', { class: 'field-error', role: 'alert' }));
}

// Member inputs, filled from m (or empty). read() gives {key: value} of every input.
function memberInputs(m, cl, { withId }) {
  const ctl = {};
  const nodes = [];
  ctl.name = input(m ? m.name : '', { maxlength: 50 });
  nodes.push(field({ name: 'name', label: fieldLabel('name'), control: ctl.name, required: !m }));
  if (withId) {
    ctl.id_no = input('', { maxlength: 22, inputmode: 'text', placeholder: t('18 位居民身份证号码') });
    nodes.push(field({ name: 'id_no', label: fieldLabel('id_no'), control: ctl.id_no, required: true }));
  } else if (m) {
    // a correction of the number: typed in full (the page holds it masked); empty leaves it as it is
    ctl.id_no = input('', { maxlength: 22, inputmode: 'text', placeholder: m.id_no || '', autocomplete: 'off' });
    nodes.push(field({ name: 'id_no', label: fieldLabel('id_no'), control: ctl.id_no, hint: t('更正证件号码时填写完整的新号码（出生日期随之更正）；留空表示不修改') }));
  }
  for (const k of MEMBER_SELECTS) {
    // a masked health (the page not in its full view): blank is "unchanged", a choice corrects it
    const withheld = m && k === 'health' && m.health_withheld;
    const blank = !m && (k === 'relation' || k === 'sex') ? t('请选择') : withheld ? t('（已隐去，不修改）') : t('（无）');
    ctl[k] = select(cl[k] || [], m && m[k] ? m[k].code : '', { blank, name: k });
    nodes.push(field({ name: k, label: fieldLabel(k), control: ctl[k], required: !m && (k === 'relation' || k === 'sex'), hint: withheld ? t('健康状况已脱敏：不选表示不修改；显示完整信息后可见原值') : null }));
  }
  ctl.work_months = input(m && m.work_months ? String(m.work_months) : '', { inputmode: 'numeric', maxlength: 4 });
  nodes.push(field({ name: 'work_months', label: fieldLabel('work_months'), control: ctl.work_months }));
  ctl.member_phone = input('', { inputmode: 'tel', maxlength: 20, placeholder: m && m.phone ? m.phone : '' });
  nodes.push(field({ name: 'member_phone', label: fieldLabel('member_phone'), control: ctl.member_phone, hint: m && m.phone ? t('留空表示不修改') : null }));
  const checks = MEMBER_BOOLS.map((k) => checkbox(k, m ? m[k] : false));
  nodes.push(h('div', { class: 'field field-wide checks' }, h('div', { class: 'field-label' }, t('保障情况')), h('div', { class: 'check-row' }, checks)));
  const read = (form) => {
    const v = {};
    for (const [k, c] of Object.entries(ctl)) v[k] = c.value.trim();
    for (const k of MEMBER_BOOLS) v[k] = form.querySelector(`input[name="${k}"]`).checked;
    return v;
  };
  return { nodes, read, ctl };
}

function eventInputs(opts = {}) {
  const eff = dateInput(opts.effective || today(), { name: 'effective' });
  const reason = opts.reasonList ? select(opts.reasonList, opts.reason || '', { blank: t('请选择'), name: 'reason' }) : input('', { maxlength: 200, placeholder: opts.reasonHint || '' });
  const nodes = [
    field({ name: 'effective', label: fieldLabel('effective'), control: eff, required: true }),
    field({ name: 'reason', label: fieldLabel('reason'), control: reason, required: !!opts.reasonRequired }),
  ];
  let corr = null;
  if (opts.correction !== false) {
    corr = h('input', { type: 'checkbox', name: 'correction', id: 'f-correction' });
    nodes.push(
      h(
        'div',
        { class: 'field field-wide field-check', 'data-field': 'correction' },
        h('label', { class: 'check' }, corr, h('span', t('这是对以前记录的更正（生效日期早于该户最近一次变动时必须勾选并写明原因）'))),
        h('div', { class: 'field-error', role: 'alert' }),
      ),
    );
  }
  return { nodes, read: () => ({ effective: eff.value, reason: reason.value.trim(), correction: corr ? corr.checked : false }) };
}

// The batch a correction is recorded in (a campaign's name: its change report is that batch's).
function batchInput(value) {
  const ctl = input(value || '', { maxlength: 100, placeholder: t('例如：2018年托底清零') });
  return { node: field({ name: 'batch', label: fieldLabel('batch'), control: ctl }), read: () => ctl.value.trim() };
}

function problemsOf(err) {
  if (!(err instanceof ApiError)) return [{ field: '', message: t('请求失败') }];
  if (err.problems.length) return err.problems.filter((p) => !p.warning);
  return [{ field: err.field || '', message: err.code === 'network' ? t('无法连接服务器，请稍后重试。') : err.message }];
}

// A dialog with a form: build() gives the form's content, send(form) calls the API. On success: toast, close,
// done(); on refusal: field errors in place, the dialog stays open and nothing changed.
export function formDialog({ title, intro, content, send, okText, mapField, done, wide }) {
  const save = h('button', { class: 'btn btn-primary', type: 'submit', 'data-action': 'save' }, okText || t('保存'));
  const cancel = h('button', { class: 'btn', type: 'button' }, t('取消'));
  const form = h('form', { class: 'form', novalidate: true }, intro ? h('p', { class: 'form-intro' }, intro) : null, banner(), h('div', { class: 'form-grid' }, content));
  let dlg;
  const submit = busyButton(save, async () => {
    clearProblems(form);
    try {
      const res = await send(form);
      dlg.close();
      toast(t('已保存'));
      done(res);
    } catch (err) {
      showProblems(form, problemsOf(err), mapField);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  const footer = [cancel, save];
  save.setAttribute('form', 'dlg-form');
  form.id = 'dlg-form';
  dlg = dialog({ title, body: form, footer, wide });
  cancel.addEventListener('click', () => dlg.dismiss());
  return dlg;
}

// A change of head: what every other member becomes to the new head (memberId), proposed by the server (GET
// .../head-change: a son made the head, his parents 之父/之母, his wife 配偶, ...), one select each. Resolves to
// { former: the head there is (with its proposal) or null, node: the field (null when nobody else stays),
// changed(): the members whose relation changes, as other_relations }. A failed look-up lists nobody: the
// change itself still works, and the server says what is wrong on saving.
async function headChangePlan(hh, memberId, cl) {
  let plan = null;
  try {
    plan = await get(`/api/households/${encodeURIComponent(hh.hh_no)}/members/${memberId}/head-change`);
  } catch {
    plan = null;
  }
  const relations = cl.relation.filter((r) => r.code !== '01');
  const relLabel = (code) => (cl.relation.find((r) => r.code === code) || {}).label || code || t('（空）');
  // a member no rule places (one of two sons' wife, say) starts blank: the clerk chooses
  const others = (plan ? plan.members : []).filter((x) => !x.former_head).map((x) => ({ ...x, ctl: select(relations, x.suggested || '', { blank: t('请选择'), name: `other-relation-${x.id}` }) }));
  const list = h(
    'div',
    { class: 'relation-list' },
    others.map((o) => h('label', { class: 'relation-row' }, h('span', { class: 'relation-who' }, o.name, h('span', { class: 'muted' }, t('（现为{rel}）', { rel: relLabel(o.relation) }))), o.ctl)),
  );
  return {
    former: (plan ? plan.members : []).find((x) => x.former_head) || null,
    relations,
    node: others.length ? field({ name: 'other_relations', label: t('其他成员与新户主关系'), control: list, wide: true, hint: t('已按常见情形预填，请逐一核对；与原来不同的，各记为一条信息更正，与户主变更同日。') }) : null,
    changed: () => {
      const open = others.find((o) => !o.ctl.value);
      if (open) throw new ApiError(400, { code: 'required', field: 'other_relations', message: t('请选择{name}与新户主的关系', { name: open.name }) });
      return others.filter((o) => o.ctl.value !== o.relation).map((o) => ({ member_id: o.id, relation: o.ctl.value }));
    },
  };
}

// preset (from a finding's fix advice): the values the advice names (health, say), and batch (the campaign the
// finding belongs to, whose change report is that batch's).
export function editMemberDialog(hh, m, cl, done, preset = {}) {
  const mi = memberInputs(m, cl, { withId: false });
  for (const [k, v] of Object.entries(preset.values || {})) if (mi.ctl[k]) mi.ctl[k].value = v;
  const ev = eventInputs({ reasonHint: t('例如：入户核实后更正') });
  const batch = batchInput(preset.batch);
  // 户主变更 in one step: this member made the head while another member is; asked only then (the server
  // refuses without it), with what the head there was and every other member become (headChangePlan), sent
  // as former_head_relation and other_relations; the server checks the household's end state whole.
  const head = hh.members.find((x) => x.id !== m.id && x.relation && x.relation.code === '01');
  const formerBox = h('div', { class: 'field-wide', 'data-part': 'former-head', hidden: true });
  let former = null;
  let plan = null;
  let asked = 0;
  const showFormer = async () => {
    const mine = ++asked;
    if (!head || mi.ctl.relation.value !== '01') {
      formerBox.hidden = true;
      formerBox.replaceChildren();
      former = plan = null;
      return;
    }
    const p = await headChangePlan(hh, m.id, cl);
    if (mine !== asked) return;
    plan = p;
    const pick = p.former && p.former.suggested ? p.former.suggested : m.relation && m.relation.code === '02' ? '02' : '';
    former = select(p.relations, pick, { blank: t('请选择'), name: 'former_head_relation' });
    formerBox.replaceChildren(
      field({ name: 'former_head_relation', label: t('原户主改为'), control: former, required: true, hint: t('{name}现为户主。{new}改为户主的同时，{name}的与户主关系改为所选，记为其一条信息更正。', { name: head.name, new: m.name }) }),
      p.node,
    );
    formerBox.hidden = false;
  };
  mi.ctl.relation.addEventListener('change', showFormer);
  return formDialog({
    title: t('修改成员信息：{name}', { name: m.name }),
    intro: t('修改记为一条“信息更正”，保留修改前的内容（证件号码在历史中隐去中间位）。只提交改动过的项。'),
    content: [...mi.nodes, formerBox, ...ev.nodes, batch.node],
    wide: true,
    done,
    mapField: (f) => (f === 'new_id_no' || f === 'birth' ? 'id_no' : f),
    send: async (form) => {
      const v = mi.read(form);
      const body = {};
      const same = (k) => {
        if (MEMBER_BOOLS.includes(k)) return !!m[k] === v[k];
        if (MEMBER_SELECTS.includes(k)) return (m[k] ? m[k].code : '') === v[k];
        if (k === 'work_months') return String(m.work_months || '') === v[k] || (v[k] === '' && !m.work_months);
        if (k === 'member_phone' || k === 'id_no') return v[k] === '';
        return (m[k] ?? '') === v[k];
      };
      for (const k of Object.keys(v)) if (!same(k)) body[k] = v[k];
      if (!Object.keys(body).length) throw new ApiError(400, { code: 'nothing_to_fix', field: '', message: t('没有修改任何内容') });
      if (former) {
        if (!former.value) throw new ApiError(400, { code: 'required', field: 'former_head_relation', message: t('请选择原户主改为何种关系') });
        body.former_head_relation = former.value;
        const changed = plan ? plan.changed() : [];
        if (changed.length) body.other_relations = changed;
      }
      const e = ev.read();
      if (e.effective) body.effective = e.effective;
      if (e.correction) body.correction = true;
      if (e.reason) body.reason = e.reason;
      if (batch.read()) body.batch = batch.read();
      await patch(`/api/households/${encodeURIComponent(hh.hh_no)}/members/${m.id}`, withFinding(body));
    },
  });
}

export function addMemberDialog(hh, cl, done) {
  const mi = memberInputs(null, cl, { withId: true });
  const ev = eventInputs({ reasonList: cl.reason_add, reasonRequired: true });
  return formDialog({
    title: t('增加成员'),
    intro: t('记为一条“人员增加”。证件号码须为有效的居民身份证号码（或残疾人证号）。'),
    content: [...mi.nodes, ...ev.nodes],
    wide: true,
    done,
    send: async (form) => {
      const v = mi.read(form);
      const member = {};
      for (const [k, x] of Object.entries(v)) if (x !== '' && x !== false) member[k] = x;
      const e = ev.read();
      await post(`/api/households/${encodeURIComponent(hh.hh_no)}/members`, withFinding({ member, effective: e.effective, reason: e.reason, correction: e.correction }));
    },
  });
}

export function editHouseholdDialog(hh, cl, done, preset = {}) {
  const ctl = {
    attribute: select(cl.attribute, hh.attribute ? hh.attribute.code : '', { blank: t('（无）'), name: 'attribute' }),
    cause_main: select(cl.cause, hh.cause_main ? hh.cause_main.code : '', { blank: t('（无）'), name: 'cause_main' }),
    id_standard: select(cl.id_standard, hh.id_standard ? hh.id_standard.code : '', { blank: t('（无）'), name: 'id_standard' }),
    identified_ym: input(hh.identified_ym ? `${String(hh.identified_ym).slice(0, 4)}-${String(hh.identified_ym).slice(4)}` : '', { placeholder: 'YYYY-MM', maxlength: 7 }),
    exit_year: input(hh.exit_year ? String(hh.exit_year) : '', { inputmode: 'numeric', maxlength: 4 }),
    phone: input('', { inputmode: 'tel', maxlength: 20, placeholder: hh.phone || '' }),
    bank: input('', { maxlength: 64, placeholder: hh.bank || '' }),
    bank_account: input('', { inputmode: 'numeric', maxlength: 40, placeholder: hh.bank_account || '' }),
  };
  const others = new Set((hh.cause_other || []).map((c) => c.code));
  const otherBoxes = cl.cause.map((c) => h('label', { class: 'check check-chip' }, h('input', { type: 'checkbox', name: 'cause_other', value: c.code, checked: others.has(c.code) }), h('span', c.label)));
  const ev = eventInputs({ reasonHint: t('例如：入户核实后更正') });
  const batch = batchInput(preset.batch);
  const nodes = [
    field({ name: 'attribute', label: fieldLabel('attribute'), control: ctl.attribute }),
    field({ name: 'cause_main', label: fieldLabel('cause_main'), control: ctl.cause_main }),
    h('div', { class: 'field field-wide', 'data-field': 'cause_other' }, h('div', { class: 'field-label' }, fieldLabel('cause_other')), h('div', { class: 'check-row' }, otherBoxes), h('div', { class: 'field-error', role: 'alert' })),
    field({ name: 'id_standard', label: fieldLabel('id_standard'), control: ctl.id_standard }),
    field({ name: 'identified_ym', label: fieldLabel('identified_ym'), control: ctl.identified_ym }),
    field({ name: 'exit_year', label: fieldLabel('exit_year'), control: ctl.exit_year }),
    field({ name: 'phone', label: fieldLabel('phone'), control: ctl.phone, hint: hh.phone ? t('留空表示不修改') : null }),
    field({ name: 'bank', label: fieldLabel('bank'), control: ctl.bank, hint: hh.bank ? t('留空表示不修改') : null }),
    field({ name: 'bank_account', label: fieldLabel('bank_account'), control: ctl.bank_account, hint: hh.bank_account ? t('留空表示不修改') : null }),
    ...ev.nodes,
    batch.node,
  ];
  return formDialog({
    title: t('修改户信息'),
    intro: t('修改记为一条“信息更正”，保留修改前的内容。只提交改动过的项。'),
    content: nodes,
    wide: true,
    done,
    send: async (form) => {
      const body = {};
      const code = (x) => (x ? x.code : '');
      for (const k of ['attribute', 'cause_main', 'id_standard']) if (ctl[k].value !== code(hh[k])) body[k] = ctl[k].value;
      const ymWas = hh.identified_ym ? `${String(hh.identified_ym).slice(0, 4)}-${String(hh.identified_ym).slice(4)}` : '';
      if (ctl.identified_ym.value.trim() !== ymWas) body.identified_ym = ctl.identified_ym.value.trim();
      if (ctl.exit_year.value.trim() !== (hh.exit_year ? String(hh.exit_year) : '')) body.exit_year = ctl.exit_year.value.trim();
      for (const k of ['phone', 'bank', 'bank_account']) if (ctl[k].value.trim()) body[k] = ctl[k].value.trim();
      const chosen = [...form.querySelectorAll('input[name="cause_other"]:checked')].map((c) => c.value);
      const was = [...others].sort().join(',');
      if (chosen.slice().sort().join(',') !== was) body.cause_other = chosen;
      if (!Object.keys(body).length) throw new ApiError(400, { code: 'nothing_to_fix', field: '', message: t('没有修改任何内容') });
      if (body.exit_year !== undefined && /^\d+$/.test(body.exit_year)) body.exit_year = Number(body.exit_year);
      const e = ev.read();
      if (e.effective) body.effective = e.effective;
      if (e.correction) body.correction = true;
      if (e.reason) body.reason = e.reason;
      if (batch.read()) body.batch = batch.read();
      await patch(`/api/households/${encodeURIComponent(hh.hh_no)}`, withFinding(body));
    },
  });
}

const MEMBER_EVENTS = ['member_remove', 'split', 'merge'];

// preset (from a finding's fix advice): {type, member_id, reason, effective} for that type only, and batch
// (the campaign the finding belongs to, whose change report is that batch's) for any.
export function eventDialog(hh, cl, allowed, done, preset = {}) {
  const first = allowed.some((e) => e.type === preset.type) ? preset.type : allowed[0].type;
  const typeSel = select(allowed.map((e) => ({ code: e.type, label: e.label })), first, { name: 'type' });
  const extra = h('div', { class: 'form-grid form-subgrid' });
  let current = null;
  const build = () => {
    const type = typeSel.value;
    const nodes = [];
    const ctl = {};
    if (MEMBER_EVENTS.includes(type)) {
      const pick = type === preset.type && preset.member_id ? String(preset.member_id) : '';
      ctl.member_id = select(hh.members.map((m) => ({ code: String(m.id), label: `${m.name}（${m.relation ? m.relation.label : ''}）` })), pick, { blank: t('请选择'), name: 'member_id' });
      nodes.push(field({ name: 'member_id', label: t('成员'), control: ctl.member_id, required: true }));
    }
    if (type === 'member_remove') {
      // the head leaves while others stay: who becomes the head (asked only then; the server refuses without),
      // and what the others become to the new head (headChangePlan, sent as other_relations)
      const headBox = h('div', { class: 'field-wide', 'data-part': 'new-head', hidden: true });
      const relBox = h('div', { 'data-part': 'new-head-relations' });
      let asked = 0;
      const showRelations = async () => {
        const mine = ++asked;
        ctl.plan = null;
        relBox.replaceChildren();
        if (!ctl.new_head_id || !ctl.new_head_id.value) return;
        const p = await headChangePlan(hh, ctl.new_head_id.value, cl);
        if (mine !== asked) return;
        ctl.plan = p;
        relBox.replaceChildren(...(p.node ? [p.node] : []));
      };
      const showHead = () => {
        const who = hh.members.find((m) => String(m.id) === ctl.member_id.value);
        const others = hh.members.filter((m) => String(m.id) !== ctl.member_id.value);
        asked++;
        ctl.plan = null;
        if (!who || !who.relation || who.relation.code !== '01' || !others.length) {
          headBox.hidden = true;
          headBox.replaceChildren();
          ctl.new_head_id = null;
          return;
        }
        ctl.new_head_id = select(others.map((m) => ({ code: String(m.id), label: `${m.name}（${m.relation ? m.relation.label : ''}）` })), '', { blank: t('请选择'), name: 'new_head_id' });
        ctl.new_head_id.addEventListener('change', showRelations);
        relBox.replaceChildren();
        headBox.replaceChildren(field({ name: 'new_head_id', label: t('新户主'), control: ctl.new_head_id, required: true, hint: t('{name}是户主，减少后由谁担任户主？记为该成员的一条信息更正（与户主关系改为户主）。', { name: who.name }) }), relBox);
        headBox.hidden = false;
      };
      ctl.member_id.addEventListener('change', showHead);
      nodes.push(headBox);
      showHead();
    }
    if (type === 'split' || type === 'merge') {
      ctl.target_hh_no = input('', { maxlength: 30, placeholder: type === 'split' ? t('新户的户编号') : t('并入户的户编号') });
      nodes.push(field({ name: 'target_hh_no', label: fieldLabel('target_hh_no'), control: ctl.target_hh_no, required: true }));
      ctl.relation = select(cl.relation, '', { blank: t('请选择'), name: 'relation' });
      nodes.push(field({ name: 'relation', label: t('在目标户中与户主关系'), control: ctl.relation, required: true }));
    }
    const mine = type === preset.type;
    const ev = eventInputs({
      reasonList: type === 'member_remove' ? cl.reason_remove : null,
      reasonRequired: type === 'member_remove' || type === 'return',
      reason: mine ? preset.reason : '',
      effective: mine ? preset.effective : '',
    });
    ctl.batch = input(preset.batch || '', { maxlength: 100, placeholder: t('例如：2018年动态调整') });
    nodes.push(...ev.nodes, field({ name: 'batch', label: fieldLabel('batch'), control: ctl.batch }));
    extra.replaceChildren(...nodes);
    current = { ctl, ev };
  };
  typeSel.addEventListener('change', build);
  build();
  return formDialog({
    title: t('记录变动'),
    intro: t('只列出该户当前状态下允许的变动。生效日期早于最近一次变动的，须标为更正并写明原因。'),
    content: [field({ name: 'type', label: t('变动类型'), control: typeSel, required: true, wide: true }), h('div', { class: 'field-wide' }, extra)],
    okText: t('记录'),
    wide: true,
    done,
    mapField: (f) => (f === 'id_no' && current.ctl.member_id ? 'member_id' : f === 'new_head' ? 'new_head_id' : f === 'hh_no' ? '' : f),
    send: async () => {
      const { ctl, ev } = current;
      const e = ev.read();
      const body = { type: typeSel.value, effective: e.effective };
      if (e.reason) body.reason = e.reason;
      if (e.correction) body.correction = true;
      if (ctl.batch.value.trim()) body.batch = ctl.batch.value.trim();
      if (ctl.member_id) {
        if (!ctl.member_id.value) throw new ApiError(400, { code: 'required', field: 'member_id', message: t('请选择成员') });
        body.member_id = Number(ctl.member_id.value);
      }
      if (ctl.new_head_id) {
        if (!ctl.new_head_id.value) throw new ApiError(400, { code: 'required', field: 'new_head_id', message: t('请选择新户主') });
        body.new_head_id = Number(ctl.new_head_id.value);
        const changed = ctl.plan ? ctl.plan.changed() : [];
        if (changed.length) body.other_relations = changed;
      }
      if (ctl.target_hh_no) body.target_hh_no = ctl.target_hh_no.value.trim();
      if (ctl.relation && ctl.relation.value) body.relation = ctl.relation.value;
      await post(`/api/households/${encodeURIComponent(hh.hh_no)}/events`, withFinding(body));
    },
  });
}

// A village of the user's divisions: one select per level below the user's own (towns, then villages), each
// filled from GET /api/divisions[/:code] when the level above is chosen. value() is the village's code or ''.
function villagePicker(onVillage = () => {}) {
  const box = h('div', { class: 'village-picker' });
  let village = '';
  const level = async (code, depth) => {
    const d = await get(code ? `/api/divisions/${encodeURIComponent(code)}` : '/api/divisions');
    while (box.children.length > depth) box.lastChild.remove();
    if (d.division.level === 'village') {
      village = d.division.code;
      onVillage(village);
      if (!depth) box.append(h('div', { class: 'input input-static' }, d.division.name));
      return;
    }
    const sel = select(d.rows.map((r) => ({ code: r.code, label: r.name })), '', { blank: t('请选择'), name: depth ? 'village_code' : 'division_0' });
    sel.dataset.level = d.rows[0] ? d.rows[0].level : '';
    sel.addEventListener('change', () => {
      village = '';
      onVillage('');
      while (box.children.length > depth + 1) box.lastChild.remove();
      if (!sel.value) return;
      if (sel.dataset.level === 'village') {
        village = sel.value;
        onVillage(village);
      } else level(sel.value, depth + 1);
    });
    box.append(sel);
  };
  const ready = level('', 0);
  return { el: box, ready, value: () => village };
}

const NEW_MEMBER_SELECTS = ['relation', 'sex', 'health', 'labor', 'education'];

// Register a household (新识别, or 补录 of one wrongly left out): its village, 户编号, the household fields, the
// date and its members, as one request; the server checks it like a sheet's rows (every problem at once, by
// field: "members[1].id_no"). done({hh_no}) after it is written.
// With proposal (require_review on, a data role): the same form opens a 新识别 / 应纳未纳 proposal that carries
// the household (POST /api/proposals, new_household); nothing enters the registry before 公告, and done(proposal)
// after it is opened.
export async function newHouseholdDialog(cl, done, { proposal = false } = {}) {
  // the village chosen: its next 户编号 (the village's code and the next 4-digit number) is filled in, unless
  // the clerk typed another; the hint says where it comes from
  let proposed = '';
  const hhHint = h('span', { 'data-part': 'hh-no-hint' });
  const propose = async (code) => {
    if (!code) {
      hhHint.textContent = '';
      return;
    }
    try {
      const d = await get(`/api/divisions/${encodeURIComponent(code)}/next-hh-no`);
      if (picker.value() !== code) return;
      const typed = ctl.hh_no.value.trim();
      if (!typed || typed === proposed) ctl.hh_no.value = d.hh_no;
      proposed = d.hh_no;
      hhHint.textContent = d.last
        ? t('按{village}的村代码顺延（该村已有 {n} 户按此编号，最后一户为 {last}），可修改', { village: d.village.name, n: d.count, last: d.last })
        : t('{village}的村代码加 4 位顺序号，可修改', { village: d.village.name });
    } catch {
      hhHint.textContent = '';
    }
  };
  let ctl = null;
  const picker = villagePicker((code) => ctl && propose(code));
  await picker.ready;
  ctl = {
    hh_no: input('', { maxlength: 32, placeholder: t('例如：3713990101') }),
    event: select(cl.event.filter((e) => e.code === 'identify' || e.code === 'include_missed'), 'identify', { name: 'event' }),
    attribute: select(cl.attribute, '', { blank: t('请选择'), name: 'attribute' }),
    cause_main: select(cl.cause, '', { blank: t('请选择'), name: 'cause_main' }),
    phone: input('', { inputmode: 'tel', maxlength: 20 }),
    bank: input('', { maxlength: 64 }),
    bank_account: input('', { inputmode: 'numeric', maxlength: 40 }),
    net_income_pc: input('', { inputmode: 'decimal', maxlength: 12, placeholder: t('元/人·年') }),
    batch: input('', { maxlength: 100, placeholder: t('例如：2018年托底清零') }),
  };
  const eff = dateInput(today(), { name: proposal ? 'date' : 'effective' });
  const reason = input('', { name: 'reason', maxlength: 200, placeholder: t('例如：因病致贫，农户书面申请') });
  const list = h('div', { class: 'member-rows' });
  const renumber = () => {
    [...list.children].forEach((row, i) => {
      row.querySelector('.member-row-no').textContent = t('成员 {n}', { n: i + 1 });
      for (const f of row.querySelectorAll('[data-field]')) f.dataset.field = f.dataset.field.replace(/^members\[\d+\]/, `members[${i}]`);
      row.querySelector('[data-action="remove-member"]').hidden = list.children.length === 1;
    });
  };
  const addRow = () => {
    const i = list.children.length;
    const c = {
      name: input('', { maxlength: 50 }),
      id_no: input('', { maxlength: 22, placeholder: t('18 位居民身份证号码') }),
    };
    for (const k of NEW_MEMBER_SELECTS) {
      const required = k === 'relation' || k === 'sex';
      c[k] = select(cl[k] || [], i === 0 && k === 'relation' ? (cl.relation.find((r) => r.code === '01') || {}).code || '' : '', { blank: required ? t('请选择') : t('（无）'), name: `m-${k}` });
    }
    const f = (k, required) => field({ name: `members[${i}].${k}`, label: fieldLabel(k), control: c[k], required });
    const remove = h('button', { class: 'btn btn-sm btn-ghost', type: 'button', 'data-action': 'remove-member' }, icon('x'), h('span', t('删除')));
    const row = h(
      'fieldset',
      { class: 'member-row', 'data-member-row': '' },
      h('legend', h('span', { class: 'member-row-no' }), remove),
      h('div', { class: 'form-grid form-grid-3' }, f('name', true), f('id_no', true), f('relation', true), f('sex', true), f('health'), f('labor'), f('education')),
    );
    row._read = () => {
      const m = {};
      for (const [k, x] of Object.entries(c)) if (x.value.trim()) m[k] = x.value.trim();
      return m;
    };
    remove.addEventListener('click', () => {
      row.remove();
      renumber();
      // the members' messages were about the rows as numbered before (a second spouse, a duplicate number)
      for (const b of list.querySelectorAll('.has-error')) {
        b.classList.remove('has-error');
        const err = b.querySelector('.field-error');
        if (err) err.textContent = '';
      }
    });
    list.append(row);
    renumber();
  };
  addRow();
  const more = h('button', { class: 'btn btn-sm', type: 'button', 'data-action': 'add-member-row', on: { click: addRow } }, icon('plus'), h('span', t('再加一名成员')));
  const content = [
    field({ name: 'village_code', label: t('所在村'), control: picker.el, required: true, wide: true }),
    field({ name: 'hh_no', label: fieldLabel('hh_no'), control: ctl.hh_no, required: true, hint: hhHint }),
    field({ name: 'event', label: t('登记方式'), control: ctl.event, required: true }),
    field({ name: proposal ? 'date' : 'effective', label: proposal ? t('提出日期') : t('识别日期（生效日期）'), control: eff, required: true }),
    proposal ? field({ name: 'reason', label: t('理由'), control: reason, wide: true }) : null,
    field({ name: 'attribute', label: fieldLabel('attribute'), control: ctl.attribute }),
    field({ name: 'cause_main', label: fieldLabel('cause_main'), control: ctl.cause_main }),
    field({ name: 'net_income_pc', label: t('人均纯收入（元）'), control: ctl.net_income_pc }),
    field({ name: 'phone', label: fieldLabel('phone'), control: ctl.phone }),
    field({ name: 'bank', label: fieldLabel('bank'), control: ctl.bank }),
    field({ name: 'bank_account', label: fieldLabel('bank_account'), control: ctl.bank_account }),
    field({ name: 'batch', label: fieldLabel('batch'), control: ctl.batch }),
    h('div', { class: 'field-wide members-block' }, h('div', { class: 'field-label' }, t('家庭成员')), list, more),
  ];
  if (picker.value()) propose(picker.value());
  if (proposal)
    return formDialog({
      title: t('提出新识别申请'),
      intro: t('拟纳入的农户及其成员随申请经入户核实、民主评议、村内公示、乡镇审核、县级审定，公告后才记入建档立卡；未通过则不登记。服务器按与导入名单相同的规则检查，有误时在对应项下列出。'),
      content: content.filter(Boolean),
      okText: t('提出申请'),
      wide: true,
      done,
      mapField: (f) => (f === 'household' ? 'hh_no' : f.replace(/^new_household\.?/, '') || 'hh_no'),
      send: async () => {
        const hhBody = { village_code: picker.value(), hh_no: ctl.hh_no.value.trim() };
        for (const k of ['attribute', 'cause_main', 'phone', 'bank', 'bank_account', 'net_income_pc']) if (ctl[k].value.trim()) hhBody[k] = ctl[k].value.trim();
        hhBody.members = [...list.children].map((row) => row._read());
        const body = { type: ctl.event.value, household: hhBody.hh_no, date: eff.value, new_household: hhBody };
        if (reason.value.trim()) body.reason = reason.value.trim();
        if (ctl.batch.value.trim()) body.batch = ctl.batch.value.trim();
        return post('/api/proposals', body);
      },
    });
  return formDialog({
    title: t('新建农户'),
    intro: t('登记一户及其成员，记为一条“识别”（或“补录”）。服务器按与导入名单相同的规则检查，有误时在对应项下列出，且不写入。'),
    content: content.filter(Boolean),
    okText: t('登记'),
    wide: true,
    done,
    mapField: (f) => (f === 'village' ? 'village_code' : f),
    send: async () => {
      const body = { village_code: picker.value(), hh_no: ctl.hh_no.value.trim(), effective: eff.value, event: ctl.event.value };
      for (const k of ['attribute', 'cause_main', 'phone', 'bank', 'bank_account', 'net_income_pc', 'batch']) if (ctl[k].value.trim()) body[k] = ctl[k].value.trim();
      body.members = [...list.children].map((row) => row._read());
      const res = await post('/api/households', body);
      return res;
    },
  });
}

// The yearly income survey of one household (PUT /api/households/:no/incomes/:year): the items in yuan, the
// household size (empty: the members at the end of that year), and 人均纯收入 worked out as the clerk types.
// A year already recorded is filled in; saving it again is a correction, and the former values stay in the
// year's history.
export function incomeDialog(hh, done) {
  const year = String(Number(today().slice(0, 4)) - 1);
  const items = ['wage', 'business', 'property', 'transfer', 'business_cost'];
  const labels = { wage: t('工资性收入'), business: t('生产经营性收入'), property: t('财产性收入'), transfer: t('转移性收入'), business_cost: t('生产经营性支出') };
  const ctl = { year: input(year, { inputmode: 'numeric', maxlength: 4, name: 'year' }) };
  for (const k of items) ctl[k] = input('', { inputmode: 'decimal', maxlength: 14, placeholder: t('元'), name: k });
  ctl.size = input('', { inputmode: 'numeric', maxlength: 2, name: 'size', placeholder: String(hh.members.length) });
  ctl.reason = input('', { maxlength: 200, name: 'reason', placeholder: t('更正已录入的年度时写明原因') });
  const result = h('div', { class: 'income-result', 'data-part': 'income-result', 'aria-live': 'polite' });
  const fill = () => {
    const r = hh.incomes.find((x) => String(x.year) === ctl.year.value.trim());
    for (const k of items) ctl[k].value = r && r[k] !== null ? r[k] : '';
    ctl.size.value = r && r.size ? String(r.size) : '';
    compute();
  };
  // an amount as the server takes it (yuan, at most two decimals, not negative): anything else leaves the preview
  // out (it added "-50" in)
  const num = (v) => (v.trim() === '' ? 0 : /^\d+(\.\d{1,2})?$/.test(v.trim()) ? Number(v.trim()) : NaN);
  const compute = () => {
    const total = num(ctl.wage.value) + num(ctl.business.value) + num(ctl.property.value) + num(ctl.transfer.value);
    const net = total - num(ctl.business_cost.value);
    const size = Number(ctl.size.value.trim() || hh.members.length) || 0;
    const ok = [total, net].every(Number.isFinite) && size > 0;
    result.replaceChildren(
      ok
        ? h('span', t('年收入 {total} 元，纯收入 {net} 元，人均纯收入约 {pc} 元（{n} 人）', { total: total.toFixed(2), net: net.toFixed(2), pc: (net / size).toFixed(2), n: size }))
        : h('span', { class: 'muted' }, t('填写各项收入后显示人均纯收入')),
    );
  };
  for (const k of [...items, 'size']) ctl[k].addEventListener('input', compute);
  ctl.year.addEventListener('change', fill);
  fill();
  const nodes = [
    field({ name: 'year', label: t('收入年度'), control: ctl.year, required: true }),
    field({ name: 'size', label: t('家庭人口'), control: ctl.size, hint: t('留空则按该年底的成员人数计') }),
    ...items.map((k) => field({ name: k, label: labels[k], control: ctl[k] })),
    field({ name: 'reason', label: fieldLabel('reason'), control: ctl.reason }),
    h('div', { class: 'field field-wide' }, result),
  ];
  return formDialog({
    title: t('录入收入：{no}', { no: hh.hh_no }),
    intro: t('按年度录入收入调查（元）。人均纯收入 =（工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出）÷ 家庭人口。修改已录入的年度会保留原来的数值。'),
    content: nodes,
    wide: true,
    done,
    mapField: (f) => (f === 'net_income_pc' ? 'wage' : f === '' ? 'wage' : f),
    send: async () => {
      const y = ctl.year.value.trim();
      const body = {};
      for (const k of items) if (ctl[k].value.trim() !== '') body[k] = ctl[k].value.trim();
      if (ctl.size.value.trim()) body.size = Number(ctl.size.value.trim());
      if (ctl.reason.value.trim()) body.reason = ctl.reason.value.trim();
      if (!/^\d{4}$/.test(y)) throw new ApiError(400, { code: 'bad_year', field: 'year', message: t('请填写四位年度') });
      return put(`/api/households/${encodeURIComponent(hh.hh_no)}/incomes/${y}`, body);
    },
  });
}
