// The head of a household leaves (issue 18): 记录变动 → 人员减少 of the head asks who the new head is (only
// then); saving without one is refused under that field and writes nothing; with one, the members table shows
// the new head and the history the removal and the new head's 信息更正 on the same day. 户主变更 in one step:
// a member's relation corrected to 户主 asks what the head there was becomes (配偶 preselected for the head's
// spouse); both corrections are recorded together.
// users: county
import { run, newPage, login, shot, text, assert, DESKTOP } from './lib.mjs';

const dlg = 'dialog[open]';

await run(async () => {
  const page = await newPage({ viewport: DESKTOP });
  await login(page, 'county', { next: '/households/3713990003' });
  await page.waitForSelector('.timeline');
  const before = await page.$$eval('.timeline .tl-item', (li) => li.length);
  await page.click('[data-action="record-event"]');
  await page.waitForSelector(`${dlg} select[name="type"]`);
  await page.selectOption(`${dlg} select[name="type"]`, 'member_remove');
  // someone else leaving: no new head asked
  await page.selectOption(`${dlg} select[name="member_id"]`, { label: '周强（之子）' });
  assert.equal(await page.locator(`${dlg} [data-part="new-head"]`).isHidden(), true);
  // the head: asked, the others offered
  await page.selectOption(`${dlg} select[name="member_id"]`, { label: '周建民（户主）' });
  await page.waitForSelector(`${dlg} select[name="new_head_id"]`);
  assert.deepEqual(await page.$$eval(`${dlg} select[name="new_head_id"] option`, (o) => o.map((x) => x.textContent)), ['请选择', '吴丽（配偶）', '周敏（之女）', '周强（之子）']);
  assert.match(await text(page, `${dlg} [data-field="new_head_id"] .field-hint`), /周建民是户主，减少后由谁担任户主？/);
  await page.selectOption(`${dlg} select[name="reason"]`, { label: '死亡' });
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector(`${dlg} [data-field="new_head_id"].has-error`);
  assert.equal(await text(page, `${dlg} [data-field="new_head_id"] .field-error`), '请选择新户主');
  await shot(page, 'ask-new-head');
  await page.selectOption(`${dlg} select[name="new_head_id"]`, { label: '吴丽（配偶）' });
  // the others' relations to the new head, proposed: the children stay her 之女 and 之子
  await page.waitForSelector(`${dlg} [data-field="other_relations"] .relation-row`);
  const kept = await page.$$eval(`${dlg} .relation-row`, (rows) => rows.map((r) => `${r.querySelector('.relation-who').textContent} ${r.querySelector('select').selectedOptions[0].textContent}`));
  assert.deepEqual(kept, ['周敏（现为之女） 之女', '周强（现为之子） 之子']);
  await shot(page, 'new-head-relations');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction((n) => document.querySelectorAll('.timeline .tl-item').length === n, before + 2);
  const members = await page.$$eval('[data-card="members"] tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ')));
  assert.equal(members.length, 3);
  assert.match(members.find((m) => m.includes('吴丽')), /户主/);
  const top = await page.$$eval('.timeline .tl-item', (li) => li.slice(0, 2).map((x) => x.dataset.type));
  assert.deepEqual(top, ['data_fix', 'member_remove']);
  assert.match(await text(page, '.timeline .tl-item[data-type="data_fix"]'), /与户主关系 配偶 → 户主/);
  await shot(page, 'new-head');

  // 户主变更: 钱秀兰 (配偶) made the head; 赵大山 becomes her 配偶 in the same save
  await page.goto(page.url().replace(/\/households\/.*$/, '/households/3713990001'));
  await page.waitForSelector('.timeline');
  const before2 = await page.$$eval('.timeline .tl-item', (li) => li.length);
  await page.click('[data-card="members"] tr:has-text("钱秀兰") [data-action="edit-member"]');
  await page.waitForSelector(`${dlg} select[name="relation"]`);
  assert.equal(await page.locator(`${dlg} [data-part="former-head"]`).isHidden(), true);
  await page.selectOption(`${dlg} select[name="relation"]`, { label: '户主' });
  await page.waitForSelector(`${dlg} select[name="former_head_relation"]`);
  assert.equal(await page.$eval(`${dlg} select[name="former_head_relation"]`, (s) => s.selectedOptions[0].textContent), '配偶');
  assert.equal(await page.$$eval(`${dlg} select[name="former_head_relation"] option`, (o) => o.some((x) => x.textContent === '户主')), false);
  assert.match(await text(page, `${dlg} [data-field="former_head_relation"] .field-hint`), /赵大山现为户主。钱秀兰改为户主的同时/);
  await shot(page, 'ask-former-head');
  await page.fill(`${dlg} input[name="reason"]`, '户主变更');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction((n) => document.querySelectorAll('.timeline .tl-item').length === n, before2 + 2);
  const members2 = await page.$$eval('[data-card="members"] tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ')));
  assert.match(members2.find((m) => m.includes('钱秀兰')), /户主/);
  assert.match(members2.find((m) => m.includes('赵大山')), /配偶/);
  const fixes = await page.$$eval('.timeline .tl-item[data-type="data_fix"]', (li) => li.slice(0, 2).map((x) => x.innerText.replace(/\s+/g, ' ')));
  assert.equal(fixes.length, 2);
  assert.ok(fixes.some((x) => /与户主关系 户主 → 配偶/.test(x) && /变更户主：钱秀兰 改为户主/.test(x)), fixes.join(' | '));
  assert.ok(fixes.some((x) => /与户主关系 配偶 → 户主/.test(x)), fixes.join(' | '));
  await shot(page, 'head-changed');

  // the son made the head: the form proposes what each member becomes to him (his mother, the head there was,
  // 之母; his father 之父), all saved with the change, each a correction of its own
  const before3 = await page.$$eval('.timeline .tl-item', (li) => li.length);
  await page.click('[data-card="members"] tr:has-text("赵小川") [data-action="edit-member"]');
  await page.waitForSelector(`${dlg} select[name="relation"]`);
  await page.selectOption(`${dlg} select[name="relation"]`, { label: '户主' });
  await page.waitForSelector(`${dlg} [data-field="other_relations"] select`);
  assert.equal(await page.$eval(`${dlg} select[name="former_head_relation"]`, (s) => s.selectedOptions[0].textContent), '之母');
  const proposed = await page.$$eval(`${dlg} .relation-row`, (rows) => rows.map((r) => `${r.querySelector('.relation-who').textContent} ${r.querySelector('select').selectedOptions[0].textContent}`));
  assert.deepEqual(proposed, ['赵大山（现为配偶） 之父']);
  await shot(page, 'ask-others');
  // a relation of the other sex is refused in place, nothing saved
  await page.selectOption(`${dlg} .relation-row:has-text("赵大山") select`, { label: '之母' });
  await page.fill(`${dlg} input[name="reason"]`, '户主变更');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector(`${dlg} [data-field="other_relations"].has-error`);
  assert.equal(await text(page, `${dlg} [data-field="other_relations"] .field-error`), '赵大山：与户主关系为“之母”的成员性别应为女');
  await page.selectOption(`${dlg} .relation-row:has-text("赵大山") select`, { label: '之父' });
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction((n) => document.querySelectorAll('.timeline .tl-item').length === n, before3 + 3);
  const members3 = await page.$$eval('[data-card="members"] tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ')));
  for (const [name, rel] of [['赵小川', '户主'], ['钱秀兰', '之母'], ['赵大山', '之父']])
    assert.match(members3.find((m) => m.includes(name)), new RegExp(rel), members3.join(' | '));
  await shot(page, 'head-changed-all');
});
