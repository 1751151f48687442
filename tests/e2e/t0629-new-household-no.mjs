// The new-household form proposes the village's next 户编号 (issue 18): chosen 东岭镇 → 西岭村, the 户编号 is
// filled with the village's code and 0001 (the sample county numbers its households otherwise), the hint says
// where it comes from; another village moves the proposal; a number the clerk typed is kept.
// users: county
import { run, newPage, login, shot, text, assert, DESKTOP } from './lib.mjs';

const dlg = 'dialog[open]';

await run(async () => {
  const page = await newPage({ viewport: DESKTOP });
  await login(page, 'county', { next: '/households' });
  await page.click('[data-action="new-household"]');
  await page.waitForSelector(`${dlg} .member-row`);
  await page.selectOption(`${dlg} select[name="division_0"]`, { label: '东岭镇' });
  await page.waitForSelector(`${dlg} select[name="village_code"]`);
  await page.selectOption(`${dlg} select[name="village_code"]`, { label: '西岭村' });
  const hhNo = `${dlg} [data-field="hh_no"] input`;
  await page.waitForFunction((s) => document.querySelector(s).value === '3713991002020001', hhNo);
  assert.equal(await text(page, `${dlg} [data-part="hh-no-hint"]`), '西岭村的村代码加 4 位顺序号，可修改');
  await shot(page, 'proposed');
  await page.selectOption(`${dlg} select[name="village_code"]`, { label: '东岭村' });
  await page.waitForFunction((s) => document.querySelector(s).value === '3713991002010001', hhNo);
  // typed by the clerk: kept when the village changes
  await page.fill(hhNo, '3713990099');
  await page.selectOption(`${dlg} select[name="village_code"]`, { label: '西岭村' });
  await page.waitForFunction(() => document.querySelector('dialog[open] [data-part="hh-no-hint"]').textContent.startsWith('西岭村'));
  assert.equal(await page.inputValue(hhNo), '3713990099');
});
