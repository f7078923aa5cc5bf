import { describe, expect, it } from "vitest";
import { array, arange, ones, zeros, ValueError, DTypeError, type DType, type NDArray } from "../src/index.js";
import { makeView } from "../src/core/ndarray.js";
import { u8 } from "../src/core/memory.js";
import { stridesFor } from "../src/core/layout.js";
import { copy, copyPath, assignPath, fill, flatten, type CopyPath } from "../src/ops/copy.js";
import { copyFrom } from "../src/ops/cast.js";
import { copyto, ascontiguousarray, asfortranarray } from "../src/ops/copyto.js";
import { loadFixture, jsValue, type Encoded } from "./fixtures.js";
import { buildView, expectDescribed, type Described, type ViewSpec } from "./copy-fixtures.js";

// ---- the plain-TypeScript reference ----------------------------------------

/** Element addresses of a view in C order of its shape. */
function addresses(addr: number, shape: readonly number[], strides: readonly number[]): number[] {
  const out: number[] = [];
  const n = shape.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let at = addr;
    for (let ax = 0; ax < shape.length; ax++) at += idx[ax]! * strides[ax]!;
    out.push(at);
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if (++idx[ax]! < shape[ax]!) break;
      idx[ax] = 0;
    }
  }
  return out;
}

/** What the heap bytes of `dst`'s buffer must be after copying `src` into `dst`. */
function referenceCopy(heap: Uint8Array, dst: NDArray, src: NDArray, srcStrides = src.strides): void {
  const size = dst.itemsize;
  const da = addresses(dst.address("t"), dst.shape, dst.strides);
  const sa = addresses(src.address("t"), dst.shape, srcStrides);
  const vals = sa.map((a) => u8.slice(a, a + size));
  const base = bufAddr(dst);
  da.forEach((a, i) => heap.set(vals[i]!, a - base));
}

const buffers = new Map<NDArray, NDArray>();
function bufAddr(v: NDArray): number {
  return (v.base ?? v).address("t");
}

let seed = 12345;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed >>> 24;
}

/** A byte buffer of `n` bytes with pseudo-random contents. */
function randomBuffer(n: number): NDArray {
  const b = zeros([n], { dtype: "uint8" });
  const a = b.address("t");
  for (let i = 0; i < n; i++) u8[a + i] = rnd();
  return b;
}

const DTYPE_OF: Record<number, DType> = { 1: "uint8", 2: "uint16", 4: "float32", 8: "float64" };

type Layout = "C" | "F" | "reversed" | "broadcast" | "sliced" | "transposed";

/** A view of `shape` in `layout` over a fresh random buffer. */
function makeLayout(shape: readonly number[], size: number, layout: Layout): { buf: NDArray; v: NDArray } {
  const nd = shape.length;
  const dtype = DTYPE_OF[size]!;
  const n = shape.reduce((a, b) => a * b, 1);
  if (layout === "broadcast") {
    // Zero strides on every other axis (and the last one when it is the only one).
    const bshape = shape.map((d, i) => (i % 2 === (nd > 1 ? 1 : 0) ? 1 : d));
    const m = bshape.reduce((a, b) => a * b, 1);
    const buf = randomBuffer(Math.max(m, 1) * size);
    const st = stridesFor(bshape, size, "C").map((s, i) => (bshape[i] === 1 ? 0 : s));
    return { buf, v: makeView(buf, shape, st, 0, dtype) };
  }
  if (layout === "sliced") {
    // Every other element on the last axis, and an offset.
    const big = shape.map((d, i) => (i === nd - 1 ? 2 * d + 1 : d));
    const m = big.reduce((a, b) => a * b, 1);
    const buf = randomBuffer(Math.max(m, 1) * size + size);
    const st = stridesFor(big, size, "C").map((s, i) => (i === nd - 1 ? 2 * s : s));
    return { buf, v: makeView(buf, shape, st, size, dtype) };
  }
  const buf = randomBuffer(Math.max(n, 1) * size);
  if (layout === "C") return { buf, v: makeView(buf, shape, stridesFor(shape, size, "C"), 0, dtype) };
  if (layout === "F") return { buf, v: makeView(buf, shape, stridesFor(shape, size, "F"), 0, dtype) };
  if (layout === "transposed") {
    // A C array of the reversed shape, viewed transposed (F strides) but with
    // the middle axes shuffled: for 3-d, strides (s1, s0, s2) patterns.
    const rev = [...shape].reverse();
    const st = stridesFor(rev, size, "C").reverse();
    if (nd >= 3) [st[0], st[1]] = [st[1]!, st[0]!];
    const sh = [...shape];
    if (nd >= 3) {
      // Keep the view valid: swapping strides requires swapping the lengths they span.
      const rshape = [...shape];
      [rshape[0], rshape[1]] = [rshape[1]!, rshape[0]!];
      const st2 = stridesFor([...rshape].reverse(), size, "C").reverse();
      [st2[0], st2[1]] = [st2[1]!, st2[0]!];
      return { buf, v: makeView(buf, sh, st2, 0, dtype) };
    }
    return { buf, v: makeView(buf, sh, st, 0, dtype) };
  }
  // reversed: C order walked backwards on every axis.
  const st = stridesFor(shape, size, "C").map((s) => -s);
  const off = n === 0 ? 0 : (n - 1) * size;
  return { buf, v: makeView(buf, shape, st, off, dtype) };
}

