// W10a–e: element-wise math and reductions (issue 9).
//   W10a  the normalisation pipeline ((x - x.mean(0)) / (x.std(0) + 1e-8)) on
//         a 4096 × 768 float32 batch: axis-0 reductions (rows accumulated into
//         a row buffer with SIMD), a broadcast subtract and divide (inner
//         axis contiguous, the row operand read with stride 0 on the outer one)
//   W10b  E.mean(0): axis-0 sum, row after row into the output row
//   W10c  E.max(1): last-axis reduction, one SIMD max per row
//   W10d  E * 2.5: contiguous array-scalar multiply (weak scalar, float32)
//   W10e  E.max(0): axis-0 max, NaN-propagating, priced like W10b's sum
// Temporaries of the pipeline are freed by `tidy`, as a user would.

import { tidy, type NDArray } from "../src/index.js";
import { expect, expectShape, type Workload } from "./harness.js";

function samples(n: number): number[] {
  return [0, 1, n >> 1, n - 1].filter((i) => i >= 0 && i < n);
}

const close = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Column j's mean and (population) deviation, in float64, from the elements. */
function columnStats(x: NDArray, j: number): { mean: number; std: number } {
  const n = x.shape[0]!;
  let s = 0;
  for (let i = 0; i < n; i++) s += x.item(i, j) as number;
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += ((x.item(i, j) as number) - mean) ** 2;
  return { mean, std: Math.sqrt(v / n) };
}

export const workloads: Workload[] = [
  {
    id: "W10a",
    title: "(x - x.mean(0)) / (x.std(0) + 1e-8), x = E[:4096]",
    numpy: { setup: "x = E[:4096].copy()", stmt: "(x - x.mean(0)) / (x.std(0) + 1e-8)" },
    setup: (d) => d.E.get(":4096").copy(),
    run: (_d, x) =>
      tidy(() => {
        const a = x as NDArray;
        return a.sub(a.mean(0)).div(a.std(0).add(1e-8));
      }),
    check: (r, d) => {
      const x = d.E.get(":4096");
      const y = r as NDArray;
      expectShape(y, x.shape, "W10a");
      expect(y.dtype === "float32", `W10a: dtype ${y.dtype}`);
      for (const j of samples(x.shape[1]!)) {
        const { mean, std } = columnStats(x, j);
        for (const i of samples(x.shape[0]!)) {
          const want = ((x.item(i, j) as number) - mean) / (std + 1e-8);
          expect(close(y.item(i, j) as number, want, 1e-4), `W10a: (${i}, ${j}) = ${String(y.item(i, j))}, want ${want}`);
        }
      }
      x.dispose();
    },
    bytes: (d) => Math.min(4096, d.E.shape[0]!) * 768 * 4 * 6,
    path: "axis0 rows + broadcast",
    target: 1.0,
  },
  {
    id: "W10b",
    title: "E.mean(0)",
    numpy: { stmt: "E.mean(0)" },
    run: (d) => d.E.mean(0),
    check: (r, d) => {
      const m = r as NDArray;
      expectShape(m, [768], "W10b");
      for (const j of samples(768)) {
        const { mean } = columnStats(d.E, j);
        expect(close(m.item(j) as number, mean, 1e-5), `W10b: [${j}] = ${String(m.item(j))}, want ${mean}`);
      }
    },
    bytes: (d) => d.E.nbytes,
    path: "axis0 rows",
    target: 1.0,
  },
  {
    id: "W10c",
    title: "E.max(1)",
    numpy: { stmt: "E.max(1)" },
    run: (d) => d.E.max(1),
    check: (r, d) => {
      const m = r as NDArray;
      expectShape(m, [d.E.shape[0]!], "W10c");
      for (const i of samples(d.E.shape[0]!)) {
        let want = -Infinity;
        for (let j = 0; j < 768; j++) want = Math.max(want, d.E.item(i, j) as number);
        expect(m.item(i) === want, `W10c: [${i}] = ${String(m.item(i))}, want ${want}`);
      }
    },
    bytes: (d) => d.E.nbytes,
    path: "last axis",
    target: 1.0,
  },
  {
    id: "W10d",
    title: "E * 2.5",
    numpy: { stmt: "E * 2.5" },
    run: (d) => d.E.mul(2.5),
    check: (r, d) => {
      const m = r as NDArray;
      expectShape(m, d.E.shape, "W10d");
      expect(m.dtype === "float32", `W10d: dtype ${m.dtype}`);
      for (const i of samples(d.E.shape[0]!)) {
        for (const j of samples(768)) {
          const want = Math.fround((d.E.item(i, j) as number) * 2.5);
          expect(m.item(i, j) === want, `W10d: (${i}, ${j}) = ${String(m.item(i, j))}, want ${want}`);
        }
      }
    },
    bytes: (d) => d.E.nbytes * 2,
    path: "contiguous, scalar",
    target: 0.8,
  },
  {
    id: "W10e",
    title: "E.max(0)",
    numpy: { stmt: "E.max(0)" },
    run: (d) => d.E.max(0),
    check: (r, d) => {
      const m = r as NDArray;
      expectShape(m, [768], "W10e");
      for (const j of samples(768)) {
        let want = -Infinity;
        for (let i = 0; i < d.E.shape[0]!; i++) want = Math.max(want, d.E.item(i, j) as number);
        expect(m.item(j) === want, `W10e: [${j}] = ${String(m.item(j))}, want ${want}`);
      }
    },
    bytes: (d) => d.E.nbytes,
    path: "axis0 rows",
    target: 1.0,
  },
];
