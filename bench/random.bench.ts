// Random fills: the legacy global generator's randn (MT19937 + polar
// Gaussian) and the Generator's float32 ziggurat normals (PCG64), on the
// embedding's shape. Each run re-seeds, so `check` can compare the first
// values with NumPy's for seed 0 (recorded by scripts/fixtures_random.py).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type NDArray } from "../src/index.js";
import { defaultRng, random } from "../src/random/index.js";
import { expect, expectShape, type Data, type Workload } from "./harness.js";

const shapeOf = (d: Data): [number, number] => [d.E.shape[0]!, 768];

// The bench is bundled before it runs, so find the fixture from the repository root (npm's cwd).
const fixture = new URL("test/fixtures/random.json", pathToFileURL(`${process.cwd()}/`));
const firstValues = JSON.parse(readFileSync(fixture, "utf8")).bench as {
  randn: number[];
  standard_normal_float32: number[];
};

function expectFirst(a: NDArray, want: number[], what: string): void {
  for (let i = 0; i < want.length; i++) {
    const got = a.item(0, i) as number;
    expect(got === want[i], `${what}: element ${i} is ${got}, NumPy gives ${want[i]}`);
  }
}

export const workloads: Workload[] = [
  {
    id: "R1",
    title: "np.random.randn(50257, 768)",
    numpy: { setup: "np.random.seed(0)", stmt: "np.random.randn(E.shape[0], 768)" },
    run: (d) => {
      // Re-seeding costs one 2.5 KB state fill; it lets `check` compare values.
      random.seed(0);
      return random.randn(...shapeOf(d));
    },
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, shapeOf(d), "randn");
      expect(a.dtype === "float64", "randn: dtype");
      expectFirst(a, firstValues.randn, "randn");
    },
    bytes: (d) => d.E.shape[0]! * 768 * 8,
    path: "mt19937 polar",
    target: 1.5,
  },
  {
    id: "R2",
    title: "np.random.default_rng(0).standard_normal((50257, 768), dtype=np.float32)",
    numpy: { stmt: "np.random.default_rng(0).standard_normal((E.shape[0], 768), dtype=np.float32)" },
    run: (d) => defaultRng(0).standardNormal(shapeOf(d), { dtype: "float32" }),
    check: (r, d) => {
      const a = r as NDArray;
      expectShape(a, shapeOf(d), "standardNormal");
      expect(a.dtype === "float32", "standardNormal: dtype");
      expectFirst(a, firstValues.standard_normal_float32, "standardNormal");
    },
    bytes: (d) => d.E.shape[0]! * 768 * 4,
    path: "pcg64 ziggurat f32",
    target: 1.5,
  },
];
