// Trunk post_build hook: moves the module script that trunk writes inline into index.html
// into its own file, start.js, so the planner runs under a Content-Security-Policy without
// 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval').
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-start: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(2);
}
const page = path.join(dir, 'index.html');
const html = await readFile(page, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) {
  console.error('csp-start: no inline module script in index.html');
  process.exit(1);
}
await writeFile(path.join(dir, 'start.js'), found[1].trim() + '\n');
await writeFile(page, html.replace(inline, '<script type="module" src="/start.js"></script>'));
