// Element read/write for all 13 dtypes against NumPy's bytes (and
// ml_dtypes' for bfloat16), recorded by scripts/fixtures_dtype.py.

import { describe, expect, it } from "vitest";
import { array, DTypeError, empty, full, heapStats, OverflowError, StridewiseError, ValueError } from "../src/index.js";
import {
  checkDType,
  DTYPE_NAMES,
  DTYPES,
  readElement,
  scalarDType,
  toStored,
  writeElement,
  type DType,
  type Scalar,
} from "../src/core/dtype.js";
import { bfloat16BitsToNumber, float16BitsToNumber, float64ToBfloat16Bits, float64ToFloat16Bits } from "../src/core/half.js";
import { u8 } from "../src/core/memory.js";
import type { NDArray } from "../src/core/ndarray.js";
import { base64Bytes, hexBytes, jsValue, loadFixture, type Encoded } from "./fixtures.js";

interface RoundTrip {
  dtype: DType;
  values: Encoded[];
  bytes: string;
  tolist: Encoded[];
}
interface ErrorCase {
  dtype: DType;
  value: Encoded;
  error: string;
  message: string;
}
const fx = loadFixture<{
  roundtrip: RoundTrip[];
  errors: ErrorCase[];
  float16_all_float32_base64: string;
  bfloat16_all_float32_base64: string;
}>("dtype");

const CLASSES: Record<string, new (...a: never[]) => Error> = { OverflowError, ValueError, TypeError: DTypeError };

