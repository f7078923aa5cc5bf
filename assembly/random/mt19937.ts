// MT19937: NumPy's RandomState bit generator and its float64 draws.
// State layout (bytes): key u32[624] @0, pos i32 @2496, has_gauss i32
// @2500, gauss f64 @2504.

import { logGlibc } from "./log";

const MT_N = 624;
const MT_M = 397;
const MT_POS: usize = 2496;
const MT_HAS_GAUSS: usize = 2500;
const MT_GAUSS: usize = 2504;

/** Knuth's seeding of the Mersenne Twister reference (NumPy's `mt19937_seed`). */
export function mt19937_seed(st: usize, seed: u32): void {
  let s = seed;
  for (let i = 0; i < MT_N; i++) {
    store<u32>(st + (<usize>i << 2), s);
    s = 1812433253 * (s ^ (s >> 30)) + <u32>(i + 1);
  }
  store<i32>(st + MT_POS, MT_N);
  store<i32>(st + MT_HAS_GAUSS, 0);
  store<f64>(st + MT_GAUSS, 0);
}

@inline function mtTwist(a: u32, b: u32, c: u32): u32 {
  const y = (a & 0x80000000) | (b & 0x7fffffff);
  return c ^ (y >> 1) ^ (-(y & 1) & 0x9908b0df);
}

@inline function mtTwist4(a: v128, b: v128, c: v128): v128 {
  const y = v128.or(v128.and(a, i32x4.splat(0x80000000)), v128.and(b, i32x4.splat(0x7fffffff)));
  const odd = i32x4.neg(v128.and(y, i32x4.splat(1)));
  return v128.xor(v128.xor(c, i32x4.shr_u(y, 1)), v128.and(odd, i32x4.splat(0x9908b0df)));
}

/**
 * Regenerates the 624 words of the block in place, four at a time: word i
 * reads words i + 1 and i + 397 (old) or i - 227 (already new), and none of
 * those lies within the four words being written, so a vector step gives
 * exactly the sequential result.
 */
function mtRefill(st: usize): void {
  let i = 0;
  for (; i + 4 <= MT_N - MT_M; i += 4) {
    const p = st + (<usize>i << 2);
    v128.store(p, mtTwist4(v128.load(p), v128.load(p, 4), v128.load(p + ((<usize>MT_M) << 2))));
  }
  for (; i < MT_N - MT_M; i++) {
    const p = st + (<usize>i << 2);
    store<u32>(p, mtTwist(load<u32>(p), load<u32>(p, 4), load<u32>(p + ((<usize>MT_M) << 2))));
  }
  for (; i + 4 <= MT_N - 1; i += 4) {
    const p = st + (<usize>i << 2);
    v128.store(p, mtTwist4(v128.load(p), v128.load(p, 4), v128.load(p - ((<usize>(MT_N - MT_M)) << 2))));
  }
  for (; i < MT_N - 1; i++) {
    const p = st + (<usize>i << 2);
    store<u32>(p, mtTwist(load<u32>(p), load<u32>(p, 4), load<u32>(p - ((<usize>(MT_N - MT_M)) << 2))));
  }
  const last = st + ((<usize>(MT_N - 1)) << 2);
  store<u32>(last, mtTwist(load<u32>(last), load<u32>(st), load<u32>(st + ((<usize>(MT_M - 1)) << 2))));
}

@inline export function mtNext(st: usize): u32 {
  let pos = load<i32>(st + MT_POS);
  if (pos == MT_N) {
    mtRefill(st);
    pos = 0;
  }
  let y = load<u32>(st + (<usize>pos << 2));
  store<i32>(st + MT_POS, pos + 1);
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >> 18;
  return y;
}

@inline export function mtNext64(st: usize): u64 {
  const hi = <u64>mtNext(st);
  return (hi << 32) | <u64>mtNext(st);
}

@inline export function mtDouble(st: usize): f64 {
  const a = mtNext(st) >> 5;
  const b = mtNext(st) >> 6;
  return (<f64>a * 67108864.0 + <f64>b) / 9007199254740992.0;
}

/** RandomState's Gaussian: Marsaglia's polar method, one value cached in the state. */
@inline function mtGauss(st: usize): f64 {
  if (load<i32>(st + MT_HAS_GAUSS)) {
    store<i32>(st + MT_HAS_GAUSS, 0);
    const g = load<f64>(st + MT_GAUSS);
    store<f64>(st + MT_GAUSS, 0);
    return g;
  }
  let x1: f64, x2: f64, r2: f64;
  do {
    x1 = 2.0 * mtDouble(st) - 1.0;
    x2 = 2.0 * mtDouble(st) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const f = Math.sqrt((-2.0 * logGlibc(r2)) / r2);
  store<f64>(st + MT_GAUSS, f * x1);
  store<i32>(st + MT_HAS_GAUSS, 1);
  return f * x2;
}

/** `n` doubles in [0, 1) (RandomState.random_sample). */
export function mt19937_random_f64(out: usize, st: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), mtDouble(st));
}

