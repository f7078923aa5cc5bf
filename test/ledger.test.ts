// The copy ledger sees every copy kind and nothing else.
import { afterEach, describe, expect, it } from "vitest";
import {
  arange,
  assertNoCopy,
  concatenate,
  copyStats,
  CopyError,
  resetCopyStats,
  trackCopies,
  take,
  compress,
  where,
  zeros,
  type NDArray,
} from "../src/index.js";

const E = zeros([64, 48], { dtype: "float32" });
const disposeAll = (...xs: NDArray[]): void => xs.forEach((x) => x.dispose());

describe("the copy ledger", () => {
  afterEach(() => resetCopyStats());

  it("lets views through assertNoCopy", () => {
    const views = assertNoCopy(() => [E.get("0:3"), E.get(":, :16"), E.T, E.reshape([48, 64]), E.get(null), E.get("::-1")]);
    expect(views.every((v) => v.base === E)).toBe(true);
    disposeAll(...views);
  });

  it("reports each copying operation with the bytes it wrote", () => {
    const { copies, bytes, result } = trackCopies(() => {
      const a = E.get(":, :16").copy(); // 64*16*4
      const b = concatenate([E, E]); // 2*64*48*4
      const c = E.astype("float16"); // 64*48*2
      const t = E.T;
      const d = t.reshape([64 * 48]); // a reshape that must copy
      t.dispose();
      const e = E.get(":, ::2").flatten();
      return [a, b, c, d, e];
    });
    expect(copies).toEqual([
      { op: "copy", bytes: 64 * 16 * 4 },
      { op: "concatenate", bytes: 2 * 64 * 48 * 4 },
      { op: "astype", bytes: 64 * 48 * 2 },
      { op: "reshape", bytes: 64 * 48 * 4 },
      { op: "flatten", bytes: 64 * 24 * 4 },
    ]);
    expect(bytes).toBe(copies.reduce((s, c) => s + c.bytes, 0));
    disposeAll(...result);
  });

  it("fails assertNoCopy on integer-array indexing and passes it on the slice", () => {
    expect(() => assertNoCopy(() => E.get([0, 1, 2]).dispose())).toThrow(`assertNoCopy: 1 copy made (index: ${3 * 48 * 4} bytes)`);
    assertNoCopy(() => E.get("0:3")).dispose();
  });

  it("reports each selection once, under its own name", () => {
    const mask = E.get(":, 0").astype("bool");
    const { copies, result } = trackCopies(() => [
      E.get(mask),
      take(E, [1, 2], { axis: 1 }),
      compress([true, false, true], E.get(0)),
      where(mask, 1, 0),
    ]);
    expect(copies.map((c) => c.op)).toEqual(["index", "take", "compress", "where"]);
    expect(copies[1]!.bytes).toBe(64 * 2 * 4);
    disposeAll(mask, ...result);
  });

  it("keeps running totals per operation until reset", () => {
    resetCopyStats();
    const a = E.copy();
    const b = E.copy();
    expect(copyStats()).toEqual({ copy: { bytes: 2 * E.nbytes, count: 2 } });
    resetCopyStats();
    expect(copyStats()).toEqual({});
    disposeAll(a, b);
  });

  it("makes assertNoCopy throw CopyError naming the copies", () => {
    expect(() => assertNoCopy(() => E.copy().dispose())).toThrow(CopyError);
    expect(() => assertNoCopy(() => E.copy().dispose())).toThrow(`assertNoCopy: 1 copy made (copy: ${E.nbytes} bytes)`);
  });

  it("sees copies inside nested tracking scopes in both scopes", () => {
    const outer = trackCopies(() => {
      const inner = trackCopies(() => arange(4).copy());
      inner.result.dispose();
      return inner.copies.length;
    });
    expect(outer.result).toBe(1);
    expect(outer.copies).toEqual([{ op: "copy", bytes: 32 }]);
  });
});
