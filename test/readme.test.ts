// The README's tour, statement by statement, with the values its comments
// promise (a README that lies is a bug).
import { expect, it } from "vitest";
import { arange, assertNoCopy, sharesMemory, trackCopies, zeros } from "../src/index.js";

it("the README tour does what its comments say", () => {
  const E = zeros([50257, 768], { dtype: "float32" });
  const head = E.get(":, :256");
  expect(head.shape).toEqual([50257, 256]);
  expect(head.strides).toEqual([3072, 4]);
  expect(sharesMemory(E, head)).toBe(true);

  const dense = head.copy();
  expect(sharesMemory(E, dense)).toBe(false);
  expect(dense.flags.cContiguous).toBe(true);

  const a = arange(12).reshape([3, 4]);
  expect(a.dtype).toBe("int64");
  expect(a.T.flags.fContiguous).toBe(true);
  expect(a.T.base).toBe(a.base); // as NumPy: views of views point at the owner
  expect(a.item(2, 3)).toBe(11n);

  assertNoCopy(() => E.get("0:3")).dispose();
  expect(trackCopies(() => E.get([15496, 995])).copies).toEqual([{ op: "index", bytes: 2 * 768 * 4 }]);

  for (const x of [E, head, dense, a]) x.dispose();
  expect(E.isAlive).toBe(false);
});

it("the README's Types block does what its comments say", () => {
  const E = zeros([4, 3], { dtype: "float32" });
  const x: number = E.item(0, 0);
  expect(x).toBe(0);
  const big: bigint = arange(12).item(3);
  expect(big).toBe(3n);
  const f: Float32Array = E.toTypedArray();
  expect(f).toBeInstanceOf(Float32Array);
  const h = E.astype("float16");
  expect(h.dtype).toBe("float16");
  expect(E.transpose([1, 0]).shape).toEqual([3, 4]);
  expect(E.transpose(1, 0).strides).toEqual([4, 12]);
  expect(arange(12).reshape(3, 4).shape).toEqual([3, 4]);
  expect(arange(12).reshape([3, -1]).shape).toEqual([3, 4]);
});
