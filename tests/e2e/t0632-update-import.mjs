// 数据导入 · 更新已有农户 (issue 18): the registry sheet exported masked, one member's 劳动技能 changed, dropped
// on the import page with 导入方式 “更新已有农户”: checked (1 correction), imported, and the household's history
// shows the 信息更正 with before and after.
// users: county
import { run, newPage, login, shot, text, assert, DESKTOP } from './lib.mjs';

async function dropFile(page, name, bytes, type) {
  const dt = await page.evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      return dt;
    },
    { name, data: [...bytes], type },
  );
  await page.dispatchEvent('[data-drop]', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('[data-drop]', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('[data-drop]', 'drop', { dataTransfer: dt });
}

await run(async () => {
  const page = await newPage({ viewport: DESKTOP });
  await login(page, 'county', { next: '/import' });
  await page.waitForSelector('select[name="kind"]');
  const csv = await page.evaluate(async () => (await fetch('/api/exports/registry?format=csv&village=371399100202')).text());
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
  const head = lines[0];
  const row = lines.find((l) => l[head.indexOf('姓名')] === '郑大妹');
  assert.equal(row[head.indexOf('证件号码')], '371399************');
  row[head.indexOf('劳动技能')] = '无劳动力';
  const edited = '\ufeff' + lines.map((l) => l.join(',')).join('\n') + '\n';
  await page.selectOption('select[name="kind"]', 'registry');
  await page.selectOption('select[name="event"]', 'update');
  await dropFile(page, '西岭村.csv', Buffer.from(edited, 'utf8'), 'text/csv');
  await page.waitForSelector('[data-outcome="checked"]');
  assert.match(await text(page, '[data-outcome="checked"]'), /将记录 1 条信息更正/);
  await shot(page, 'checked');
  await page.click('[data-action="import"]');
  await page.waitForSelector('[data-outcome="imported"]');
  assert.match(await text(page, '[data-outcome="imported"]'), /已记录 1 条信息更正/);
  await page.goto(new URL('/households/3713990004', page.url()).href);
  await page.waitForSelector('.timeline .tl-item');
  assert.match(await text(page, '.timeline .tl-item[data-type="data_fix"]'), /郑大妹.*劳动技能 丧失劳动力 → 无劳动力.*导入更新/);
});