/** `low + range * u` for `n` uniform doubles u (RandomState.uniform). */
export function mt19937_uniform_f64(out: usize, st: usize, n: usize, low: f64, range: f64): void {
  for (let i: usize = 0; i < n; i++) store<f64>(out + (i << 3), low + range * mtDouble(st));
}

/** The tempered output of key word `pos` (the caller refills the block at 624). */
@inline function mtTemper(st: usize, pos: i32): u32 {
  let y = load<u32>(st + (<usize>pos << 2));
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >> 18;
  return y;
}

/** Pairs per batch of `mt19937_gauss_f64`: 8 KiB of output, in L1 for the second pass. */
const GAUSS_BATCH: usize = 512;

/**
 * `n` standard normals (RandomState.standard_normal / randn): the polar
 * method as `mtGauss`, in batches of pairs and two passes. The first pass
 * draws candidate points in NumPy's order and keeps the accepted ones,
 * branch-free, in the output slots of their pair (x1, x2); the second
 * turns each into f·x2, f·x1 (NumPy's order), with no rejection branch
 * left to stall the long log-divide-sqrt chain, so pairs overlap. An odd
 * tail leaves f·x1 cached in the state, as NumPy.
 */
export function mt19937_gauss_f64(out: usize, st: usize, n: usize): void {
  let i: usize = 0;
  if (n == 0) return;
  if (load<i32>(st + MT_HAS_GAUSS)) {
    store<f64>(out, load<f64>(st + MT_GAUSS));
    store<i32>(st + MT_HAS_GAUSS, 0);
    store<f64>(st + MT_GAUSS, 0);
    i = 1;
  }
  let pos = load<i32>(st + MT_POS);
  while (n - i >= 2) {
    const pairs = min<usize>((n - i) >> 1, GAUSS_BATCH);
    const base = out + (i << 3);
    let k: usize = 0;
    while (k < pairs) {
      let x1: f64, x2: f64;
      if (pos > MT_N - 4) {
        // Near the end of the block: go word by word.
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const a1 = mtTemper(st, pos++) >> 5;
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const b1 = mtTemper(st, pos++) >> 6;
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const a2 = mtTemper(st, pos++) >> 5;
        if (pos == MT_N) { mtRefill(st); pos = 0; }
        const b2 = mtTemper(st, pos++) >> 6;
        x1 = 2.0 * ((<f64>a1 * 67108864.0 + <f64>b1) / 9007199254740992.0) - 1.0;
        x2 = 2.0 * ((<f64>a2 * 67108864.0 + <f64>b2) / 9007199254740992.0) - 1.0;
      } else {
        // Four words: two doubles of 53 bits each (a >> 5, b >> 6), tempered as one vector.
        let y = v128.load(st + (<usize>pos << 2));
        y = v128.xor(y, i32x4.shr_u(y, 11));
        y = v128.xor(y, v128.and(i32x4.shl(y, 7), i32x4.splat(0x9d2c5680)));
        y = v128.xor(y, v128.and(i32x4.shl(y, 15), i32x4.splat(0xefc60000)));
        y = v128.xor(y, i32x4.shr_u(y, 18));
        pos += 4;
        x1 = 2.0 * ((<f64>(i32x4.extract_lane(y, 0) >>> 5) * 67108864.0 + <f64>(i32x4.extract_lane(y, 1) >>> 6)) / 9007199254740992.0) - 1.0;
        x2 = 2.0 * ((<f64>(i32x4.extract_lane(y, 2) >>> 5) * 67108864.0 + <f64>(i32x4.extract_lane(y, 3) >>> 6)) / 9007199254740992.0) - 1.0;
      }
      const r2 = x1 * x1 + x2 * x2;
      const at = base + (k << 4);
      store<f64>(at, x1);
      store<f64>(at, x2, 8);
      k += <usize>(r2 < 1.0 && r2 != 0.0);
    }
    for (let j: usize = 0; j < pairs; j++) {
      const at = base + (j << 4);
      const x1 = load<f64>(at);
      const x2 = load<f64>(at, 8);
      const r2 = x1 * x1 + x2 * x2;
      const f = Math.sqrt((-2.0 * logGlibc(r2)) / r2);
      store<f64>(at, f * x2);
      store<f64>(at, f * x1, 8);
    }
    i += pairs << 1;
  }
  store<i32>(st + MT_POS, pos);
  if (i < n) store<f64>(out + (i << 3), mtGauss(st));
}

/** `loc + scale * g` for `n` standard normals g (RandomState.normal). */
export function mt19937_normal_f64(out: usize, st: usize, n: usize, loc: f64, scale: f64): void {
  mt19937_gauss_f64(out, st, n);
  for (let i: usize = 0; i < n; i++) {
    const at = out + (i << 3);
    store<f64>(at, loc + scale * load<f64>(at));
  }
}
