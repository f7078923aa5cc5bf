// The error classes as JavaScript sees them: each NumPy class extends the
// built-in a JS user would catch (TypeError, RangeError, Error), keeps
// NumPy's name, and is recognised by `instanceof StridewiseError` (a brand,
// see src/core/errors.ts); AxisError is also an IndexError, as in NumPy.
// The errors are raised by real calls, so the messages are NumPy's.

import { describe, expect, it } from "vitest";
import {
  arange,
  AxisError,
  DTypeError,
  IndexError,
  MemoryError,
  OverflowError,
  StridewiseError,
  TooHardError,
  ValueError,
  ZeroDivisionError,
  assertNoCopy,
  CopyError,
  array,
  empty,
  sharesMemory,
  sum,
  zeros,
} from "../src/index.js";

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("did not throw");
}

describe("error classes extend JavaScript's built-ins and keep NumPy's names", () => {
  const cases: [string, () => unknown, Function, Function, string][] = [
    ["DTypeError", () => zeros([2], { dtype: "float128" as never }), DTypeError, TypeError, "TypeError"],
    ["IndexError", () => arange(3).item(5), IndexError, RangeError, "IndexError"],
    ["OverflowError", () => zeros([1], { dtype: "int8" }).set(0, 300), OverflowError, RangeError, "OverflowError"],
    ["ZeroDivisionError", () => arange(0, 10, 0), ZeroDivisionError, RangeError, "ZeroDivisionError"],
    ["MemoryError", () => empty([2 ** 31], { dtype: "float64" }), MemoryError, RangeError, "MemoryError"],
    ["ValueError", () => zeros([-1]), ValueError, Error, "ValueError"],
    ["AxisError", () => sum(zeros([2]), { axis: 3 }), AxisError, Error, "AxisError"],
    ["TooHardError", () => { const x = zeros([4]); return sharesMemory(x, x.get("1:"), { maxWork: 0 }); }, TooHardError, Error, "TooHardError"],
    ["CopyError", () => assertNoCopy(() => array([1, 2]).copy()), CopyError, Error, "CopyError"],
  ];
  for (const [what, fn, cls, builtin, name] of cases) {
    it(`${what} is a ${builtin.name} named "${name}" and a StridewiseError`, () => {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(cls);
      expect(e).toBeInstanceOf(builtin);
      expect(e).toBeInstanceOf(StridewiseError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(name);
    });
  }
  it("AxisError is a ValueError and an IndexError, as NumPy's", () => {
    const e = thrown(() => sum(zeros([2]), { axis: 3 }));
    expect(e).toBeInstanceOf(ValueError);
    expect(e).toBeInstanceOf(IndexError);
    expect(e.message).toBe("axis 3 is out of bounds for array of dimension 1");
  });
  it("instanceof of one class does not accept another", () => {
    const t = thrown(() => zeros([2], { dtype: "float128" as never }));
    const i = thrown(() => arange(3).item(5));
    expect(t).not.toBeInstanceOf(IndexError);
    expect(t).not.toBeInstanceOf(ValueError);
    expect(i).not.toBeInstanceOf(ValueError);
    expect(i).not.toBeInstanceOf(TypeError);
    expect(i).not.toBeInstanceOf(OverflowError);
  });
  it("JavaScript's own errors are not StridewiseErrors", () => {
    expect(new TypeError("x")).not.toBeInstanceOf(StridewiseError);
    expect(new RangeError("x")).not.toBeInstanceOf(StridewiseError);
    expect(null).not.toBeInstanceOf(StridewiseError);
  });
});
