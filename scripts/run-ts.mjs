// Runs a TypeScript entry point (a bench, the demo) in Node: esbuild bundles
// it with the library into build/run/, then Node runs the bundle. No extra
// TypeScript runtime is needed, and the code that runs is what users bundle.
import { build } from "esbuild";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}
const outfile = `build/run/${basename(entry, ".ts")}.mjs`;
await build({
  entryPoints: [entry],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outfile,
  sourcemap: "inline",
  logLevel: "warning",
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
