// fields.js: the registry's fields as the UI names them (the API's keys, see docs/openapi.yaml), with the code
// list each takes its values from, so a history entry "health: 01 → 02" reads "健康状况：健康 → 长期慢性病".

import { t } from './i18n.js';

export const FIELDS = {
  name: { label: '姓名' },
  id_no: { label: '证件号码' },
  sex: { label: '性别', list: 'sex' },
  relation: { label: '与户主关系', list: 'relation' },
  ethnicity: { label: '民族', list: 'ethnicity' },
  education: { label: '文化程度', list: 'education' },
  schooling: { label: '在校生状况', list: 'schooling' },
  health: { label: '健康状况', list: 'health' },
  labor: { label: '劳动技能', list: 'labor' },
  work_status: { label: '务工状况', list: 'work_status' },
  work_months: { label: '务工时间（月）' },
  ins_medical: { label: '城乡居民基本医疗保险', bool: true },
  ins_serious: { label: '大病保险', bool: true },
  ins_pension: { label: '城乡居民基本养老保险', bool: true },
  dibao: { label: '享受低保', bool: true },
  tekun: { label: '特困供养', bool: true },
  member_phone: { label: '成员联系电话' },
  phone: { label: '联系电话' },
  bank: { label: '开户银行' },
  bank_account: { label: '银行账号' },
  attribute: { label: '贫困户属性', list: 'attribute' },
  cause_main: { label: '主要致贫原因', list: 'cause' },
  cause_other: { label: '其他致贫原因', list: 'cause', multi: true },
  id_standard: { label: '识别标准', list: 'id_standard' },
  identified_ym: { label: '识别年月' },
  exit_year: { label: '脱贫年度' },
  status: { label: '贫困户状态', list: 'status' },
  effective: { label: '生效日期' },
  reason: { label: '原因' },
  batch: { label: '批次' },
  correction: { label: '是否更正' },
  target_hh_no: { label: '目标户编号' },
  hh_no: { label: '户编号' },
  village_code: { label: '村代码' },
  net_income_pc: { label: '人均纯收入' },
  birth: { label: '出生日期' },
};

export function fieldLabel(key) {
  const f = FIELDS[key];
  return f ? t(f.label) : key;
}

// A stored value of a field as words: codes through their list, 0/1 as 是/否, "01,02" as 因病、因残.
export function fieldValue(key, v, codes) {
  const f = FIELDS[key];
  if (v === null || v === undefined || v === '') return t('（空）');
  if (f && f.bool) return Number(v) ? t('是') : t('否');
  if (f && f.list && codes && codes[f.list]) {
    const find = (c) => (codes[f.list].find((x) => x.code === c) || {}).label || c;
    if (f.multi) return String(v).split(/[,，、]/).filter(Boolean).map(find).join(t('、'));
    return find(String(v));
  }
  if (key === 'identified_ym' && /^\d{6}$/.test(String(v))) return `${String(v).slice(0, 4)}-${String(v).slice(4)}`;
  return String(v);
}
