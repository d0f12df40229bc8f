// <reach-plan>: the reachplan planner as one element of a documentation page.
//
//   <script type="module" src="widget/reach-plan.js"></script>
//   <reach-plan src="plans/scenario-2.json" mode="view" height="520" focus="users,hq"></reach-plan>
//
// The plan comes from `src` (a plan file's address), `link` (a share link, `…#p1.…`), or a
// child <script type="application/json"> holding the plan itself. `mode` is `view` (the reader
// tweaks, undoes and resets; nothing is kept) or `edit` (the planner's palette and inspectors
// too); `height` is in CSS pixels; `focus="from,to"` opens with that pair selected; `app` is the
// full planner's address for the "Open in reachplan" button (by default the planner next to this
// script's folder; `app=""` hides the button).
//
// Each element renders into its own open shadow root with its own stylesheet (a <link>, so a
// `style-src 'self'` policy is enough) and never touches the page's URL, history, storage or
// styles. Script surface: `el.plan` (get or set a parsed plan file), `el.analysis` (what the CLI's
// `check --json` prints), `el.modified`, `el.reset()`, `el.select(from, to)`, `el.ready` (a
// promise), and the events `ready`, `change` (detail: `{ modified, plan }`) and `error` (detail:
// `{ message }`).

const here = new URL('.', import.meta.url);
const builds = new Map();

// One WebAssembly build per mode, loaded once per page and shared by every element using it.
// The .wasm download starts together with its JavaScript glue rather than after it.
function build(edit) {
  const name = edit ? 'reachplan-widget-edit' : 'reachplan-widget';
  if (!builds.has(name)) {
    const wasm = fetch(new URL(`${name}_bg.wasm`, here));
    builds.set(name, import(new URL(`${name}.js`, here).href).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    }));
  }
  return builds.get(name);
}

// Share links: `p1.` + base64url (no padding) of the raw DEFLATE of the plan's compact JSON.
const PREFIX = 'p1.';
const MAX_PLAN_BYTES = 4 * 1024 * 1024;

async function planFromLink(link) {
  const fragment = link.slice(link.lastIndexOf('#') + 1).trim();
  if (!fragment.startsWith(PREFIX)) throw new Error('the link is not a reachplan share link (it does not carry `#p1.…`)');
  const b64 = fragment.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
  let bytes;
  try {
    bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    throw new Error('the link is damaged: it contains characters a share link never has');
  }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_PLAN_BYTES) throw new RangeError();
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof RangeError) throw new Error('the plan in the link is larger than 4 MB');
    throw new Error('the link is damaged or cut short (was it copied completely?)');
  }
  return JSON.parse(await new Blob(parts).text());
}

