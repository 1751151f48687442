// Health stays masked on the way from a warning to a proposal: a member's health corrected to 患有大病 raises a
// 新增大病或残疾 warning, whose “纳入监测” prefills the situation with the rule and the day only (the reason
// goes to the 公示, the 公告 and the household's history, which never show a health state; the risk type says
// 因病). The household page shows the member's health （已隐去）, and 显示完整信息 on the 扶贫手册 shows it.
// users: county
import { run, newPage, login, settle, shot, text, assert, apiClient } from './lib.mjs';

const dlg = 'dialog[open]';

await run(async () => {
  const api = await apiClient('county');
  // 3713990001 has exited (a monitored kind of household); its second member falls seriously ill
  const hh = (await api.get('/api/households/3713990001?full=1')).body.data;
  const m = hh.members[1];
  assert.notEqual(m.health && m.health.label, '患有大病');
  const r = await api.patch(`/api/households/3713990001/members/${m.id}`, { health: '患有大病', reason: '入户核实' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const w = (await api.get('/api/monitor/warnings?rule=health')).body.data.rows;
  assert.equal(w.length, 1, JSON.stringify(w));
  const key = w[0].key;

  const page = await newPage();
  await login(page, 'county', { next: '/monitor' });
  await page.waitForSelector(`[data-card="warnings"] tr[data-key="${key}"]`);
  await settle(page);
  await page.click(`[data-card="warnings"] tr[data-key="${key}"] [data-action="monitor-in"]`);
  await page.waitForSelector(`${dlg} [data-field="reason"] input`);
  assert.equal(await page.inputValue(`${dlg} [data-field="reason"] input`), `新增大病或残疾（${w[0].day}）`);
  assert.equal(await page.isChecked(`${dlg} input[name="risks"][value="illness"]`), true);
  await page.keyboard.press('Escape');

  // the household page masks the state; the handbook's full view (audited) shows it
  await page.goto(page.url().replace(/\/monitor.*/, '/households/3713990001/handbook'));
  await page.waitForSelector('.hb-members');
  await settle(page);
  assert.equal(await text(page, `.hb-members tr:has-text("${m.name}") td:nth-child(7)`), '（已隐去）');
  await page.click('[data-action="full"]');
  await page.waitForURL((u) => u.searchParams.get('full') === '1');
  await page.waitForFunction((name) => [...document.querySelectorAll('.hb-members tr')].some((tr) => tr.innerText.includes(name) && tr.innerText.includes('患有大病')), m.name);
  await shot(page, 'handbook-full');
  const masked = (await api.get('/api/households/3713990001')).body.data;
  assert.equal(masked.members[1].health_withheld, true);
});