function check(shape: number[], size: number, srcLayout: Layout, dstLayout: Exclude<Layout, "broadcast">): CopyPath {
  const { buf: sb, v: src } = makeLayout(shape, size, srcLayout);
  const { buf: db, v: dst } = makeLayout(shape, size, dstLayout);
  const base = db.address("t");
  const expected = u8.slice(base, base + db.nbytes);
  referenceCopy(expected, dst, src);
  const path = assignPath(dst, src);
  copyFrom(dst, src);
  const got = u8.slice(base, base + db.nbytes);
  let bad = -1;
  for (let i = 0; i < got.length; i++) {
    if (got[i] !== expected[i]) {
      bad = i;
      break;
    }
  }
  expect(bad, `shape [${shape}] size ${size} ${srcLayout} -> ${dstLayout} (${path}): first wrong byte`).toBe(-1);
  for (const a of [src, dst, sb, db]) a.dispose();
  void buffers;
  return path;
}

const SHAPES: number[][] = [
  [],
  [0],
  [3, 0],
  [1],
  [63],
  [64],
  [65],
  [1023],
  [1024],
  [1025],
  [63, 65],
  [64, 64],
  [65, 63],
  [3, 1025],
  [1023, 5],
  [17, 1024],
  [2, 3, 5],
  [4, 65, 63],
  [2, 3, 4, 5],
  [3, 1, 7],
];
const SRC_LAYOUTS: Layout[] = ["C", "F", "reversed", "broadcast", "sliced", "transposed"];
const DST_LAYOUTS: Exclude<Layout, "broadcast">[] = ["C", "F", "reversed", "sliced", "transposed"];

describe("strided copy kernels against the plain-TypeScript reference", () => {
  for (const size of [1, 2, 4, 8]) {
    it(`copies every layout pair for item size ${size}`, () => {
      const seen = new Set<CopyPath>();
      for (const shape of SHAPES) {
        for (const s of SRC_LAYOUTS) for (const d of DST_LAYOUTS) seen.add(check(shape, size, s, d));
      }
      // Every path ran at least once in this sweep.
      expect([...seen].sort()).toEqual(["contiguous", "empty", "rows", "strided", "tiled"]);
    });
  }

  it("tiles around the band and block edges for every item size", () => {
    for (const size of [1, 2, 4, 8]) {
      for (const [r, c] of [
        [1023, 3],
        [1024, 4],
        [1025, 5],
        [7, 1025],
        [8, 1023],
        [9, 1024],
        [33, 65],
        [129, 17],
      ]) {
        // Below 4 along either axis there is nothing to tile: the strided loop takes it.
        const want = Math.min(r!, c!) >= 4 ? "tiled" : "strided";
        expect(check([r!, c!], size, "transposed", "C")).toBe(want);
        expect(check([r!, c!], size, "C", "F")).toBe(want);
      }
    }
  });
});

describe("copy paths", () => {
  it("names the path each layout pair takes", () => {
    const a = zeros([64, 32], { dtype: "float32" });
    expect(copyPath(a, "C")).toBe("contiguous");
    expect(copyPath(a, "F")).toBe("tiled");
    const cols = makeView(a, [64, 16], [128, 4], 0);
    expect(copyPath(cols, "C")).toBe("rows");
    const step = makeView(a, [64, 16], [128, 8], 0);
    expect(copyPath(step, "C")).toBe("strided");
    const t = makeView(a, [32, 64], [4, 128], 0);
    expect(copyPath(t, "C")).toBe("tiled");
    expect(copyPath(t, "K")).toBe("contiguous");
    const e = zeros([0, 3]);
    expect(copyPath(e, "C")).toBe("empty");
    a.dispose();
    e.dispose();
  });
});

