// How many bytes a bundle of `NDArray` + `zeros` costs (esbuild, minified,
// with its metafile): from the layers (src/core/ndarray.ts and
// src/ops/creation.ts) and from the public entry, which attaches every
// method. `node scripts/bundle-size.mjs` prints both.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const entries = {
  "layers (core/ndarray + ops/creation)": `import { NDArray } from "./src/core/ndarray.ts"; import { zeros } from "./src/ops/creation.ts"; console.log(NDArray, zeros);`,
  "public entry (src/index.ts)": `import { NDArray, zeros } from "./src/index.ts"; console.log(NDArray, zeros);`,
};
for (const [name, contents] of Object.entries(entries)) {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
  });
  const out = Object.values(r.metafile.outputs)[0];
  console.log(`${name}: ${out.bytes} bytes from ${Object.keys(out.inputs).length} modules`);
}
