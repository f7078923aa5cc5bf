// The creation functions against NumPy: dtype, shape, byte strides, values
// (as C-order bytes), contiguity and error messages, all recorded by
// scripts/fixtures_creation.py.

import { describe, expect, it } from "vitest";
import {
  arange,
  array,
  asarray,
  DTypeError,
  empty,
  emptyLike,
  eye,
  full,
  fullLike,
  heapStats,
  linspace,
  ones,
  onesLike,
  OverflowError,
  StridewiseError,
  ValueError,
  zeros,
  zerosLike,
  type NDArray,
} from "../src/index.js";
import { ZeroDivisionError } from "../src/core/errors.js";
import { hexBytes, jsValue, loadFixture, type Encoded } from "./fixtures.js";

interface Result {
  dtype: string;
  shape: number[];
  strides: number[];
  bytes: string;
  c: boolean;
  f: boolean;
}
interface Case {
  fn: string;
  args: Encoded[];
  opts: Record<string, never>;
  result?: Result;
  error?: { error: string; message: string };
}
const fx = loadFixture<Record<"array" | "filled" | "arange" | "linspace" | "eye", Case[]>>("creation");

const CLASSES: Record<string, new (...a: never[]) => Error> = {
  OverflowError,
  ValueError,
  TypeError: DTypeError,
  ZeroDivisionError,
};

/** `{typed: "Float32Array", values}` in a fixture stands for that TypedArray. */
function arg(v: Encoded): any {
  const x = jsValue(v);
  if (x !== null && typeof x === "object" && "typed" in x) {
    return new (globalThis as any)[x.typed](x.values);
  }
  return x;
}

function run(c: Case): NDArray {
  const a = c.args.map(arg);
  const o = c.opts;
  switch (c.fn) {
    case "array":
      return array(a[0], o);
    case "asarray":
      return asarray(a[0], o);
    case "zeros":
      return zeros(a[0], o);
    case "ones":
      return ones(a[0], o);
    case "empty":
      return empty(a[0], o);
    case "full":
      return full(a[0], a[1], o);
    case "arange":
      return (arange as (...x: unknown[]) => NDArray)(...a, o);
    case "linspace":
      return linspace(a[0], a[1], a[2], o);
    case "eye":
      return eye(a[0], o);
  }
  throw new Error(`unknown fixture function ${c.fn}`);
}

function bytesOf(a: NDArray): Uint8Array {
  const t = a.toTypedArray();
  return new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
}

/** Runs one recorded call and checks it against NumPy's result or error. */
function check(c: Case): void {
  if (c.error) {
    const before = heapStats().allocations;
    let caught: unknown;
    try {
      run(c);
    } catch (e) {
      caught = e;
    }
    expect(caught, `expected ${c.error.error}: ${c.error.message}`).toBeInstanceOf(CLASSES[c.error.error]!);
    expect(caught).toBeInstanceOf(StridewiseError);
    expect((caught as Error).name).toBe(c.error.error);
    expect((caught as Error).message).toBe(c.error.message);
    // Errors are raised before anything is allocated.
    expect(heapStats().allocations).toBe(before);
    return;
  }
  const want = c.result!;
  using a = run(c);
  expect(a.dtype).toBe(want.dtype);
  expect(a.shape).toEqual(want.shape);
  expect(a.strides).toEqual(want.strides);
  expect(a.flags.cContiguous).toBe(want.c);
  expect(a.flags.fContiguous).toBe(want.f);
  expect(a.flags.ownData).toBe(true);
  expect(a.flags.writeable).toBe(true);
  // empty's contents are whatever the heap held.
  if (c.fn !== "empty") expect(hexOf(bytesOf(a))).toBe(hexOf(hexBytes(want.bytes)));
}
const hexOf = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

const named = (cases: Case[]) =>
  cases.map((c) => ({ ...c, call: `${c.fn}(${JSON.stringify(c.args).slice(1, -1)}${Object.keys(c.opts).length ? `, ${JSON.stringify(c.opts)}` : ""})`, outcome: c.error ? `raises ${c.error.error}` : "matches NumPy" }));

describe("array and asarray", () => {
  it.each(named(fx.array))("$call $outcome", (c) => check(c));

  it("copies an NDArray argument, and asarray returns it unchanged", () => {
    using a = array([[1, 2], [3, 4]]);
    using b = array(a);
    expect(b).not.toBe(a);
    expect(b.toArray()).toEqual(a.toArray());
    expect(asarray(a)).toBe(a);
  });

  it("reads a TypedArray through its own offset and length", () => {
    const buf = new Float32Array([9, 1, 2, 3, 9]);
    using a = array(buf.subarray(1, 4));
    expect(a.toArray()).toEqual([1, 2, 3]);
  });

  it("rejects a value that is not a number, bigint or boolean", () => {
    expect(() => array([1, "2" as never])).toThrow(DTypeError);
    expect(() => array([1, "2" as never])).toThrow("array: cannot make an array element from string (expected number, bigint or boolean)");
  });
});

describe("zeros, ones, empty and full", () => {
  it.each(named(fx.filled))("$call $outcome", (c) => check(c));

  it("zeros reads as zeros in memory an earlier array left dirty", () => {
    const a = full([1000], 7.5);
    const addr = a.address("test");
    a.dispose();
    using z = zeros([1000]);
    expect(z.address("test")).toBe(addr);
    expect(new Float64Array(z.toTypedArray().buffer).every((x) => x === 0)).toBe(true);
  });

  it("the *Like functions keep the prototype's shape, dtype and order", () => {
    using f = zeros([2, 3], { order: "F", dtype: "int16" });
    for (const fn of [(x: NDArray) => emptyLike(x), (x: NDArray) => zerosLike(x), (x: NDArray) => onesLike(x), (x: NDArray) => fullLike(x, 3)]) {
      using b = fn(f);
      expect([b.shape, b.strides, b.dtype]).toEqual([f.shape, f.strides, f.dtype]);
    }
    using c = onesLike(f, { dtype: "float32", order: "C" });
    expect([c.strides, c.toArray()]).toEqual([[12, 4], [[1, 1, 1], [1, 1, 1]]]);
  });

  it("rejects an unknown order with the accepted ones", () => {
    expect(() => zeros([2], { order: "K" as never })).toThrow(ValueError);
    expect(() => zeros([2], { order: "K" as never })).toThrow("order must be one of 'C', 'F' (got 'K')");
  });
});

describe("arange", () => {
  it.each(named(fx.arange))("$call $outcome", (c) => check(c));
});

describe("linspace", () => {
  it.each(named(fx.linspace))("$call $outcome", (c) => check(c));
});

describe("eye", () => {
  it.each(named(fx.eye))("$call $outcome", (c) => check(c));
});