// ---- the copy family -------------------------------------------------------

describe("copy, flatten, ascontiguousarray, asfortranarray", () => {
  it("copies a transposed 3-d view into a C-order buffer", () => {
    const a = arange(24);
    const v = makeView(a, [4, 3, 2], [8, 32, 96], 0);
    const c = copy(v, "C");
    expect(c.strides).toEqual([48, 16, 8]);
    expect(c.toArray()).toEqual(v.toArray());
    expect(c.base).toBe(null);
    const k = copy(v);
    expect(k.strides).toEqual([8, 32, 96]);
    expect(k.toArray()).toEqual(v.toArray());
    for (const x of [a, v, c, k]) x.dispose();
  });

  it("returns the array itself when it already has the asked-for layout", () => {
    const a = zeros([2, 3]);
    expect(ascontiguousarray(a)).toBe(a);
    const f = asfortranarray(a);
    expect(f).not.toBe(a);
    expect(f.strides).toEqual([8, 16]);
    expect(asfortranarray(f)).toBe(f);
    const s = array(5);
    const s1 = ascontiguousarray(s);
    expect(s1.shape).toEqual([1]);
    expect(s1.toArray()).toEqual([5n]);
    for (const x of [a, f, s, s1]) x.dispose();
  });

  it("flattens in every order", () => {
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(flatten(a).toArray()).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(flatten(a, "F").toArray()).toEqual([1n, 4n, 2n, 5n, 3n, 6n]);
    const t = makeView(a, [3, 2], [8, 24], 0);
    expect(flatten(t, "K").toArray()).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(flatten(t, "A").toArray()).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(flatten(t).toArray()).toEqual([1n, 4n, 2n, 5n, 3n, 6n]);
    a.dispose();
    t.dispose();
  });
});

describe("fill", () => {
  it("fills strided views and leaves the gaps alone, for every item size", () => {
    for (const dtype of ["uint8", "int16", "float32", "float64", "int64"] as DType[]) {
      const a = zeros([6, 7], { dtype });
      const v = makeView(a, [3, 4], [2 * a.strides[0]!, -2 * a.strides[1]!], 6 * a.strides[1]!);
      fill(v, 3);
      const rows = a.toArray() as unknown[][];
      for (let i = 0; i < 6; i++) {
        for (let j = 0; j < 7; j++) {
          const want = i % 2 === 0 && j % 2 === 0 ? 3 : 0;
          expect(Number(rows[i]![j])).toBe(want);
        }
      }
      a.dispose();
      v.dispose();
    }
  });

  it("fills contiguous and 0-d arrays, and refuses read-only ones", () => {
    const a = zeros([5], { dtype: "float32" });
    fill(a, 1.5);
    expect(a.toArray()).toEqual([1.5, 1.5, 1.5, 1.5, 1.5]);
    const z = makeView(a, [], [], 8);
    fill(z, 2);
    expect(a.toArray()).toEqual([1.5, 1.5, 2, 1.5, 1.5]);
    const ro = makeView(a, [5], [4], 0, "float32", false);
    expect(() => fill(ro, 1)).toThrow(new ValueError("assignment destination is read-only"));
    a.dispose();
  });
});

