// The package as a user gets it: the ESM bundle runs in a plain Node
// process, and its declarations type-check a strict consumer that has no
// @types/node and no skipLibCheck.
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync, rmSync } from "node:fs";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const root = process.cwd();
const pkg = `${root}/build/pkg`;

beforeAll(async () => {
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(`${pkg}/consumer/node_modules/stridewise`, { recursive: true });
  await build({
    entryPoints: ["src/index.ts"],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    outfile: `${pkg}/dist/index.js`,
    logLevel: "error",
  });
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json", "--outDir", `${pkg}/dist`]);
  execFileSync(process.execPath, ["-e", `require('fs').copyFileSync('src/generated/kernels.d.ts', '${pkg}/dist/generated/kernels.d.ts')`]);
  const dir = `${pkg}/consumer/node_modules/stridewise`;
  writeFileSync(`${dir}/package.json`, JSON.stringify({ name: "stridewise", type: "module", exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } }));
  symlinkSync(`${pkg}/dist`, `${dir}/dist`);
}, 120_000);

describe("the published package", () => {
  it("runs from its bundle in a plain Node process", () => {
    const program = `
      import { init, arange, sharesMemory } from "stridewise";
      await init();
      const a = arange(12).reshape([3, 4]);
      const v = a.get(":, :2");
      console.log(JSON.stringify({ shape: v.shape, strides: v.strides, shares: sharesMemory(a, v), text: String(v) }));
    `;
    writeFileSync(`${pkg}/consumer/main.mjs`, program);
    const out = JSON.parse(execFileSync(process.execPath, ["main.mjs"], { cwd: `${pkg}/consumer`, encoding: "utf8" }));
    expect(out).toEqual({ shape: [3, 2], strides: [32, 8], shares: true, text: "[[0 1]\n [4 5]\n [8 9]]" });
  });

  it("type-checks a strict consumer without @types/node or skipLibCheck", () => {
    writeFileSync(
      `${pkg}/consumer/tsconfig.json`,
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: false, noEmit: true, types: [], lib: ["ES2022", "DOM", "ESNext.Disposable"] },
        include: ["check.ts"],
      }),
    );
    writeFileSync(
      `${pkg}/consumer/check.ts`,
      `import { init, zeros, sharesMemory, type NDArray, type DType } from "stridewise";
       await init();
       const d: DType = "bfloat16";
       const E: NDArray = zeros([4, 3], { dtype: d });
       const v: NDArray = E.get(":, :2");
       const b: boolean = sharesMemory(E, v);
       export { b };`,
    );
    execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", "."], { cwd: `${pkg}/consumer`, encoding: "utf8" });
  });
});
