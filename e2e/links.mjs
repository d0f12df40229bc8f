// End-to-end tests of share links and files over an autosaved plan, run by e2e.mjs: opening a
// link in a new tab or pasting it into an open one opens its plan and keeps the autosaved plan
// one click ("Your previous plan — restore") and one undo away; "Share link" and "Copy link"
// put the link on the clipboard and say so.

export async function linkTests({ browser, base, page, test, assert, watch, loadTemplate, waitTitle, title }) {
  // A link to the current plan of `p`, read from its share box (closed again).
  async function linkOf(p) {
    if ((await p.getAttribute('#share', 'aria-expanded')) !== 'true') await p.click('#share');
    const link = await p.inputValue('#share-link');
    await p.click('#share');
    return link;
  }

  await test('a share link opened over an autosaved plan keeps it one click and one undo away', async () => {
    await loadTemplate(page, 'hub-spoke-firewall');
    const shared = await title(page);
    const link = await linkOf(page);
    // Another person's browser with a plan of its own, autosaved.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await context.newPage();
    watch(other, 'autosaved');
    await other.goto(base);
    await other.click('button[data-template="users-to-azure"]');
    await other.click('button[data-add="cloud"]');
    await other.waitForSelector('#diagram [data-node="cloud-1"]');
    const mine = await title(other);
    assert(mine !== shared, 'two different plans');
    // Opening the link in a new tab of that browser.
    const tab = await context.newPage();
    watch(tab, 'link tab');
    await tab.goto(link);
    await waitTitle(tab, shared);
    assert((await tab.textContent('#notice')).includes('Opened the plan from the link'), 'says where the plan came from');
    assert(await tab.isEnabled('#undo'), 'undo is there');
    await tab.click('#restore-previous');
    await waitTitle(tab, mine);
    assert(await tab.isVisible('#diagram [data-node="cloud-1"]'), 'the previous plan came back whole');
    await tab.click('#undo');
    await waitTitle(tab, shared);
    await tab.click('#undo');
    await waitTitle(tab, mine);
    await context.close();
  });

  await test('a link pasted into an open tab opens its plan (hashchange), undo goes back', async () => {
    await loadTemplate(page, 'vwan-two-hubs');
    const link = await linkOf(page);
    const shared = await title(page);
    await loadTemplate(page, 'users-to-azure');
    const mine = await title(page);
    await page.goto(link);
    await waitTitle(page, shared);
    await page.waitForSelector('#restore-previous');
    await page.click('#undo');
    await waitTitle(page, mine);
    // A damaged link pasted the same way keeps the plan and says why.
    await page.goto(`${base}#p1.AAAA`);
    await page.waitForSelector('#notice.error');
    assert((await page.textContent('#notice')).includes('could not be opened'), 'names the problem');
    assert((await title(page)) === mine, 'the plan is unchanged');
  });

  await test('an imported file keeps the previous plan one click away', async () => {
    const mine = await title(page);
    const text = JSON.stringify({ reachplan: 1, title: 'Imported over another', nodes: [], links: [] });
    await page.setInputFiles('#import-file', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await waitTitle(page, 'Imported over another');
    await page.click('#restore-previous');
    await waitTitle(page, mine);
  });

  await test('"Share link" and "Copy link" put the link on the clipboard and say so', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    if ((await page.getAttribute('#share', 'aria-expanded')) === 'true') await page.click('#share');
    await page.click('#share');
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent.includes('Link copied'));
    const shown = await page.inputValue('#share-link');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert(copied === shown && copied.includes('#p1.'), `the clipboard holds the link: ${copied.slice(0, 60)}`);
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await page.click('#notice button[aria-label="Dismiss"]');
    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent.includes('Link copied'));
    assert((await page.evaluate(() => navigator.clipboard.readText())) === shown, 'copied again');
    await page.click('#share');
  });
}