describe("copyto", () => {
  it("broadcasts the source into the destination", () => {
    const d = zeros([3, 4], { dtype: "int32" });
    copyto(d, array([1, 2, 3, 4], { dtype: "int32" }));
    expect(d.toArray()).toEqual([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    copyto(d, 7);
    expect(d.toArray()).toEqual([
      [7, 7, 7, 7],
      [7, 7, 7, 7],
      [7, 7, 7, 7],
    ]);
    copyto(d, array([[1], [2], [3]], { dtype: "int32" }));
    expect((d.toArray() as number[][]).map((r) => r[3])).toEqual([1, 2, 3]);
    d.dispose();
  });

  it("raises NumPy's errors", () => {
    const d = zeros([3]);
    expect(() => copyto(d, zeros([2, 3]))).toThrow(new ValueError("could not broadcast input array from shape (2,3) into shape (3,)"));
    const i = zeros([3], { dtype: "int64" });
    expect(() => copyto(i, 1.5)).toThrow(new DTypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'same_kind'"));
    expect(() => copyto(i, d)).toThrow(new DTypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'"));
    const ro = makeView(d, [3], [8], 0, "float64", false);
    expect(() => copyto(ro, 1)).toThrow(new ValueError("assignment destination is read-only"));
    d.dispose();
    i.dispose();
  });

  it("handles overlapping source and destination as NumPy does", () => {
    const y = arange(6);
    copyto(makeView(y, [5], [8], 8), makeView(y, [5], [8], 0));
    expect(y.toArray()).toEqual([0n, 0n, 1n, 2n, 3n, 4n]);
    const z = arange(6);
    copyFrom(z, makeView(z, [6], [-8], 40));
    expect(z.toArray()).toEqual([5n, 4n, 3n, 2n, 1n, 0n]);
    const m = arange(12);
    // m as 3x4; write its transpose's first 3x3 block onto its own first 3 columns.
    const mv = makeView(m, [3, 3], [32, 8], 0);
    const mt = makeView(m, [3, 3], [8, 32], 0);
    copyFrom(mv, mt);
    expect(m.toArray()).toEqual([0n, 4n, 8n, 3n, 1n, 5n, 9n, 7n, 2n, 6n, 10n, 11n]);
    for (const x of [y, z, m]) x.dispose();
  });
});

// ---- NumPy fixtures ----------------------------------------------------------

interface CopyCase {
  name: string;
  input: ViewSpec;
  data: Encoded;
  results: Record<string, Described>;
}

describe("copy and flatten against NumPy fixtures", () => {
  const fx = loadFixture<{ copy: CopyCase[] }>("copy");
  for (const c of fx.copy) {
    it(`matches NumPy for ${c.name}`, () => {
      const { base, v } = buildView(c.input, c.data);
      for (const [op, want] of Object.entries(c.results)) {
        const [fn, o] = op.split(":") as [string, string];
        const order = (o === "default" ? undefined : o) as "C" | "F" | "A" | "K" | undefined;
        let r: NDArray;
        if (fn === "method") r = v.copy(order);
        else if (fn === "copy") r = copy(v, order);
        else if (fn === "flatten") r = order === undefined ? v.flatten() : flatten(v, order);
        else if (fn === "ascontiguousarray") r = ascontiguousarray(v);
        else r = asfortranarray(v);
        expectDescribed(r, want, `${c.name}: ${op}`);
        if (r !== v) r.dispose();
      }
      v.dispose();
      base.dispose();
    });
  }
});

describe("copyto with a JavaScript scalar (NEP 50 weak scalars)", () => {
  interface ScalarCase {
    casting: "no" | "equiv" | "safe" | "same_kind" | "unsafe";
    value: number | boolean;
    dtype: DType;
    result?: (number | boolean)[];
    error?: { type: string; message: string };
  }
  const { copyto_scalar } = loadFixture<{ copyto_scalar: ScalarCase[] }>("copy");
  for (const c of copyto_scalar) {
    it(`copyto(${c.dtype}[2], ${c.value}, { casting: "${c.casting}" }) ${c.error ? `raises ${c.error.type}` : "writes"} as NumPy`, () => {
      const a = zeros([2], { dtype: c.dtype });
      try {
        if (c.error) {
          expect(() => copyto(a, c.value, { casting: c.casting })).toThrow(c.error.message);
          expect((a.toArray() as unknown[]).map((x) => (typeof x === "bigint" ? Number(x) : x))).toEqual(c.dtype === "bool" ? [false, false] : [0, 0]);
        } else {
          copyto(a, c.value, { casting: c.casting });
          expect((a.toArray() as unknown[]).map((x) => (typeof x === "bigint" ? Number(x) : x))).toEqual(c.result);
        }
      } finally {
        a.dispose();
      }
    });
  }
});

describe("copyto with where (NumPy fixtures)", () => {
  interface WhereCase {
    dtype: DType;
    layout: "C" | "F" | "neg" | "strided";
    src: "same" | "row" | "int8" | "scalar";
    where: "full" | "row" | "col" | "list" | "0d-true" | "false" | "true";
    mask: boolean | boolean[] | boolean[][];
    result?: Encoded;
    error?: { type: string; message: string };
  }
  interface WhereError {
    combo: string[];
    error: { type: string; message: string };
    src: { shape: number[]; dtype: DType };
    mask: { shape: number[]; dtype: DType } | null;
  }
  interface WhereEdge {
    shape: number[];
    src: number[] | null;
    mask: boolean | boolean[] | boolean[][];
    maskArray: boolean;
    result: Encoded;
    strides: number[];
  }
  const { copyto_where } = loadFixture<{ copyto_where: { cases: WhereCase[]; errors: WhereError[]; edges: WhereEdge[] } }>("copy");

  /** arange(n) % 7 in `dtype` (NumPy's astype), as the recorder builds dst. */
  const mod7 = (n: number, dtype: DType): NDArray => {
    const i = array(Array.from({ length: n }, (_, k) => k % 7), { dtype: "int64" });
    const r = i.astype(dtype);
    i.dispose();
    return r;
  };
  const negated = (n: number, dtype: DType): NDArray => {
    const i = array(Array.from({ length: n }, (_, k) => -(k + 1)), { dtype: "int64" });
    const r = i.astype(dtype);
    i.dispose();
    return r;
  };
  function dstOf(c: WhereCase): NDArray {
    if (c.layout === "C") return mod7(24, c.dtype).reshape([4, 6]);
    if (c.layout === "F") return asfortranarray(mod7(24, c.dtype).reshape([4, 6]));
    if (c.layout === "neg") return mod7(48, c.dtype).reshape([4, 12]).get("::-1, ::-2");
    return mod7(48, c.dtype).reshape([8, 6]).get("::2");
  }
  function srcOf(c: WhereCase): NDArray | number {
    if (c.src === "scalar") return 3;
    if (c.src === "row") return negated(6, c.dtype);
    return negated(24, c.src === "int8" ? "int8" : c.dtype).reshape([4, 6]);
  }
  function whereOf(c: WhereCase): NDArray | boolean | boolean[] {
    if (c.where === "true" || c.where === "false") return c.mask as boolean;
    if (c.where === "list") return c.mask as boolean[];
    return array(c.mask as boolean[][], { dtype: "bool" });
  }

  for (const c of copyto_where.cases) {
    it(`copyto(${c.layout} ${c.dtype}[4, 6], ${c.src}, { where: ${c.where} }) ${c.error ? "raises" : "writes"} as NumPy`, () => {
      const dst = dstOf(c);
      const src = srcOf(c);
      const where = whereOf(c);
      const before = dst.toArray();
      try {
        if (c.error) {
          expect(() => copyto(dst, src, { where })).toThrow(c.error.message);
          expect(dst.toArray()).toEqual(before);
        } else {
          copyto(dst, src, { where });
          expect(dst.toArray()).toEqual(jsValue(c.result!));
        }
      } finally {
        dst.dispose();
        if (typeof src !== "number") src.dispose();
        if (where instanceof Object && !Array.isArray(where)) (where as NDArray).dispose();
      }
    });
  }

  for (const e of copyto_where.edges) {
    it(`copyto(float64[${e.shape}], ${e.src === null ? "7.5" : `[${e.src}]`}, { where: ${JSON.stringify(e.mask)} }) as NumPy (empty and 0-d)`, () => {
      const dst = zeros(e.shape);
      const n = e.src === null ? 0 : e.src.reduce((x, y) => x * y, 1);
      const src = e.src === null ? 7.5 : array(Array.from({ length: n }, (_, k) => -(k + 1)), { dtype: "float64" }).reshape(e.src);
      const where = e.maskArray ? array(e.mask as boolean, { dtype: "bool" }) : e.mask;
      copyto(dst, src, { where });
      expect(dst.toArray()).toEqual(jsValue(e.result));
      expect(dst.strides).toEqual(e.strides);
      for (const x of [dst, src, where]) if (x instanceof Object && "dispose" in x) (x as NDArray).dispose();
    });
  }

  for (const e of copyto_where.errors) {
    it(`reports ${e.combo.join(" + ")} as NumPy does (${e.error.type}), writing nothing`, () => {
      const dst = zeros([4, 6], { dtype: "int32" });
      const src = ones(e.src.shape, { dtype: e.src.dtype });
      const mask = e.mask === null ? undefined : ones(e.mask.shape, { dtype: e.mask.dtype });
      expect(() => copyto(dst, src, mask === undefined ? {} : { where: mask })).toThrow(e.error.message);
      expect(dst.toArray()).toEqual(Array.from({ length: 4 }, () => Array(6).fill(0)));
      for (const x of [dst, src, mask]) x?.dispose();
    });
  }
});
