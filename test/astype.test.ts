import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DTYPE_NAMES, DTypeError, array, astype, zeros, type DType, type NDArray } from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";
import { castInto, lastCastPath } from "../src/ops/cast.js";

interface Fixture {
  numpy: string;
  exhaustive: Record<string, Record<string, string[]>>;
  sweeps: Record<string, { input: string; out: Record<string, string> }>;
  layoutDependent: string[];
  layouts: {
    name: string;
    shape: number[];
    strides: number[];
    offset: number;
    orders: Record<"K" | "A" | "C" | "F", { strides: number[]; same: boolean; sameDtypeStrides: number[] }>;
    values: number[];
  }[];
}

const fx = JSON.parse(readFileSync(new URL("./fixtures/astype.json", import.meta.url), "utf8")) as Fixture;

const ITEMSIZE: Record<DType, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8,
  float16: 2, bfloat16: 2, float32: 4, float64: 8,
};

/** An array of `dtype` holding exactly these bytes. */
function fromBytes(bytes: Uint8Array, dtype: DType): NDArray {
  return array(bytes).view(dtype);
}

/** The bytes of `a` in C order. */
function bytesOf(a: NDArray): Uint8Array {
  const t = a.toTypedArray();
  return new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
}

function b64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "base64"));
}

function chunkHashes(bytes: Uint8Array, chunks = 16): string[] {
  const step = bytes.length / chunks;
  const out: string[] = [];
  for (let i = 0; i < chunks; i++) out.push(createHash("sha256").update(bytes.subarray(i * step, (i + 1) * step)).digest("hex").slice(0, 16));
  return out;
}

function hex(bytes: Uint8Array, i: number, size: number): string {
  let s = "";
  for (let k = size - 1; k >= 0; k--) s += bytes[i * size + k]!.toString(16).padStart(2, "0");
  return s;
}

/** Compares result bytes element by element and names the first few differences. */
function expectSameElements(got: Uint8Array, want: Uint8Array, input: Uint8Array, from: DType, to: DType): void {
  const ds = ITEMSIZE[to];
  const ss = ITEMSIZE[from];
  const bad: string[] = [];
  for (let i = 0; i < want.length / ds && bad.length < 5; i++) {
    for (let k = 0; k < ds; k++) {
      if (got[i * ds + k] !== want[i * ds + k]) {
        bad.push(`#${i}: ${from} 0x${hex(input, i, ss)} -> 0x${hex(got, i, ds)}, NumPy 0x${hex(want, i, ds)}`);
        break;
      }
    }
  }
  expect(bad, `${from} -> ${to}`).toEqual([]);
  expect(got.length).toBe(want.length);
}

const PATTERNS = new Uint8Array(new Uint16Array(65536).map((_, i) => i).buffer);
const REVERSED = new Uint8Array(new Uint16Array(65536).map((_, i) => 65535 - i).buffer);

describe("astype: every float16 and bfloat16 bit pattern to every dtype, against NumPy and ml_dtypes", () => {
  for (const from of ["float16", "bfloat16"] as const) {
    for (const to of DTYPE_NAMES) {
      if (to === from) continue;
      it(`converts all 65536 ${from} patterns to ${to}`, () => {
        const a = fromBytes(PATTERNS, from);
        const r = a.astype(to);
        expect(chunkHashes(bytesOf(r))).toEqual(fx.exhaustive[from]![to]);
        expect(lastCastPath).toBe("contiguous");
        // The same through a negative-stride view: the planned path.
        const rev = fromBytes(REVERSED, from).get("::-1");
        const r2 = rev.astype(to);
        expect(lastCastPath).toBe("planned");
        expect(r2.strides).toEqual([ITEMSIZE[to]]);
        expect(chunkHashes(bytesOf(r2))).toEqual(fx.exhaustive[from]![to]);
        for (const x of [a, r, rev, r2]) x.dispose();
      });
    }
  }
});

