// End-to-end tests of "Import from Azure…" and "Export as Bicep", run by e2e.mjs: a Resource
// Graph dump chosen in the dialog (and another dropped on it) is merged into the open plan as
// one undo step, the hand-drawn nodes stay, the imported nodes are drawn and in the matrix and
// the report says what became what; JSON that cannot be read is reported with the file and
// the plan stays; the Bicep download declares the plan's resources. The dialog is
// photographed at 1280×800.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export async function azureTests({ page, test, assert, loadTemplate, root, shots, title }) {
  const fixture = path.join(root, 'tests/data/import/graph-hub-spoke.json');
  async function exported() {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-plan')]);
    return JSON.parse(readFileSync(await file.path(), 'utf8'));
  }
  const rows = () => page.$$eval('table.matrix tbody th[scope=row]', (ths) => ths.map((t) => t.textContent));

  await test('azure: a chosen Resource Graph dump merges into the open plan as one undo step', async () => {
    await loadTemplate(page, 'users-to-azure-and-onprem');
    const before = await exported();
    const titleBefore = await title(page);
    await page.click('#import-azure');
    await page.waitForSelector('.azure-dialog[role=dialog]');
    await page.screenshot({ path: `${shots}/azure-import-1280x800.png` });
    await page.setInputFiles('#azure-files', fixture);
    await page.waitForSelector('#azure-report');
    const report = await page.textContent('#azure-report');
    assert(report.includes('Imported from Azure:') && report.includes('hub-vnet'), `report: ${report}`);
    assert(/skipped|Skipped/.test(report), `the report says what was skipped: ${report}`);
    await page.screenshot({ path: `${shots}/azure-import-report-1280x800.png` });
    await page.click('#azure-close');
    await page.waitForSelector('#diagram [data-node="hub-vnet"]');
    const ids = await rows();
    for (const id of ['hub-vnet', 'spoke1-vnet', 'spoke2-vnet']) assert(ids.includes(id), `${id} is in the matrix: ${ids}`);
    const plan = await exported();
    for (const node of before.nodes) {
      assert(plan.nodes.some((n) => n.id === node.id), `the hand-drawn ${node.id} stays`);
    }
    const hub = plan.nodes.find((n) => n.id === 'hub-vnet');
    assert(hub && hub.azure_id && hub.azure_id.endsWith('/hub-vnet'), `hub-vnet carries its azure_id: ${JSON.stringify(hub)}`);
    assert(await title(page) === titleBefore, 'the title stays');
    // One undo takes the whole import back.
    await page.click('#undo');
    await page.waitForSelector('#diagram [data-node="hub-vnet"]', { state: 'detached' });
    assert(JSON.stringify(await exported()) === JSON.stringify(before), 'undo restores the plan');
  });

  await test('azure: a dropped file imports, importing again updates without doubling', async () => {
    const text = readFileSync(fixture, 'utf8');
    await page.click('#import-azure');
    for (let i = 0; i < 2; i += 1) {
      const drop = await page.evaluateHandle((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'estate.json', { type: 'application/json' }));
        return dt;
      }, text);
      await page.dispatchEvent('#azure-drop', 'drop', { dataTransfer: drop });
      await page.waitForFunction((n) => document.querySelector('#azure-report')?.textContent.includes(n),
        i === 0 ? 'nodes added' : '0 nodes added');
    }
    await page.click('#azure-close');
    const plan = await exported();
    const hubs = plan.nodes.filter((n) => (n.azure_id || '').endsWith('/hub-vnet'));
    assert(hubs.length === 1, `one hub-vnet after two imports: ${hubs.map((n) => n.id)}`);
  });

  await test('azure: JSON that cannot be read is reported with its file, and the plan stays', async () => {
    const before = await exported();
    await page.click('#import-azure');
    await page.fill('#azure-paste', '{"data": [ not json');
    await page.click('#azure-import-pasted');
    await page.waitForSelector('#azure-report.failed');
    const report = await page.textContent('#azure-report');
    assert(report.includes('pasted JSON') && report.includes('unchanged'), `report: ${report}`);
    await page.click('#azure-close');
    assert(JSON.stringify(await exported()) === JSON.stringify(before), 'the plan is unchanged');
  });

  await test('azure: "Export as Bicep" downloads the plan\'s resources', async () => {
    await loadTemplate(page, 'hub-spoke-firewall');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-bicep')]);
    assert(file.suggestedFilename().endsWith('.bicep'), `file name ${file.suggestedFilename()}`);
    const bicep = readFileSync(await file.path(), 'utf8');
    const expected = readFileSync(path.join(root, 'tests/golden/export/hub-spoke-firewall.bicep'), 'utf8');
    assert(bicep === expected, 'the download is the CLI\'s export of the same plan');
    assert(bicep.includes("resource vnet_hub 'Microsoft.Network/virtualNetworks@"), 'declares the hub');
  });
}
