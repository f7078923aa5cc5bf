import { describe, expect, it } from "vitest";
import {
  array,
  concatenate,
  stack,
  vstack,
  hstack,
  dstack,
  columnStack,
  tile,
  repeat,
  zeros,
  DTypeError,
  type NDArray,
} from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";
import type { DType } from "../src/core/dtype.js";
import { loadFixture, jsValue, type Encoded } from "./fixtures.js";
import { buildView, expectDescribed, type Described, type ViewSpec } from "./copy-fixtures.js";
import type { ConcatenateOptions, StackOptions, JoinDTypeOptions } from "../src/index.js";

interface JoinCase {
  fn: string;
  inputs: { input: ViewSpec; data: Encoded }[];
  kwargs: Record<string, unknown>;
  result?: Described;
  error?: { type: string; message: string };
}

function call(c: JoinCase, arrays: NDArray[]): NDArray {
  const kw = c.kwargs;
  switch (c.fn) {
    case "concatenate":
      return concatenate(arrays, kw as ConcatenateOptions);
    case "stack":
      return stack(arrays, kw as StackOptions);
    case "vstack":
      return vstack(arrays, kw as JoinDTypeOptions);
    case "hstack":
      return hstack(arrays, kw as JoinDTypeOptions);
    case "dstack":
      return dstack(arrays, kw as JoinDTypeOptions);
    case "columnStack":
      return columnStack(arrays);
    case "tile":
      return tile(arrays[0]!, kw.reps as number | number[]);
    case "repeat":
      return "axis" in kw
        ? repeat(arrays[0]!, kw.repeats as number | number[], { axis: kw.axis as number | null })
        : repeat(arrays[0]!, kw.repeats as number | number[]);
  }
  throw new Error(`unknown fixture function ${c.fn}`);
}

const NUMPY_NAME: Record<string, string> = { AxisError: "AxisError", ValueError: "ValueError", TypeError: "TypeError" };

describe("joining against NumPy fixtures", () => {
  const fx = loadFixture<{ join: JoinCase[] }>("copy");
  fx.join.forEach((c, k) => {
    const label = `${c.fn}(${c.inputs.map((i) => `[${i.input.shape}]`).join(", ")}, ${JSON.stringify(c.kwargs)})`;
    it(`#${k} ${label} ${c.error ? "raises" : "matches"} as NumPy`, () => {
      const built = c.inputs.map((i) => buildView(i.input, i.data));
      const arrays = built.map((b) => b.v);
      try {
        if (c.error) {
          let err: unknown;
          try {
            call(c, arrays).dispose();
          } catch (e) {
            err = e;
          }
          expect(err, label).toBeInstanceOf(Error);
          expect((err as Error).name, label).toBe(NUMPY_NAME[c.error.type]);
          expect((err as Error).message, label).toBe(c.error.message);
        } else {
          const r = call(c, arrays);
          expectDescribed(r, c.result!, label);
          expect(r.base, label).toBe(null);
          r.dispose();
        }
      } finally {
        for (const b of built) {
          b.v.dispose();
          b.base.dispose();
        }
      }
    });
  });
});

describe("joining", () => {

  it("takes nested lists and TypedArrays, and frees what it converted", () => {
    const r = concatenate([[1, 2], new BigInt64Array([3n])]);
    expect(r.toArray()).toEqual([1n, 2n, 3n]);
    r.dispose();
    const t = tile(new Float32Array([1, 2]), [2, 2]);
    expect(t.toArray()).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
    t.dispose();
    const p = repeat(array([[1, 2]]), [1, 2], { axis: 1 });
    expect(p.toArray()).toEqual([[1n, 2n, 2n]]);
    p.dispose();
  });

  it("concatenates large float32 blocks along either axis through the copy kernels", () => {
    const a = zeros([300, 130], { dtype: "float32" });
    const b = zeros([300, 70], { dtype: "float32" });
    // Values: a[i, j] = i * 1000 + j, b[i, j] = -(i * 1000 + j).
    const fillWith = (x: NDArray, sign: number): void => {
      const v = makeView(x, x.shape, x.strides, 0);
      for (let i = 0; i < x.shape[0]!; i++) for (let j = 0; j < x.shape[1]!; j += 37) v.set(i, j, sign * (i * 1000 + j));
      v.dispose();
    };
    fillWith(a, 1);
    fillWith(b, -1);
    const h = hstack([a, b]);
    expect(h.shape).toEqual([300, 200]);
    expect(h.item(299, 111)).toBe(299 * 1000 + 111);
    expect(h.item(17, 130 + 37)).toBe(-(17 * 1000 + 37));
    const v = concatenate([a.T, b.T]);
    expect(v.shape).toEqual([200, 300]);
    expect(v.strides).toEqual([4, 800]);
    expect(v.item(111, 5)).toBe(5 * 1000 + 111);
    expect(v.item(130 + 37, 5)).toBe(-(5 * 1000 + 37));
    for (const x of [a, b, h, v]) x.dispose();
  });
});

// NumPy 2.4 writes `out` input by input without buffering, so an `out` that
// overlaps an input gives loop-order-dependent values there
// (np.concatenate([a[5:], a[:5]], out=a) gives [5..9, 5..9]); stridewise
// always gives the as-if-copied answer, pinned here against a plain-TS
// reference (README, "Where stridewise differs from NumPy").
describe("concatenate and stack into an out that overlaps an input", () => {
  const ref = (xs: number[][]): number[] => xs.flat();
  it("concatenate([a[5:], a[:5]], { out: a }) rotates a as if the inputs were copied first", async () => {
    const { arange, concatenate: cat } = await import("../src/index.js");
    const a = arange(10, { dtype: "float64" });
    const before = a.toArray() as number[];
    const hi = a.get("5:");
    const lo = a.get(":5");
    const r = cat([hi, lo], { out: a });
    expect(r).toBe(a);
    expect(a.toArray()).toEqual(ref([before.slice(5), before.slice(0, 5)]));
    hi.dispose();
    lo.dispose();
    a.dispose();
  });
  it("stack([a[3:], a[::-1][3:]], { out: a.reshape([2, 3]) }) as if copied", async () => {
    const { arange, stack: st } = await import("../src/index.js");
    const a = arange(6, { dtype: "float64" });
    const before = a.toArray() as number[];
    const x = a.get("3:");
    const y = a.get("::-1").get("3:");
    const o = a.reshape([2, 3]);
    st([x, y], { out: o });
    expect(a.toArray()).toEqual(ref([before.slice(3), before.slice().reverse().slice(3)]));
    for (const t of [x, y, o, a]) t.dispose();
  });
  it("an out apart from every input is written directly", async () => {
    const { arange, zeros: z, concatenate: cat } = await import("../src/index.js");
    const a = arange(4, { dtype: "float64" });
    const o = z([8]);
    expect(cat([a, a], { out: o })).toBe(o);
    expect(o.toArray()).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    a.dispose();
    o.dispose();
  });
});
