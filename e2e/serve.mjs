// A small static file server for the built app (dist/), used by scripts/run.sh and the
// end-to-end tests. Serves files only from the given folder, with the right content types.
//   node e2e/serve.mjs DIST [PORT] [HOST]
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// The Content-Security-Policy a strict static host sets, and that the planner and the widget
// must run under: no inline script or style, no eval.
export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// `headers` are added to every response (e.g. a Content-Security-Policy for the widget's tests).
export function serve(root, port = 0, host = '127.0.0.1', headers = {}) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let file = path.normalize(path.join(base, decodeURIComponent(url.pathname)));
      if (!file.startsWith(base)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  const server = await serve(root, Number(port), host);
  const { port: bound } = server.address();
  console.log(`reachplan is served on http://${host}:${bound}/ (Ctrl+C stops it)`);
}
