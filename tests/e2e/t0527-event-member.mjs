// Recording a change and adding a member from the household page, as a county clerk does it: the event
// dialog offers only what the household's status allows, the exit is written and shows in the status and the
// history, the next dialog no longer offers an exit; a newborn is added with her reason and appears among the
// members. The API confirms what was written.
// users: county
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const dlg = 'dialog[open]';
// an ID number of a girl born on day (YYYY-MM-DD) in the test county, with its check character
function idBornOn(day) {
  const s = `371399${day.replace(/-/g, '')}002`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return s + '10X98765432'[[...s].reduce((t, c, i) => t + Number(c) * w[i], 0) % 11];
}

await run(async () => {
  const page = await newPage();
  await login(page, 'county', { next: '/households/3713990009' });
  await page.waitForSelector('.timeline');
  await settle(page);
  assert.equal(await text(page, '[data-item="status"] .badge'), '未脱贫');

  // 许根户 is poor: exactly the changes the state machine allows a poor household (no policy change, no return)
  await page.click('[data-action="record-event"]');
  await page.waitForSelector(`${dlg} select[name="type"]`);
  const types = await page.$$eval(`${dlg} select[name="type"] option`, (os) => os.map((o) => o.value));
  assert.equal(types.join(','), 'exit,remove,clear,cancel,member_remove,split,merge');
  await page.selectOption(`${dlg} select[name="type"]`, 'exit');
  await page.fill(`${dlg} [data-field="effective"] .date-text`, '2018-12-31');
  await page.fill(`${dlg} [data-field="batch"] input`, '2018年脱贫退出');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-item="status"] .badge')?.innerText.trim() === '已脱贫享受政策');
  assert.equal(await text(page, '.timeline .tl-item:first-child .tl-type'), '脱贫');
  assert.match(await text(page, '.timeline .tl-item:first-child'), /2018-12-31/);

  // exited: no second exit; a return to poverty is offered now
  await page.click('[data-action="record-event"]');
  await page.waitForSelector(`${dlg} select[name="type"]`);
  const after = await page.$$eval(`${dlg} select[name="type"] option`, (os) => os.map((o) => o.value));
  assert.equal(after.join(','), 'policy_end,return,remove,clear,cancel,member_remove,split,merge');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog', { state: 'detached' });

  // a newborn daughter, born the office's today and added that day with her reason (a child a year old or more
  // is refused as 新生儿)
  const api = await apiClient('county');
  const today = (await api.get('/api/me')).body.data.today; // the office's day, never the test machine's
  await page.click('[data-action="add-member"]');
  await page.waitForSelector(`${dlg} [data-field="id_no"] input`);
  await page.fill(`${dlg} [data-field="name"] input`, '许小妹');
  await page.fill(`${dlg} [data-field="id_no"] input`, idBornOn(today));
  await page.selectOption(`${dlg} select[name="relation"]`, { label: '之女' });
  await page.selectOption(`${dlg} select[name="sex"]`, { label: '女' });
  await page.selectOption(`${dlg} select[name="reason"]`, { label: '新生儿' });
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-card="members"] .member-name-text')].some((x) => x.innerText.trim() === '许小妹'));
  assert.deepEqual(await page.$$eval('[data-card="members"] tbody tr .member-name-text', (xs) => xs.map((x) => x.innerText.trim())), ['许根', '何巧', '许安', '许小妹']);
  assert.equal(await text(page, '.timeline .tl-item:first-child .tl-type'), '人员增加');
  await shot(page, 'event-member');

  const hh = (await api.get('/api/households/3713990009')).body.data;
  assert.equal(hh.status.code, 'exited_supported');
  assert.deepEqual(
    hh.history.map((e) => [e.type, e.effective, e.batch ?? '', e.member ? e.member.name : '', e.reason ?? ''].join(' ')),
    ['include_missed 2014-01-01 2018年托底清零  应纳未纳', 'exit 2018-12-31 2018年脱贫退出  ', `member_add ${today}  许小妹 新生儿`],
  );
});
