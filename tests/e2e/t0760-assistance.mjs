// 帮扶 on the household page, as the county office does it: the cadre card shows who helps the household and
// when the next visit is due; a visit is recorded (the due date moves on), a measure is recorded (its sub-items
// follow the category, a negative amount is refused under its field and nothing is written), the printable
// 扶贫手册 and 明白卡 show them; a cadre user finds the household among its own.
// users: county cadre
import { run, newPage, login, settle, shot, text, assert, apiClient, BASE } from './lib.mjs';

const dlg = 'dialog[open]';

await run(async () => {
  const api = await apiClient('county');
  let r = await api.post('/api/records/cadre', { name: '张帮扶', unit: '示例县扶贫办', affiliation: '县直', post: '科员', division: '东岭村', phone: '13905391111', user: 'cadre' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  r = await api.post('/api/records/pairing', { cadre: `#${r.body.data.id}`, household: '3713990001', start_date: '2018-01-01' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  r = await api.post('/api/records/visit', { household: '3713990001', visit_date: '2018-06-01', purpose: '了解收入情况' });
  assert.equal(r.status, 201, JSON.stringify(r.body));

  const page = await newPage();
  await login(page, 'county', { next: '/households/3713990001?as_of=2018-10-08' });
  await page.waitForSelector('[data-card="assistance"] .asst-due');
  await settle(page);
  assert.match(await text(page, '[data-card="assistance"] .asst-cadre-name'), /^张帮扶 · 科员$/);
  assert.equal(await text(page, '[data-card="assistance"] [data-item="due"]'), '2018-08-30');
  assert.equal(await text(page, '[data-card="assistance"] [data-due]'), '逾期未走访');

  // a visit on 2018-09-01: in time again, due 90 days later
  await page.click('[data-action="record-visit"]');
  await page.waitForSelector(`${dlg} [data-field="visit_date"]`);
  assert.equal(await page.locator(`${dlg} [data-field="household"]`).count(), 0, 'the household is the page\'s');
  await page.fill(`${dlg} [data-field="visit_date"] .date-text`, '2018-09-01');
  await page.fill(`${dlg} [data-field="purpose"] input`, '两不愁三保障核查');
  await page.selectOption(`${dlg} select[name="food"]`, '是');
  await page.selectOption(`${dlg} select[name="housing"]`, '否');
  await page.fill(`${dlg} [data-field="found"] textarea`, '厨房屋顶漏雨');
  await shot(page, 'visit-dialog');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-card="assistance"] [data-item="due"]')?.innerText.trim() === '2018-11-30');
  assert.equal(await text(page, '[data-card="assistance"] [data-due]'), '按期走访');
  assert.match(await text(page, '[data-card="assistance"] .asst-visit:first-child'), /2018-09-01 两不愁三保障核查.*厨房屋顶漏雨/);

  // the same visit again (a form sent twice): refused, nothing written, and the banner links to the household's
  // visits of that day, where the first one is
  const visits = (await api.get('/api/records/visit')).body.data.total;
  await page.click('[data-action="record-visit"]');
  await page.waitForSelector(`${dlg} [data-field="visit_date"]`);
  await page.fill(`${dlg} [data-field="visit_date"] .date-text`, '2018-09-01');
  await page.fill(`${dlg} [data-field="purpose"] input`, '两不愁三保障核查');
  await page.selectOption(`${dlg} select[name="food"]`, '是');
  await page.selectOption(`${dlg} select[name="housing"]`, '否');
  await page.fill(`${dlg} [data-field="found"] textarea`, '厨房屋顶漏雨');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector(`${dlg} [data-action="see-twin"]`);
  assert.match(await text(page, `${dlg} .form-banner`), /^与已记录的走访记录（2018-09-01，\d+ 号）完全相同（重复提交？确为另一条的，请在备注或内容中写明区别）\s*查看该户当天的走访记录$/);
  await shot(page, 'visit-twin');
  assert.equal((await api.get('/api/records/visit')).body.data.total, visits, 'nothing written');
  await page.click(`${dlg} [data-action="see-twin"]`);
  await page.waitForSelector('.page-records[data-kind="visit"] .table-records');
  assert.deepEqual(await page.$$eval('.table-records tbody tr', (rs) => rs.map((r) => r.innerText.includes('2018-09-01') && r.innerText.includes('两不愁三保障核查'))), [true]);
  await page.goBack();
  await page.waitForSelector('[data-card="assistance"] .asst-due');
  await settle(page);

  // a measure: the sub-items follow the category; a negative amount is refused under its field
  await page.click('[data-action="record-measure"]');
  await page.waitForSelector(`${dlg} select[name="category"]`);
  await page.selectOption(`${dlg} select[name="category"]`, { label: '产业扶贫' });
  const items = await page.$$eval(`${dlg} select[name="item"] option`, (os) => os.map((o) => o.textContent));
  assert.ok(items.includes('养殖业') && !items.includes('护林员'), items.join(','));
  await page.selectOption(`${dlg} select[name="item"]`, { label: '养殖业' });
  await page.selectOption(`${dlg} select[name="member"]`, { label: '赵大山（户主）' });
  await page.fill(`${dlg} [data-field="measure_date"] .date-text`, '2018-09-10');
  await page.fill(`${dlg} [data-field="amount"] input`, '-1200');
  await page.fill(`${dlg} [data-field="content"] textarea`, '扶持养殖黑山羊 3 只');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector(`${dlg} [data-field="amount"].has-error`);
  assert.equal(await text(page, `${dlg} [data-field="amount"] .field-error`), '金额不能为负数');
  await shot(page, 'measure-refused');
  assert.equal((await api.get('/api/records/measure')).body.data.total, 0, 'nothing written');
  await page.fill(`${dlg} [data-field="amount"] input`, '1200');
  await page.click(`${dlg} [data-action="save"]`);
  await page.waitForSelector('dialog', { state: 'detached' });
  await page.waitForSelector('[data-card="measures"] tr[data-kind="measure"]');
  assert.match(await text(page, '[data-card="measures"] tr[data-kind="measure"]'), /产业扶贫 养殖业：扶持养殖黑山羊 3 只 赵大山 2018-09-10 1200\.00/);
  await settle(page);
  await shot(page, 'household-assistance', { keep: true, fullPage: true });
  const m = (await api.get('/api/records/measure?household=3713990001')).body.data.items;
  assert.deepEqual(m.map((x) => [x.category.code, x.item.code, x.amount, x.member.name, x.recorded_by]), [['industry', 'breeding', 1200, '赵大山', 'county']]);

  // the handbook and the measure card
  await page.click('[data-action="handbook"]');
  await page.waitForSelector('.hb-paper');
  await settle(page);
  assert.equal(await text(page, '.hb-title'), '扶贫手册');
  assert.match(await text(page, '.hb-sub'), /东岭镇东岭村 · 赵大山户 · 户编号 3713990001/);
  const sections = await page.$$eval('.hb-h2', (xs) => xs.map((x) => x.innerText.trim()));
  assert.deepEqual(sections, ['一、家庭基本情况', '二、家庭成员', '三、帮扶责任人', '四、帮扶措施（按类别）', '五、收入情况', '六、走访记录', '七、脱贫情况']);
  assert.match(await text(page, '.hb-members tbody tr:first-child'), /赵大山 户主 男 .* 371399\*{12}/);
  assert.match(await text(page, '[data-category="industry"]'), /养殖业 扶持养殖黑山羊 3 只 2018-09-10 1200\.00/);
  await shot(page, 'handbook', { keep: true, fullPage: true });
  await page.click('.hb-tools a:nth-child(2)');
  await page.waitForSelector('.page-handbook.is-card');
  await settle(page);
  assert.equal(await text(page, '.hb-title'), '2018 年帮扶措施明白卡');
  assert.equal(await page.locator('.hb-signline').count(), 4);
  await shot(page, 'measure-card', { fullPage: true });

  // the cadre: its own household and the due date
  const cad = await newPage();
  await login(cad, 'cadre', { next: '/assistance/mine?as_of=2018-10-08' });
  await cad.waitForSelector('.page-assist-hh');
  await settle(cad);
  const rows = await cad.$$eval('.table-assist-hh tbody tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(rows, ['3713990001 赵大山 东岭村 已脱贫享受政策 3 张帮扶 2018-09-01 2018-11-30']);
  await shot(cad, 'cadre-mine');
  // and it cannot open the supervision screen
  await cad.goto(`${BASE}/supervision`);
  await cad.waitForSelector('.state-404, .big-404');
});
