// End-to-end tests of the inspector's fields, run by e2e.mjs: a plan is built from the blank
// template by typing key by key into every text field of every inspector (plan, each node kind
// with its optional parts switched on, a link), committing with Tab, Enter or a paste, and the
// exported plan file is checked after each commit and after undo. Invalid text stays as typed,
// marked, with its message, until Escape puts the stored value back.
import { readFileSync } from 'node:fs';

// What to type into each field (by element id without `f-`), and what is not acceptable.
const VALUES = {
  'plan-title': ['Typed plan'],
  'plan-description': ['Built by hand, key by key'],
  'wan-0-name': ['Main WAN'],
  id: ['renamed-node', 'Not An Id!'],
  name: ['West hub (typed)'],
  description: ['Typed description'],
  'address-space': ['10.20.0.0/16, 10.99.0.0/24', '10.20.0.0/33'],
  region: ['westeurope'],
  'pos-x': ['120', 'left'],
  'pos-y': ['-40', 'up'],
  asn: ['65010', '0'],
  count: ['250', 'many'],
  mbps: ['1.5', '-1'],
  'clients-windows': ['100', 'x'],
  'clients-macos': ['20', '1.5'],
  'clients-linux': ['5', '-5'],
  'clients-ios': ['7', 'seven'],
  'clients-android': ['9', '9x'],
  'units-s2s': ['2', '0'],
  'units-p2s': ['3', '101'],
  'units-er': ['4', 'four'],
  location: ['Amsterdam'],
  bandwidth: ['1000', '0'],
  provider: ['Equinix'],
  'er-units': ['2', '99'],
  'avd-hosts': ['12', 'twelve'],
  'vpn-asn': ['65515', '0'],
  'vpn-p2s-pool': ['172.16.0.0/24', '172.16.0.0'],
  'hub-p2s-pool': ['172.17.0.0/24', '172.17.0.0/40'],
  'link-id': ['typed-link', 'Bad Link Id'],
  'link-name': ['Typed link name'],
};

// The optional parts of a node that bring more fields with them.
const PARTS = ['f-vpn-gateway', 'f-vpn-p2s', 'f-er-gateway', 'f-avd', 'f-hub-p2s'];

// The values a typed text should put into the plan file.
function expected(text) {
  if (/^-?\d+(\.\d+)?$/.test(text)) return [Number(text)];
  if (text.includes('/')) return text.split(', ');
  return [text];
}

function leaves(value, out = []) {
  if (value && typeof value === 'object') Object.values(value).forEach((v) => leaves(v, out));
  else out.push(value);
  return out;
}

