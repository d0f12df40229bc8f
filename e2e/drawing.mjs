// End-to-end tests of drawing by hand on the diagram, run by e2e.mjs, with real mouse drags
// (page.mouse down, move, up) and the keyboard: connecting two nodes from a node's handle (one
// valid link kind at once, a choice where there are several), Delete and Backspace, duplicating
// a node (button and Ctrl+D), selecting several nodes (Shift+click, a rubber band) and moving
// them together. Each checks the EXPORTED plan file, then that undo restores it.
import { readFileSync } from 'node:fs';

export async function drawingTests({ page, test, assert, loadTemplate, shots }) {
  async function exported() {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-plan')]);
    return JSON.parse(readFileSync(await file.path(), 'utf8'));
  }
  const node = (id) => page.locator(`#diagram [data-node="${id}"]`);
  async function centre(locator) {
    await locator.scrollIntoViewIfNeeded();
    const b = await locator.boundingBox();
    return [b.x + b.width / 2, b.y + b.height / 2];
  }
  async function drag(from, to) {
    await page.mouse.move(...from);
    await page.mouse.down();
    await page.mouse.move(...to, { steps: 8 });
    await page.mouse.up();
  }
  // Drags from a node's handle (●) onto another node.
  async function connect(a, b) {
    const handle = page.locator(`#diagram [data-handle="${a}"] circle`).last();
    await drag(await centre(handle), await centre(node(b)));
  }
  const has = (plan, kind, from, to) => plan.links.some((l) => l.kind === kind && l.from === from && l.to === to);
  async function undoTo(expected, what) {
    for (let i = 0; i < 5; i += 1) {
      const now = await exported();
      if (JSON.stringify(now) === JSON.stringify(expected)) return;
      await page.click('#undo');
    }
    assert(false, `undo did not restore the plan ${what}`);
  }

  await test('drawing: a drag from a node\'s handle connects it, with a choice where several kinds are valid; undo', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    await page.click('.palette button[data-add="vnet"]');
    await page.waitForSelector('#diagram [data-node="vnet-1"]');
    const start = await exported();
    // A site and a VNet: a site-to-site VPN is the only kind, added at once.
    await connect('hq', 'vnet-1');
    await page.waitForSelector('#f-link-id');
    let plan = await exported();
    assert(has(plan, 's2s', 'hq', 'vnet-1'), `the S2S link hq → vnet-1 is in the plan: ${JSON.stringify(plan.links.slice(-1))}`);
    // Two VNets: peering or a VNet-to-VNet VPN, so the choice is offered, valid kinds only.
    await connect('hub', 'vnet-1');
    await page.waitForSelector('.link-choice button[data-kind]');
    const kinds = await page.$$eval('.link-choice button[data-kind]', (bs) => bs.map((b) => b.dataset.kind));
    assert(kinds.includes('peering') && kinds.includes('s2s') && !kinds.includes('p2s'), `offered ${kinds}`);
    await page.screenshot({ path: `${shots}/drawing-choice-1280x800.png` });
    await page.click('.link-choice button[data-kind="peering"]');
    await page.waitForSelector('.link-choice', { state: 'detached' });
    plan = await exported();
    assert(has(plan, 'peering', 'hub', 'vnet-1'), 'the peering hub → vnet-1 is in the plan');
    // A user group onto a node no link kind joins it to: said, nothing added.
    const before = plan.links.length;
    await connect('remote-staff', 'hq');
    await page.waitForSelector('.notice.error');
    assert((await page.textContent('.notice.error')).includes('No link joins'), 'the refusal is said');
    assert((await exported()).links.length === before, 'no link added');
    await undoTo(start, 'after connecting');
  });

  await test('drawing: Delete and Backspace remove the selection, not while typing; undo', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    const start = await exported();
    await page.click('#diagram [data-node="spoke-app"]');
    await page.waitForSelector('#f-name');
    // Backspace in a field edits the field, never the plan's nodes.
    await page.click('#f-name');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    assert((await exported()).nodes.some((n) => n.id === 'spoke-app'), 'typing kept the node');
    await page.click('#diagram [data-node="spoke-app"]');
    await page.keyboard.press('Delete');
    let plan = await exported();
    assert(!plan.nodes.some((n) => n.id === 'spoke-app'), 'Delete removed the node');
    assert(!plan.links.some((l) => l.from === 'spoke-app' || l.to === 'spoke-app'), 'and its links');
    // A link, selected on the diagram, goes with Backspace.
    const links = plan.links.length;
    await page.locator('#diagram .link').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#f-link-id');
    await page.keyboard.press('Backspace');
    plan = await exported();
    assert(plan.links.length === links - 1, `Backspace removed the link (${plan.links.length} of ${links})`);
    await undoTo(start, 'after deleting');
  });

  await test('drawing: a node is duplicated by its button and by Ctrl+D with a new unique id; undo', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    const start = await exported();
    await page.click('#diagram [data-node="hub"]');
    await page.click('#duplicate-node');
    await page.waitForSelector('#diagram [data-node="hub-copy"]');
    await page.click('#diagram [data-node="hq"]');
    await page.keyboard.press('Control+d');
    await page.waitForSelector('#diagram [data-node="hq-copy"]');
    const plan = await exported();
    const ids = plan.nodes.map((n) => n.id);
    assert(new Set(ids).size === ids.length, `ids stay unique: ${ids}`);
    const [hub, copy] = ['hub', 'hub-copy'].map((id) => plan.nodes.find((n) => n.id === id));
    assert(copy.kind === hub.kind && JSON.stringify(copy.address_space) === JSON.stringify(hub.address_space), 'the copy has the fields');
    assert(plan.nodes.some((n) => n.id === 'hq-copy' && n.kind === 'site'), 'Ctrl+D copied the site');
    await undoTo(start, 'after duplicating');
  });

  await test('drawing: Shift+click and a rubber band select several nodes, a drag moves them together; undo', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    const start = await exported();
    await page.click('#diagram [data-node="hub"]');
    await page.click('#diagram [data-node="hq"]', { modifiers: ['Shift'] });
    await page.waitForSelector('#several-title');
    assert((await page.textContent('#several-title')).startsWith('2 nodes'), 'two nodes selected');
    const at = (p, id) => p.nodes.find((n) => n.id === id).position;
    const moveHub = async (dx, dy) => {
      const [x, y] = await centre(node('hub'));
      await drag([x, y], [x + dx, y + dy]);
      return exported();
    };
    // The first move pins every node where it is drawn; the second is measured against it.
    const pinned = await moveHub(30, 20);
    assert(pinned.nodes.every((n) => n.position), 'a move pins every node');
    const plan = await moveHub(70, 45);
    const moved = ['hub', 'hq'].map((id) => [at(plan, id).x - at(pinned, id).x, at(plan, id).y - at(pinned, id).y]);
    assert(Math.abs(moved[0][0] - moved[1][0]) <= 1 && Math.abs(moved[0][1] - moved[1][1]) <= 1, `moved together: ${JSON.stringify(moved)}`);
    assert(moved[0][0] > 10 && moved[0][1] > 5, `moved right and down: ${JSON.stringify(moved)}`);
    for (const n of plan.nodes.filter((n) => n.id !== 'hub' && n.id !== 'hq')) {
      assert(JSON.stringify(n.position) === JSON.stringify(at(pinned, n.id)), `${n.id} stayed`);
    }
    // A rubber band (Shift+drag on the background) around the whole diagram selects every node.
    const box = await page.locator('#diagram').boundingBox();
    await page.keyboard.down('Shift');
    await drag([box.x + 4, box.y + box.height - 4], [box.x + box.width - 4, box.y + 4]);
    await page.keyboard.up('Shift');
    await page.waitForSelector('#several-title');
    const n = plan.nodes.length;
    assert((await page.textContent('#several-title')).startsWith(`${n} nodes`), `the band selects all ${n} nodes`);
    await undoTo(start, 'after moving');
  });
}
