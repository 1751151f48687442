// 去整改 of a finding about a member's health, in the Lingang demo district: the 残联's list names 李从山 of
// 北泉子二村, recorded 长期慢性病 (DISABILITY_NOT_RECORDED, "correct the health to 残疾"). The member's form
// opens with 残疾 chosen, though the page masks health (the form shows nothing of the state recorded), and with
// the batch of the campaign gathering the rule; saved, the finding is fixed at once and the correction is in
// the campaign's change report (a correction through the member's form carried no batch, and the form never
// chose the state the advice names).
// users: county
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const HH = '3713731012080001';
const CAMPAIGN = '残疾人信息核对';

await run(async () => {
  const api = await apiClient('county');
  const up = await api.upload('/api/external-lists?kind=disability&date=2025-12-31&source=' + encodeURIComponent('残联'),
    '证件号码,姓名,残疾类别,残疾等级,残疾人证号\n371399195712274874,李从山,肢体,三级,37139919571227487443\n');
  assert.equal(up.status, 201, JSON.stringify(up.body));
  const camp = await api.post('/api/campaigns', { name: CAMPAIGN, rules: 'DISABILITY_NOT_RECORDED', start: '2026-01-01' });
  assert.equal(camp.status, 201, JSON.stringify(camp.body));
  const runRes = await api.post('/api/check/runs', { rules: 'DISABILITY_NOT_RECORDED', division: '371373101208' });
  assert.equal(runRes.status, 201, JSON.stringify(runRes.body));
  const found = await api.get('/api/findings?rule=DISABILITY_NOT_RECORDED&state=open');
  assert.deepEqual(found.body.data.rows.map((r) => r.household), [HH]);
  const id = found.body.data.rows[0].id;

  const page = await newPage();
  await login(page, 'county', { next: `/findings/${id}` });
  await page.waitForSelector('.page-finding');
  await settle(page);
  assert.equal(await text(page, '[data-item="message"]'), '在残疾人名单（残联，2025-12-31）中（肢体），健康状况为“长期慢性病”');
  await page.click('[data-action="fix"]');
  await page.waitForSelector('[data-notice="finding"][data-state="open"]');
  assert.equal(new URL(page.url()).pathname, `/households/${HH}`);
  await page.click('[data-action="fix-finding"]');
  await page.waitForSelector('dialog[open] select[name="health"]');
  // the advice's state chosen; the state recorded is not shown (the page is masked)
  assert.equal(await page.inputValue('dialog[open] select[name="health"]'), '04');
  assert.equal(await page.$eval('dialog[open] select[name="health"]', (s) => s.options[s.selectedIndex].text), '残疾');
  assert.equal(await page.$eval('dialog[open] select[name="health"]', (s) => s.options[0].text), '（已隐去，不修改）');
  assert.equal(await page.inputValue('dialog[open] [data-field="batch"] input'), CAMPAIGN);
  await settle(page);
  await shot(page, 'fix-dialog', { keep: true });
  await page.click('dialog[open] [data-action="save"]');
  await page.waitForSelector('[data-notice="finding"][data-state="fixed"]');
  assert.equal(await text(page, '.timeline .tl-item:first-child .tl-type'), '信息更正');

  // fixed, linked, and counted in the campaign's report
  const f = await api.get(`/api/findings/${id}`);
  assert.equal(f.body.data.state, 'fixed');
  const ch = await api.get(`/api/changes?batch=${encodeURIComponent(CAMPAIGN)}`);
  assert.deepEqual(ch.body.data.rows.map((r) => `${r.type} ${r.households} ${r.persons}`), ['data_fix 1 1']);
  const board = await api.get(`/api/campaigns/${encodeURIComponent(CAMPAIGN)}`);
  assert.deepEqual([board.body.data.totals.open, board.body.data.totals.fixed], [0, 1]);
  const full = await api.get(`/api/households/${HH}?full=1`);
  assert.equal(full.body.data.members.find((m) => m.name === '李从山').health.code, '04');
});