export async function fieldTests({ page, test, assert, loadTemplate }) {
  async function exported() {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-plan')]);
    return JSON.parse(readFileSync(await file.path(), 'utf8'));
  }

  // Empties a field with the keyboard and types `text` into it key by key; the field must
  // show every key as typed (no snap-back to the stored value).
  async function type(id, text) {
    await page.click(`#${id}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    for (const [i, key] of [...text].entries()) {
      await page.keyboard.type(key);
      const shown = await page.inputValue(`#${id}`);
      assert(shown === text.slice(0, i + 1), `${id}: after "${text.slice(0, i + 1)}" the field shows "${shown}"`);
    }
  }

  // Where the edited thing is in the exported plan.
  function part(plan, where) {
    if (where.node) return plan.nodes.find((n) => n.id === where.node);
    if (where.link !== undefined) return plan.links[where.link];
    return { title: plan.title, description: plan.description, wans: plan.wans };
  }

  let commits = 0;
  // Types the value of field `id` and commits it (Tab, Enter or a paste, in turn), checks the
  // exported plan holds it, undoes and checks the plan is as before; for a validated field,
  // first types the invalid value, which stays as typed and marked until Escape.
  async function edit(id, where) {
    const key = id.replace(/^f-/, '');
    const [good, bad] = VALUES[key] || [];
    assert(good !== undefined, `the test knows no value for the field ${id}`);
    const before = await exported();
    const stored = await page.inputValue(`#${id}`);
    if (bad !== undefined) {
      await type(id, bad);
      await page.waitForSelector(`#${id}-error`);
      await page.keyboard.press('Tab');
      assert((await page.inputValue(`#${id}`)) === bad, `${id}: the invalid text stays after Tab`);
      assert((await page.getAttribute(`#${id}`, 'aria-invalid')) === 'true', `${id}: marked invalid`);
      const message = await page.textContent(`#${id}-error`);
      assert(message.trim().length > 0, `${id}: a message says why`);
      assert(JSON.stringify(await exported()) === JSON.stringify(before), `${id}: invalid text is not stored`);
      await page.focus(`#${id}`);
      await page.keyboard.press('Escape');
      await page.waitForSelector(`#${id}-error`, { state: 'detached' });
      assert((await page.inputValue(`#${id}`)) === stored, `${id}: Escape restores "${stored}"`);
      assert((await page.getAttribute(`#${id}`, 'aria-invalid')) === 'false', `${id}: no longer marked`);
    }
    const multiline = (await page.evaluate((i) => document.getElementById(i).tagName, id)) === 'TEXTAREA';
    const how = ['Tab', 'Enter', 'paste'][commits % 3];
    commits += 1;
    if (how === 'paste') {
      await page.click(`#${id}`);
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(good);
      await page.keyboard.press('Tab');
    } else {
      await type(id, good);
      await page.keyboard.press(multiline ? 'Tab' : how);
    }
    const after = await exported();
    const target = key === 'id' ? { node: good } : where;
    const found = part(after, target);
    assert(found, `${id}: the edited part is in the exported plan`);
    const values = leaves(found);
    for (const v of expected(good)) {
      assert(values.includes(v), `${id} (${how}): the exported plan holds ${JSON.stringify(v)}`);
    }
    await page.click('#undo');
    await page.waitForFunction(([i, s]) => document.getElementById(i)?.value === s, [id, stored], { timeout: 5000 })
      .catch(() => {});
    assert(JSON.stringify(await exported()) === JSON.stringify(before), `${id}: undo restores the plan`);
  }

  // Every text field of the inspector as it is shown now, the id field last (it renames).
  async function textFields() {
    const ids = await page.$$eval('.inspector input[type=text], .inspector textarea', (es) => es.map((e) => e.id));
    return [...ids.filter((i) => i !== 'f-id'), ...ids.filter((i) => i === 'f-id')];
  }

  await test('the plan inspector: title, description and a WAN name take typed text', async () => {
    await loadTemplate(page, 'blank');
    await page.click('.inspector button:text("Add a virtual WAN")');
    await page.waitForSelector('#f-wan-0-name');
    const ids = await textFields();
    assert(ids.length === 3, `the plan inspector has 3 text fields: ${ids}`);
    for (const id of ids) await edit(id, {});
  });

  for (const kind of ['vnet', 'vwan_hub', 'site', 'users', 'expressroute', 'cloud', 'microsoft', 'internet']) {
    await test(`the ${kind} inspector: every text field takes typed text, export and undo agree`, async () => {
      await page.click(`button[data-add="${kind}"]`);
      await page.waitForSelector('#f-id');
      const node = await page.inputValue('#f-id');
      for (const id of PARTS) {
        if ((await page.$(`#${id}`)) && !(await page.isChecked(`#${id}`))) await page.check(`#${id}`);
      }
      const ids = await textFields();
      for (const id of ids) await edit(id, { node });
    });
  }

  await test('the link inspector: id and name take typed text', async () => {
    await page.click('button[data-add="site"]');
    await page.waitForSelector('#connect-target');
    const targets = await page.$$eval('#connect-target option', (os) => os.map((o) => o.value).filter(Boolean));
    await page.selectOption('#connect-target', targets.find((t) => t.startsWith('vnet')));
    await page.click('#connect-add');
    await page.waitForSelector('#f-link-id');
    const plan = await exported();
    const ids = await textFields();
    assert(ids.join() === 'f-link-id,f-link-name', `the link's text fields: ${ids}`);
    for (const id of ids) await edit(id, { link: plan.links.length - 1 });
  });

  await test('a plan built from scratch keeps its address ranges and users', async () => {
    await page.click('button[data-add="users"]');
    await page.waitForSelector('#f-count');
    await type('f-count', '40');
    await page.keyboard.press('Tab');
    const vnet = 'vnet-1';
    await page.click(`#diagram [data-node="${vnet}"]`);
    await page.waitForSelector('#f-address-space');
    await type('f-address-space', '10.1.0.0/16');
    await page.keyboard.press('Enter');
    const plan = await exported();
    const users = plan.nodes.filter((n) => n.kind === 'users');
    assert(users.some((n) => n.count === 40), 'the users count is kept');
    assert(plan.nodes.find((n) => n.id === vnet).address_space.join() === '10.1.0.0/16', 'the address space is kept');
  });
}
