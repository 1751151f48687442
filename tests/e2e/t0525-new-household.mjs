// Registering a household from the household list: the village chosen town first, members added and
// removed, a refused form showing each problem under its field (the ID number of member 1, the sex of
// member 2, the bank account) with nothing written, then the corrected form registering it and opening its
// page, the bank account masked there. A village clerk's form has her own village fixed.
// users: county clerk
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const dlg = 'dialog[open]';
const memberField = (i, k) => `${dlg} [data-field="members[${i}].${k}"]`;

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/households' });
  await settle(page);
  await page.click('[data-action="new-household"]');
  await page.waitForSelector(`${dlg} .member-row`);

  // the village: 东岭镇, then its villages
  assert.deepEqual(await page.$$eval(`${dlg} select[name="division_0"] option`, (os) => os.map((o) => o.textContent)), ['请选择', '东岭镇', '西山镇']);
  await page.selectOption(`${dlg} select[name="division_0"]`, { label: '东岭镇' });
  await page.waitForSelector(`${dlg} select[name="village_code"]`);
  assert.deepEqual(await page.$$eval(`${dlg} select[name="village_code"] option`, (os) => os.map((o) => o.textContent)), ['请选择', '东岭村', '西岭村']);
  await page.selectOption(`${dlg} select[name="village_code"]`, { label: '西岭村' });
  await page.fill(`${dlg} [data-field="hh_no"] input`, '3713990010');
  await page.selectOption(`${dlg} select[name="attribute"]`, { label: '一般贫困户' });
  await page.selectOption(`${dlg} select[name="cause_main"]`, { label: '因病' });
  await page.fill(`${dlg} [data-field="net_income_pc"] input`, '2100.00');
  // the bank card, the account with a letter in it
  await page.fill(`${dlg} [data-field="bank"] input`, '临港农商银行');
  assert.equal(await page.getAttribute(`${dlg} [data-field="bank_account"] input`, 'inputmode'), 'numeric');
  await page.fill(`${dlg} [data-field="bank_account"] input`, '6217 0000 12X');

  // member 1 is the head by default, and cannot be removed while it is the only one; a wrong check digit
  assert.equal(await page.$eval(`${memberField(0, 'relation')} select`, (s) => s.selectedOptions[0].textContent), '户主');
  assert.equal(await page.locator(`${dlg} .member-row [data-action="remove-member"]`).isVisible(), false, 'the only row has no 删除');
  await page.fill(`${memberField(0, 'name')} input`, '冯建');
  await page.fill(`${memberField(0, 'id_no')} input`, '371399197803030015');
  await page.selectOption(`${memberField(0, 'sex')} select`, { label: '男' });
  // three more rows, the second removed again: the last becomes member 3, then 2 after a removal
  await page.click(`${dlg} [data-action="add-member-row"]`);
  await page.click(`${dlg} [data-action="add-member-row"]`);
  await page.click(`${dlg} [data-action="add-member-row"]`);
  assert.equal(await page.locator(`${dlg} .member-row`).count(), 4);
  await page.click(`${dlg} .member-row:nth-of-type(2) [data-action="remove-member"]`);
  await page.click(`${dlg} .member-row:nth-of-type(3) [data-action="remove-member"]`);
  assert.deepEqual(await page.$$eval(`${dlg} .member-row-no`, (xs) => xs.map((x) => x.textContent)), ['成员 1', '成员 2']);
  // member 2 without a sex
  await page.fill(`${memberField(1, 'name')} input`, '秦梅');
  await page.fill(`${memberField(1, 'id_no')} input`, '371399198004040026');
  await page.selectOption(`${memberField(1, 'relation')} select`, { label: '配偶' });
  await page.selectOption(`${memberField(1, 'health')} select`, { label: '残疾' });
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector(`${memberField(0, 'id_no')}.has-error`);
  await page.waitForSelector(`${memberField(1, 'sex')}.has-error`);
  assert.equal(await text(page, `${memberField(0, 'id_no')} .field-error`), '证件号码校验位错误：应为 4');
  assert.equal(await text(page, `${memberField(1, 'sex')} .field-error`), '必填项为空');
  assert.equal(await text(page, `${dlg} [data-field="bank_account"] .field-error`), '“6217 0000 12X”不是有效银行账号（应为8至32位数字）');
  assert.equal(await page.locator(`${dlg} .has-error`).count(), 3);
  await shot(page, 'new-household-errors', { keep: true });
  const api = await apiClient('county');
  assert.equal((await api.get('/api/households/3713990010')).status, 404, 'nothing written');

  // corrected: registered, and its page opens
  await page.fill(`${memberField(0, 'id_no')} input`, '371399197803030014');
  await page.selectOption(`${memberField(1, 'sex')} select`, { label: '女' });
  await page.fill(`${dlg} [data-field="bank_account"] input`, '6217 0000 0000 0010 123');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForURL((u) => u.pathname === '/households/3713990010');
  await page.waitForSelector('[data-card="members"] tbody tr');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '冯建户');
  assert.deepEqual(await page.$$eval('[data-card="members"] tbody tr .member-name-text', (xs) => xs.map((x) => x.innerText.trim())), ['冯建', '秦梅']);
  const hh = (await api.get('/api/households/3713990010')).body.data;
  assert.equal(`${hh.village.name} ${hh.status.code} ${hh.attribute.label} ${hh.cause_main.label} ${hh.members.length} ${hh.history[0].type}`, '西岭村 poor 一般贫困户 因病 2 identify');
  // the bank card as given, the account (its spaces dropped) masked on the page
  assert.equal(`${hh.bank} ${hh.bank_account}`, '临港农商银行 6217****0123');
  assert.equal(await text(page, '[data-item="bank"] dd'), '临港农商银行');
  assert.equal(await text(page, '[data-item="bank_account"] dd'), '6217****0123');
  assert.equal((await api.get('/api/households/3713990010?full=1')).body.data.bank_account, '6217000000000010123');
  await shot(page, 'new-household-page');

  // a village clerk registers only in her village: it is fixed, not chosen
  const clerk = await newPage();
  await login(clerk, 'clerk', { next: '/households' });
  await settle(clerk);
  await clerk.click('[data-action="new-household"]');
  await clerk.waitForSelector(`${dlg} .member-row`);
  assert.equal(await clerk.locator(`${dlg} .village-picker select`).count(), 0);
  assert.equal(await text(clerk, `${dlg} .village-picker`), '东岭村');
});
