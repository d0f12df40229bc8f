// End-to-end tests of the <reach-plan> documentation widget in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core). Serves the built dist/ itself, with the strict
// Content-Security-Policy header a docs site may send, and checks the demo page
// (www/docs/remote-work.html): both widgets show the CLI's matrices, a tweak in one leaves the
// other alone, reset restores the article's plan, the page's URL, history, storage and styles are
// untouched and no CSP violation is reported; then the inline, share-link, edit and iframe forms,
// the script surface, and the size and first-matrix time budgets.
//   node e2e/widget.mjs [DIST] [SCREENSHOT_DIR]   everything; prints `N passed, N failed` last
//   node e2e/widget.mjs --budget [DIST]           only the size and time budgets
// The matrices are compared with the CLI (`reachplan check FILE --json`; target/debug or
// target/release, or REACHPLAN_CLI). Exits 1 when a test fails.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gzipSync, inflateRawSync } from 'node:zlib';
import { widgetText } from './legible.mjs';
import { serve, STRICT_CSP } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const budgetOnly = args[0] === '--budget';
if (budgetOnly) args.shift();
const dist = path.resolve(args[0] || path.join(root, 'dist'));
const shots = path.resolve(args[1] || path.join(root, 'target', 'screenshots'));
mkdirSync(shots, { recursive: true });

const CSP = STRICT_CSP;
const SIZE_BUDGET = 276_000; // bytes, gzip -9, of what a view-mode page transfers (250 KB, then 262 KB, 278 KB and 282 KB while the engine grew, until the sorts were shared: README)
const TIME_BUDGET = 500; // ms from navigation to every widget's matrix on the demo page
const TRANSFER = ['widget/reachplan-widget_bg.wasm', 'widget/reachplan-widget.js', 'widget/reach-plan.js', 'widget/widget.css'];
const EDIT = ['widget/reachplan-widget-edit_bg.wasm', 'widget/reachplan-widget-edit.js'];
const DEMO = 'docs/remote-work.html';
// Every wait below is for a condition (a matrix drawn, a mark shown, the page scrolled); its
// timeout is generous and only stops a hang, it is not a time budget (the budget is measured
// on its own, by `--budget`, see TIME_BUDGET).
const HANG = 300000;
const SCENARIOS = {
  'scenario-1': 'www/examples/users-to-azure.json',
  'scenario-2': 'www/examples/users-to-azure-and-onprem.json',
};

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function plan(file) {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
}

function cli() {
  if (process.env.REACHPLAN_CLI) return process.env.REACHPLAN_CLI;
  const found = ['release', 'debug']
    .map((p) => path.join(root, 'target', p, 'reachplan'))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found.length) throw new Error('build the CLI first (cargo build --bin reachplan)');
  return found[0];
}

function mark(pair) {
  if (pair.reachable) return '✓';
  if (pair.one_way) return '→';
  return { desktop: 'D', rdp_ssh: 'R', https: 'H' }[pair.access] || '✗';
}

function marksOf(analysis) {
  const cells = {};
  for (const p of analysis.pairs) cells[`${p.from} → ${p.to}`] = mark(p);
  return { endpoints: analysis.endpoints, cells };
}

function cliMatrix(file) {
  const run = spawnSync(cli(), ['check', path.join(root, file), '--json'], { encoding: 'utf8' });
  if (run.status === 2 || !run.stdout) throw new Error(`CLI failed on ${file}: ${run.stderr}`);
  return marksOf(JSON.parse(run.stdout));
}

function same(a, b, what) {
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  assert(ja === jb, `${what}: ${ja.slice(0, 300)} is not ${jb.slice(0, 300)}`);
}

// Objects compared whatever the order of their keys.
function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

