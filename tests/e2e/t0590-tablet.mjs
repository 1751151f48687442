// The main screens on tablets (768×1024 portrait, 1024×768 landscape) and on the 1366×768 office screen:
// nothing wider than the screen (tables scroll inside their cards), the navigation reachable, no text cut off
// in the headline figures.
// users: county
import { run, newPage, login, settle, shot, assert, TABLET, DESKTOP } from './lib.mjs';

async function fits(page, where) {
  const { sw, w } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
  assert.ok(sw <= w, `${where}: the page is ${sw}px wide on a ${w}px screen`);
  // every headline figure is shown whole
  const cut = await page.$$eval('.kpi .nhmr, .kpi-title, .page-title, .nav-item span', (els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).map((e) => e.innerText),
  );
  assert.deepEqual(cut, [], `${where}: cut off`);
}

await run(async () => {
  for (const [name, viewport] of [['tablet', TABLET], ['landscape', { width: 1024, height: 768 }], ['desktop', DESKTOP]]) {
    const page = await newPage({ viewport });
    await login(page, 'county', { next: '/?as_of=2018-10-08' });
    await settle(page);
    await fits(page, `${name} dashboard`);
    assert.ok(await page.locator('.nav-item:visible', { hasText: '户查询' }).count(), `${name}: navigation visible`);
    await shot(page, `${name}-dashboard`, { keep: name === 'tablet' });
    await page.goto(page.url().replace(/\/\?.*$/, '/divisions/371399100000?as_of=2018-10-08'));
    await settle(page);
    await fits(page, `${name} town`);
    await page.goto(page.url().replace(/\/divisions.*$/, '/households/3713990003?as_of=2018-10-08'));
    await page.waitForSelector('.timeline');
    await fits(page, `${name} household`);
    await shot(page, `${name}-household`, { keep: name === 'tablet' });
    await page.click('[data-card="members"] tr:has-text("周敏") [data-action="edit-member"]');
    await page.waitForSelector('dialog[open]');
    const box = await page.locator('dialog[open]').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${name}: the dialog fits`);
    await shot(page, `${name}-edit`);
    await page.keyboard.press('Escape');
    await page.goto(page.url().replace(/\/households.*$/, '/import'));
    await page.waitForSelector('[data-drop]');
    await fits(page, `${name} import`);
    await page.context().close();
  }
});
