// End-to-end tests of a first visit, run by e2e.mjs: template titles in the user's words, a hint
// where to start, the selected cell's explanation and its button without scrolling at 1280×800,
// the names behind the matrix's ids, labels never cut off (app and SVG export), and a skip link
// to the matrix as the first Tab stop.
import { readFileSync } from 'node:fs';
import { cutHtml, cutLabels } from './legible.mjs';

export async function firstVisitTests({ browser, base, page, test, assert, loadTemplate, templates, shots }) {
  const LONG = 'Hub VNet (West Europe) with Azure Firewall and both gateways';

  await test('first visit: titles in the user\'s words, and a hint where to start', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await fresh.newPage();
    await p.goto(base);
    await p.waitForSelector('table.matrix');
    const hint = p.locator('#start-hint');
    assert(await hint.isVisible(), 'the hint is shown');
    const box = await hint.boundingBox();
    assert(box.y + box.height <= 800, 'the hint is on the first screen');
    for (const id of [...templates, 'blank']) {
      await p.click(`button[data-template="${id}"]`);
      await p.waitForTimeout(50);
      const text = await p.evaluate(() => document.body.innerText + document.title);
      assert(!/seed scenario/i.test(text), `${id}: "Seed scenario" is shown`);
    }
    await fresh.close();
  });

  await test('first visit: the explanation of a selected cell and its button are on the first screen at 1280×800', async () => {
    await loadTemplate(page, 'hub-spoke-firewall');
    await page.evaluate(() => window.scrollTo(0, 0));
    const cell = page.locator('table.matrix button[data-mark="✗"], table.matrix button[data-mark="→"]').first();
    await cell.click();
    await page.waitForSelector('.explain');
    const y = await page.evaluate(() => window.scrollY);
    const explain = await page.locator('.explain .verdict').boundingBox();
    const button = await page.locator('.explain button').first().boundingBox();
    assert(explain && explain.y + explain.height + y <= 800, `the verdict ends at ${explain && explain.y + explain.height + y}px`);
    assert(button && button.y + button.height + y <= 800, `its first button ends at ${button && button.y + button.height + y}px`);
    await page.screenshot({ path: `${shots}/first-visit-explain-1280x800.png` });
  });

  await test('first visit: matrix ids carry their names in a tooltip; long names wrap, never cut (app and SVG)', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    const head = await page.getAttribute('table.matrix thead th[title*="(hq)"]', 'title');
    const name = await page.$eval('#diagram [data-node="hq"] title', (t) => t.textContent);
    assert(head && head === name, `matrix "${head}" and diagram "${name}" name hq alike`);
    await page.click('#diagram [data-node="hub"]');
    await page.fill('#f-name', LONG);
    await page.press('#f-name', 'Enter');
    await page.waitForFunction((l) => document.querySelector('#diagram [data-node="hub"] title')?.textContent.startsWith(l), LONG);
    const cut = await cutLabels(page, '#diagram');
    assert(cut.length === 0, `labels cut: ${cut}`);
    const shown = await page.$$eval('#diagram [data-node="hub"] text', (ts) => ts.map((t) => t.textContent).join(' '));
    assert(shown.includes(LONG), `every word of the name is drawn: ${shown}`);
    const html = await cutHtml(page);
    assert(html.length === 0, `text cut with an ellipsis: ${html}`);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    assert(!/<text[^>]*>[^<]*…/.test(svgText), 'the SVG export cuts no label');
    assert(svgText.includes('Hub VNet (West Europe) with') && svgText.includes('both gateways'), 'the SVG holds the whole name');
    await page.screenshot({ path: `${shots}/long-label-1280x800.png` });
    await page.click('#undo');
  });

  await test('first visit: the first Tab stop is a skip link; Enter puts the focus on the matrix', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await fresh.newPage();
    await p.goto(base);
    await p.waitForSelector('table.matrix');
    await p.keyboard.press('Tab');
    const first = await p.evaluate(() => [document.activeElement.className, document.activeElement.textContent]);
    assert(first[0].includes('skip-link') && /matrix/i.test(first[1]), `first Tab stop: ${first}`);
    assert(await p.locator('.skip-link').isVisible(), 'the focused skip link is visible');
    await p.keyboard.press('Enter');
    const inMatrix = await p.evaluate(() => !!document.activeElement.closest('.matrix-panel'));
    assert(inMatrix, 'Enter moved the focus into the matrix');
    assert(await p.evaluate(() => location.hash === ''), 'the address bar keeps no fragment');
    await fresh.close();
  });
}