function shareLink(p) {
  return `p1.${deflateRawSync(Buffer.from(JSON.stringify(p))).toString('base64url')}`;
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

// Gzipped size as `gzip -9` makes it (node's zlib, which compresses a little worse, without gzip).
function gzipped(file) {
  const run = spawnSync('gzip', ['-9c', file], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status === 0) return run.stdout.length;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

// --- what a page sees --------------------------------------------------------------------------

// Inside the widget `id`: the matrix as shown.
async function widgetMatrix(page, id, frame = page) {
  return frame.evaluate((id) => {
    const root = document.getElementById(id)?.shadowRoot;
    if (!root) return null;
    const endpoints = [...root.querySelectorAll('table.matrix tbody th[scope=row]')].map((t) => t.textContent);
    const cells = {};
    for (const b of root.querySelectorAll('table.matrix button[data-from]')) cells[`${b.dataset.from} → ${b.dataset.to}`] = b.dataset.mark;
    return { endpoints, cells };
  }, id);
}

async function waitMatrix(frame, id) {
  await frame.waitForFunction((id) => !!document.getElementById(id)?.shadowRoot?.querySelector('table.matrix'), id, { timeout: HANG });
}

async function waitMark(page, id, from, to, expected) {
  await page.waitForFunction(
    ([id, f, t, m]) => document.getElementById(id)?.shadowRoot
      ?.querySelector(`table.matrix button[data-from="${f}"][data-to="${t}"]`)?.dataset.mark === m,
    [id, from, to, expected],
    { timeout: HANG },
  );
}

// Clicks the middle of an SVG shape the way a person would (Playwright takes a line with an
// empty box for invisible).
async function clickShape(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  await locator.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function shadowText(page, id, selector) {
  return page.evaluate(([id, s]) => document.getElementById(id).shadowRoot.querySelector(s)?.textContent ?? null, [id, selector]);
}

// Records CSP violations, errors and each widget's events, before any of the page's scripts run.
function recorder() {
  window.__csp = [];
  window.__events = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  }, true);
  for (const type of ['ready', 'change', 'error']) {
    document.addEventListener(type, (e) => {
      if (e.target && e.target.localName === 'reach-plan') {
        window.__events.push({ type, id: e.target.id, modified: e.detail && e.detail.modified, at: e.detail && e.detail.at, message: e.detail && e.detail.message });
      }
    }, true);
  }
}

const problems = [];
function watch(page, name) {
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${name}: console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${name}: HTTP ${r.status()} for ${r.url()}`);
  });
}

// What the host page is: computed styles of its elements, its stylesheets, head, URL, history
// and storage.
async function host(page) {
  return page.evaluate(() => {
    const style = (sel) => {
      const el = document.querySelector(sel);
      if (!el) return `${sel}: missing`;
      const cs = getComputedStyle(el);
      return [sel, cs.fontFamily, cs.fontSize, cs.lineHeight, cs.color, cs.backgroundColor, cs.margin, cs.padding, cs.letterSpacing].join(' | ');
    };
    return {
      styles: ['html', 'body', 'header.site', 'h1', 'h2', '.lede', 'figcaption', 'pre', 'code', '.note', 'footer.site'].map(style),
      sheets: [...document.styleSheets].map((s) => s.href),
      adopted: document.adoptedStyleSheets.length,
      head: document.head.innerHTML,
      htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
      bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
      url: location.href,
      history: history.length,
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
    };
  });
}

// --- the run -----------------------------------------------------------------------------------

const server = await serve(dist, 0, '127.0.0.1', { 'content-security-policy': CSP });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let passed = 0;
let failed = 0;
let current = null;
async function test(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok    ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL  ${name}: ${e.message.split('\n')[0]}`);
    if (current) await current.screenshot({ path: path.join(shots, `widget-failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

await test(`the widget's transfer is at most ${kb(SIZE_BUDGET)} gzipped`, async () => {
  let total = 0;
  const parts = TRANSFER.map((f) => {
    const gz = gzipped(path.join(dist, f));
    total += gz;
    return `${path.basename(f)} ${kb(gz)} (${kb(statSync(path.join(dist, f)).size)} raw)`;
  });
  console.log(`      widget transfer, gzip -9: ${parts.join(', ')}`);
  console.log(`      widget transfer total: ${kb(total)} (budget ${kb(SIZE_BUDGET)})`);
  const edit = EDIT.filter((f) => existsSync(path.join(dist, f)))
    .map((f) => gzipped(path.join(dist, f)));
  if (edit.length) console.log(`      edit mode, loaded only by pages with mode="edit": ${kb(edit.reduce((a, b) => a + b, 0))} more`);
  assert(total <= SIZE_BUDGET, `${kb(total)} is over the budget of ${kb(SIZE_BUDGET)}`);
});

await test(`the first matrix is on screen within ${TIME_BUDGET} ms of navigation`, async () => {
  // Five fresh loads of the demo page (nothing cached); the median counts.
  const runs = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(recorder);
    await page.goto(base + DEMO);
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ready').length >= 2, null, { timeout: HANG });
    const at = await page.evaluate(() => {
      const ready = window.__events.filter((e) => e.type === 'ready').map((e) => e.at);
      return { first: Math.min(...ready), last: Math.max(...ready) };
    });
    runs.push(at);
    await context.close();
  }
  const firsts = runs.map((r) => r.first).sort((a, b) => a - b);
  const lasts = runs.map((r) => r.last).sort((a, b) => a - b);
  console.log(`      first matrix on screen after navigation: median ${Math.round(firsts[2])} ms, both widgets ${Math.round(lasts[2])} ms (runs: ${runs.map((r) => Math.round(r.first)).join(', ')} ms; budget ${TIME_BUDGET} ms)`);
  // A time depends on the machine: the test suite prints it, the budget command
  // (scripts/widget-budget.sh) fails on it.
  if (budgetOnly) assert(firsts[2] <= TIME_BUDGET, `median ${Math.round(firsts[2])} ms is over ${TIME_BUDGET} ms`);
  else if (firsts[2] > TIME_BUDGET) console.log(`      over the time budget on this machine: run scripts/widget-budget.sh`);
});

if (!budgetOnly) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

  // The page without the widget's script: what its styles are when nothing runs.
  let bare;
  await test('the demo page is served with the Content-Security-Policy header', async () => {
    const page = await context.newPage();
    current = page;
    await page.route('**/widget/reach-plan.js', (route) => route.abort());
    const response = await page.goto(base + DEMO);
    assert(response.headers()['content-security-policy'] === CSP, `header: ${response.headers()['content-security-policy']}`);
    bare = await host(page);
    await page.close();
  });

  const page = await context.newPage();
  current = page;
  watch(page, 'demo');
  await page.addInitScript(recorder);
  let loaded;
  const before = {};

  await test('both widgets of the demo page show the CLI\'s matrices', async () => {
    await page.goto(base + DEMO);
    loaded = await host(page);
    for (const [id, file] of Object.entries(SCENARIOS)) {
      await waitMatrix(page, id);
      before[id] = await widgetMatrix(page, id);
      same(before[id], cliMatrix(file), id);
      same(await shadowText(page, id, '.rp-title'), plan(file).title, `${id} title`);
    }
    for (const id of Object.keys(SCENARIOS)) {
      const { smallest, cut } = await widgetText(page, id);
      assert(smallest >= 11, `${id}: diagram text drawn at ${smallest.toFixed(1)} px, under 11 px`);
      assert(cut.length === 0, `${id}: labels cut: ${cut}`);
    }
    await page.screenshot({ path: path.join(shots, 'widget-demo-1280x800.png') });
    await page.screenshot({ path: path.join(shots, 'widget-demo-1280-full.png'), fullPage: true });
  });

  await test('focus="remote-staff,hq" opens that pair selected and explained', async () => {
    const pressed = await page.evaluate(() => document.getElementById('scenario-2').shadowRoot
      .querySelector('table.matrix button[aria-pressed="true"]')?.dataset);
    assert(pressed && pressed.from === 'remote-staff' && pressed.to === 'hq', `selected: ${JSON.stringify(pressed)}`);
    const title = await shadowText(page, 'scenario-2', '.explain h2');
    assert(title === 'remote-staff → hq', `explanation: ${title}`);
    const hops = await page.evaluate(() => document.getElementById('scenario-2').shadowRoot.querySelectorAll('.path-hop').length);
    assert(hops === 2, `${hops} highlighted hops`);
  });

  await test('the page\'s styles do not reach into the widgets', async () => {
    const inside = await page.evaluate(() => {
      const rootOf = document.getElementById('scenario-1').shadowRoot;
      const button = getComputedStyle(rootOf.querySelector('.rp-reset'));
      const cell = getComputedStyle(rootOf.querySelector('table.matrix td'));
      const svg = rootOf.querySelector('svg.diagram').getBoundingClientRect();
      const box = getComputedStyle(rootOf.querySelector('.rp-box'));
      return { transform: button.textTransform, spacing: button.letterSpacing, radius: button.borderRadius, bg: button.backgroundColor, cellBorder: cell.borderTopWidth, font: box.fontFamily, svg: svg.height };
    });
    assert(inside.transform === 'none', `buttons are ${inside.transform}`);
    assert(inside.spacing === 'normal', `letter spacing ${inside.spacing}`);
    assert(inside.radius === '6px' && inside.bg === 'rgb(255, 255, 255)', `button ${inside.radius} ${inside.bg}`);
    assert(inside.cellBorder === '0px', `matrix cells have a ${inside.cellBorder} border`);
    assert(/system-ui/.test(inside.font), `font ${inside.font}`);
    assert(inside.svg > 200, `the diagram is ${inside.svg} px high`);
  });

  await test('a tweak in one widget leaves the other alone', async () => {
    const s2 = page.locator('#scenario-2');
    await clickShape(s2.locator('g.link[data-kind="s2s"]'));
    await s2.locator('input[data-flag="bgp"]').uncheck();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✗');
    same(await widgetMatrix(page, 'scenario-1'), before['scenario-1'], 'scenario-1 after the tweak');
    assert(await shadowText(page, 'scenario-1', '.rp-state') === 'As written', 'scenario-1 says it changed');
    assert(await shadowText(page, 'scenario-2', '.rp-state') === 'Changed here; not saved', 'scenario-2 does not say it changed');
    const events = await page.evaluate(() => window.__events.filter((e) => e.type === 'change'));
    assert(events.length >= 1 && events.every((e) => e.id === 'scenario-2'), `change events ${JSON.stringify(events)}`);
    assert(events[events.length - 1].modified === true, 'the change event says modified');
    assert(await page.evaluate(() => document.getElementById('scenario-2').modified), 'el.modified is false');
    // The explanation names the rule and offers the fix.
    await s2.locator('table.matrix button[data-from="remote-staff"][data-to="hq"]').click();
    const why = await shadowText(page, 'scenario-2', '.explain');
    assert(/R\d+\.\d+/.test(why), `no rule in: ${why.slice(0, 200)}`);
    await page.locator('#scenario-2').screenshot({ path: path.join(shots, 'widget-tweaked.png') });
  });

  await test('reset restores the article\'s plan', async () => {
    await page.locator('#scenario-2').locator('.rp-reset').click();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✓');
    same(await widgetMatrix(page, 'scenario-2'), before['scenario-2'], 'scenario-2 after reset');
    const state = await page.evaluate(() => {
      const el = document.getElementById('scenario-2');
      return { modified: el.modified, plan: el.plan };
    });
    assert(state.modified === false, 'still modified');
    same(canonical(state.plan), canonical(plan(SCENARIOS['scenario-2'])), 'the plan after reset');
    assert(await shadowText(page, 'scenario-2', '.rp-state') === 'As written', 'the state line');
  });

  await test('"Apply the fix" in a widget opens the pair again', async () => {
    const s2 = page.locator('#scenario-2');
    await clickShape(s2.locator('g.link[data-kind="s2s"]'));
    await s2.locator('input[data-flag="bgp"]').uncheck();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✗');
    await s2.locator('table.matrix button[data-from="remote-staff"][data-to="hq"]').click();
    await s2.locator('#apply-fix').click();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✓');
    assert(await page.evaluate(() => document.getElementById('scenario-2').modified) === false, 'the fix did not restore the plan');
  });

  await test('the matrix marks what changed since Reset, and Reset clears the marks', async () => {
    const s2 = page.locator('#scenario-2');
    const changes = () => page.evaluate(() => {
      const root = document.getElementById('scenario-2').shadowRoot;
      const cells = {};
      for (const b of root.querySelectorAll('table.matrix button[data-change]')) cells[`${b.dataset.from} → ${b.dataset.to}`] = [b.dataset.change, b.dataset.mark];
      return { cells, legend: root.querySelector('.rp-since')?.textContent ?? null };
    });
    const none = async (what) => {
      await page.waitForFunction(() => !document.getElementById('scenario-2').shadowRoot.querySelector('table.matrix [data-change], .rp-since'), null, { timeout: HANG });
      same(await changes(), { cells: {}, legend: null }, what);
    };
    await none('the plan as written');
    // The reader switches BGP off on the site-to-site link: the pairs it cuts are marked lost.
    await clickShape(s2.locator('g.link[data-kind="s2s"]'));
    await s2.locator('input[data-flag="bgp"]').uncheck();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✗');
    let seen = await changes();
    assert(seen.cells['remote-staff → hq']?.[0] === 'lost', `marks ${JSON.stringify(seen)}`);
    assert(Object.values(seen.cells).every(([change, mark]) => change === 'lost' && mark === '✗'), `marks ${JSON.stringify(seen)}`);
    const lost = Object.keys(seen.cells).length;
    assert(seen.legend === `+ 0 pairs gained since Reset− ${lost} ${lost === 1 ? 'pair' : 'pairs'} lost since Reset`, `legend ${seen.legend}`);
    await s2.screenshot({ path: path.join(shots, 'widget-since-reset-lost.png') });
    await s2.locator('.rp-reset').click();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✓');
    await none('after Reset');
    // A page plan without BGP: the reader switches it on, and the pairs it opens are gained.
    const article = plan(SCENARIOS['scenario-2']);
    const noBgp = JSON.parse(JSON.stringify(article));
    for (const l of noBgp.links) if (l.kind === 's2s') l.bgp = false;
    await page.evaluate((p) => { document.getElementById('scenario-2').plan = p; }, noBgp);
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✗');
    await none('a plan set by the page');
    await clickShape(s2.locator('g.link[data-kind="s2s"]'));
    await s2.locator('input[data-flag="bgp"]').check();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✓');
    seen = await changes();
    assert(seen.cells['remote-staff → hq']?.[0] === 'gained', `marks ${JSON.stringify(seen)}`);
    assert(Object.values(seen.cells).every(([change, mark]) => change === 'gained' && mark === '✓'), `marks ${JSON.stringify(seen)}`);
    assert(/^\+ \d+ pairs? gained since Reset− 0 pairs lost since Reset$/.test(seen.legend), `legend ${seen.legend}`);
    await s2.screenshot({ path: path.join(shots, 'widget-since-reset-gained.png') });
    await s2.locator('.rp-reset').click();
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✗');
    await none('after the second Reset');
    await page.evaluate((p) => { document.getElementById('scenario-2').plan = p; }, article);
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✓');
    assert(await page.evaluate(() => document.getElementById('scenario-2').modified) === false, 'the article plan is not back');
  });

  await test('arrow keys move between matrix cells inside the widget', async () => {
    const s1 = page.locator('#scenario-1');
    await s1.locator('table.matrix button[data-from="hub"][data-to="remote-staff"]').focus();
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => {
      const b = document.getElementById('scenario-1').shadowRoot.activeElement;
      return b ? `${b.dataset.from} → ${b.dataset.to}` : null;
    });
    // One row down in the same column, stepping over the diagonal (the widget's endpoint order).
    const { endpoints } = await widgetMatrix(page, 'scenario-1');
    let below = endpoints.indexOf('hub') + 1;
    if (endpoints[below] === 'remote-staff') below += 1;
    assert(active === `${endpoints[below]} → remote-staff`, `focus is on ${active} (rows ${endpoints})`);
    assert(await shadowText(page, 'scenario-1', '.explain h2') === active, 'the explanation follows the focus');
  });

  await test('a widget taken out of the page and put back shows its plan again', async () => {
    await page.evaluate(() => {
      const el = document.getElementById('scenario-1');
      const figure = el.parentElement;
      el.remove();
      figure.prepend(el);
    });
    await waitMatrix(page, 'scenario-1');
    same(await widgetMatrix(page, 'scenario-1'), before['scenario-1'], 'scenario-1 after it was moved');
  });

  await test('the wheel over a widget scrolls the page', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('#scenario-1').boundingBox();
    await page.mouse.move(box.x + 150, box.y + 200);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: HANG });
  });

  await test('the script surface: analysis, plan, set and reset', async () => {
    const analysis = await page.evaluate(() => document.getElementById('scenario-1').analysis);
    same(marksOf(analysis), cliMatrix(SCENARIOS['scenario-1']), 'el.analysis');
    assert(analysis.intents.every((i) => i.holds), 'intents hold');
    const other = plan(SCENARIOS['scenario-1']);
    other.title = 'Set by the page';
    await page.evaluate((p) => { document.getElementById('scenario-2').plan = p; }, other);
    await page.waitForFunction(() => document.getElementById('scenario-2').shadowRoot.querySelector('.rp-title')?.textContent === 'Set by the page');
    same(await widgetMatrix(page, 'scenario-2'), before['scenario-1'], 'the set plan\'s matrix');
    const rejected = await page.evaluate(() => {
      try {
        document.getElementById('scenario-2').plan = { reachplan: 1, nodes: [{ id: 'A', kind: 'site' }] };
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert(rejected && rejected.includes('nodes[0].id'), `a bad plan: ${rejected}`);
    assert(await shadowText(page, 'scenario-2', '.rp-title') === 'Set by the page', 'a bad plan replaced the plan');
    await page.evaluate((p) => { document.getElementById('scenario-2').plan = p; }, plan(SCENARIOS['scenario-2']));
    await waitMark(page, 'scenario-2', 'remote-staff', 'hq', '✓');
    same(await widgetMatrix(page, 'scenario-2'), before['scenario-2'], 'the article\'s plan again');
  });

  await test('the host page\'s URL, history, storage and styles are untouched', async () => {
    const after = await host(page);
    same(after.styles, bare.styles, 'computed styles of the page (without the widget vs with it)');
    same(after.sheets, bare.sheets, 'stylesheets');
    same(after.head, bare.head, 'the head element');
    same(after.htmlAttributes, bare.htmlAttributes, '<html> attributes');
    same(after.bodyAttributes, bare.bodyAttributes, '<body> attributes');
    assert(after.adopted === 0, 'adopted stylesheets on the document');
    assert(after.url === loaded.url && after.url === base + DEMO, `the URL is now ${after.url}`);
    assert(after.history === loaded.history, `history grew from ${loaded.history} to ${after.history}`);
    assert(after.local === 0 && after.session === 0 && after.cookie === '', `storage: ${after.local} local, ${after.session} session, cookie ${after.cookie}`);
  });

  await test('no CSP violation, console error or failed request on the demo page', async () => {
    const csp = await page.evaluate(() => window.__csp);
    assert(csp.length === 0, `CSP violations: ${csp.join('; ')}`);
    assert(problems.length === 0, problems.join('; '));
  });

  await test('screenshots of the demo page at 390 px wide', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const phone = await narrow.newPage();
    watch(phone, 'demo at 390 px');
    await phone.addInitScript(recorder);
    await phone.goto(base + DEMO);
    for (const id of Object.keys(SCENARIOS)) await waitMatrix(phone, id);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await phone.screenshot({ path: path.join(shots, 'widget-demo-390-full.png'), fullPage: true });
    await phone.locator('#scenario-2').screenshot({ path: path.join(shots, 'widget-390.png') });
    assert(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    for (const id of Object.keys(SCENARIOS)) {
      const { smallest } = await widgetText(phone, id);
      assert(smallest >= 11, `${id} at 390 px: diagram text drawn at ${smallest.toFixed(1)} px`);
    }
    assert((await phone.evaluate(() => window.__csp)).length === 0, 'CSP violations at 390 px');
    await narrow.close();
  });

  await test('at 390×844 a tapped cell brings the widget\'s path and explanation into view', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await narrow.newPage();
    watch(phone, 'widget cell at 390 px');
    await phone.goto(base + DEMO);
    for (const id of Object.keys(SCENARIOS)) await waitMatrix(phone, id);
    assert((await phone.evaluate(() => window.scrollY)) === 0, 'a widget opened with its focused pair scrolls the page');
    const cell = phone.locator('#scenario-2 table.matrix button[data-from="hq"][data-to="remote-staff"]');
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await phone.waitForFunction(() => {
      const root = document.getElementById('scenario-2').shadowRoot;
      const inWindow = (r) => r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      const canvas = root.querySelector('.rp-diagram .canvas').getBoundingClientRect();
      const verdict = root.querySelector('.explain .verdict');
      const hops = [...root.querySelectorAll('.path-hop')];
      return root.querySelector('.explain h2')?.textContent === 'hq → remote-staff' && !!verdict
        && inWindow(verdict.getBoundingClientRect()) && hops.length > 0 && inWindow(canvas)
        && hops.every((h) => {
          const r = h.getBoundingClientRect();
          const [x, y] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
          return x >= canvas.left && x <= canvas.right && y >= canvas.top && y <= canvas.bottom;
        });
    }, null, { timeout: 5000 });
    await phone.screenshot({ path: path.join(shots, 'widget-path-390x844.png') });
    await narrow.close();
  });

  // Other ways to embed, on a page of the same origin with the same policy.
  const fixture = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>widget forms</title><link rel="icon" href="data:,">
<script type="module" src="../widget/reach-plan.js"></script></head>
<body>
<reach-plan id="inline" height="420"><script type="application/json">${JSON.stringify({ ...plan(SCENARIOS['scenario-1']), title: 'Inline plan' })}</script></reach-plan>
<reach-plan id="linked" link="../#${shareLink(plan(SCENARIOS['scenario-2']))}" focus="hq,spoke-app"></reach-plan>
<reach-plan id="broken"><script type="application/json">{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}], "links": [{"kind": "s2s", "from": "a", "to": "b"}]}</script></reach-plan>
<reach-plan id="editor" mode="edit" src="plans/users-to-azure.json" height="760"></reach-plan>
<iframe id="frame" title="Network plan" src="../widget/embed.html#${shareLink(plan(SCENARIOS['scenario-1']))}" width="900" height="560"></iframe>
</body></html>`;
  const forms = await context.newPage();
  current = forms;
  watch(forms, 'forms');
  await forms.addInitScript(recorder);
  await forms.route('**/docs/forms.html', (route) => route.fulfill({ body: fixture, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP } }));

  await test('a plan inline in a <script type="application/json"> child', async () => {
    await forms.goto(base + 'docs/forms.html');
    await waitMatrix(forms, 'inline');
    same(await widgetMatrix(forms, 'inline'), cliMatrix(SCENARIOS['scenario-1']), 'inline');
    assert(await shadowText(forms, 'inline', '.rp-title') === 'Inline plan', 'title');
  });

  await test('a plan from a share link, with a focused pair', async () => {
    await waitMatrix(forms, 'linked');
    same(await widgetMatrix(forms, 'linked'), cliMatrix(SCENARIOS['scenario-2']), 'linked');
    assert(await shadowText(forms, 'linked', '.explain h2') === 'hq → spoke-app', 'focus');
  });

  await test('a plan that cannot be read is reported where it fails', async () => {
    await forms.waitForFunction(() => !!document.getElementById('broken').shadowRoot.querySelector('.rp-fail'));
    const text = await shadowText(forms, 'broken', '.rp-fail');
    assert(/links\[0\]\.to/.test(text) && /"b"/.test(text), `message: ${text}`);
    const events = await forms.evaluate(() => window.__events.filter((e) => e.type === 'error'));
    assert(events.length === 1 && events[0].id === 'broken', `error events ${JSON.stringify(events)}`);
    problems.length = 0; // the broken plan is expected; nothing else may fail
  });

  await test('edit mode: the planner\'s palette, inspector and canvas', async () => {
    await waitMatrix(forms, 'editor');
    const ed = forms.locator('#editor');
    assert(await ed.locator('.palette button.add').count() >= 8, 'no palette');
    await ed.locator('button[data-add="site"]').click();
    await forms.waitForFunction(() => document.getElementById('editor').shadowRoot.querySelectorAll('table.matrix tbody tr').length === 4);
    assert(await ed.locator('.inspector, .rp-side input').count() > 0, 'no inspector for the new node');
    await ed.locator('.rp-undo').click();
    await forms.waitForFunction(() => document.getElementById('editor').shadowRoot.querySelectorAll('table.matrix tbody tr').length === 3);
    // Ctrl+wheel zooms the canvas; the wheel alone scrolls the page.
    const view = () => forms.evaluate(() => document.getElementById('editor').shadowRoot.querySelector('[data-view]')?.getAttribute('transform'));
    const before = await view();
    const svg = ed.locator('svg.diagram');
    await svg.scrollIntoViewIfNeeded();
    let box = await svg.boundingBox();
    await forms.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await forms.mouse.wheel(0, 200);
    assert(await view() === before, 'the wheel zoomed the canvas');
    await svg.scrollIntoViewIfNeeded();
    box = await svg.boundingBox();
    await forms.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await forms.keyboard.down('Control');
    await forms.mouse.wheel(0, -200);
    await forms.keyboard.up('Control');
    await forms.waitForFunction((t) => document.getElementById('editor').shadowRoot.querySelector('[data-view]')?.getAttribute('transform') !== t, before);
    await ed.screenshot({ path: path.join(shots, 'widget-edit.png') });
  });

  await test('the iframe form (embed.html#<share link>)', async () => {
    const frame = forms.frameLocator('#frame');
    await frame.locator('table.matrix').waitFor({ timeout: HANG });
    const inner = forms.frames().find((f) => f.url().includes('embed.html'));
    same(await widgetMatrix(forms, 'plan', inner), cliMatrix(SCENARIOS['scenario-1']), 'iframe');
    await forms.locator('#frame').screenshot({ path: path.join(shots, 'widget-iframe.png') });
  });

  await test('no CSP violation or error on the page with the other forms', async () => {
    const csp = await forms.evaluate(() => window.__csp);
    const inner = forms.frames().find((f) => f.url().includes('embed.html'));
    const cspInner = await inner.evaluate(() => window.__csp || []);
    assert(csp.length === 0 && cspInner.length === 0, `CSP violations: ${[...csp, ...cspInner].join('; ')}`);
    assert(problems.length === 0, problems.join('; '));
  });

  await test('"Open in reachplan" opens the plan in the planner, in a new tab', async () => {
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('#scenario-2').locator('.rp-open').click(),
    ]);
    await tab.waitForLoadState();
    const url = tab.url();
    assert(url.startsWith(`${base}#p1.`), `opened ${url}`);
    assert(page.url() === base + DEMO, 'the demo page navigated');
    // The link carries the plan as the planner's share links do.
    const carried = JSON.parse(inflateRawSync(Buffer.from(url.split('#p1.')[1], 'base64url')).toString('utf8'));
    same(canonical(carried), canonical(plan(SCENARIOS['scenario-2'])), 'the plan in the link');
    await tab.close();
  });

  await context.close();
}

await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
