// End-to-end tests at phone size (390×844), run by e2e.mjs: the diagram fits its panel after
// Fit, the palette shows its labels, a tapped cell's explanation and its path come into view
// together, a field edited at this width keeps what is typed (checked in the exported plan),
// and each panel is drawn within the width, its text whole (screenshots of each).
import { readFileSync } from 'node:fs';
import { cutHtml, cutLabels } from './legible.mjs';

export async function phoneTests({ browser, base, test, assert, watch, shots }) {
  let context;
  let p;
  async function open() {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    p = await context.newPage();
    watch(p, 'phone');
    await p.goto(base);
    await p.waitForSelector('table.matrix');
    await p.click('button[data-template="users-to-azure-and-onprem"]');
    await p.waitForSelector('#diagram [data-node="hq"]');
  }

  await test('phone 390×844: the diagram fits its panel after Fit, and the palette shows labels', async () => {
    await open();
    await p.click('.canvas-tools button:has-text("Fit")');
    const svg = await p.locator('#diagram').boundingBox();
    const panel = await p.locator('.diagram-panel').boundingBox();
    assert(svg.width <= panel.width, `the diagram is drawn ${svg.width} px wide in a ${panel.width} px panel`);
    const nodes = await p.$$eval('#diagram [data-node]', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    for (const n of nodes) {
      assert(n.left >= svg.x - 1 && n.right <= svg.x + svg.width + 1, `a node is outside the diagram: ${JSON.stringify(n)}`);
    }
    const labels = await p.$$eval('.palette button.add', (bs) => bs.map((b) => [b.innerText.trim(), b.getBoundingClientRect().width]));
    assert(labels.length > 0 && labels.every(([t]) => t.length > 2), `palette labels: ${JSON.stringify(labels)}`);
    await p.screenshot({ path: `${shots}/phone-diagram-390x844.png` });
  });

  // Whether the explanation's verdict and every hop of the highlighted path are on the screen.
  const bothShown = () => {
    const inWindow = (r) => r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
    const verdict = document.querySelector('.explain .verdict');
    const hops = [...document.querySelectorAll('#diagram .path-hop')];
    return !!verdict && inWindow(verdict.getBoundingClientRect()) && hops.length > 0
      && hops.every((h) => inWindow(h.getBoundingClientRect()));
  };

  await test('phone 390×844: a tapped cell brings its explanation and its path into view', async () => {
    await p.click('table.matrix button[data-from="remote-staff"][data-to="hq"]');
    await p.waitForSelector('.explain .verdict');
    await p.waitForFunction(bothShown, null, { timeout: 5000 });
    await p.screenshot({ path: `${shots}/phone-explain-390x844.png` });
    // Zoomed in and panned away from the path, the next cell's path is shown whole again (Fit).
    for (let i = 0; i < 4; i += 1) await p.click('.canvas-tools button[aria-label="Zoom in"]');
    const zoomed = await p.evaluate(() => document.querySelector('#diagram [data-view]').getAttribute('transform'));
    await p.locator('table.matrix button[data-from="hq"][data-to="spoke-app"]').scrollIntoViewIfNeeded();
    await p.click('table.matrix button[data-from="hq"][data-to="spoke-app"]');
    await p.waitForFunction(() => document.querySelector('#explain-title')?.textContent === 'hq → spoke-app');
    await p.waitForFunction(bothShown, null, { timeout: 5000 });
    const now = await p.evaluate(() => document.querySelector('#diagram [data-view]').getAttribute('transform'));
    assert(now !== zoomed, `the view stayed zoomed on ${zoomed}`);
    await p.screenshot({ path: `${shots}/phone-path-390x844.png` });
  });

  await test('phone 390×844: a field edited at this width keeps what is typed', async () => {
    await p.locator('#diagram').scrollIntoViewIfNeeded();
    await p.click('#diagram [data-node="hub"]');
    await p.waitForSelector('#f-name');
    await p.click('#f-name');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('Hub typed on a phone');
    await p.keyboard.press('Enter');
    const [file] = await Promise.all([p.waitForEvent('download'), p.click('#export-plan')]);
    const plan = JSON.parse(readFileSync(await file.path(), 'utf8'));
    const hub = plan.nodes.find((n) => n.id === 'hub');
    assert(hub.name === 'Hub typed on a phone', `exported name: ${hub.name}`);
    await p.screenshot({ path: `${shots}/phone-edit-390x844.png` });
    await context.close();
  });

  // Every panel of the page, with what makes it show its content.
  const PANELS = ['.diagram-panel', '.matrix-panel', '.side-panel', '.failures-panel', '.compare-panel',
    '.capacity-panel', '.findings-panel', '.intents-panel'];
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    await test(`each panel at ${width}×${height}: within the width, no text cut; a screenshot of each`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height } });
      const q = await ctx.newPage();
      watch(q, `panels ${width}`);
      await q.goto(base);
      await q.waitForSelector('table.matrix');
      await q.click('button[data-template="hub-spoke-firewall"]');
      await q.waitForSelector('#diagram [data-node="spoke-dev"]');
      await q.click('table.matrix button[data-from="spoke-dev"][data-to="spoke-prod"]');
      await q.waitForSelector('.explain .verdict');
      for (const sel of PANELS) {
        const panel = q.locator(sel);
        await panel.scrollIntoViewIfNeeded();
        const box = await panel.boundingBox();
        assert(box && box.x >= 0 && box.x + box.width <= width + 0.5, `${sel} is drawn from ${box && box.x} to ${box && box.x + box.width} in ${width} px`);
        const inside = await panel.evaluate((el) => [...el.querySelectorAll('*')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className.baseVal ?? e.className}`).slice(0, 5));
        assert(inside.length === 0, `${sel}: content wider than its box: ${inside}`);
        await panel.screenshot({ path: `${shots}/panel-${sel.slice(1)}-${width}x${height}.png` });
      }
      assert((await cutHtml(q)).length === 0, `text cut: ${await cutHtml(q)}`);
      assert((await cutLabels(q, '#diagram')).length === 0, 'a diagram label is cut');
      const sideways = await q.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(sideways <= 0, `the page scrolls sideways by ${sideways} px`);
      await q.screenshot({ path: `${shots}/page-${width}x${height}-full.png`, fullPage: true });
      await ctx.close();
    });
  }
}