describe("astype: edge sweeps for every other pair, against NumPy", () => {
  for (const from of DTYPE_NAMES) {
    if (from === "float16" || from === "bfloat16") continue;
    const sweep = fx.sweeps[from]!;
    const input = b64(sweep.input);
    for (const to of DTYPE_NAMES) {
      if (to === from) continue;
      it(`converts ${from} edge values to ${to} (contiguous, strided and at every SIMD offset)`, () => {
        const want = b64(sweep.out[to]!);
        const a = fromBytes(input, from);
        expectSameElements(bytesOf(a.astype(to)), want, input, from, to);
        // Strided: every other element of an interleaved copy.
        const ss = ITEMSIZE[from];
        const inter = new Uint8Array(input.length * 2);
        for (let i = 0; i < input.length / ss; i++) inter.set(input.subarray(i * ss, (i + 1) * ss), 2 * i * ss);
        const b = fromBytes(inter, from).get("::2");
        expectSameElements(bytesOf(b.astype(to)), want, input, from, to);
        expect(lastCastPath).toBe("planned");
        // Runs starting at every offset 0..17 and of lengths around the vector widths.
        const ds = ITEMSIZE[to];
        for (let start = 0; start < 18; start++) {
          for (const len of [1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65]) {
            const part = a.get(`${start}:${start + len}`);
            const got = bytesOf(part.astype(to));
            const exp = want.subarray(start * ds, (start + len) * ds);
            if (Buffer.compare(Buffer.from(got), Buffer.from(exp)) !== 0) {
              expectSameElements(got, exp, input.subarray(start * ss), from, to);
            }
            part.dispose();
          }
        }
        a.dispose();
        b.dispose();
      });
    }
  }
});

describe("astype: the platform-defined float -> integer values (x86-64 NumPy's)", () => {
  const specials = [NaN, Infinity, -Infinity, 1e10, -1e10, 3e9, -3e9, 2 ** 63, 2 ** 64, -(2 ** 63), 70000.5, -300.7, -1.5, 255.9];
  it("matches cvttsd2si: small ints take the low bits of the int32 conversion", () => {
    const a = array(specials);
    expect(a.astype("int8").toArray()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 112, -44, -1, -1]);
    expect(a.astype("uint16").toArray()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4464, 65236, 65535, 255]);
    const m = -(2 ** 31);
    expect(a.astype("int32").toArray()).toEqual([m, m, m, m, m, m, m, m, m, m, 70000, -300, -1, 255]);
  });
  it("uint32 is the low half of the int64 conversion; int64 is INT64_MIN when out of range", () => {
    const a = array(specials);
    expect(a.astype("uint32").toArray()).toEqual([0, 0, 0, 1410065408, 2884901888, 3000000000, 1294967296, 0, 0, 0, 70000, 4294966996, 4294967295, 255]);
    const m = -(2n ** 63n);
    expect(a.astype("int64").toArray()).toEqual([m, m, m, 10000000000n, -10000000000n, 3000000000n, -3000000000n, m, m, m, 70000n, -300n, -1n, 255n]);
  });
  it("uint64 converts x - 2^63 above 2^63 and flips the top bit", () => {
    const a = array([NaN, Infinity, -Infinity, 2 ** 63, 2 ** 63 + 2048, 2 ** 64, -1]);
    expect(a.astype("uint64").toArray()).toEqual([2n ** 63n, 0n, 2n ** 63n, 2n ** 63n, 2n ** 63n + 2048n, 0n, 2n ** 64n - 1n]);
  });
  it("NaN is true as bool, and -0 is false", () => {
    expect(array([NaN, -0, 0.5, 0]).astype("bool").toArray()).toEqual([true, false, true, false]);
  });
  it("records which pairs NumPy itself answers differently by layout", () => {
    expect(fx.layoutDependent.sort()).toEqual(["bfloat16->uint32", "float32->uint32", "float64->uint32"]);
  });
});

