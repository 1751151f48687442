// The clerk's everyday screens (issue 18): a member's ID number corrected in the member form — one 信息更正
// with the numbers masked, the member's other fields kept, once in the change report; the yearly income survey
// entered on the household page and corrected with the former values kept in the year's history; the
// household list as of a past day, labelled, with the current status beside; the members table's 修改 reachable
// on a 768 px tablet.
// users: county
import { run, newPage, login, shot, text, assert, apiClient, DESKTOP, TABLET } from './lib.mjs';

function checkChar(s17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s17[i]) * w[i];
  return '10X98765432'[sum % 11];
}

await run(async () => {
  const api = await apiClient('county');
  const me = (await api.get('/api/me')).body.data;
  const HH = '3713990003';
  const before = (await api.get(`/api/households/${HH}?full=1`)).body.data;
  const zm = before.members.find((m) => m.name === '周敏');
  // the same birth date and sex, another sequence number: a valid number nobody holds
  const s17 = zm.id_no.slice(0, 14) + '98' + zm.id_no[16];
  const newId = s17 + checkChar(s17);

  const page = await newPage({ viewport: DESKTOP });
  await login(page, 'county', { next: `/households/${HH}` });
  await page.waitForSelector('.timeline');
  await page.click('[data-card="members"] tr:has-text("周敏") [data-action="edit-member"]');
  await page.waitForSelector('dialog[open] input[name="id_no"]');
  // a wrong check digit: refused under the field, nothing written
  await page.fill('dialog[open] input[name="id_no"]', s17 + (checkChar(s17) === '0' ? '1' : '0'));
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog[open] [data-field="id_no"].has-error');
  assert.match(await text(page, 'dialog[open] [data-field="id_no"] .field-error'), /校验位/);
  await shot(page, 'id-error');
  await page.fill('dialog[open] input[name="id_no"]', newId);
  await page.fill('dialog[open] input[name="reason"]', '户口簿核对');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction((n) => document.querySelectorAll('.timeline .tl-item').length === n, before.history.length + 1);
  const fix = page.locator('.timeline .tl-item[data-type="data_fix"]').first();
  const fixText = (await fix.innerText()).replace(/\s+/g, ' ');
  assert.match(fixText, /信息更正/);
  // masked, the old and the new number look alike (10^4 candidates each): the line says it was corrected
  assert.match(fixText, new RegExp(`证件号码 ${zm.id_no.slice(0, 6)}\\*{12} ?（已更正；新旧号码脱敏后相同，查看明文可见）`));
  assert.doesNotMatch(fixText, /cli:|user:/);
  await shot(page, 'id-fixed');
  const after = (await api.get(`/api/households/${HH}?full=1`)).body.data;
  const zm2 = after.members.find((m) => m.id === zm.id);
  assert.equal(zm2.id_no, newId);
  for (const k of ['name', 'sex', 'relation', 'birth', 'ethnicity', 'education', 'health', 'labor', 'work_status', 'ins_medical', 'ins_serious', 'ins_pension', 'dibao', 'tekun'])
    assert.deepEqual(zm2[k], zm[k], k);
  const ch = (await api.get(`/api/changes?from=${me.today}&to=${me.today}`)).body.data;
  assert.deepEqual(ch.rows.map((r) => `${r.type} ${r.households} ${r.persons}`), ['data_fix 1 1']);

  // the income survey of last year, then a correction of it
  const year = String(Number(me.today.slice(0, 4)) - 1);
  await page.click('[data-card="incomes"] [data-action="income"]');
  await page.waitForSelector('dialog[open] input[name="wage"]');
  await page.fill('dialog[open] input[name="year"]', year);
  await page.dispatchEvent('dialog[open] input[name="year"]', 'change');
  await page.fill('dialog[open] input[name="wage"]', '6000');
  await page.fill('dialog[open] input[name="transfer"]', '1200');
  await page.fill('dialog[open] input[name="business_cost"]', '0');
  await page.fill('dialog[open] input[name="size"]', '3');
  assert.match(await text(page, 'dialog[open] [data-part="income-result"]'), /人均纯收入约 2400\.00 元（3 人）/);
  await shot(page, 'income-form');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForSelector(`[data-card="incomes"] tr[data-year="${year}"]`);
  assert.match(await text(page, `[data-card="incomes"] tr[data-year="${year}"]`), /2,?400\.00/);
  await page.click('[data-card="incomes"] [data-action="income"]');
  await page.waitForSelector('dialog[open] input[name="wage"]');
  await page.fill('dialog[open] input[name="year"]', year);
  await page.dispatchEvent('dialog[open] input[name="year"]', 'change');
  assert.equal(await page.inputValue('dialog[open] input[name="wage"]'), '6000.00');
  await page.fill('dialog[open] input[name="wage"]', '6600');
  await page.fill('dialog[open] input[name="reason"]', '复核更正');
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForSelector('[data-part="income-history"]');
  await page.click('[data-part="income-history"] summary');
  const hist = (await text(page, `[data-part="income-history"] [data-year="${year}"]`));
  assert.match(hist, /人均纯收入 2,?400\.00 元.*人均纯收入 2,?600\.00 元/);
  assert.match(hist, /复核更正/);
  await shot(page, 'income-history');

  // the household list as of a past day: labelled, the current status beside where it differs
  await page.goto(`${page.url().replace(/\/households.*$/, '')}/households?as_of=2014-06-30`);
  await page.waitForSelector('[data-card="results"] table');
  assert.match(await text(page, '[data-card="results"] thead'), /2014-06-30 状态/);
  assert.match(await text(page, '.page-head'), /状态、户主和人数均为 2014-06-30 时的情况/);
  await shot(page, 'list-as-of');

  // tablet: the members' 修改 is on screen
  const tab = await newPage({ viewport: TABLET });
  await login(tab, 'county', { next: `/households/${HH}` });
  await tab.waitForSelector('.timeline');
  const box = await tab.locator('[data-card="members"] tr:has-text("周敏") [data-action="edit-member"]').boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 768, `修改 at ${JSON.stringify(box)}`);
  await shot(tab, 'tablet-members');
});
