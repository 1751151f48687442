// The office's day in a browser that disagrees with it: the browser's zone (Honolulu, Urumqi) and its clock
// (two days behind, three days ahead) differ from the server's, yet the dashboard's 截至 is the server's today,
// and an event recorded with the form's default date is accepted with that date. The day always comes from the
// server (its today, zone and time in /api/me), never from the browser.
// users: county
import { run, newPage, login, settle, text, assert, apiClient } from './lib.mjs';

const dlg = 'dialog[open]';

await run(async () => {
  const api = await apiClient('county');
  const me = (await api.get('/api/me')).body.data;
  assert.equal(me.tz, 'Asia/Shanghai');
  assert.match(me.today, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(me.server_time, new RegExp(`^${me.today}T\\d{2}:\\d{2}:\\d{2}\\+08:00$|^\\d{4}-\\d{2}-\\d{2}T23:59:\\d{2}\\+08:00$`));
  const health = await (await fetch(`${process.env.BASE_URL}/api/health`)).json();
  assert.equal(health.data.tz, 'Asia/Shanghai');

  const cases = [
    { zone: 'Pacific/Honolulu', shiftDays: -2, hh: '3713990009', status: '已脱贫享受政策' },
    { zone: 'Asia/Urumqi', shiftDays: 3, hh: '3713990003', status: '已脱贫享受政策' },
  ];
  for (const c of cases) {
    const page = await newPage({ timezoneId: c.zone });
    await page.clock.setFixedTime(Date.now() + c.shiftDays * 86400000);
    await login(page, 'county');
    await settle(page);
    // the server's day may turn while the test runs (the suite runs with the server's clock pinned just
    // before the office's midnight): the page's day is the server's before or after
    const before = (await api.get('/api/me')).body.data.today;
    const shown = await page.inputValue('.asof .date-text');
    const after = (await api.get('/api/me')).body.data.today;
    assert.ok(shown === before || shown === after, `截至 ${shown}, the server's today ${before}/${after}`);
    assert.equal(await text(page, '.asof-label'), '截至');

    await page.goto(`${process.env.BASE_URL}/households/${c.hh}`);
    await page.waitForSelector('.timeline');
    await settle(page);
    const t1 = (await api.get('/api/me')).body.data.today;
    await page.click('[data-action="record-event"]');
    await page.waitForSelector(`${dlg} select[name="type"]`);
    await page.selectOption(`${dlg} select[name="type"]`, 'exit');
    const def = await page.inputValue(`${dlg} [data-field="effective"] .date-text`);
    const t2 = (await api.get('/api/me')).body.data.today;
    assert.ok(def === t1 || def === t2, `the form's default date ${def}, the server's today ${t1}/${t2}`);
    await page.click(`${dlg} [data-action="save"]`);
    await page.waitForSelector('dialog', { state: 'detached' });
    await page.waitForFunction((s) => document.querySelector('[data-item="status"] .badge')?.innerText.trim() === s, c.status);
    const hh = (await api.get(`/api/households/${c.hh}`)).body.data;
    const last = hh.history.reduce((a, e) => (e.id > a.id ? e : a));
    assert.equal(last.type, 'exit');
    assert.equal(last.effective, def);
    await page.context().close();
  }
});
