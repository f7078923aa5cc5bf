import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { arange, array, heapMemory, NDArray, ValueError, DTypeError, OverflowError } from "../src/index.js";
import { defaultRng, random, RandomState, SeedSequence, type Generator } from "../src/random/index.js";
import { base64Bytes, jsValue, loadFixture, type Encoded } from "./fixtures.js";

interface SeedResult {
  sha256: string;
  head: string;
}
interface Case {
  name: string;
  ts: [string, Encoded[]];
  dtype: string;
  shape: number[];
  results: Record<string, SeedResult>;
}
interface Fixture {
  numpy: string;
  n: number;
  seeds: string[];
  legacy: Case[];
  generator: Case[];
}

const fx = loadFixture<Fixture>("random");

/** Builds the argument objects the fixture script names ({arange_rows: n} …). */
function arg(v: unknown): unknown {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ("arange_f32" in o) return arange(o.arange_f32 as number, { dtype: "float32" });
    if ("arange_rows" in o) return arange(2 * (o.arange_rows as number)).reshape([o.arange_rows as number, 2]);
    if ("half_range" in o) return array(Array.from({ length: o.half_range as number }, (_, i) => i * 0.5));
    if ("int32" in o) return array(o.int32 as number[], { dtype: "int32" });
  }
  return v === null ? undefined : v;
}

function bytesOf(a: NDArray): Uint8Array {
  expect(a.flags.cContiguous).toBe(true);
  const at = a.address("test");
  return new Uint8Array(heapMemory().buffer.slice(at, at + a.nbytes));
}

function valuesOf(r: unknown): number[] {
  if (r instanceof NDArray) return (r.toArray() as unknown[]).flat(Infinity as 1).map((v) => Number(v));
  return [Number(r)];
}

/** Runs one fixture call on `target` and returns the bytes NumPy's result would have. */
function run(target: RandomState | Generator, c: Case): Uint8Array {
  const [fn, rawArgs] = c.ts;
  if (fn === "seq") {
    const values: number[] = [];
    for (const [f, a] of rawArgs as unknown as [string, Encoded[]][]) {
      values.push(...valuesOf(call(target, f, a)));
    }
    const out = c.dtype === "float32" ? new Float32Array(values) : new Float64Array(values);
    return new Uint8Array(out.buffer);
  }
  const args = (jsValue(rawArgs as Encoded) as unknown[]).map(arg);
  if (fn === "shuffle") {
    const x = args[0] as NDArray;
    (target as RandomState).shuffle(x);
    return bytesOf(x);
  }
  const r = call(target, fn, rawArgs);
  expect(r).toBeInstanceOf(NDArray);
  const a = r as NDArray;
  expect(a.dtype).toBe(c.dtype);
  expect([...a.shape]).toEqual(c.shape);
  return bytesOf(a);
}

function call(target: RandomState | Generator, fn: string, rawArgs: Encoded[]): unknown {
  const args = (jsValue(rawArgs as Encoded) as unknown[]).map(arg);
  const f = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[fn];
  if (typeof f !== "function") throw new Error(`no method ${fn}`);
  return f.apply(target, args);
}

function firstMismatch(got: Uint8Array, head: Uint8Array, itemsize: number): string {
  for (let i = 0; i < head.length; i++) {
    if (got[i] !== head[i]) return `first differing element: ${Math.floor(i / itemsize)}`;
  }
  return `the first ${head.length / itemsize} elements agree`;
}

const ITEMSIZE: Record<string, number> = { bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, int64: 8, uint64: 8, float64: 8 };

function check(c: Case, seed: string, got: Uint8Array): void {
  const want = c.results[seed]!;
  const sha = createHash("sha256").update(got).digest("hex");
  if (sha !== want.sha256) {
    throw new Error(`${c.name}, seed ${seed}: bytes differ from NumPy's (${firstMismatch(got, base64Bytes(want.head), ITEMSIZE[c.dtype] ?? 1)})`);
  }
}

const seedOf = (s: string): number => Number(s);

describe("RandomState matches np.random bit for bit", () => {
  for (const c of fx.legacy) {
    it(`${c.name} (${c.dtype}${c.shape.length ? `, ${c.shape.join("×")}` : ""}) for every seed`, () => {
      for (const seed of fx.seeds) {
        const rs = new RandomState(seedOf(seed));
        check(c, seed, run(rs, c));
      }
    });
  }

  it("the global random.seed / random.randn equal a fresh RandomState", () => {
    random.seed(42);
    const a = random.randn(4) as NDArray;
    const b = new RandomState(42).randn(4) as NDArray;
    expect(a.toArray()).toEqual(b.toArray());
  });
});

