// A village clerk proposes a new household (新识别) from the household list: with require_review on, the
// "new household" form opens a proposal that carries the household and its members instead of registering
// it; a refused form shows the problem under the member's field; the proposal page lists the household
// proposed (ID numbers masked), which is not in the registry until the county announces it; then it is.
// users: county clerk town
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const dlg = 'dialog[open]';
const memberField = (i, k) => `${dlg} [data-field="members[${i}].${k}"]`;

await run(async () => {
  const county = await apiClient('county');
  assert.equal((await county.put('/api/settings/require_review', { value: 'on' })).status, 200);
  const page = await newPage();
  await login(page, 'clerk', { next: '/households' });
  await settle(page);
  assert.equal(await text(page, '[data-action="new-household"]'), '提出新识别申请');
  await page.click('[data-action="new-household"]');
  await page.waitForSelector(`${dlg} .member-row`);
  assert.equal(await text(page, `${dlg} .dialog-title, ${dlg} h2`), '提出新识别申请');
  assert.equal(await text(page, `${dlg} .village-picker`), '东岭村');
  await page.fill(`${dlg} [data-field="hh_no"] input`, '3713990101');
  await page.selectOption(`${dlg} select[name="attribute"]`, { label: '一般贫困户' });
  await page.selectOption(`${dlg} select[name="cause_main"]`, { label: '因病' });
  await page.fill(`${dlg} [data-field="date"] input.date-text`, '2018-11-01');
  await page.fill(`${dlg} [data-field="reason"] input`, '因病致贫，农户书面申请');
  await page.fill(`${memberField(0, 'name')} input`, '韩青');
  await page.fill(`${memberField(0, 'id_no')} input`, '371399197505050034');
  await page.selectOption(`${memberField(0, 'sex')} select`, { label: '男' });
  await page.click(`${dlg} [data-action="add-member-row"]`);
  await page.fill(`${memberField(1, 'id_no')} input`, '371399197806060040');
  await page.selectOption(`${memberField(1, 'relation')} select`, { label: '配偶' });
  await page.selectOption(`${memberField(1, 'sex')} select`, { label: '女' });
  // a wrong check digit and a missing name: each under its member's field at once (the form marked the first
  // alone, and the second after the next save), nothing opened
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector(`${memberField(0, 'id_no')}.has-error`);
  assert.equal(await text(page, `${memberField(0, 'id_no')} .field-error`), '证件号码校验位错误：应为 3');
  assert.equal(await text(page, `${memberField(1, 'name')} .field-error`), '必填项为空');
  assert.equal(await page.$$eval(`${dlg} .has-error`, (es) => es.length), 2);
  assert.equal((await county.get('/api/proposals')).body.data.rows.length, 0, 'nothing opened');
  await shot(page, 'proposal-new-household-error', { keep: true });

  await page.fill(`${memberField(0, 'id_no')} input`, '371399197505050033');
  await page.fill(`${memberField(1, 'name')} input`, '韩雪');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('.page-proposal[data-step="assess"]');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '韩青户 · 新识别');
  assert.deepEqual(
    await page.$$eval('[data-card="new-household"] tbody tr', (rs) => rs.map((r) => [...r.cells].map((c) => c.innerText.trim()).join(' '))),
    ['韩青 户主 371399************', '韩雪 配偶 371399************'],
  );
  assert.ok((await text(page, '[data-card="new-household"]')).includes('公告后才登记入册'));
  await shot(page, 'proposal-new-household', { keep: true });
  const id = await page.getAttribute('.page-proposal', 'data-id');
  assert.equal((await county.get('/api/households/3713990101')).status, 404, 'not registered before 公告');

  // the steps, by the county office, through the API; then the page shows it registered
  const steps = [
    ['2018-11-02', {}],
    ['2018-11-02', { votes: { for: 21, against: 0, abstain: 1 } }],
    ['2018-11-09', {}],
    ['2018-11-10', {}],
    ['2018-11-11', {}],
    ['2018-11-12', {}],
  ];
  for (const [date, more] of steps) {
    const r = await county.post(`/api/proposals/${id}/actions`, { action: 'approve', date, ...more });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  await page.reload();
  await page.waitForSelector('.page-proposal[data-state="approved"]');
  await settle(page);
  assert.ok((await text(page, '[data-card="new-household"]')).includes('已于公告时登记入册'));
  const hh = (await county.get('/api/households/3713990101')).body.data;
  assert.equal(`${hh.village.name} ${hh.status.code} ${hh.members.length} ${hh.history[0].type} ${hh.history[0].effective}`, '东岭村 poor 2 identify 2018-11-12');
  await page.click('[data-card="facts"] a[href="/households/3713990101"]');
  await page.waitForSelector('[data-card="members"] tbody tr');
  await settle(page);
  assert.equal(await text(page, '.page-title'), '韩青户');

  // a town's import offers no sheet of new households while review is on (it could only be refused): only the
  // update of existing ones, and it says where new households go
  const townPage = await newPage();
  await login(townPage, 'town', { next: '/import' });
  await townPage.waitForSelector('select[name="event"]');
  assert.deepEqual(await townPage.$$eval('select[name="event"] option', (os) => os.map((o) => o.value)), ['update']);
  assert.match(await text(townPage, '[data-field="event"]'), /新识别、应纳未纳须在“户查询”逐户提出申请/);
});
