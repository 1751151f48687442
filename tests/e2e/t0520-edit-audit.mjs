// Editing a member: a bad value shows the server's field error next to the field and writes nothing; a good
// one changes the member, appears in the household's history as a 信息更正 (data_fix) with the old and new
// value, and in the audit log, where an audit administrator finds it and verifies the chain. The household's
// bank card (开户银行, 银行账号): a bad account refused under its field, a good one shown masked on the page
// and in the history, in full only with 显示完整信息. Health is masked as the numbers are: the edit form offers
// "（已隐去，不修改）", the page and the history show （已隐去） and *** until the full view.
// users: county aud
import { run, newPage, login, shot, text, assert, apiClient } from './lib.mjs';

await run(async () => {
  const api = await apiClient('county');
  const before = (await api.get('/api/households/3713990003')).body.data;

  const page = await newPage();
  await login(page, 'county', { next: '/households/3713990003' });
  await page.waitForSelector('.timeline');

  // a bad edit: a phone number that is not one
  await page.click('[data-card="members"] tr:has-text("周敏") [data-action="edit-member"]');
  await page.waitForSelector('dialog[open] form');
  assert.match(await text(page, 'dialog[open] .dialog-head h2'), /周敏/);
  await page.fill('dialog[open] input[name="member_phone"]', '12345');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog[open] [data-field="member_phone"].has-error');
  assert.equal(await text(page, 'dialog[open] [data-field="member_phone"] .field-error'), '“12345”不是有效电话号码');
  // the focus went to the field in error, the dialog stayed open
  assert.equal(await page.evaluate(() => document.activeElement.name), 'member_phone');
  await page.evaluate(() => document.activeElement.blur());
  await shot(page, 'edit-error', { keep: true });
  // and nothing was written
  const still = (await api.get('/api/households/3713990003')).body.data;
  assert.equal(still.history.length, before.history.length);
  // 取消 on a form typed into asks first; 放弃 closes it
  await page.click('dialog[open] .dialog-foot .btn:not(.btn-primary)');
  await page.waitForSelector('dialog.dialog-confirm[open]');
  assert.equal(await text(page, 'dialog.dialog-confirm h2'), '放弃填写的内容？');
  await page.click('dialog.dialog-confirm [data-action="discard"]');
  await page.waitForSelector('dialog', { state: 'detached' });
  assert.equal(await page.locator('.timeline .tl-item').count(), before.history.length);

  // an empty edit says there is nothing to change
  await page.click('[data-card="members"] tr:has-text("周敏") [data-action="edit-member"]');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog[open] .form-banner:not([hidden])');
  assert.match(await text(page, 'dialog[open] .form-banner'), /没有修改任何内容/);

  // a good edit: 健康状况 健康 -> 长期慢性病, with a reason; the form does not know the masked state
  assert.equal(await text(page, 'dialog[open] select[name="health"] option[value=""]'), '（已隐去，不修改）');
  assert.equal(await page.inputValue('dialog[open] select[name="health"]'), '');
  assert.equal(await text(page, 'dialog[open] [data-field="health"] .field-hint'), '健康状况已脱敏：不选表示不修改；显示完整信息后可见原值');
  await page.selectOption('dialog[open] select[name="health"]', { label: '长期慢性病' });
  await page.fill('dialog[open] input[name="reason"]', '入户核实');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForSelector('.toast');
  await page.waitForFunction((n) => document.querySelectorAll('.timeline .tl-item').length === n, before.history.length + 1);
  assert.equal(await text(page, '[data-card="members"] tr:has-text("周敏") [data-col="health"]'), '（已隐去）');
  const fix = page.locator('.timeline .tl-item').first();
  assert.equal(await fix.getAttribute('data-type'), 'data_fix');
  assert.match(await fix.innerText(), /信息更正/);
  assert.match((await fix.innerText()).replace(/\s+/g, ' '), /周敏.*健康状况 （已更正；健康状况已脱敏，显示完整信息后可见）/);
  assert.match(await fix.innerText(), /原因：入户核实/);
  await shot(page, 'edited');

  // the household itself: no bank card recorded yet
  assert.equal(await text(page, '[data-item="bank"] dt'), '开户银行');
  assert.equal(await text(page, '[data-item="bank"] dd'), '未填写');
  assert.equal(await text(page, '[data-item="bank_account"] dt'), '银行账号');
  assert.equal(await text(page, '[data-item="bank_account"] dd'), '未填写');
  // a bad bank account first: the server's message under that field, the focus there, nothing written
  await page.click('[data-action="edit-household"]');
  assert.equal(await page.getAttribute('dialog[open] input[name="bank_account"]', 'inputmode'), 'numeric');
  assert.equal(await page.getAttribute('dialog[open] input[name="bank_account"]', 'placeholder'), '');
  await page.fill('dialog[open] input[name="bank_account"]', '6217 0000 12X');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog[open] [data-field="bank_account"].has-error');
  assert.equal(await text(page, 'dialog[open] [data-field="bank_account"] .field-error'), '“6217 0000 12X”不是有效银行账号（应为8至32位数字）');
  assert.equal(await page.locator('dialog[open] .has-error').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'bank_account');
  await page.evaluate(() => document.activeElement.blur());
  await shot(page, 'edit-household-bank-error');
  const unchanged = (await api.get('/api/households/3713990003')).body.data;
  assert.equal(unchanged.history.length, before.history.length + 1);
  assert.equal(`${unchanged.bank} ${unchanged.bank_account}`, 'null null');
  // then a bad 识别年月 (the account left empty: not sent)
  await page.fill('dialog[open] input[name="bank_account"]', '');
  await page.fill('dialog[open] input[name="identified_ym"]', '2014-13');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog[open] [data-field="identified_ym"].has-error');
  assert.equal(await page.locator('dialog[open] [data-field="bank_account"].has-error').count(), 0);
  // then good: 贫困户属性 and the bank card (an account in hyphenated groups)
  await page.fill('dialog[open] input[name="identified_ym"]', '2014-01');
  await page.selectOption('dialog[open] select[name="attribute"]', { label: '低保贫困户' });
  await page.fill('dialog[open] input[name="bank"]', '临港农商银行');
  await page.fill('dialog[open] input[name="bank_account"]', '6230-5500-0000-1111');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-item="attribute"] dd')?.innerText === '低保贫困户');
  assert.equal(await text(page, '[data-item="bank"] dd'), '临港农商银行');
  assert.equal(await text(page, '[data-item="bank_account"] dd'), '6230****1111');
  const fixHh = page.locator('.timeline .tl-item').first();
  assert.equal(await fixHh.getAttribute('data-type'), 'data_fix');
  const fixLines = () => page.$$eval('.timeline .tl-item:first-child .tl-detail li', (lis) => lis.map((li) => li.innerText.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(await fixLines(), ['贫困户属性 一般贫困户 → 低保贫困户', '开户银行 （空） → 临港农商银行', '银行账号 （空） → 6230****1111']);
  await shot(page, 'household-bank', { fullPage: true });
  const saved = (await api.get('/api/households/3713990003')).body.data;
  assert.equal(`${saved.bank} ${saved.bank_account} ${saved.history.length}`, `临港农商银行 6230****1111 ${before.history.length + 2}`);
  // the edit dialog now shows the card as the page does, to be kept when left empty
  await page.click('[data-action="edit-household"]');
  assert.equal(await page.getAttribute('dialog[open] input[name="bank"]', 'placeholder'), '临港农商银行');
  assert.equal(await page.getAttribute('dialog[open] input[name="bank_account"]', 'placeholder'), '6230****1111');
  assert.equal(await text(page, 'dialog[open] [data-field="bank_account"] .field-hint'), '留空表示不修改');
  await page.click('dialog[open] .dialog-foot .btn:not(.btn-primary)');
  await page.waitForSelector('dialog', { state: 'detached' });
  // 显示完整信息: the whole account and the health, on the page and in the history; then hidden again
  await page.click('a.btn:has-text("显示完整信息")');
  await page.waitForURL((u) => u.searchParams.get('full') === '1');
  await page.waitForFunction(() => document.querySelector('[data-item="bank_account"] dd')?.innerText === '6230550000001111');
  assert.equal(await text(page, '.notice-warn'), '正在显示完整证件号码、电话、银行账号和健康状况，本次查看已记入审计日志。');
  assert.equal(await text(page, '[data-card="members"] tr:has-text("周敏") [data-col="health"]'), '长期慢性病');
  assert.match((await page.locator('.timeline .tl-item:has-text("健康状况")').first().innerText()).replace(/\s+/g, ' '), /周敏.*健康状况 健康 → 长期慢性病/);
  assert.deepEqual(await fixLines(), ['贫困户属性 一般贫困户 → 低保贫困户', '开户银行 （空） → 临港农商银行', '银行账号 （空） → 6230550000001111']);
  await page.click('a.btn:has-text("隐藏完整信息")');
  await page.waitForURL((u) => !u.searchParams.has('full'));
  await page.waitForFunction(() => document.querySelector('[data-item="bank_account"] dd')?.innerText === '6230****1111');

  // a wrong password for the county's account, which the audit administrator reads why (it read （已隐去）)
  const wrong = await page.evaluate(async () => (await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'county', password: 'not-the-password' }) })).status);
  assert.equal(wrong, 401);

  // the audit administrator finds both in the audit log, and the chain is intact
  const audit = await newPage();
  await login(audit, 'aud');
  assert.equal(new URL(audit.url()).pathname, '/audit');
  await audit.waitForSelector('[data-card="audit"] tbody tr');
  const rows = await audit.$$eval('[data-card="audit"] tbody tr[data-action="event.record"]', (trs) =>
    trs.map((tr) => `${tr.querySelector('[data-col="actor"]').innerText} ${tr.dataset.object} ${tr.querySelector('[data-col="detail"]').innerText}`),
  );
  assert.equal(rows.length, 2);
  // the fields corrected, not their values: the audit administrator reads no household (三员分立; it read the
  // health, the attribute and the bank, found by a review)
  assert.match(rows[1], /^county 3713990003 类型：信息更正；.*更正字段：健康状况$/);
  assert.match(rows[0], /^county 3713990003 类型：信息更正；.*更正字段：贫困户属性、开户银行、银行账号$/);
  for (const r of rows) for (const bad of ['长期慢性病', '低保贫困户', '临港农商银行', '6230']) assert.ok(!r.includes(bad), `${bad} in ${r}`);
  // the reason given is said to be there, withheld (it read as if none had been given)
  assert.ok(rows[1].includes('原因：（已隐去）'), rows[1]);
  // a failed login's reason is the account's, read
  assert.equal(await text(audit, '[data-card="audit"] tbody tr[data-action="login.failed"] [data-col="detail"]'), '原因：密码错误；连续失败次数：1');
  await audit.click('[data-action="verify"]');
  await audit.waitForSelector('[data-intact="1"]');
  assert.match(await text(audit, '[data-verify]'), /日志完整/);
  await shot(audit, 'audit', { keep: true });

  // filtered: one user's edits of one household (the address keeps the filter); then a filter matching nothing
  await audit.fill('input[name="actor"]', 'county');
  await audit.selectOption('select[name="action"]', 'event.record');
  await audit.fill('input[name="object"]', '3713990003');
  await audit.click('[data-card="audit"] button[type="submit"]');
  await audit.waitForURL((u) => u.searchParams.get('actor') === 'county' && u.searchParams.get('action') === 'event.record' && u.searchParams.get('object') === '3713990003');
  await audit.waitForSelector('[data-card="audit"] tbody tr');
  assert.deepEqual(
    await audit.$$eval('[data-card="audit"] tbody tr', (trs) => trs.map((tr) => `${tr.dataset.action} ${tr.dataset.object}`)),
    ['event.record 3713990003', 'event.record 3713990003'],
  );
  assert.equal(await text(audit, '.pager-info'), '共 2 条，第 1/1 页');
  await audit.fill('input[name="object"]', '3713990001');
  await audit.click('[data-card="audit"] button[type="submit"]');
  await audit.waitForURL((u) => u.searchParams.get('object') === '3713990001');
  await audit.waitForSelector('[data-card="audit"] .state');
  assert.equal(await text(audit, '[data-card="audit"] .state'), '没有符合条件的记录');
  // the administrator has no registry screens: the dashboard address is not theirs
  await audit.goto(audit.url().replace(/\/audit.*$/, '/households/3713990003'));
  await audit.waitForSelector('[data-page="not-found"]');
  assert.equal(await audit.locator('.nav-item', { hasText: '户查询' }).count(), 0);
});