describe("astype: layouts, orders and copy: false, as NumPy", () => {
  for (const c of fx.layouts) {
    it(`lays out a ${c.name} input as NumPy for every order`, () => {
      const base = array(new Float64Array(120).map((_, i) => i));
      const v = makeView(base, c.shape, c.strides, c.offset);
      for (const order of ["K", "A", "C", "F"] as const) {
        const want = c.orders[order];
        const r = v.astype("float32", { order });
        expect(r.strides, `order ${order}`).toEqual(want.strides);
        expect(Array.from(r.toTypedArray() as Float32Array)).toEqual(c.values);
        const same = v.astype("float64", { order, copy: false });
        expect(same === v, `copy: false, order ${order}`).toBe(want.same);
        const cp = v.astype("float64", { order });
        expect(cp === v).toBe(false);
        expect(cp.strides, `same dtype, order ${order}`).toEqual(want.sameDtypeStrides);
        for (const x of [r, cp]) x.dispose();
      }
      base.dispose();
    });
  }

  it("converts an F-ordered input with one kernel call and keeps F order", () => {
    const a = array(new Float32Array(12).map((_, i) => i - 5.5)).reshape([3, 4]).T;
    const r = a.astype("int16");
    expect(lastCastPath).toBe("contiguous");
    expect(r.strides).toEqual([2, 8]);
    expect(r.toArray()).toEqual([[-5, -1, 2], [-4, 0, 3], [-3, 0, 4], [-2, 1, 5]]);
  });

  it("converts a broadcast (zero-stride) input", () => {
    const a = array(new Float64Array([1.5, 2.5, -3.5])).broadcastTo([4, 3]);
    const r = a.astype("float16");
    expect(r.toArray()).toEqual([[1.5, 2.5, -3.5], [1.5, 2.5, -3.5], [1.5, 2.5, -3.5], [1.5, 2.5, -3.5]]);
    expect(r.flags.writeable).toBe(true);
  });

  it("converts 0-d and empty arrays", () => {
    const z = array(2.75).astype("int8");
    expect(z.shape).toEqual([]);
    expect(z.item()).toBe(2);
    const e = zeros([0, 3]).astype("float16");
    expect(e.shape).toEqual([0, 3]);
    expect(e.dtype).toBe("float16");
  });

  it("walks a strided 3-d view with negative and mixed strides", () => {
    const base = array(new Int32Array(4 * 5 * 6).map((_, i) => i * 1000 - 60000)).reshape([4, 5, 6]);
    const v = base.get("::-1, 1::2, ::-3").transpose(2, 0, 1);
    const r = v.astype("float16");
    expect(lastCastPath).toBe("planned");
    const want = (v.toArray() as number[][][]).map((p) => p.map((q) => q.map((x) => Math.fround(x)))).flat(2);
    const got = (r.toArray() as number[][][]).flat(2);
    // float16 reference for these integers: round to 11 significant bits, overflow to infinity.
    const ref = want.map((x) => {
      const ax = Math.abs(x);
      if (ax >= 65520) return Math.sign(x) * Infinity;
      if (ax === 0) return x;
      const e = Math.floor(Math.log2(ax));
      const ulp = 2 ** Math.max(e - 10, -24);
      const q = ax / ulp;
      const f = Math.floor(q);
      const rq = q - f > 0.5 || (q - f === 0.5 && f % 2 === 1) ? f + 1 : f;
      return Math.sign(x) * rq * ulp;
    });
    expect(got).toEqual(ref);
  });

  it("stages through a buffer when source and destination share memory", () => {
    const a = array(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const src = a.get(":4");
    const dst = a.view("int32").get("2:6");
    castInto(dst, src);
    expect(lastCastPath).toBe("staged");
    expect(Array.from(a.view("int32").get("2:6").toTypedArray() as Int32Array)).toEqual([1, 2, 3, 4]);
  });
});

describe("astype: casting modes", () => {
  it("raises NumPy's TypeError text when the mode forbids the cast", () => {
    const a = zeros([2]);
    expect(() => a.astype("int8", { casting: "safe" })).toThrow(DTypeError);
    expect(() => a.astype("int8", { casting: "safe" })).toThrow(
      "Cannot cast array data from dtype('float64') to dtype('int8') according to the rule 'safe'",
    );
    expect(() => zeros([1], { dtype: "bfloat16" }).astype("float16", { casting: "same_kind" })).toThrow(
      "Cannot cast array data from dtype(bfloat16) to dtype('float16') according to the rule 'same_kind'",
    );
    expect(() => zeros([1], { dtype: "int8" }).astype("uint8", { casting: "no" })).toThrow(
      "Cannot cast array data from dtype('int8') to dtype('uint8') according to the rule 'no'",
    );
  });
  it("allows what the mode allows", () => {
    expect(zeros([2], { dtype: "int8" }).astype("float16", { casting: "safe" }).dtype).toBe("float16");
    expect(zeros([2]).astype("float16", { casting: "same_kind" }).dtype).toBe("float16");
    expect(zeros([2]).astype("float64", { casting: "no" }).dtype).toBe("float64");
    expect(astype(zeros([2]), "uint8").dtype).toBe("uint8");
  });
  it("rejects unknown modes, orders and dtypes", () => {
    expect(() => zeros([2]).astype("int8", { casting: "lenient" as never })).toThrow(/casting must be one of/);
    expect(() => zeros([2]).astype("int8", { order: "X" as never })).toThrow(/order must be one of/);
    expect(() => zeros([2]).astype("f4" as never)).toThrow("data type 'f4' not understood");
  });
});
