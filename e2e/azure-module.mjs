// End-to-end tests of the Azure module (the importer and the export, reachplan-azure.js and
// its _bg.wasm), run by e2e.mjs: a fresh page does not fetch it; opening "Import from Azure…"
// does, says "Loading the importer…" meanwhile, and imports under the strict
// Content-Security-Policy; a module that cannot be fetched is a clear message, the plan stays
// and nothing panics.
import path from 'node:path';

const MODULE = /\/reachplan-azure(\.js|_bg\.wasm)$/;

export async function azureModuleTests({ browser, base, test, assert, watch, loadTemplate, root }) {
  const template = path.join(root, 'tests/golden/export/hub-spoke-firewall.arm.json');

  await test('azure module: not fetched at first load, fetched when the import dialog opens', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    watch(page, 'azure-module');
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    // Held back a little, so that the dialog shows that it is loading.
    await page.route(MODULE, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(base);
    await page.waitForSelector('table.matrix button[data-from]');
    await page.waitForLoadState('networkidle');
    const azure = () => fetched.filter((p) => MODULE.test(p));
    assert(fetched.some((p) => p.endsWith('/reachplan-web_bg.wasm')), `the first module is fetched: ${fetched}`);
    assert(azure().length === 0, `the Azure module is fetched at first load: ${azure()}`);
    await loadTemplate(page, 'blank');
    await page.click('#import-azure');
    await page.waitForSelector('#azure-loading');
    assert((await page.textContent('#azure-loading')).includes('Loading the importer'), 'says it is loading');
    await page.waitForSelector('#azure-loading', { state: 'detached' });
    assert(!(await page.isVisible('#azure-load-failed')), 'the module loaded');
    const got = azure().map((p) => p.split('/').pop()).sort();
    assert(JSON.stringify(got) === JSON.stringify(['reachplan-azure.js', 'reachplan-azure_bg.wasm']),
      `fetched once each when the dialog opened: ${got}`);
    await page.setInputFiles('#azure-files', template);
    await page.waitForSelector('#azure-report');
    await page.click('#azure-close');
    await page.waitForSelector('#diagram [data-node="spoke-prod"]');
    const cell = await page.getAttribute('table.matrix button[data-from="spoke-prod"][data-to="spoke-shared"]', 'data-mark');
    assert(cell === '✓', `spoke-prod reaches spoke-shared: ${cell}`);
    assert(azure().length === 2, `fetched once: ${azure()}`);
    const violations = await page.evaluate(() => window.__csp);
    assert(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    await context.close();
  });

  await test('azure module: one that cannot be fetched is a clear message, and the plan stays', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(MODULE, (route) => route.abort());
    await page.goto(base);
    await loadTemplate(page, 'hub-spoke-firewall');
    const rows = () => page.$$eval('table.matrix tbody th[scope=row]', (ths) => ths.map((t) => t.textContent).join());
    const before = await rows();
    await page.click('#import-azure');
    await page.waitForSelector('#azure-load-failed');
    assert((await page.textContent('#azure-load-failed')).includes('could not be loaded'), 'says so');
    await page.fill('#azure-paste', '{"data": []}');
    await page.click('#azure-import-pasted');
    await page.waitForSelector('#azure-report.failed');
    const report = await page.textContent('#azure-report');
    assert(report.includes('could not be loaded') && report.includes('unchanged'), `report: ${report}`);
    await page.click('#azure-close');
    await page.click('#export-bicep');
    await page.waitForSelector('#notice.error');
    assert((await page.textContent('#notice')).includes('could not be made'), 'the export says so');
    assert(await rows() === before, 'the plan stays');
    assert(await page.isHidden('#panic'), 'no panic');
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await context.close();
  });
}
