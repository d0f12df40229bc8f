// End-to-end tests at phone size (390×844), run by e2e.mjs: the diagram fits its panel after
// Fit, the palette shows its labels, a tapped cell's explanation comes into view, and a field
// edited at this width keeps what is typed (checked in the exported plan).
import { readFileSync } from 'node:fs';

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

  await test('phone 390×844: a tapped cell brings its explanation into view', async () => {
    await p.click('table.matrix button[data-from="remote-staff"][data-to="hq"]');
    await p.waitForSelector('.explain .verdict');
    await p.waitForFunction(() => {
      const r = document.querySelector('.explain .verdict').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, null, { timeout: 5000 });
    await p.screenshot({ path: `${shots}/phone-explain-390x844.png` });
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
}
