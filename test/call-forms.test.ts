// NumPy's call forms: a method that takes axes or a shape accepts a list and
// the same numbers as arguments (`a.transpose((1, 0))` and `a.transpose(1, 0)`,
// `a.reshape((3, 4))` and `a.reshape(3, 4)`). Each varargs form is compared
// with the list form, whose answers the views fixtures check against NumPy.
import { describe, expect, it } from "vitest";
import { expectError } from "./fixtures.js";
import { arange, expandDims, moveaxis, reshape, squeeze, swapaxes, transpose, zeros, type NDArray } from "../src/index.js";

const desc = (a: NDArray) => ({ shape: [...a.shape], strides: [...a.strides], offset: a.offset });

describe("call forms", () => {
  const a = arange(24).reshape([2, 3, 4]);

  it("transpose takes a list, varargs or nothing", () => {
    expect(desc(a.transpose([2, 0, 1]))).toEqual(desc(transpose(a, [2, 0, 1])));
    expect(desc(a.transpose(2, 0, 1))).toEqual(desc(transpose(a, [2, 0, 1])));
    expect(desc(a.transpose(-1, 0, 1))).toEqual(desc(transpose(a, [2, 0, 1])));
    expect(desc(a.transpose())).toEqual(desc(transpose(a)));
    expect(desc(a.transpose(null))).toEqual(desc(transpose(a)));
    expect(() => a.transpose([1, 0])).toThrow("axes don't match array");
  });

  it("reshape takes a list, one length, or the lengths as arguments (with -1 and options)", () => {
    expect(desc(a.reshape(6, 4))).toEqual(desc(reshape(a, [6, 4])));
    expect(desc(a.reshape([6, 4]))).toEqual(desc(reshape(a, [6, 4])));
    expect(desc(a.reshape(24))).toEqual(desc(reshape(a, [24])));
    expect(desc(a.reshape(-1, 8))).toEqual(desc(reshape(a, [3, 8])));
    const f = a.reshape(4, -1, { order: "F" });
    const g = reshape(a, [4, 6], { order: "F" });
    expect(desc(f)).toEqual(desc(g));
    expect(f.toArray()).toEqual(g.toArray());
    expect(() => a.reshape(5, 5)).toThrow("cannot reshape array of size 24 into shape (5,5)");
    expect(() => a.T.reshape(24, { copy: false })).toThrow("Unable to avoid creating a copy while reshaping.");
  });

  it("squeeze and expandDims take an axis, a list or varargs", () => {
    const z = zeros([1, 3, 1, 1]);
    expect(desc(z.squeeze(0, 2))).toEqual(desc(squeeze(z, [0, 2])));
    expect(desc(z.squeeze([0, 2]))).toEqual(desc(squeeze(z, [0, 2])));
    expect(desc(z.squeeze(-1))).toEqual(desc(squeeze(z, 3)));
    expect(desc(z.squeeze(null))).toEqual(desc(squeeze(z)));
    const v = zeros([3]);
    expect(desc(v.expandDims(0, 2))).toEqual(desc(expandDims(v, [0, 2])));
    expect(desc(v.expandDims([0, -1]))).toEqual(desc(expandDims(v, [0, 2])));
  });

  it("squeeze and expandDims take NumPy's keyword as { axis }, and refuse what is not an integer as NumPy does", () => {
    const z = zeros([1, 3, 1, 1]);
    expect(desc(squeeze(z, { axis: null }))).toEqual(desc(squeeze(z)));
    expect(desc(squeeze(z, { axis: [0, 2] }))).toEqual(desc(squeeze(z, [0, 2])));
    expect(desc(z.squeeze({ axis: -1 }))).toEqual(desc(squeeze(z, 3)));
    expect(desc(expandDims(zeros([3]), { axis: 1 }))).toEqual(desc(expandDims(zeros([3]), 1)));
    // NumPy 2.4's words (np.squeeze(a, axis=1.5), np.expand_dims(a, 1.5), np.expand_dims(a, None)).
    expectError(() => squeeze(z, 1.5), TypeError, "'float' object cannot be interpreted as an integer");
    expectError(() => squeeze(z, "x" as never), TypeError, "'str' object cannot be interpreted as an integer");
    expectError(() => expandDims(z, 1.5), TypeError, "integer argument expected, got float");
    expectError(() => expandDims(z, [0, 1.5]), TypeError, "integer argument expected, got float");
    expectError(() => expandDims(z, null), TypeError, "'NoneType' object cannot be interpreted as an integer");
    expect(() => squeeze(z, 1)).toThrow("cannot select an axis to squeeze out which has size not equal to one");
  });

  it("moveaxis and swapaxes count negative axes from the end", () => {
    expect(desc(moveaxis(a, -1, 0))).toEqual(desc(moveaxis(a, 2, 0)));
    expect(desc(moveaxis(a, [0, -1], [-1, 0]))).toEqual(desc(moveaxis(a, [0, 2], [2, 0])));
    expect(desc(a.swapaxes(-1, -3))).toEqual(desc(swapaxes(a, 2, 0)));
  });
});
