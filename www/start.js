// Starts the planner. A file of its own, not an inline script, so that the page runs under a
// strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). The glue that
// wasm-bindgen writes fetches reachplan-web_bg.wasm beside it and compiles it while it streams
// in (WebAssembly.instantiateStreaming, when the server sends it as application/wasm).
import init from './reachplan-web.js';

init().catch((error) => {
  // A panic has already said so in #panic (src/ui/panic.rs); this is for a module that could
  // not be fetched or compiled at all.
  const loading = document.querySelector('#app .loading');
  if (loading) loading.textContent = `The planner could not start: ${error}`;
});