describe("Generator matches np.random.default_rng bit for bit", () => {
  for (const c of fx.generator) {
    it(`${c.name} (${c.dtype}${c.shape.length ? `, ${c.shape.join("×")}` : ""}) for every seed`, () => {
      for (const seed of fx.seeds) {
        check(c, seed, run(defaultRng(seedOf(seed)), c));
      }
    });
  }
});

describe("seeding", () => {
  it("SeedSequence(0) generates the words NumPy gives PCG64", () => {
    expect([...new SeedSequence(0).generateState(4, "uint64")]).toEqual([
      15793235383387715774n,
      12390638538380655177n,
      2361836109651742017n,
      3188717715514472916n,
    ]);
  });

  it("big and list seeds go through SeedSequence like NumPy's", () => {
    // np.random.default_rng(2**100).integers(0, 1000, 3), np.random.default_rng([1, 2, 3]).integers(0, 1000, 3)
    expect((defaultRng(2n ** 100n).integers(0, 1000, 3) as NDArray).toArray()).toEqual(expectInts(fx, "big"));
    expect((defaultRng([1, 2, 3]).integers(0, 1000, 3) as NDArray).toArray()).toEqual(expectInts(fx, "list"));
  });

  it("rejects seeds NumPy rejects, with NumPy's words", () => {
    expect(() => new RandomState(-1)).toThrow(new ValueError("Seed must be between 0 and 2**32 - 1"));
    expect(() => new RandomState(2 ** 32)).toThrow("Seed must be between 0 and 2**32 - 1");
    expect(() => defaultRng(-1)).toThrow("expected non-negative integer");
  });
});

describe("scalars, shapes and errors", () => {
  it("draws one scalar when no size is given, as NumPy does", () => {
    const rs = new RandomState(0);
    expect(rs.randn()).toBe(1.764052345967664);
    expect(new RandomState(0).rand()).toBe(0.5488135039273248);
    expect(new RandomState(42).randint(0, 10)).toBe(6n);
    expect(defaultRng(0).standardNormal()).toBe(0.1257302210933933);
    expect(defaultRng(42).integers(0, 10, undefined, { dtype: "int8" })).toBe(5);
    expect(defaultRng(42).integers(0, 2, undefined, { dtype: "bool" })).toBe(false);
  });

  it("keeps NumPy's shapes and dtypes", () => {
    const a = random.randn(2, 3, 4) as NDArray;
    expect(a.shape).toEqual([2, 3, 4]);
    expect(a.dtype).toBe("float64");
    expect((random.randint(5, undefined, [0, 3]) as NDArray).shape).toEqual([0, 3]);
    expect((defaultRng(0).standardNormal([2, 2], { dtype: "float32" }) as NDArray).dtype).toBe("float32");
    expect((random.permutation(4) as NDArray).dtype).toBe("int64");
  });

  it("raises NumPy's errors", () => {
    const g = defaultRng(0);
    expect(() => g.integers(5, 5)).toThrow(new ValueError("low >= high"));
    expect(() => g.integers(0)).toThrow(new ValueError("high <= 0"));
    expect(() => g.integers(0, 300, 3, { dtype: "uint8" })).toThrow(new ValueError("high is out of bounds for uint8"));
    expect(() => g.integers(-1, 3, 3, { dtype: "uint8" })).toThrow(new ValueError("low is out of bounds for uint8"));
    expect(() => g.integers(3, 2, 3, { endpoint: true })).toThrow(new ValueError("low > high"));
    expect(() => g.random(3, { dtype: "int32" as never })).toThrow(DTypeError);
    expect(() => g.normal(0, -1, 3)).toThrow(new ValueError("scale < 0"));
    expect(() => g.uniform(0, Infinity, 3)).toThrow(new OverflowError("high - low range exceeds valid bounds"));
    expect(() => g.choice(5, 6, { replace: false })).toThrow("Cannot take a larger sample than population when replace is False");
    expect(() => random.choice(3, 2, true, [0.5, 0.6, 0.1])).toThrow(new ValueError("probabilities do not sum to 1"));
    expect(() => random.randint(0, 10, -1)).toThrow(new ValueError("negative dimensions are not allowed"));
  });

  it("returns an empty array without drawing for size 0, whatever the bounds", () => {
    expect((defaultRng(0).integers(5, 2, 0) as NDArray).shape).toEqual([0]);
  });
});

function expectInts(f: Fixture, which: "big" | "list"): bigint[] {
  const extra = (f as unknown as { extra: Record<string, number[]> }).extra;
  return extra[which]!.map((v) => BigInt(v));
}

