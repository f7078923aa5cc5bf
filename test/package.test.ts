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
  // A package of its own, so that "stridewise" resolves to the copy under
  // node_modules and not, by self-reference, to the repository's own dist/.
  writeFileSync(`${pkg}/consumer/package.json`, JSON.stringify({ name: "consumer", private: true, type: "module" }));
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
      `import { init, zeros, arange, sharesMemory, type NDArray, type DType } from "stridewise";
       await init();
       const d: DType = "bfloat16";
       const E: NDArray = zeros([4, 3], { dtype: d });
       const v: NDArray = E.get(":, :2");
       const b: boolean = sharesMemory(E, v);
       // The dtype rides in the type (the declarations carry src/methods.ts's augmentation).
       const F: NDArray<"float32"> = zeros([4, 3], { dtype: "float32" });
       const x: number = F.item(0, 0);
       const big: bigint = arange(12).item(3);
       const f: Float32Array = F.toTypedArray();
       F.transpose([1, 0]);
       arange(12).reshape(3, 4);
       // @ts-expect-error: an int64 element is a bigint
       const n: number = arange(3).item(0);
       // @ts-expect-error: not a dtype
       F.astype("int99");
       export { b, x, big, f, n };`,
    );
    execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", "."], { cwd: `${pkg}/consumer`, encoding: "utf8" });
  });

  it("types float16 data as Float16Array | Uint16Array where the consumer's lib has Float16Array", () => {
    writeFileSync(
      `${pkg}/consumer/tsconfig.json`,
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: false, noEmit: true, types: [], lib: ["ES2022", "DOM", "ESNext.Disposable", "ESNext.Float16"] },
        include: ["check.ts"],
      }),
    );
    writeFileSync(
      `${pkg}/consumer/check.ts`,
      `import { zeros, array, type NDArray } from "stridewise";
       const h: Float16Array | Uint16Array = zeros([2], { dtype: "float16" }).toTypedArray();
       // @ts-expect-error: it may be a Float16Array
       const u: Uint16Array = zeros([2], { dtype: "float16" }).toTypedArray();
       const g: NDArray<"float16"> = array(new Float16Array([1.5, 2]));
       export { h, u, g };`,
    );
    execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", "."], { cwd: `${pkg}/consumer`, encoding: "utf8" });
  });
});
