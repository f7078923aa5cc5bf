// Builds the browser side: the library's browser ESM bundle
// (dist/stridewise.browser.js, which package.json's "browser" export points
// to) and the demo page in dist/web/ (examples/web/ plus the in-browser core
// checks from test/browser/). `npm run build:web`; the Chromium test calls
// buildWeb() itself.
//
// The page and its workers import the library from ./stridewise.browser.js
// (a copy of the published bundle), never a private copy of it: what the
// Chromium test exercises is exactly what a browser user gets.
//
// The target is explicit (es2022): without it esbuild may emit
// Uint8Array.fromBase64 and similar newest-only built-ins.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TARGET = "es2022";

/** Resolves `…/src/index.js` imports to the bundle beside the output file. */
const libraryAsExternal = {
  name: "stridewise-external",
  setup(b) {
    b.onResolve({ filter: /(^|\/)src\/index\.js$/ }, () => ({ path: "./stridewise.browser.js", external: true }));
  },
};

/**
 * Builds everything; returns the output directory of the page and the
 * library bundle's path.
 * @param {{ quiet?: boolean }} [opts]
 * @returns {Promise<{ webDir: string; bundle: string }>}
 */
export async function buildWeb(opts = {}) {
  const t0 = performance.now();
  const bundle = `${root}dist/stridewise.browser.js`;
  const webDir = `${root}dist/web/`;
  await build({
    entryPoints: [`${root}src/index.ts`],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: TARGET,
    outfile: bundle,
    legalComments: "none",
    logLevel: "warning",
  });
  const text = readFileSync(bundle, "utf8");
  // The page runs under a CSP without 'unsafe-eval': refuse to ship a bundle that needs it.
  for (const bad of [/\beval\(/, /\bnew Function\(/, /\bFunction\(\s*["'`]/]) {
    if (bad.test(text)) throw new Error(`build-web: ${bundle} contains ${bad}; the browser bundle must not evaluate strings`);
  }

  rmSync(webDir, { recursive: true, force: true });
  mkdirSync(webDir, { recursive: true });
  copyFileSync(bundle, `${webDir}stridewise.browser.js`);
  const result = await build({
    entryPoints: {
      app: `${root}examples/web/app.ts`,
      "tokenizer-worker": `${root}examples/web/tokenizer-worker.ts`,
      checks: `${root}test/browser/page-checks.ts`,
      "checks-worker": `${root}test/browser/worker-checks.ts`,
    },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: TARGET,
    outdir: webDir,
    chunkNames: "[name]-[hash]",
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
    plugins: [libraryAsExternal],
  });
  // The threaded checks' worker carries its own copy of the library (from
  // src/, internal hooks included), so it is built apart, without the plugin.
  await build({
    entryPoints: { "threaded-worker": `${root}test/browser/threaded-worker.ts` },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: TARGET,
    outdir: webDir,
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(`${root}examples/web/style.css`, `${webDir}style.css`);
  // Let the browser fetch and compile app.js's static imports (the library
  // bundle above all) in parallel with app.js, not one after the other.
  const app = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === "examples/web/app.ts");
  const preload = (app?.[1].imports ?? [])
    .filter((i) => i.kind === "import-statement")
    .map((i) => `<link rel="modulepreload" href="${i.path.startsWith("./") ? i.path.slice(2) : i.path.split("/").pop()}">`);
  const html = readFileSync(`${root}examples/web/index.html`, "utf8");
  writeFileSync(`${webDir}index.html`, html.replace('<script type="module" src="app.js"></script>', `${preload.join("\n")}\n<script type="module" src="app.js"></script>`));
  copyFileSync(`${root}test/browser/checks.html`, `${webDir}checks.html`);
  if (!opts.quiet) {
    console.log(`build-web: ${bundle} (${(text.length / 1024).toFixed(0)} KiB) and ${webDir} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  return { webDir, bundle };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWeb();
}
