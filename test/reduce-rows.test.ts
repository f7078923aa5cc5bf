// Rows reduced into one contiguous output row (axis 0 of a C matrix) take a
// fused path that adds eight rows per pass, then four; it must do exactly
// what NumPy's iterator does, one row after another per output element. A
// plain-TS reference in the dtype's own arithmetic checks it for row counts
// around multiples of four and eight, column counts around the SIMD widths
// (scalar tails), negative row strides, NaN for max/min, and integer
// wrapping. Float max/min take their own kernel (pmax/pmin, NaN found on
// the side); NumPy-recorded fixtures (test/fixtures/extremum.json, from
// scripts/fixtures_extremum.py) check its bits exactly: which of -0.0 and
// +0.0 wins a tie, and NaN wherever one was.
import { describe, expect, it } from "vitest";
import { array, type DType, type NDArray } from "../src/index.js";
import { base64Bytes, loadFixture } from "./fixtures.js";

type Op = "sum" | "prod" | "max" | "min";

/** One step of `op` in `dtype`'s arithmetic, as NumPy's loops do it (NaN propagates through max/min). */
function step(op: Op, dtype: DType, acc: number, x: number): number {
  let r: number;
  if (op === "sum") r = acc + x;
  else if (op === "prod") r = acc * x;
  else if (Number.isNaN(acc) || Number.isNaN(x)) r = NaN;
  else r = op === "max" ? Math.max(acc, x) : Math.min(acc, x);
  if (dtype === "float32") return Math.fround(r);
  if (dtype === "int32") return r | 0;
  if (dtype === "int8") return (r << 24) >> 24;
  return r;
}

/** A deterministic value for position i (small integers, a few fractions, NaN where asked). */
function value(dtype: DType, i: number, nan: boolean): number {
  if (nan && i % 17 === 5) return NaN;
  const v = ((i * 7919) % 23) - 11;
  return dtype.startsWith("float") ? v / 4 : v;
}

function reference(op: Op, dtype: DType, rows: number[][]): number[] {
  const out = rows[0]!.slice();
  for (let r = 1; r < rows.length; r++) for (let j = 0; j < out.length; j++) out[j] = step(op, dtype, out[j]!, rows[r]![j]!);
  return out;
}

const DTYPES: DType[] = ["float32", "float64", "int32", "int8"];
const OPS: Op[] = ["sum", "prod", "max", "min"];

describe("axis-0 reductions of C matrices equal a row-by-row reference", () => {
  for (const dtype of DTYPES) {
    for (const op of OPS) {
      it(`${op} over ${dtype}`, () => {
        for (const nrows of [1, 3, 4, 5, 7, 8, 9, 12, 13, 16, 17]) {
          for (const ncols of [1, 3, 7, 8, 13, 33]) {
            for (const nan of dtype.startsWith("float") ? [false, true] : [false]) {
              const rows = Array.from({ length: nrows }, (_, r) => Array.from({ length: ncols }, (_, j) => value(dtype, r * ncols + j, nan)));
              const a = array(rows, { dtype });
              const flipped = a.get("::-1");
              const got = (x: NDArray) => {
                // sum and prod in the dtype itself (NumPy would widen small integers); max and min have no dtype.
                const r = x[op]((op === "sum" || op === "prod" ? { axis: 0, dtype } : { axis: 0 }) as never);
                const v = r.toArray() as number[];
                r.dispose();
                return v.map(Number);
              };
              const where = `${nrows}x${ncols}${nan ? " with NaN" : ""}`;
              expect(got(a), where).toEqual(reference(op, dtype, rows));
              expect(got(flipped), `${where} reversed`).toEqual(reference(op, dtype, rows.slice().reverse()));
              flipped.dispose();
              a.dispose();
            }
          }
        }
      });
    }
  }
});

type ExtremumCase = { dtype: "float32" | "float64"; shape: [number, number]; b64: string; expect: Record<string, string> };

describe("float max/min over axis 0: the sign of a tied zero and NaN, bit for bit as NumPy", () => {
  const { cases } = loadFixture<{ cases: ExtremumCase[] }>("extremum");
  /** Element i of `bytes` as a float (NaN of any payload compares equal) or, for a zero, its sign. */
  const elements = (bytes: Uint8Array, dtype: string): string[] => {
    const v = dtype === "float32" ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    return Array.from(v, (x) => (Number.isNaN(x) ? "NaN" : Object.is(x, -0) ? "-0" : String(x)));
  };
  for (const dtype of ["float32", "float64"]) {
    it(`${dtype}: ${cases.filter((c) => c.dtype === dtype).length} matrices, C and row-reversed, max and min`, () => {
      for (const c of cases.filter((c) => c.dtype === dtype)) {
        const a = array(base64Bytes(c.b64)).view(c.dtype).reshape(c.shape);
        // Rows stored bottom-up: a negative row stride over the same logical matrix.
        const up = a.get("::-1").copy();
        const rowrev = up.get("::-1");
        for (const [key, want] of Object.entries(c.expect)) {
          const [layout, op] = key.split(" ") as ["C" | "rowrev", "max" | "min"];
          const r = (layout === "C" ? a : rowrev)[op]({ axis: 0 });
          const t = r.toTypedArray();
          expect(elements(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), dtype), `${c.shape.join("x")} ${key}`).toEqual(elements(base64Bytes(want), dtype));
          r.dispose();
        }
        rowrev.dispose();
        up.dispose();
        a.dispose();
      }
    });
  }
});
