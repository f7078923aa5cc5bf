// W6a–f: astype. Each is one cast-kernel call over a contiguous run
// (src/ops/astype.ts, path "contiguous"): float32 <-> float64 and float32
// <-> float16 take the SIMD loops of assembly/cast/; the small int64
// casts measure the fixed cost of a call (allocation, descriptor, dispatch).

import { arange, type NDArray } from "../src/index.js";
import { float16BitsToNumber, float64ToFloat16Bits } from "../src/core/half.js";
import { expect, expectShape, type Workload } from "./harness.js";

const SMALL = 1000;

/** Rows and columns to sample: first, last and a few in between. */
function samples(n: number): number[] {
  return [0, 1, n >> 2, n >> 1, n - 2, n - 1].filter((i) => i >= 0 && i < n);
}

/** Throws unless r[i, j] === conv(src[i, j]) on sampled elements, and the dtype and shape match. */
function expectConverted(r: unknown, src: NDArray, dtype: string, conv: (x: number) => number, what: string): void {
  const a = r as NDArray;
  expectShape(a, src.shape, what);
  expect(a.dtype === dtype, `${what}: dtype ${a.dtype}`);
  for (const i of samples(src.shape[0]!)) {
    for (const j of samples(src.shape[1]!)) {
      const want = conv(src.item(i, j) as number);
      expect(Object.is(a.item(i, j), want), `${what}: (${i}, ${j}) = ${String(a.item(i, j))}, want ${want}`);
    }
  }
}

const toHalf = (x: number): number => float16BitsToNumber(float64ToFloat16Bits(x));
const same = (x: number): number => x;

export const workloads: Workload[] = [
  {
    id: "W6a",
    title: "E.astype(np.float64)",
    numpy: { stmt: "E.astype(np.float64)" },
    run: (d) => d.E.astype("float64"),
    check: (r, d) => expectConverted(r, d.E, "float64", same, "W6a"),
    bytes: (d) => d.E.size * (4 + 8),
    path: "contiguous",
    target: 0.9,
  },
  {
    id: "W6b",
    title: "E64.astype(np.float32)",
    numpy: { setup: "E64 = E.astype(np.float64)", stmt: "E64.astype(np.float32)" },
    setup: (d) => d.E.astype("float64"),
    run: (_d, e64) => (e64 as NDArray).astype("float32"),
    check: (r, d) => expectConverted(r, d.E, "float32", same, "W6b"),
    bytes: (d) => d.E.size * (8 + 4),
    path: "contiguous",
    target: 0.9,
  },
  {
    id: "W6c",
    title: "E.astype(np.float16)",
    numpy: { stmt: "E.astype(np.float16)" },
    run: (d) => d.E.astype("float16"),
    check: (r, d) => expectConverted(r, d.E, "float16", toHalf, "W6c"),
    bytes: (d) => d.E.size * (4 + 2),
    path: "contiguous",
    target: 0.3,
  },
  {
    id: "W6d",
    title: "E16.astype(np.float32)",
    numpy: { setup: "E16 = E.astype(np.float16)", stmt: "E16.astype(np.float32)" },
    setup: (d) => d.E.astype("float16"),
    run: (_d, e16) => (e16 as NDArray).astype("float32"),
    check: (r, d) => expectConverted(r, d.E, "float32", toHalf, "W6d"),
    bytes: (d) => d.E.size * (2 + 4),
    path: "contiguous",
    target: 0.35,
  },
  {
    id: "W6e",
    title: `arange(${SMALL}, int64).astype(np.float32)`,
    numpy: { setup: `s64 = np.arange(${SMALL}, dtype=np.int64)`, stmt: "s64.astype(np.float32)" },
    setup: () => arange(SMALL),
    run: (_d, s) => (s as NDArray).astype("float32"),
    check: (r) => {
      const a = r as NDArray;
      expectShape(a, [SMALL], "W6e");
      expect(a.dtype === "float32" && a.item(0) === 0 && a.item(SMALL - 1) === SMALL - 1, "W6e: values");
    },
    bytes: () => SMALL * (8 + 4),
    batch: 2000,
    path: "contiguous",
    target: 2.0,
  },
  {
    id: "W6f",
    title: `arange(${SMALL}, int64).astype(np.int32)`,
    numpy: { setup: `s64 = np.arange(${SMALL}, dtype=np.int64)`, stmt: "s64.astype(np.int32)" },
    setup: () => arange(SMALL),
    run: (_d, s) => (s as NDArray).astype("int32"),
    check: (r) => {
      const a = r as NDArray;
      expectShape(a, [SMALL], "W6f");
      expect(a.dtype === "int32" && a.item(0) === 0 && a.item(SMALL - 1) === SMALL - 1, "W6f: values");
    },
    bytes: () => SMALL * (8 + 4),
    batch: 2000,
    path: "contiguous",
    target: 2.0,
  },
];
