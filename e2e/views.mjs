// End-to-end tests of the Failures and Compare views, run by e2e.mjs, as a user acts: select an
// element on the diagram and fail it (the matrix marks the lost cells, the diagram draws it
// failed, the capacity answers for that state), Restore; the sweep lists the single points of
// failure, shows its progress on a large plan, keeps the page responsive and can be cancelled;
// intents that must survive name the failure that breaks them; Compare with a pasted share link
// and with the plan as loaded marks gained and lost cells and added nodes; Compare with a file
// reads it (or says why it cannot). Each checks that the
// EXPORTED plan is unchanged by a view. Screenshots at 1280×800 and 390×844.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export async function viewTests({ browser, base, page, test, assert, watch, loadTemplate, importGenerated, root, shots }) {
  async function exported(p = page) {
    const [file] = await Promise.all([p.waitForEvent('download'), p.click('#export-plan')]);
    return readFileSync(await file.path(), 'utf8');
  }
  async function linkOf(p = page) {
    if ((await p.getAttribute('#share', 'aria-expanded')) !== 'true') await p.click('#share');
    const link = await p.inputValue('#share-link');
    await p.click('#share');
    return link;
  }
  const cell = (from, to) => `table.matrix button[data-from="${from}"][data-to="${to}"]`;
  const change = (p, from, to) => p.getAttribute(cell(from, to), 'data-change');
  const mark = (p, from, to) => p.getAttribute(cell(from, to), 'data-mark');
  async function waitChange(p, from, to, value) {
    await p.waitForFunction(([s, v]) => document.querySelector(s)?.dataset.change === v, [cell(from, to), value]);
  }

  await test('failures: fail a region and a link, the matrix, diagram and capacity show it; Restore; the plan is unchanged', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    const before = await exported();
    const capacity = await page.textContent('.capacity-panel');
    const undo = await page.isEnabled('#undo');
    assert((await mark(page, 'remote-staff', 'hq')) === '✓', 'starts reachable');
    await page.click('#diagram [data-node="hub"]');
    // An instance of the gateway fails over to the other: shown, nothing lost.
    await page.click('.failures [data-domain="vpn_gateway:hub"]');
    await page.waitForSelector('#failure-bar');
    assert((await page.textContent('#failure-bar')).includes('0 pairs lost'), 'a gateway instance fails over');
    await page.click('.failures .fail-here [data-domain="region:westeurope"]');
    await page.waitForFunction(() => document.querySelector('#failure-bar')?.textContent.includes('the region westeurope'));
    await waitChange(page, 'remote-staff', 'hq', 'lost');
    assert((await mark(page, 'remote-staff', 'hq')) === '✗', 'the lost cell shows ✗');
    assert((await page.getAttribute(cell('remote-staff', 'hq'), 'aria-label')).includes('(lost)'), 'the cell says lost in words');
    assert(await page.isVisible('#diagram [data-mark-node="hub"][data-change="failed"]'), 'the diagram draws the hub failed');
    assert((await page.textContent('.capacity-panel')) !== capacity, 'the capacity panel answers for the failed state');
    await page.screenshot({ path: `${shots}/failures-1280x800.png` });
    assert((await exported()) === before, 'failing an element does not edit the plan');
    assert((await page.isEnabled('#undo')) === undo, 'nor adds an undo step');
    await page.click('#restore');
    await page.waitForSelector('#failure-bar', { state: 'detached' });
    await page.waitForFunction((s) => !document.querySelector(s)?.dataset.change, cell('remote-staff', 'hq'));
    assert((await mark(page, 'remote-staff', 'hq')) === '✓', 'Restore brings the pair back');
    // A link: the S2S tunnel to the head office.
    await page.focus('#diagram [data-kind="s2s"]');
    await page.keyboard.press('Enter');
    const domain = await page.getAttribute('.failures .fail-here [data-domain^="connection:"]', 'data-domain');
    await page.click(`.failures .fail-here [data-domain="${domain}"]`);
    await page.waitForSelector('#failure-bar');
    await waitChange(page, 'hq', 'spoke-app', 'lost');
    assert(await page.isVisible(`#diagram [data-mark-link="${domain.split(':')[1]}"][data-change="failed"]`), 'the link is drawn failed');
    await page.click('#restore');
    await page.waitForSelector('#failure-bar', { state: 'detached' });
    assert((await exported()) === before, 'the plan is unchanged after Restore');
  });

  await test('failures: the single points of failure with the users they cut, and "Fail it" from the list', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    await page.waitForSelector('.spofs li.spof');
    const first = await page.textContent('.spofs li.spof');
    assert(/remote users? cut/.test(first), `the heaviest names the users it cuts: ${first}`);
    assert(first.includes('To remove it:'), `and the change that removes it: ${first}`);
    await page.click('.spofs li.spof .fail');
    await page.waitForSelector('#failure-bar');
    assert((await page.$$('table.matrix td.lost')).length > 0, 'lost cells are marked');
    await page.click('#restore');
    await page.waitForSelector('#failure-bar', { state: 'detached' });
  });

  await test('failures: "Apply this change" removes a single point of failure from the plan, and Undo brings it back', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    // The single S2S tunnel from the head office: its remedy is a mechanical edit.
    const tunnel = '.spofs li.spof[data-domain="connection:1"]';
    await page.waitForSelector(`${tunnel} .apply-remedy`);
    const before = JSON.parse(await exported());
    const tunnels = (plan) => plan.links.filter((l) => l.kind === 's2s' && l.from === 'hq' && l.to === 'hub').length;
    assert(tunnels(before) === 1, 'one tunnel from the head office to start with');
    await page.click(`${tunnel} .apply-remedy`);
    // The sweep runs again on the edited plan, and the tunnel is no longer a single point.
    await page.waitForFunction(() => /failed in turn/.test(document.querySelector('.sweep-status')?.textContent || '')
      && !document.querySelector('.spofs li.spof[data-domain="connection:1"]'));
    const after = JSON.parse(await exported());
    assert(tunnels(after) === 2, `the exported plan has a second tunnel: ${JSON.stringify(after.links)}`);
    assert(after.nodes.length === before.nodes.length && after.links.length === before.links.length + 1, 'nothing of the plan is lost');
    await page.click('#undo');
    await page.waitForSelector(`${tunnel} .apply-remedy`);
    assert(JSON.stringify(JSON.parse(await exported())) === JSON.stringify(before), 'Undo restores the plan as it was');
  });

  await test('failures: the sweep of a large plan shows progress, keeps the page responsive and can be cancelled', async () => {
    await importGenerated(page, 300, 11);
    await page.click('#sweep-start');
    await page.waitForSelector('.sweep-status progress');
    // Frames keep coming while the sweep runs: the longest gap between two frames over 1.5 s.
    const gap = await page.evaluate(() => new Promise((done) => {
      let last = performance.now();
      let worst = 0;
      const end = last + 1500;
      const frame = (t) => {
        worst = Math.max(worst, t - last);
        last = t;
        if (t < end) requestAnimationFrame(frame); else done(worst);
      };
      requestAnimationFrame(frame);
    }));
    const status = await page.textContent('.sweep-status');
    assert(/of \d+/.test(status), `progress is shown: ${status}`);
    console.log(`      sweep of 300 endpoints: longest frame gap ${gap.toFixed(0)} ms; ${status.trim()}`);
    assert(gap < 250, `the page froze for ${gap} ms`);
    if (await page.isVisible('#sweep-cancel')) {
      await page.click('#sweep-cancel');
      await page.waitForFunction(() => document.querySelector('.sweep-status')?.textContent.includes('Cancelled'));
    }
  });

  await test('survives: the intents panel names the failure that breaks an intent that must survive', async () => {
    const plan = JSON.parse(readFileSync(path.join(root, 'tests/data/resilience/single-tunnel-branch.json'), 'utf8'));
    plan.intents.push({ from: 'branch', to: 'app', expect: 'reachable', survives: 'any single failure' });
    const file = path.join(shots, '..', 'survives.json');
    writeFileSync(file, JSON.stringify(plan, null, 2));
    await page.setInputFiles('#import-file', file);
    await page.waitForSelector('.intent .survival.broken');
    const broken = await page.$$eval('.intent', (li) => li.map((l) => l.textContent));
    const branch = broken.find((t) => t.includes('branch → app') && t.includes('survive'));
    assert(branch && /does not survive.*breaks it/.test(branch), `branch → app names its failure: ${branch}`);
    assert(branch.includes('✗'), 'and fails');
    const hq = broken.find((t) => t.includes('hq → hub'));
    assert(hq.includes('survives any single failure'), `hq → hub survives: ${hq}`);
    await page.locator('.intents-panel').screenshot({ path: `${shots}/survives-1280x800.png` });
  });

  await test('failures: a failed circuit whose VPN backup is too small says so above the work area; another failure moves nothing', async () => {
    const file = path.join(root, 'tests/data/resilience/er-backup-too-small.json');
    for (const [p, shot] of [[page, 'failures-capacity-1280x800.png'], [null, 'failures-capacity-390x844.png']]) {
      let context = null;
      let q = p;
      if (!q) {
        context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
        q = await context.newPage();
        watch(q, 'capacity under failure, phone');
        await q.goto(base);
        await q.waitForSelector('table.matrix');
      }
      await q.setInputFiles('#import-file', file);
      await q.waitForSelector('#diagram [data-node="er-ams"]');
      await q.click('#diagram [data-node="er-ams"]');
      await q.click('.failures .fail-here [data-domain="circuit:er-ams"]');
      await q.waitForSelector('#failure-capacity');
      const said = await q.textContent('#failure-capacity');
      assert(said.includes('1000 Mbps move to the VPN gateway of hub') && said.includes('650 Mbps aggregate'), `the backup and its limit: ${said}`);
      assert(said.includes('it does NOT carry them'), `and that it does not carry them: ${said}`);
      assert(await q.isVisible('#failure-capacity li.over'), 'marked over its limit');
      if (context) {
        const wide = await q.evaluate(() => document.scrollingElement.scrollWidth);
        assert(wide <= 390, `the page is ${wide} px wide`);
      }
      await q.locator('#failure-bar').scrollIntoViewIfNeeded();
      await q.screenshot({ path: `${shots}/${shot}` });
      // An instance of the ExpressRoute gateway fails over to the other: nothing moves to a backup.
      await q.click('#diagram [data-node="hub"]');
      await q.click('.failures .fail-here [data-domain="er_gateway:hub"]');
      await q.waitForFunction(() => document.querySelector('#failure-bar')?.textContent.includes('ExpressRoute gateway of hub'));
      assert(!(await q.isVisible('#failure-capacity')), 'no capacity sentence when nothing moves');
      await q.click('#restore');
      await q.waitForSelector('#failure-bar', { state: 'detached' });
      if (context) await context.close();
    }
  });

  await test('compare: with a pasted share link and with the plan as loaded, gained and lost cells, added nodes, the list; the plan is unchanged', async () => {
    await loadTemplate(page, 'users-to-azure');
    await page.focus('#diagram [data-kind="peering"]');
    await page.keyboard.press('Enter');
    await page.uncheck('#f-link-use_remote_gateways');
    await page.waitForFunction((s) => document.querySelector(s)?.dataset.mark === '✗', cell('remote-staff', 'spoke-app'));
    const broken = await linkOf();
    await page.click('#undo');
    await page.waitForFunction((s) => document.querySelector(s)?.dataset.mark === '✓', cell('remote-staff', 'spoke-app'));
    await page.click('button[data-add="vnet"]');
    await page.waitForSelector('#diagram [data-node="vnet-1"]');
    const before = await exported();
    // Against the pasted link: the pair the flag opens is gained, the new VNet is added.
    await page.fill('#compare-link', `  ${broken}  `);
    await page.click('.compare-link button[type="submit"]');
    await page.waitForSelector('#diff');
    await waitChange(page, 'remote-staff', 'spoke-app', 'gained');
    assert(await page.isVisible('#diagram [data-mark-node="vnet-1"][data-change="added"]'), 'the new VNet is marked added');
    const list = await page.textContent('#diff');
    assert(list.includes('Gained') && list.includes('remote-staff → spoke-app'), `the list says what changed: ${list.slice(0, 300)}`);
    assert(list.includes('vnet-1'), 'and names the added endpoint');
    await page.screenshot({ path: `${shots}/compare-1280x800.png` });
    // Against the plan as loaded: break the flag again while comparing: the pair is lost.
    await page.click('#compare-loaded');
    await page.waitForFunction(() => document.querySelector('#diff')?.textContent.includes('the plan as loaded'));
    await page.focus('#diagram [data-kind="peering"]');
    await page.keyboard.press('Enter');
    await page.uncheck('#f-link-use_remote_gateways');
    await waitChange(page, 'remote-staff', 'spoke-app', 'lost');
    assert((await page.textContent('#diff')).includes('Lost'), 'the list says the pair is lost');
    await page.click('#undo');
    assert((await exported()) === before, 'comparing does not edit the plan');
    // A damaged link is refused with a sentence, the comparison stays.
    await page.fill('#compare-link', 'https://example.com/#p1.garbage');
    await page.click('.compare-link button[type="submit"]');
    await page.waitForSelector('.compare .error');
    await page.click('#compare-stop');
    await page.waitForSelector('#diff', { state: 'detached' });
    assert((await page.$$('table.matrix td.gained, table.matrix td.lost')).length === 0, 'no cell is marked after Stop');
  });

  await test('compare: with a chosen plan file, and a file that is not a plan is refused with a sentence', async () => {
    await loadTemplate(page, 'hub-spoke-firewall');
    const before = await exported();
    await page.setInputFiles('#compare-file', path.join(root, 'www/examples/users-to-azure.json'));
    await page.waitForFunction(() => document.querySelector('#diff')?.textContent.includes('Compared with users-to-azure.json'));
    await page.setInputFiles('#compare-file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"reachplan": 1, "nodes": [') });
    await page.waitForSelector('.compare .error');
    const problem = await page.textContent('.compare .error');
    assert(problem.startsWith('notes.json could not be compared: not a plan this app can read: line 1'), `problem: ${problem}`);
    await page.click('#compare-stop');
    await page.waitForSelector('#diff', { state: 'detached' });
    assert((await exported()) === before, 'comparing does not edit the plan');
  });

  await test('views at 390×844: failure and comparison fit the width', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const p = await context.newPage();
    watch(p, 'views phone');
    await p.goto(base);
    await p.waitForSelector('table.matrix');
    await p.click('button[data-template="users-to-azure-and-onprem"]');
    await p.waitForSelector('#diagram [data-node="hub"]');
    await p.click('#diagram [data-node="hub"]');
    await p.click('.failures [data-domain="vpn_gateway:hub"]');
    await p.waitForSelector('#failure-bar');
    const wide = await p.evaluate(() => document.scrollingElement.scrollWidth);
    assert(wide <= 390, `the page is ${wide} px wide`);
    await p.screenshot({ path: `${shots}/failures-390x844.png` });
    await p.locator('.failures-panel').scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${shots}/failures-panel-390x844.png` });
    await p.click('#restore');
    await p.click('button[data-add="vnet"]');
    await p.click('#compare-loaded');
    await p.waitForSelector('#diff');
    await p.locator('.compare-panel').scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${shots}/compare-390x844.png` });
    assert((await p.evaluate(() => document.scrollingElement.scrollWidth)) <= 390, 'comparing keeps the width');
    await context.close();
  });
}