/** Asserts that `fn` throws NumPy's error: the matching class, and the same words. */
function expectNumpyError(fn: () => unknown, e: { error: string; message: string }): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${e.error}: ${e.message}`).toBeInstanceOf(CLASSES[e.error]!);
  expect(caught).toBeInstanceOf(StridewiseError);
  expect((caught as Error).name).toBe(e.error);
  expect((caught as Error).message).toBe(e.message);
}

function bytesOf(a: NDArray): Uint8Array {
  const at = a.address("test");
  return u8.slice(at, at + a.nbytes);
}

/** Indices where two byte strings differ element-wise, with the value written there. */
function mismatches(got: Uint8Array, want: Uint8Array, itemsize: number, values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const g = got.subarray(i * itemsize, (i + 1) * itemsize);
    const w = want.subarray(i * itemsize, (i + 1) * itemsize);
    if (g.some((b, k) => b !== w[k])) out.push(`[${i}] ${String(values[i])}: got ${hex(g)}, NumPy ${hex(w)}`);
  }
  return out;
}
const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

describe.each(fx.roundtrip)("the $dtype dtype", (c) => {
  const values = jsValue(c.values) as Scalar[];
  const want = hexBytes(c.bytes);
  const size = DTYPES[c.dtype].itemsize;

  it("is recorded with one element of bytes per value", () => {
    expect(want.length).toBe(values.length * size);
  });

  it("writeElement stores NumPy's bytes for every value", () => {
    using a = empty([values.length], { dtype: c.dtype });
    const at = a.address("test");
    values.forEach((v, i) => writeElement(c.dtype, at + i * size, v));
    expect(mismatches(bytesOf(a), want, size, values)).toEqual([]);
  });

  it("writeElement stores NumPy's bytes at unaligned addresses too", () => {
    using a = empty([values.length * size + 1], { dtype: "uint8" });
    const at = a.address("test") + 1;
    values.forEach((v, i) => writeElement(c.dtype, at + i * size, v));
    expect(mismatches(u8.slice(at, at + want.length), want, size, values)).toEqual([]);
  });

  it("array(values, { dtype }) stores NumPy's bytes", () => {
    using a = array(values, { dtype: c.dtype });
    expect(a.dtype).toBe(c.dtype);
    expect(a.shape).toEqual([values.length]);
    expect(mismatches(bytesOf(a), want, size, values)).toEqual([]);
  });

  it("full(shape, value, { dtype }) repeats NumPy's bytes of that value", () => {
    const bad: string[] = [];
    values.forEach((v, i) => {
      using a = full([3], v, { dtype: c.dtype });
      const one = want.subarray(i * size, (i + 1) * size);
      const got = bytesOf(a);
      for (let k = 0; k < 3; k++) {
        if (got.subarray(k * size, (k + 1) * size).some((b, j) => b !== one[j])) {
          bad.push(`[${i}] ${String(v)}: got ${hex(got)}, NumPy ${hex(one)} x3`);
          break;
        }
      }
    });
    expect(bad).toEqual([]);
  });

  it("reading NumPy's bytes gives NumPy's tolist() values", () => {
    using a = empty([values.length], { dtype: c.dtype });
    u8.set(want, a.address("test"));
    expect(a.toArray()).toEqual(jsValue(c.tolist));
  });

  it("reading NumPy's bytes at unaligned addresses gives the same values", () => {
    using a = empty([want.length + 1], { dtype: "uint8" });
    const at = a.address("test") + 1;
    u8.set(want, at);
    const got = values.map((_, i) => readElement(c.dtype, at + i * size));
    expect(got).toEqual(jsValue(c.tolist));
  });
});

describe("values a dtype cannot hold", () => {
  it.each(fx.errors.map((e) => ({ ...e, shown: JSON.stringify(e.value) })))(
    "$dtype rejects $shown with NumPy's $error",
    (e) => {
      const v = jsValue(e.value) as Scalar;
      expectNumpyError(() => toStored(e.dtype, v), e);
      const before = heapStats();
      expectNumpyError(() => array([0, v], { dtype: e.dtype }), e);
      expectNumpyError(() => full([2], v, { dtype: e.dtype }), e);
      // Both raise before allocating anything.
      expect(heapStats().allocations).toBe(before.allocations);
    },
  );

  it("bfloat16 converts bigints beyond int64 through float32 (ml_dtypes raises TypeError instead)", () => {
    for (const b of [2n ** 63n, 2n ** 70n + 1n, -(2n ** 100n)]) {
      expect(toStored("bfloat16", b)).toBe(float64ToBfloat16Bits(Math.fround(Number(b))));
    }
  });
});

describe("every 16-bit pattern", () => {
  const cases = [
    ["float16", fx.float16_all_float32_base64, float16BitsToNumber, float64ToFloat16Bits],
    ["bfloat16", fx.bfloat16_all_float32_base64, bfloat16BitsToNumber, float64ToBfloat16Bits],
  ] as const;

  it.each(cases)("decodes all 65,536 %s patterns to NumPy's float64 values", (_name, b64, decode) => {
    const bytes = base64Bytes(b64);
    const want = new Float32Array(bytes.buffer, bytes.byteOffset, 65536);
    const bad: string[] = [];
    for (let h = 0; h < 65536; h++) {
      const got = decode(h);
      if (!Object.is(got, want[h]) && !(Number.isNaN(got) && Number.isNaN(want[h]))) bad.push(`0x${h.toString(16)}: ${got} vs ${want[h]}`);
    }
    expect(bad).toEqual([]);
  });

  it.each(cases)("encodes each %s value back to its own pattern (NaN stays NaN)", (_name, _b64, decode, encode) => {
    const bad: string[] = [];
    for (let h = 0; h < 65536; h++) {
      const v = decode(h);
      const back = encode(v);
      if (Number.isNaN(v) ? !Number.isNaN(decode(back)) : back !== h) bad.push(`0x${h.toString(16)} → 0x${back.toString(16)}`);
    }
    expect(bad).toEqual([]);
  });
});

describe("dtype names and inference", () => {
  it("accepts NumPy's canonical names and nothing else", () => {
    for (const d of DTYPE_NAMES) expect(checkDType(d)).toBe(d);
    expect(DTYPE_NAMES).toHaveLength(13);
    expect(() => checkDType("f4")).toThrow(DTypeError);
    expect(() => checkDType("f4")).toThrow("data type 'f4' not understood");
    expect(() => checkDType(undefined)).toThrow("data type undefined not understood");
  });

  it("infers bool, int64, uint64 or float64 for a scalar as np.array does for Python scalars", () => {
    expect(scalarDType(true)).toBe("bool");
    expect(scalarDType(3)).toBe("int64");
    expect(scalarDType(-0)).toBe("int64");
    expect(scalarDType(2.5)).toBe("float64");
    expect(scalarDType(NaN)).toBe("float64");
    expect(scalarDType(2 ** 63)).toBe("float64");
    expect(scalarDType(2n ** 63n - 1n)).toBe("int64");
    expect(scalarDType(2n ** 63n)).toBe("uint64");
  });
});
