// Serves the browser demo (dist/web/, built by scripts/build-web.mjs) on
// 127.0.0.1 with the headers a careful site would send: a strict
// Content-Security-Policy that lets WebAssembly compile ('wasm-unsafe-eval')
// but forbids eval and new Function (no 'unsafe-eval', no inline scripts),
// and COOP/COEP so that the page is cross-origin isolated (SharedArrayBuffer
// available, the way the library's threaded future needs it).
//
// `npm run demo:web` builds and runs this; `node scripts/serve-demo.mjs
// [--port N]` serves what is built. The Chromium test imports serveDemo().
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // blob: for stridewise's own inline workers (its threads, started from a Worker).
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const HEADERS = {
  "Content-Security-Policy": CSP,
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".npy": "application/octet-stream",
};

/**
 * Starts the server. `mounts` maps URL prefixes ("/fixtures/") to folders
 * served under them (the test serves test/fixtures/ this way).
 * @param {{ root?: string; host?: string; port?: number; mounts?: Record<string, string> }} [opts]
 * @returns {Promise<{ url: string; close(): Promise<void> }>}
 */
export function serveDemo(opts = {}) {
  const root = resolve(opts.root ?? fileURLToPath(new URL("../dist/web/", import.meta.url)));
  const host = opts.host ?? "127.0.0.1";
  const mounts = Object.entries(opts.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let dir = root;
    let rel = path === "/" ? "/index.html" : path;
    for (const [prefix, d] of mounts) {
      if (rel.startsWith(prefix)) {
        dir = d;
        rel = rel.slice(prefix.length - 1);
        break;
      }
    }
    const file = resolve(dir, `.${rel}`);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, HEADERS).end();
      return;
    }
    if (path === "/favicon.ico") {
      res.writeHead(204, HEADERS).end();
      return;
    }
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403, HEADERS).end("forbidden");
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...HEADERS, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { ...HEADERS, "Content-Type": "text/plain" }).end(`not found: ${path}`);
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, host, () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      ok({
        url: `http://${host}:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--port");
  const wanted = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8765);
  // checks.html replays the NumPy fixtures; they are served from test/fixtures/.
  const mounts = { "/fixtures/": fileURLToPath(new URL("../test/fixtures/", import.meta.url)) };
  let s;
  try {
    s = await serveDemo({ port: wanted, mounts });
  } catch (e) {
    if (e.code !== "EADDRINUSE") throw e;
    s = await serveDemo({ port: 0, mounts });
    console.log(`port ${wanted} is taken; using another`);
  }
  console.log(`stridewise browser demo: ${s.url}   (core checks: ${s.url}checks.html; Ctrl-C to stop)`);
}