async function linkOf(plan) {
  const bytes = new Uint8Array(await new Response(
    new Blob([JSON.stringify(plan)]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  ).arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return PREFIX + btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function event(el, type, detail) {
  el.dispatchEvent(new CustomEvent(type, { detail }));
}

class ReachPlan extends HTMLElement {
  static observedAttributes = ['src', 'link', 'mode', 'focus', 'height'];

  #box;
  #css; // the stylesheet has loaded (or failed to)
  #started = false;
  #handle = null;
  #plan = null; // a plan set by script before the widget was on screen
  #run = 0; // the mount in progress; a newer one cancels older ones
  #modified = false;
  #ready;
  #resolve;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('widget.css', here).href;
    this.#box = document.createElement('div');
    this.#box.className = 'rp-box';
    this.#box.setAttribute('role', 'region');
    this.#box.setAttribute('aria-label', 'Network plan');
    this.#status('Loading the planner…');
    this.#css = new Promise((resolve) => {
      css.onload = resolve;
      css.onerror = resolve;
    });
    root.append(css, this.#box);
    this.#newReady();
  }

  #newReady() {
    this.#ready = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  #status(text, error = false) {
    const p = document.createElement('p');
    p.className = error ? 'rp-status rp-fail' : 'rp-status';
    p.textContent = text;
    this.#box.replaceChildren(p);
  }

  #size() {
    const h = (this.getAttribute('height') || '').trim();
    const length = /^\d+(\.\d+)?$/.test(h) ? `${h}px` : /^\d+(\.\d+)?(px|em|rem|vh)$/.test(h) ? h : '';
    if (length) this.#box.style.setProperty('--rp-height', length);
    else this.#box.style.removeProperty('--rp-height');
  }

  async #source() {
    if (this.#plan) return this.#plan;
    const src = this.getAttribute('src');
    if (src) {
      const url = new URL(src, document.baseURI);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${src} could not be loaded (HTTP ${response.status})`);
      return JSON.parse(await response.text());
    }
    const link = this.getAttribute('link');
    if (link) return planFromLink(link);
    const inline = this.querySelector('script[type="application/json"]');
    if (inline) return JSON.parse(inline.textContent);
    throw new Error('no plan: give the element a src, a link, or a <script type="application/json"> child');
  }

  async #mount() {
    const run = ++this.#run;
    this.#unmount();
    this.#size();
    if (!this.#box.querySelector('.rp-status')) this.#status('Loading the planner…');
    const edit = (this.getAttribute('mode') || '').trim().toLowerCase() === 'edit';
    let plan;
    let module;
    try {
      [plan, module] = await Promise.all([this.#source(), build(edit), this.#css]);
    } catch (e) {
      if (run === this.#run) this.#fail(e);
      return;
    }
    if (run !== this.#run || !this.isConnected) return;
    const mountPoint = document.createElement('div');
    mountPoint.className = 'rp-mount';
    this.#box.replaceChildren(mountPoint);
    const app = this.hasAttribute('app') ? this.getAttribute('app') : new URL('../', here).href;
    const hooks = {
      ready: () => {
        this.#resolve();
        event(this, 'ready', { at: performance.now() });
      },
      change: (modified) => {
        this.#modified = modified;
        const el = this;
        event(this, 'change', { modified, get plan() { return el.plan; } });
      },
    };
    if (app) {
      hooks.open = async () => {
        const url = new URL(app, document.baseURI);
        url.hash = await linkOf(this.plan);
        window.open(url.href, '_blank', 'noopener');
      };
    }
    try {
      this.#handle = module.mount(mountPoint, plan, edit ? 'edit' : 'view', this.getAttribute('focus') || '', hooks);
      this.#modified = false;
    } catch (e) {
      this.#fail(e);
    }
  }

  #fail(e) {
    const message = typeof e === 'string' ? e : (e && e.message) || String(e);
    this.#status(`The plan could not be shown: ${message}`, true);
    event(this, 'error', { message });
  }

  #unmount() {
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = null;
      this.#newReady();
    }
  }

  connectedCallback() {
    this.#started = true;
    if (!this.#handle) this.#mount();
  }

  disconnectedCallback() {
    this.#run += 1;
    this.#unmount();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#started || !this.isConnected || old === value) return;
    if (name === 'height') this.#size();
    else if (name === 'focus' && this.#handle) {
      const [from, to] = (value || '').split(',').map((s) => s.trim());
      if (from && to) this.#handle.select(from, to);
    } else if (name !== 'focus') {
      if (name !== 'mode') this.#plan = null;
      this.#mount();
    }
  }

  /** A promise that resolves once the widget's matrix is on screen. */
  get ready() {
    return this.#ready;
  }

  /** The plan shown now, as a parsed plan file (null before the widget is ready). */
  get plan() {
    return this.#handle ? this.#handle.plan() : this.#plan;
  }

  /** Shows another plan (a parsed plan file, or its JSON text); reset then returns to it. */
  set plan(value) {
    const plan = typeof value === 'string' ? JSON.parse(value) : value;
    if (this.#handle) {
      try {
        this.#handle.setPlan(plan);
      } catch (e) {
        throw new Error(typeof e === 'string' ? e : String(e));
      }
    }
    this.#plan = plan;
    if (!this.#handle && this.#started && this.isConnected) this.#mount();
  }

  /** The analysis of the plan shown: endpoints, pairs, findings, assumptions, intents. */
  get analysis() {
    return this.#handle ? this.#handle.analysis() : null;
  }

  /** Whether the reader changed the plan since it was given. */
  get modified() {
    return this.#modified;
  }

  /** Back to the plan the page gave. */
  reset() {
    if (this.#handle) this.#handle.reset();
  }

  /** Selects the pair `from` → `to`: its path is highlighted and explained. */
  select(from, to) {
    if (this.#handle) this.#handle.select(from, to);
  }
}

if (!customElements.get('reach-plan')) customElements.define('reach-plan', ReachPlan);
